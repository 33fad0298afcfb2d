"""Which stored records outside a case a principal may see: denial notifications carry their own marking.

A notification sent from a case is owned by that case's organisation; a received one has no owner here,
so only its level and caption decide (the licensing authority reads every national record).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from mtcr.casework.access import Principal, can_read
from mtcr.casework.markings import Marking
from mtcr.casework.models import CaseRow, DenialNotificationRow
from mtcr.casework.service import NotificationRecord
from mtcr.errors import InputError, NotFoundError
from mtcr.serialize import to_jsonable


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


def notification_record(row: DenialNotificationRow) -> NotificationRecord:
    return NotificationRecord(
        row.id,
        row.direction,
        row.government,
        row.reference,
        row.item_description,
        row.annex_entry,
        tuple(row.parties),
        row.destination,
        row.reason,
        row.notified_on,
        row.case_id,
    )


def notification_json(row: DenialNotificationRow) -> dict[str, Any]:
    data = to_jsonable(notification_record(row))
    if not isinstance(data, dict):
        raise TypeError("a notification record serialises to an object")
    return {**data, "marking": row.marking}
