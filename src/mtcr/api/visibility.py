"""Denial notifications as JSON; who may see which is decided in the service layer (casework.notifications)."""

from __future__ import annotations

from typing import Any

from mtcr.casework.models import DenialNotificationRow
from mtcr.casework.notifications import notification_readable, readable_notification
from mtcr.casework.service import NotificationRecord
from mtcr.serialize import to_jsonable


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


__all__ = ["notification_json", "notification_readable", "notification_record", "readable_notification"]
