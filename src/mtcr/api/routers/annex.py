"""The control list: one entry, and ranked full-text search (public text, for any authenticated user)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from mtcr import annex
from mtcr.api.deps import PrincipalDep, record, records
from mtcr.errors import NotFoundError

router = APIRouter(prefix="/annex", tags=["annex"])


@router.get("/entries/{entry_id}")
def get_entry(_principal: PrincipalDep, entry_id: Annotated[str, Path(min_length=1, max_length=40)]) -> dict[str, Any]:
    """One Annex entry of the configured edition (MTCR_ANNEX_EDITION), with its criteria and notes."""
    edition = annex.load()
    entry = edition.entry(entry_id)
    if entry is None:
        raise NotFoundError("Annex entry", entry_id, "GET /annex/search?q=... finds entries")
    return record(entry)


@router.get("/search")
def search(
    _principal: PrincipalDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words, e.g. heat shield")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[dict[str, Any]]:
    """Entries ranked by relevance (an exact entry id first)."""
    return records(annex.search(annex.load(), q, limit))
