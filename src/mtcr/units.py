"""The one pint unit registry of mtcr, and helpers to parse quantities at the boundary.

Units live only at the edges (files, CLI, API). Inside, values are plain floats in the SI unit of
each parameter's dimension.
"""

from __future__ import annotations

import math
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
Quantity = ureg.Quantity


def parse_quantity(text: str, field: str) -> pint.Quantity:  # type: ignore[type-arg]
    """Parse ``"1.2 MN*s"`` or ``"250000 lbf*s"`` into a quantity, or raise :class:`UnitError`."""
    try:
        quantity: pint.Quantity = ureg.Quantity(text.strip())  # type: ignore[type-arg]
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
        raise UnitError(field, f"unknown unit in {text!r} ({exc})") from exc
    except (ValueError, TypeError, AttributeError, SyntaxError, TokenError) as exc:
        raise UnitError(field, f"cannot read {text!r} as a number with a unit") from exc
    if not isinstance(quantity, pint.Quantity):
        raise UnitError(field, f"{text!r} is not a quantity")
    return quantity


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
