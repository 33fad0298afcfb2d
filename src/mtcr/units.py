"""The one pint unit registry of mtcr, and helpers to parse quantities at the boundary.

Units live only at the edges (files, CLI, API). Inside, values are plain floats in the SI unit of
each parameter's dimension.
"""

from __future__ import annotations

import math
import re
from tokenize import TokenError

import pint

from mtcr.errors import UnitError

ureg: pint.UnitRegistry = pint.UnitRegistry(  # type: ignore[type-arg]
    autoconvert_offset_to_baseunit=True
)
# Units that export-control texts use and pint lacks. "gee" is acceleration in standard gravities
# (vibration levels "g rms", sensor ranges); rad(Si) is the absorbed-dose unit of radiation hardness.
ureg.define("gee = 9.80665 * meter / second ** 2 = g_rms")
ureg.define("micro_gee = 1e-6 * gee = micro_g")
ureg.define("rad_Si = 0.01 * gray")
ureg.define("decibel_spl = [] = dB_spl")  # sound pressure level, compared as a plain number
ureg.define("ratio = [] ")  # a plain fraction, for saying "0.0333 ratio" rather than a bare number
Quantity = ureg.Quantity


# One number, then a unit: "1.2 MN*s", "250000 lbf*s", "1 100 000 N*s" (digit groups separated by
# single spaces, as mtcr prints them), "-45 degC", "3.33 %". Nothing is evaluated as an expression.
_NUMBER = r"[+-]?(?:\d{1,3}(?:[ \u2009\u202f]\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+(?:[eE][+-]?\d+)?"
_QUANTITY = re.compile(rf"^\s*(?P<number>{_NUMBER})\s*(?P<unit>.*?)\s*$")


def parse_quantity(text: str, field: str) -> pint.Quantity:  # type: ignore[type-arg]
    """Parse ``"1.2 MN*s"`` or ``"250000 lbf*s"`` into a quantity, or raise :class:`UnitError`.

    Only one number followed by a unit is accepted: no arithmetic, no decimal commas, so a typing
    slip can never turn into a different value.
    """
    match = _QUANTITY.match(text)
    if match is None:
        if "," in text:
            raise UnitError(field, f"cannot read {text!r}: write decimals with a dot and no commas (e.g. '1.5 MN*s')")
        raise UnitError(field, f"cannot read {text!r}: expected a number followed by a unit, e.g. '1.2 MN*s'")
    number = float(re.sub(r"[ \u2009\u202f]", "", match["number"]))
    unit_text = match["unit"]
    if "," in unit_text:
        raise UnitError(field, f"cannot read {text!r}: write decimals with a dot and no commas (e.g. '1.5 MN*s')")
    try:
        unit = ureg.parse_units(unit_text) if unit_text else ureg.dimensionless
    except pint.errors.UndefinedUnitError as exc:
        raise UnitError(field, f"unknown unit {unit_text!r} in {text!r}") from exc
    except (ValueError, TypeError, AttributeError, SyntaxError, TokenError, AssertionError) as exc:
        raise UnitError(field, f"cannot read {unit_text!r} in {text!r} as a unit") from exc
    if not math.isfinite(number):
        raise UnitError(field, f"{text!r} is not a finite number")
    return ureg.Quantity(number, unit)


def to_si(value: float, unit: str, si_unit: str, field: str) -> float:
    """Convert ``value`` in ``unit`` to a float in ``si_unit``; raise :class:`UnitError` if impossible."""
    try:
        quantity = ureg.Quantity(value, unit or "dimensionless")
        converted = float(quantity.to(si_unit or "dimensionless").magnitude)
    except pint.errors.UndefinedUnitError as exc:
        raise UnitError(field, f"unknown unit {unit!r}") from exc
    except pint.errors.DimensionalityError as exc:
        raise UnitError(
            field, f"unit {unit!r} is not a {_dimension_name(si_unit)} (expected e.g. {si_unit!r})"
        ) from exc
    if not math.isfinite(converted):
        raise UnitError(field, f"value {value!r} is not a finite number")
    return converted


def quantity_to_si(quantity: pint.Quantity, si_unit: str, field: str) -> float:  # type: ignore[type-arg]
    """Convert a parsed quantity to a float in ``si_unit``."""
    try:
        converted = float(quantity.to(si_unit or "dimensionless").magnitude)
    except pint.errors.DimensionalityError as exc:
        raise UnitError(
            field, f"unit {quantity.units:~} is not a {_dimension_name(si_unit)} (expected e.g. {si_unit!r})"
        ) from exc
    if not math.isfinite(converted):
        raise UnitError(field, "value is not a finite number")
    return converted


def is_known_unit(unit: str) -> bool:
    try:
        ureg.Unit(unit)
    except (pint.errors.UndefinedUnitError, ValueError, TypeError, AttributeError, SyntaxError):
        return False
    return True


def _dimension_name(si_unit: str) -> str:
    try:
        return str(ureg.Unit(si_unit or "dimensionless").dimensionality)
    except pint.errors.UndefinedUnitError:
        return si_unit
