"""Denial notifications: partners' denials received (so new cases are matched against them) and the
notifications this authority sent, each shown only to those who may read its marking."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import Field
from sqlalchemy import select

from mtcr.api.bodies import BannerText, Body, Country, LongText, Text40, Text100, Text500
from mtcr.api.deps import SessionDep, UserDep, allow
from mtcr.api.visibility import notification_json, notification_readable
from mtcr.casework import service
from mtcr.casework.access import Action, Principal, read_refusal
from mtcr.casework.identity import OrgKind
from mtcr.casework.markings import Marking
from mtcr.casework.models import DenialNotificationRow
from mtcr.casework.service import PartyRole
from mtcr.errors import InputError

router = APIRouter(prefix="/notifications", tags=["notifications"])


class Direction(StrEnum):
    SENT = "sent"
    RECEIVED = "received"


class NotifiedParty(Body):
    name: Text500
    country: Country | None = None
    role: PartyRole | None = None


class NotificationCreate(Body):
    government: Text100 = Field(description="The notifying partner government")
    reference: Text100
    item_description: LongText
    annex_entry: Annotated[Text40 | None, Field(description="The Annex entry of the denied item, e.g. 2.A.1")] = None
    parties: Annotated[tuple[NotifiedParty, ...], Field(max_length=20)] = ()
    destination: Country
    reason: LongText
    marking: BannerText


@router.post("", status_code=201)
def receive(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.NOTIFY_DENIAL))],
    user: UserDep,
    body: NotificationCreate,
) -> dict[str, Any]:
    """Record a partner's denial notification. Needs NOTIFY_DENIAL; its marking may not exceed what you may read."""
    marking = Marking.parse(body.marking)
    refusal = read_refusal(principal, marking, "")
    if refusal is not None:
        raise InputError("marking", f"you could not read a notification marked {marking.banner}: {refusal}")
    government = body.government
    if principal.org_kind is OrgKind.PARTNER_GOVERNMENT and government != principal.org_code:
        # a partner's liaison files its own government's denials, under its organisation code
        raise InputError("government", f"you file notifications for {principal.org_code} only")
    received = service.receive_notification(
        session,
        government=government,
        reference=body.reference,
        item_description=body.item_description,
        annex_entry=body.annex_entry or "",
        parties=tuple(party.model_dump(exclude_none=True, mode="json") for party in body.parties),
        destination=body.destination,
        reason=body.reason,
        marking=marking.banner,
        actor=user.username,
    )
    return notification_json(session.get_one(DenialNotificationRow, received.id))


@router.get("")
def list_notifications(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.NOTIFY_DENIAL, Action.RECORD_CONSULTATION))],
    direction: Direction | None = None,
) -> list[dict[str, Any]]:
    """Denial notifications you may read, newest first. Needs NOTIFY_DENIAL or RECORD_CONSULTATION."""
    query = select(DenialNotificationRow).order_by(DenialNotificationRow.id.desc())
    if direction is not None:
        query = query.where(DenialNotificationRow.direction == direction.value)
    return [notification_json(row) for row in session.scalars(query) if notification_readable(session, principal, row)]
