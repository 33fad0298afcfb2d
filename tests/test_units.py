from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcr.errors import UnitError
from mtcr.units import parse_quantity, quantity_to_si, to_si


def test_pound_force_seconds_convert_to_newton_seconds() -> None:
    # 1 lbf = 4.4482216152605 N exactly (international pound and standard gravity).
    assert quantity_to_si(parse_quantity("250000 lbf*s", "x"), "N*s", "x") == pytest.approx(1_112_055.403815, rel=1e-12)


def test_megasecond_prefixes_and_standard_gravity() -> None:
    assert to_si(1.2, "MN*s", "N*s", "x") == pytest.approx(1.2e6)
    assert to_si(10, "gee", "m/s**2", "x") == pytest.approx(98.0665)
    assert to_si(1250, "micro_g", "m/s**2", "x") == pytest.approx(1250e-6 * 9.80665)
    assert to_si(5e5, "rad_Si", "gray", "x") == pytest.approx(5000.0)


def test_unknown_unit_names_field() -> None:
    with pytest.raises(UnitError) as caught:
        parse_quantity("12 furlongz", "parameters.range")
    assert caught.value.field == "parameters.range"
    assert "unknown unit" in str(caught.value)


def test_wrong_dimension_names_expected_unit() -> None:
    with pytest.raises(UnitError, match=r"expected e\.g\. 'N\*s'"):
        quantity_to_si(parse_quantity("3 kg", "f"), "N*s", "f")


def test_garbage_is_not_a_quantity() -> None:
    with pytest.raises(UnitError):
        parse_quantity("fast", "f")


@given(st.floats(min_value=1e-3, max_value=1e9, allow_nan=False))
def test_round_trip_through_imperial_units(value: float) -> None:
    in_lbf_s = to_si(value, "N*s", "lbf*s", "x")
    assert to_si(in_lbf_s, "lbf*s", "N*s", "x") == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2 000 000 N*s", 2e6), ("1 100 000 N*s", 1.1e6), ("1.1e6 N*s", 1.1e6), ("-45 degC", -45.0), (".5 MN*s", 5e5)],
)
def test_numbers_are_read_exactly(text: str, expected: float) -> None:
    quantity = parse_quantity(text, "f")
    unit = "degC" if "degC" in text else "N*s"
    assert quantity_to_si(quantity, unit, "f") == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("text", ["MN*s", "1/0", "1 +", "1,5 percent", "0,5 MN*s", "1.2 MN*s 3", "9**9**9 N*s", ""])
def test_anything_but_one_number_and_a_unit_is_refused(text: str) -> None:
    with pytest.raises(UnitError):
        parse_quantity(text, "f")
