"""Screening in the browser: one party against the current list, hits with every feature's reason; the
screening is stored on record like any other."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from mtcr.casework.access import AccessDeniedError, Action, Principal, can_act
from mtcr.db import screening as store
from mtcr.errors import InputError
from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import DEFAULT_THRESHOLD
from mtcr.screening.model import Party
from mtcr.web.deps import FormUserDep, SessionDep, UserDep
from mtcr.web.rendering import render

router = APIRouter()


def _may_screen(principal: Principal) -> None:
    """Applicants and officers screen parties (as the API's POST /screen)."""
    if not (can_act(principal, Action.CREATE_CASE) or can_act(principal, Action.REVIEW_CASE)):
        raise AccessDeniedError(f"a {principal.role.value} may not screen parties")


@router.get("/screening")
def screening_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    _may_screen(Principal.of(user))
    snapshot = store.latest_snapshot(session, store.BUNDLED_LIST_NAME, required=False)
    return render(
        request, "screening.html", {"title": "Screening", "snapshot": snapshot, "threshold": DEFAULT_THRESHOLD}
    )


@router.post("/screening")
def screen_party(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    name: Annotated[str, Form(min_length=1, max_length=500)],
    country: Annotated[str, Form(max_length=2)] = "",
    threshold: Annotated[float, Form(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
) -> Response:
    _may_screen(Principal.of(user))
    code = country.strip().upper() or None
    if code is not None and (len(code) != 2 or not code.isalpha()):
        raise InputError("country", f"expected a two-letter ISO 3166 code such as CN, got {country!r}")
    party = Party(name=name.strip(), country=code)
    snapshot = store.ensure_bundled_list(session)
    hits = CandidateIndex(store.snapshot_entities(session, snapshot.id)).screen(party, threshold)
    screening_id = store.record_screening(session, party, snapshot, hits, threshold, user.username)
    return render(request, "_screening_result.html", {"screening": store.get_screening(session, screening_id)})
