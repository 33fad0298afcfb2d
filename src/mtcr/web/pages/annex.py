"""The Annex browser: items and entries of the configured edition, full-text search, one entry in full.
The Annex is public text; any signed-in user may read it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from mtcr import annex
from mtcr.errors import NotFoundError
from mtcr.web.deps import UserDep
from mtcr.web.rendering import render

router = APIRouter()


@router.get("/annex")
def browse(request: Request, _user: UserDep, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    edition = annex.load()
    hits = annex.search(edition, q, 25) if q.strip() else []
    context = {"title": "Annex", "edition": edition, "q": q, "hits": hits}
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "search-results":
        return render(request, "_annex_hits.html", context)
    return render(request, "annex.html", context)


@router.get("/annex/{entry_id}")
def entry(request: Request, _user: UserDep, entry_id: Annotated[str, Path(min_length=1, max_length=40)]) -> Response:
    edition = annex.load()
    found = edition.entry(entry_id)
    if found is None:
        raise NotFoundError("Annex entry", entry_id, "search the Annex to find entries")
    children = [e for e in edition.entries if e.parent_id == found.id]
    return render(
        request,
        "annex_entry.html",
        {"title": f"{found.id} {found.title}", "entry": found, "edition": edition, "children": children},
    )
