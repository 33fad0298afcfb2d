"""Turn result records (frozen dataclasses, enums, tuples) into JSON-ready values."""

from __future__ import annotations

import dataclasses
import json
import math
from enum import Enum

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


def to_jsonable(value: object) -> JsonValue:
    """A JSON-ready copy of ``value``; private dataclass fields (leading ``_``) are left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        record = {
            f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")
        }
        # Records that know their units say so: {"range": {"value": 120000.0, "unit": "m"}}.
        with_units = getattr(value, "parameters_with_units", None)
        if callable(with_units):
            record["parameters"] = to_jsonable(with_units())
            record.pop("units", None)
        return record
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def dumps(value: object) -> str:
    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False)
