"""Denial notifications as a reader may see them: each carries its own marking, checked on every read.

A notification sent from a case is owned by that case's organisation; a received one has no owner
here, so only its level and caption decide (the licensing authority reads every national record).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr.casework import service
from mtcr.casework.access import Principal, can_read
from mtcr.casework.markings import Marking
from mtcr.casework.models import CaseRow, DenialNotificationRow
from mtcr.errors import InputError, NotFoundError


def notification_readable(session: Session, principal: Principal, row: DenialNotificationRow) -> bool:
    owner = ""
    if row.case_id is not None:
        case = session.get(CaseRow, row.case_id)
        owner = case.owner_org if case is not None else ""
    try:
        marking = Marking.parse(row.marking)
    except InputError:
        return False  # a marking that no longer parses is shown to nobody rather than to everybody
    return can_read(principal, marking, owner)


def readable_notification(session: Session, principal: Principal, notification_id: int) -> DenialNotificationRow:
    """The notification, or NotFoundError when it does not exist or the principal may not read it."""
    row = session.get(DenialNotificationRow, notification_id)
    if row is None or not notification_readable(session, principal, row):
        raise NotFoundError("denial notification", str(notification_id))
    return row


def list_notifications(
    session: Session, principal: Principal, direction: str | None = None
) -> list[service.NotificationRecord]:
    """The notifications ``principal`` may read, newest first, optionally only sent or received ones."""
    query = select(DenialNotificationRow).order_by(DenialNotificationRow.id.desc())
    if direction is not None:
        if direction not in ("sent", "received"):
            raise InputError("direction", f"expected sent or received, got {direction!r}")
        query = query.where(DenialNotificationRow.direction == direction)
    return [
        service.notification_record(row)
        for row in session.scalars(query)
        if notification_readable(session, principal, row)
    ]


def readable_matches(session: Session, case_id: int, principal: Principal) -> list[service.NotificationMatch]:
    """The case's matches against partners' denials, limited to notifications ``principal`` may read."""
    service.read_case(session, case_id, principal)
    return [
        match
        for match in service.matching_notifications(session, case_id)
        if notification_readable(session, principal, session.get_one(DenialNotificationRow, match.notification.id))
    ]
