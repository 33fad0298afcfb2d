"""Restricted-party screening: one party against the bundled missile-sanctions list, stored on record."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from pydantic import Field

from mtcr.api.bodies import Body, Country, Text500
from mtcr.api.deps import SessionDep, UserDep, allow, record
from mtcr.casework.access import Action, Principal
from mtcr.db import screening as store
from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import DEFAULT_THRESHOLD
from mtcr.screening.model import Party
from mtcr.screening.parties import party_type

router = APIRouter(tags=["screening"])


class ScreenRequest(Body):
    name: Text500 = Field(description="The party's name, in any script")
    country: Country | None = None
    entity_type: Literal["person", "organization", "organisation"] | None = Field(
        None, description="person or organization; a company is not the listed person it is named after"
    )
    threshold: Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)] = DEFAULT_THRESHOLD


@router.post("/screen", status_code=201)
def screen(
    session: SessionDep,
    _principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE, Action.REVIEW_CASE))],
    user: UserDep,
    body: ScreenRequest,
) -> dict[str, Any]:
    """Screen a party; the screening, its hits and each hit's reasons are recorded and returned.
    Needs CREATE_CASE or REVIEW_CASE (applicants and officers screen the parties of a case)."""
    party = Party(
        name=body.name, country=body.country.upper() if body.country else None, entity_type=party_type(body.entity_type)
    )
    snapshot = store.ensure_bundled_list(session)
    hits = CandidateIndex(store.snapshot_entities(session, snapshot.id)).screen(party, body.threshold)
    screening_id = store.record_screening(session, party, snapshot, hits, body.threshold, user.username)
    return record(store.get_screening(session, screening_id))
