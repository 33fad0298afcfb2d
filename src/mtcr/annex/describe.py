"""Item descriptions: what a user says about an item, checked against the Annex vocabulary.

Quantities arrive with units (``"1.2 MN*s"``, ``"250000 lbf*s"``) and are converted once, here, to
the SI unit of their parameter. Everything after this module works on plain SI floats.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pint
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mtcr.annex.loader import read_yaml
from mtcr.annex.model import Annex
from mtcr.annex.schema import ConditionType, ParameterKind
from mtcr.errors import DataFileError, InputError
from mtcr.units import parse_quantity, quantity_to_si

ParameterValue = float | str | bool
RawValue = str | float | int | bool | pint.Quantity  # type: ignore[type-arg]


@dataclass(frozen=True, slots=True)
class RangePayloadPoint:
    """One point of a range-payload curve: ``range_m`` reachable with ``payload_kg``."""

    payload_kg: float
    range_m: float


@dataclass(frozen=True, slots=True)
class ItemDescription:
    """An item to classify, with parameters in SI (see the Annex vocabulary for each unit)."""

    kind: str
    parameters: tuple[tuple[str, ParameterValue], ...] = ()
    name: str = ""
    text: str = ""
    # Annex entries the item is for: its end system (e.g. 1.A.1), or what software/technology serves.
    for_entries: tuple[str, ...] = ()
    confirmed: tuple[ConditionType, ...] = ()  # conditions an analyst has confirmed
    denied: tuple[ConditionType, ...] = ()  # conditions an analyst has ruled out
    components: tuple[Component, ...] = ()
    range_payload_curve: tuple[RangePayloadPoint, ...] = ()
    units: tuple[tuple[str, str], ...] = ()  # the SI unit of each quantity parameter
    _values: dict[str, ParameterValue] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A fresh lookup table per record, so dataclasses.replace() never shares one between copies.
        object.__setattr__(self, "_values", dict(self.parameters))

    def value(self, parameter: str) -> ParameterValue | None:
        return self._values.get(parameter)

    def parameters_with_units(self) -> dict[str, dict[str, ParameterValue]]:
        """Parameters as ``{name: {"value": v, "unit": u}}``, the unit being SI (empty for facts)."""
        units = dict(self.units)
        return {name: {"value": value, "unit": units.get(name, "")} for name, value in self.parameters}


@dataclass(frozen=True, slots=True)
class Component:
    """An item incorporated into a system; ``inseparable`` when it cannot be separated, removed or duplicated."""

    item: ItemDescription
    inseparable: bool = False


def describe(
    annex: Annex,
    kind: str,
    parameters: Mapping[str, RawValue] | None = None,
    *,
    name: str = "",
    text: str = "",
    for_entries: Sequence[str] = (),
    confirmed: Sequence[ConditionType | str] = (),
    denied: Sequence[ConditionType | str] = (),
    components: Sequence[Component] = (),
    range_payload_curve: Sequence[RangePayloadPoint] = (),
    field_prefix: str = "",
) -> ItemDescription:
    """Build a checked :class:`ItemDescription`; raise :class:`InputError` naming the bad field."""
    if annex.kind(kind) is None:
        close = difflib.get_close_matches(kind, [k.name for k in annex.kinds], n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise InputError(f"{field_prefix}kind", f"unknown item kind {kind!r}; {hint}mtcr annex kinds lists them all")
    values: list[tuple[str, ParameterValue]] = []
    units: list[tuple[str, str]] = []
    for parameter_name, raw in (parameters or {}).items():
        parameter = annex.parameter(parameter_name)
        if parameter is not None and parameter.kind is ParameterKind.QUANTITY:
            units.append((parameter_name, parameter.unit or "dimensionless"))
        values.append(
            (parameter_name, _convert(annex, kind, parameter_name, raw, f"{field_prefix}parameters.{parameter_name}"))
        )
    for index, entry_id in enumerate(for_entries):
        if not any(e.id == entry_id or e.id.startswith(entry_id + ".") for e in annex.entries):
            raise InputError(
                f"{field_prefix}for_entries[{index}]", f"{entry_id!r} is not an Annex entry id of {annex.id}"
            )
    for index, point in enumerate(range_payload_curve):
        if point.payload_kg < 0 or point.range_m < 0:
            raise InputError(f"{field_prefix}range_payload_curve[{index}]", "payload and range must not be negative")
    confirmed_types = _condition_types(confirmed, f"{field_prefix}confirmed")
    denied_types = _condition_types(denied, f"{field_prefix}denied")
    both = sorted(set(confirmed_types) & set(denied_types))
    if both:
        raise InputError(f"{field_prefix}denied", f"{', '.join(both)} cannot be both confirmed and ruled out")
    max_range, declared_range = dict(values).get("max_range"), dict(values).get("range")
    if isinstance(max_range, float) and isinstance(declared_range, float) and max_range < declared_range:
        raise InputError(f"{field_prefix}parameters.max_range", "is smaller than the declared range")
    return ItemDescription(
        kind=kind,
        parameters=tuple(values),
        name=name,
        text=text,
        for_entries=tuple(for_entries),
        confirmed=confirmed_types,
        denied=denied_types,
        components=tuple(components),
        range_payload_curve=tuple(sorted(range_payload_curve, key=lambda p: p.payload_kg)),
        units=tuple(units),
    )


def _condition_types(values: Sequence[ConditionType | str], field_name: str) -> tuple[ConditionType, ...]:
    result: list[ConditionType] = []
    for value in values:
        try:
            result.append(ConditionType(value))
        except ValueError as exc:
            known = ", ".join(c.value for c in ConditionType)
            raise InputError(field_name, f"unknown condition {value!r}; known: {known}") from exc
    return tuple(result)


def _convert(annex: Annex, kind: str, name: str, raw: RawValue, field_name: str) -> ParameterValue:
    parameter = annex.parameter(name)
    if parameter is None:
        suggested = annex.kind(kind)
        hint = (
            f"; parameters for {kind}: {', '.join(suggested.parameters)}" if suggested and suggested.parameters else ""
        )
        raise InputError(field_name, f"unknown parameter {name!r}{hint}")
    if parameter.kind is ParameterKind.BOOLEAN:
        return _to_bool(raw, field_name)
    if parameter.kind is ParameterKind.CATEGORICAL:
        text = str(raw).strip()
        if parameter.values and text not in parameter.values:
            raise InputError(field_name, f"{text!r} is not one of {', '.join(parameter.values)}")
        return text
    if isinstance(raw, bool):
        raise InputError(field_name, f"expected a quantity in {parameter.unit or 'a number'}, got {raw!r}")
    # A ratio ("dimensionless") needs its unit said: is "1" one percent or a fraction of 1?
    # Counts (no unit at all) are plain numbers.
    needs_unit = parameter.unit != ""
    if isinstance(raw, (int, float)):
        if needs_unit:
            example = "3.33 percent" if parameter.unit == "dimensionless" else f"{raw} {parameter.unit}"
            raise InputError(field_name, f"give a unit, e.g. '{example}'")
        value = float(raw)
        if not math.isfinite(value):
            raise InputError(field_name, f"{raw!r} is not a finite number")
    elif isinstance(raw, str):
        if needs_unit and parameter.unit == "dimensionless" and not re.search(r"[A-Za-z%]", raw):
            raise InputError(field_name, f"give a unit for {raw!r}, e.g. '3.33 percent', '33300 ppm' or '0.0333 ratio'")
        value = quantity_to_si(parse_quantity(raw, field_name), parameter.unit, field_name)
    else:
        value = quantity_to_si(raw, parameter.unit, field_name)
    if parameter.minimum is not None and value < parameter.minimum:
        raise InputError(
            field_name, f"must be at least {parameter.minimum:g} {parameter.unit} (got {value:g} {parameter.unit})"
        )
    return value


def _to_bool(raw: RawValue, field_name: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("yes", "true", "1", "y"):
        return True
    if text in ("no", "false", "0", "n"):
        return False
    raise InputError(field_name, f"expected yes or no, got {raw!r}")


# --- item description files (YAML or JSON) --------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PointFile(_Strict):
    payload: str | float
    range: str | float


class ItemDescriptionFile(_Strict):
    """The ``mtcr-item/1`` file format read by ``mtcr classify FILE``."""

    format: Literal["mtcr-item/1"] = "mtcr-item/1"
    name: str = ""
    kind: str
    parameters: dict[str, str | float | bool] = Field(default_factory=dict)
    text: str = ""
    for_entries: list[str] = Field(default_factory=list)
    confirmed: list[str] = Field(default_factory=list)
    denied: list[str] = Field(default_factory=list)
    range_payload_curve: list[PointFile] = Field(default_factory=list)
    components: list[ComponentFile] = Field(default_factory=list)


class ComponentFile(ItemDescriptionFile):
    inseparable: bool = False


ItemDescriptionFile.model_rebuild()


def describe_from_data(annex: Annex, raw: object, source: str = "") -> ItemDescription:
    """Validate a parsed YAML/JSON item description and build an :class:`ItemDescription`.

    Errors name the field path (``components[0].parameters.total_impulse``), prefixed by ``source``.
    """
    prefix = f"{source}: " if source else ""
    if raw is None:
        raise InputError(source or "input", "the item description is empty")
    if not isinstance(raw, dict):
        raise InputError(source or "input", "expected a mapping with at least 'kind' (format mtcr-item/1)")
    try:
        data = ItemDescriptionFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{prefix}{where}", first["msg"]) from exc
    try:
        return _from_file(annex, data, "")
    except InputError as exc:
        raise type(exc)(f"{prefix}{exc.field}", exc.problem) from exc


def _from_file(annex: Annex, data: ItemDescriptionFile, field_prefix: str) -> ItemDescription:
    components = tuple(
        Component(_from_file(annex, component, f"{field_prefix}components[{index}]."), component.inseparable)
        for index, component in enumerate(data.components)
    )
    curve = []
    for index, point in enumerate(data.range_payload_curve):
        where = f"{field_prefix}range_payload_curve[{index}]"
        curve.append(
            RangePayloadPoint(
                payload_kg=_curve_value(point.payload, "kg", f"{where}.payload"),
                range_m=_curve_value(point.range, "m", f"{where}.range"),
            )
        )
    return describe(
        annex,
        data.kind,
        data.parameters,
        name=data.name,
        text=data.text,
        for_entries=data.for_entries,
        confirmed=data.confirmed,
        denied=data.denied,
        components=components,
        range_payload_curve=curve,
        field_prefix=field_prefix,
    )


def _curve_value(raw: str | float, si_unit: str, field_name: str) -> float:
    if isinstance(raw, (int, float)):
        raise InputError(field_name, f"give a unit, e.g. '{raw} {si_unit}'")
    return quantity_to_si(parse_quantity(raw, field_name), si_unit, field_name)


def read_item_file(annex: Annex, path: Path) -> ItemDescription:
    """Read an ``mtcr-item/1`` YAML or JSON file."""
    try:
        raw = read_yaml(path)
    except DataFileError as exc:  # the item file is user input, not Annex data
        raise InputError(str(path), exc.problem) from exc
    return describe_from_data(annex, raw, source=str(path))


def parse_parameter_assignments(assignments: Sequence[str]) -> dict[str, str]:
    """Parse CLI ``name=value unit`` pairs."""
    result: dict[str, str] = {}
    for text in assignments:
        name, sep, value = text.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError("--param", f"expected NAME=VALUE (e.g. total_impulse='1.2 MN*s'), got {text!r}")
        result[name.strip()] = value.strip()
    return result
