"""Completeness against the Annex's table of contents, and every stated threshold as a structured
criterion with its unit. The expected lists are typed from the Annex (shared/reference/mtcr-regime.md
section 2), independently of the data files."""

from __future__ import annotations

import pytest

from mtcr.annex import Annex, Category
from mtcr.annex.classifier import Verdict, judge_entry
from mtcr.annex.describe import describe
from mtcr.annex.model import Leaf, RangePayload, iter_leaves
from mtcr.errors import UnitError
from mtcr.units import to_si, ureg

# Entries of the 2024 Annex at the level where the Annex states them (headers with sub-entries aside).
TABLE_OF_CONTENTS: dict[int, list[str]] = {
    1: ["1.A.1", "1.A.2", "1.B.1", "1.D.1", "1.D.2", "1.E.1"],
    2: [
        "2.A.1.a",
        "2.A.1.b.1",
        "2.A.1.b.2",
        "2.A.1.b.3",
        "2.A.1.c.1",
        "2.A.1.c.2",
        "2.A.1.d",
        "2.A.1.e",
        "2.A.1.f",
        "2.B.1",
        "2.B.2",
        "2.D.1",
        "2.D.2",
        "2.D.3",
        "2.D.4",
        "2.D.5",
        "2.D.6",
        "2.E.1",
    ],
    3: [
        "3.A.1.a",
        "3.A.1.b",
        "3.A.2",
        "3.A.3",
        "3.A.4",
        "3.A.5",
        "3.A.6",
        "3.A.7",
        "3.A.8",
        "3.A.9",
        "3.A.10",
        "3.B.1",
        "3.B.2",
        "3.B.3",
        "3.C.1",
        "3.C.2",
        "3.D.1",
        "3.D.2",
        "3.D.3",
        "3.E.1",
    ],
    4: [
        "4.B.1",
        "4.B.2",
        "4.B.3.a",
        "4.B.3.b",
        "4.B.3.c",
        "4.B.3.d",
        "4.C.1",
        "4.C.2.a",
        "4.C.2.b",
        "4.C.2.c",
        "4.C.2.d",
        "4.C.2.e",
        "4.C.2.f",
        "4.C.2.g",
        "4.C.3",
        "4.C.4.a",
        "4.C.4.b",
        "4.C.5",
        "4.C.6.a",
        "4.C.6.b",
        "4.C.6.c",
        "4.C.6.d",
        "4.C.6.e",
        "4.C.7",
        "4.D.1",
        "4.E.1",
    ],
    5: [],
    6: [
        "6.A.1",
        "6.A.2",
        "6.B.1.a",
        "6.B.1.b",
        "6.B.1.c",
        "6.B.1.d",
        "6.B.1.e",
        "6.B.2",
        "6.B.3",
        "6.B.4",
        "6.B.5",
        "6.C.1",
        "6.C.2",
        "6.C.3",
        "6.C.4",
        "6.C.5",
        "6.C.6.a",
        "6.C.6.b",
        "6.C.6.c",
        "6.C.7.a",
        "6.C.7.b",
        "6.C.8",
        "6.C.9",
        "6.D.1",
        "6.D.2",
        "6.E.1",
        "6.E.2",
        "6.E.3",
    ],
    7: [],
    8: [],
    9: [
        "9.A.1",
        "9.A.2",
        "9.A.3",
        "9.A.4",
        "9.A.5",
        "9.A.6",
        "9.A.7",
        "9.A.8",
        "9.B.1",
        "9.B.2.a",
        "9.B.2.b",
        "9.B.2.c",
        "9.B.2.d",
        "9.B.2.e",
        "9.D.1",
        "9.D.2",
        "9.D.3",
        "9.D.4",
        "9.E.1",
    ],
    10: ["10.A.1", "10.A.2", "10.A.3", "10.B.1", "10.D.1", "10.E.1", "10.E.2", "10.E.3"],
    11: ["11.A.1", "11.A.2", "11.A.3.a", "11.A.3.b", "11.A.4", "11.A.5", "11.D.1", "11.D.2", "11.E.1", "11.E.2"],
    12: [
        "12.A.1",
        "12.A.2",
        "12.A.3.a",
        "12.A.3.b",
        "12.A.4",
        "12.A.5.a",
        "12.A.5.b",
        "12.A.6",
        "12.D.1",
        "12.D.2",
        "12.D.3",
        "12.E.1",
    ],
    13: ["13.A.1", "13.E.1"],
    14: ["14.A.1.a", "14.A.1.b", "14.E.1"],
    15: [
        "15.B.1.a",
        "15.B.1.b",
        "15.B.1.c",
        "15.B.1.d",
        "15.B.2",
        "15.B.3",
        "15.B.4.a",
        "15.B.4.b",
        "15.B.5",
        "15.B.6",
        "15.D.1",
        "15.E.1",
    ],
    16: ["16.A.1", "16.D.1", "16.E.1"],
    17: ["17.A.1", "17.B.1", "17.C.1", "17.D.1", "17.E.1"],
    18: ["18.A.1", "18.A.2", "18.A.3", "18.E.1"],
    19: ["19.A.1", "19.A.2", "19.A.3", "19.B.1", "19.D.1", "19.E.1"],
    20: ["20.A.1.a", "20.A.1.b.1", "20.A.1.b.2", "20.B.1", "20.B.2", "20.D.1", "20.D.2", "20.E.1"],
}
# Where the data splits an Annex entry more finely than the table above, with the reason.
FINER_SPLITS = {"6.C.7.a": ["6.C.7.a", "6.C.7.b", "6.C.7.c"]}  # EU 1C117: W powder, Mo powder, solid W

# Every numeric threshold the Annex states: entry -> [(comparison, value, unit)]. "exceeding" is >,
# "equal to or greater" >=, "less than" <, "from below X to above Y" is < X and > Y.
THRESHOLDS: dict[str, list[tuple[str, float, str]]] = {
    "2.A.1.c.1": [(">=", 1.1e6, "N*s")],
    "2.A.1.c.2": [(">=", 1.1e6, "N*s")],
    "2.A.1.d": [("<=", 3.33, "percent")],
    "3.A.1.a": [(">", 400, "N"), ("<=", 0.15, "kg/(N*h)"), ("<", 750, "kg"), ("<", 1, "m")],
    "3.A.5": [(">", 10, "gee"), (">=", 24, "L/min"), (">=", 7, "MPa"), ("<", 100, "ms"), (">=", 8000, "rpm")],
    "3.A.7": [
        (">=", 12, "mm"),
        ("<=", 50, "mm"),
        (">=", 25, "mm"),
        ("<=", 100, "mm"),
        (">=", 10, "mm"),
        ("<=", 20, "mm"),
    ],
    "3.A.9": [(">", 10, "kW")],
    "3.B.3": [(">", 2, "")],
    "4.B.3.a": [("<=", 13.326, "kPa"), (">=", 110, "L")],
    "4.B.3.b": [("<=", 13.326, "kPa")],
    "4.C.2.a": [(">", 70, "percent")],
    "4.C.2.c": [("<", 200, "um"), (">=", 97, "percent"), (">=", 10, "percent")],
    "4.C.2.d": [(">=", 97, "percent"), (">=", 90, "percent")],
    "4.C.2.e": [(">=", 85, "percent"), (">=", 90, "percent")],
    "4.C.2.f": [(">=", 40e6, "J/kg"), (">=", 37.5e9, "J/m**3")],
    "6.B.1.a": [(">=", 3, "")],
    "6.B.1.b": [(">=", 2, "")],
    "6.B.3": [(">=", 69, "MPa"), (">=", 600, "degC"), (">=", 254, "mm")],
    "6.C.1": [(">", 7.62e4, "m"), (">", 3.18e6, "m"), (">", 145, "degC")],
    "6.C.3": [
        (">=", 1.72, "g/cm**3"),
        ("<=", 100, "um"),
        (">=", 120, "mm"),
        (">=", 50, "mm"),
        (">=", 65, "mm"),
        (">=", 25, "mm"),
    ],
    "6.C.5": [("<", 6, "")],
    "6.C.6.c": [(">=", 3000, "degC")],
    "6.C.7.a": [(">=", 97, "percent"), ("<=", 50, "um")],
    "6.C.8": [(">=", 0.9, "GPa"), (">=", 1.5, "GPa"), ("<=", 5, "mm"), ("<=", 50, "mm"), (">=", 270, "mm")],
    "6.C.9": [
        (">=", 17, "percent"),
        ("<=", 23, "percent"),
        (">=", 4.5, "percent"),
        ("<=", 7, "percent"),
        (">", 0.1, "percent"),
        (">=", 10, "percent"),
    ],
    "6.E.3": [(">=", 1300, "degC"), ("<=", 2900, "degC"), (">=", 130, "Pa"), ("<=", 20, "kPa")],
    "9.A.3": [("<", 1250, "micro_g"), ("<", 1250, "ppm")],
    "9.A.4": [("<", 0.5, "deg/hour")],
    "9.A.5": [(">", 100, "gee")],
    "9.A.7": [("<=", 200, "m")],
    "9.A.8": [("<", 0.5, "deg")],
    "9.B.2.a": [("<=", 3, "kg"), (">", 12500, "rpm"), (">=", 2, ""), ("<=", 0.2, "g*mm/kg")],
    "9.B.2.c": [
        (">=", 400, "deg/s"),
        ("<=", 30, "deg/s"),
        ("<=", 6, "deg/s"),
        ("<=", 0.6, "deg/s"),
        ("<=", 0.05, "percent"),
        ("<=", 5, "arcsecond"),
    ],
    "9.B.2.d": [("<=", 5, "arcsecond")],
    "9.B.2.e": [(">", 100, "gee")],
    "10.A.3": [(">", 10, "gee")],
    "11.A.3.b": [(">", 600, "m/s")],
    "11.A.4": [(">", 125, "degC")],
    "12.A.3.a": [("<=", 0.7, "mGal"), ("<=", 2, "min")],
    "12.A.5.b": [("<", 1.5, "mrad"), (">=", 30, "km"), ("<", 10, "m"), ("<", 3, "m/s")],
    "13.A.1": [("<", -45, "degC"), (">", 55, "degC")],
    "14.A.1.a": [("<", -54, "degC"), (">", 125, "degC")],
    "14.A.1.b": [("<", -45, "degC"), (">", 80, "degC")],
    "15.B.1.a": [(">=", 10, "gee"), (">=", 50, "kN")],
    "15.B.1.b": [(">", 5, "kHz")],
    "15.B.1.c": [(">=", 50, "kN")],
    "15.B.1.d": [(">=", 50, "kN")],
    "15.B.2": [(">=", 0.9, "")],
    "15.B.3": [(">", 68, "kN")],
    "15.B.4.a": [(">=", 15, "km"), ("<", -50, "degC"), (">", 125, "degC"), (">=", 10, "gee"), (">=", 5, "kN")],
    "15.B.4.b": [(">=", 4, "kW")],
    "15.B.5": [(">=", 2, "MeV")],
    "15.B.6": [(">=", 5, "MW"), (">=", 3, "MPa")],
    "18.A.1": [(">=", 5e5, "rad_Si")],
    "18.A.3": [(">", 4.184e6, "J/m**2"), (">", 50, "kPa")],
    "19.A.3": [(">", 20, "L")],
    "20.A.1.b.1": [(">=", 8.41e5, "N*s"), ("<", 1.1e6, "N*s")],
    "20.A.1.b.2": [(">=", 8.41e5, "N*s"), ("<", 1.1e6, "N*s")],
}
RANGE_PAYLOAD = {"1.A.1": (300, 500), "1.A.2": (300, 500), "19.A.1": (300, None), "19.A.2": (300, None)}


def _leaf_entries(annex: Annex, item: int) -> set[str]:
    ids = {e.id for e in annex.entries_of_item(item)}
    return {i for i in ids if not any(other.startswith(i + ".") for other in ids)}


@pytest.mark.parametrize("item", sorted(TABLE_OF_CONTENTS))
def test_entries_per_item_match_the_table_of_contents(annex: Annex, item: int) -> None:
    expected: set[str] = set()
    for entry_id in TABLE_OF_CONTENTS[item]:
        expected |= set(FINER_SPLITS.get(entry_id, [entry_id]))
    assert _leaf_entries(annex, item) == expected
    assert len(annex.entries_of_item(item)) >= len(expected)


def test_items_categories_and_reserved(annex: Annex) -> None:
    assert [i.number for i in annex.items] == list(range(1, 21))
    assert {i.number for i in annex.items if i.reserved} == {5, 7, 8}
    assert {i.number for i in annex.items if i.category is Category.I} == {1, 2}
    for entry in annex.entries:
        assert entry.category is (Category.I if entry.item in (1, 2) else Category.II), entry.id


def test_every_headed_entry_has_a_header(annex: Annex) -> None:
    ids = {e.id for e in annex.entries}
    for entry in annex.entries:
        parts = entry.id.split(".")
        if len(parts) > 3:  # e.g. 2.A.1.c.1 needs 2.A.1.c
            assert ".".join(parts[:-1]) in ids, entry.id


def _find_leaf(annex: Annex, entry_id: str, value: float, unit: str) -> Leaf | None:
    """The entry's criterion whose threshold equals ``value unit`` (compared in SI)."""
    entry = annex.entry(entry_id)
    assert entry is not None, entry_id
    for leaf in iter_leaves(entry.criteria):
        parameter = annex.parameter(leaf.parameter) if isinstance(leaf, Leaf) else None
        if not isinstance(leaf, Leaf) or leaf.threshold is None or parameter is None:
            continue
        try:
            wanted = to_si(value, unit or "dimensionless", parameter.unit, leaf.id)
        except UnitError:  # another dimension: not this leaf
            continue
        if abs(leaf.threshold.si_value - wanted) <= 1e-9 * max(abs(wanted), 1e-30):
            return leaf
    return None


@pytest.mark.parametrize(("entry_id", "expected"), sorted(THRESHOLDS.items()))
def test_every_threshold_is_a_structured_criterion_with_unit(
    annex: Annex, entry_id: str, expected: list[tuple[str, float, str]]
) -> None:
    for op, value, unit in expected:
        leaf = _find_leaf(annex, entry_id, value, unit)
        assert leaf is not None, f"{entry_id}: no criterion with threshold {value} {unit}"
        assert any(
            candidate.op.value == op
            for candidate in iter_leaves(annex.entry(entry_id).criteria)  # type: ignore[union-attr]
            if isinstance(candidate, Leaf)
            and candidate.threshold is not None
            and candidate.threshold.si_value == leaf.threshold.si_value  # type: ignore[union-attr]
        ), f"{entry_id}: {value} {unit} should be compared with {op}"


# Which side meets the threshold, for each comparison: (just above, at, just below).
_SIDES = {">=": (True, True, False), ">": (True, False, False), "<=": (False, True, True), "<": (False, False, True)}


def _edge_cases() -> list[object]:
    cases = []
    for entry_id, thresholds in sorted(THRESHOLDS.items()):
        for op, value, unit in thresholds:
            for system in ("annex unit", "SI base unit"):
                if system == "SI base unit" and unit in ("", "percent", "ppm"):
                    continue  # a plain number or ratio has no other unit system to speak of
                cases.append(
                    pytest.param(entry_id, op, value, unit, system, id=f"{entry_id}-{op}{value}{unit}-{system}")
                )
    return cases


@pytest.mark.parametrize(("entry_id", "op", "value", "unit", "system"), _edge_cases())
def test_each_threshold_just_above_at_and_just_below(
    annex: Annex, entry_id: str, op: str, value: float, unit: str, system: str
) -> None:
    entry = annex.entry(entry_id)
    assert entry is not None
    leaf = _find_leaf(annex, entry_id, value, unit)
    assert leaf is not None and leaf.op.value == op
    for (position, factor), expected in zip((("above", 1.01), ("at", 1.0), ("below", 0.99)), _SIDES[op], strict=True):
        number = value + (factor - 1.0) * abs(value)
        quantity = ureg.Quantity(number, unit or "dimensionless")
        if system == "SI base unit":
            quantity = quantity.to_base_units()
        text = f"{quantity.magnitude!r} {quantity.units}" if unit else repr(number)
        kind = entry.kinds[0]
        item = describe(annex, kind, {leaf.parameter: text})
        result = next(r for r in judge_entry(annex, entry, item).criteria if r.criterion_id == leaf.id)
        wanted = Verdict.MET if expected else Verdict.NOT_MET
        assert result.verdict is wanted, f"{position}: {text} -> {result.reason}"


@pytest.mark.parametrize(("entry_id", "expected"), sorted(RANGE_PAYLOAD.items()))
def test_complete_systems_have_range_payload_criteria(
    annex: Annex, entry_id: str, expected: tuple[float, float | None]
) -> None:
    entry = annex.entry(entry_id)
    assert entry is not None and isinstance(entry.criteria, RangePayload)
    assert entry.criteria.range.si_value == pytest.approx(expected[0] * 1000)
    if expected[1] is None:
        assert entry.criteria.payload is None
    else:
        assert entry.criteria.payload is not None
        assert entry.criteria.payload.si_value == pytest.approx(expected[1])


def test_every_entry_with_kinds_can_be_reached(annex: Annex) -> None:
    """Equipment and materials must name item kinds, or the classifier could never find them."""
    headers = {e.parent_id for e in annex.entries}
    for entry in annex.entries:
        if entry.id not in headers:
            assert entry.kinds, f"{entry.id} has no item kinds"


def test_definitions_cover_the_annex_terms(annex: Annex) -> None:
    terms = {d.term for d in annex.definitions}
    for term in (
        "range",
        "payload",
        "production facilities",
        "technology",
        "specially designed",
        "general technology note",
        "range payload trade-off",
        "radiation hardened",
        "use",
        "development",
    ):
        assert term in terms, term
