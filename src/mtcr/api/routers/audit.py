"""The audit log: verify its hash chain, and read the history of one record."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select

from mtcr.api.bodies import storable
from mtcr.api.deps import SessionDep, allow, record, records
from mtcr.api.visibility import notification_readable
from mtcr.casework import audit, guarded
from mtcr.casework.access import Action, Principal
from mtcr.casework.models import DenialNotificationRow
from mtcr.errors import InputError, NotFoundError

router = APIRouter(prefix="/audit", tags=["audit"])
Auditor = Annotated[Principal, Depends(allow(Action.READ_AUDIT))]


@router.get("/verify")
def verify(session: SessionDep, _principal: Auditor) -> dict[str, Any]:
    """Recompute the hash chain; ``ok`` false names the first entry that does not fit. Needs READ_AUDIT."""
    return record(audit.verify(session))


@router.get("/history/{entity_type}/{entity_id}")
def history(
    session: SessionDep,
    principal: Auditor,
    entity_type: Annotated[str, Path(min_length=1, max_length=100)],
    entity_id: Annotated[str, Path(min_length=1, max_length=200)],
) -> list[dict[str, Any]]:
    """Every audit entry about one record, oldest first (a case by its reference, e.g. MTCR-2025-00001).
    Needs READ_AUDIT; a case or notification you may not read has no history for you (404)."""
    for field, value in (("entity_type", entity_type), ("entity_id", entity_id)):
        try:
            storable(value)
        except ValueError as exc:
            raise InputError(field, str(exc)) from None
    if entity_type == "case":  # the same check as the case page's audit trail
        return records(guarded.case_history(session, entity_id, principal))
    if entity_type == "denial_notification":
        notices = list(
            session.scalars(select(DenialNotificationRow).where(DenialNotificationRow.reference == entity_id))
        )
        # fails closed: no such notification, or any one of that reference unreadable, is not found
        if not notices or not all(notification_readable(session, principal, row) for row in notices):
            raise NotFoundError("denial notification", entity_id)
    return records(audit.history(session, entity_type, entity_id))
