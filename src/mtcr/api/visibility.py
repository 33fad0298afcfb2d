"""Denial notifications as JSON; who may see which is decided in the service layer (casework.notifications)."""

from __future__ import annotations

from typing import Any

from mtcr.casework.models import DenialNotificationRow
from mtcr.casework.notifications import notification_readable, readable_notification
from mtcr.casework.service import notification_record
from mtcr.serialize import to_jsonable


def notification_json(row: DenialNotificationRow) -> dict[str, Any]:
    data = to_jsonable(notification_record(row))
    if not isinstance(data, dict):
        raise TypeError("a notification record serialises to an object")
    return {**data, "marking": row.marking}


__all__ = ["notification_json", "notification_readable", "notification_record", "readable_notification"]
