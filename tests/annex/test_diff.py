from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.annex import ChangeKind, diff, load
from mtcr.annex.loader import BUNDLED_DATA
from mtcr.errors import DataFileError


def test_edition_against_itself_is_unchanged() -> None:
    assert diff(load("mtcr-2024"), load("mtcr-2024")).unchanged


def test_strict_regime_changes_exactly_the_overridden_thresholds() -> None:
    result = diff(load("mtcr-2024"), load("strict-bilateral"))
    changed = {c.entry_id: c for c in result.changes}
    assert set(changed) == {"1.A.1", "1.A.2", "19.A.1", "19.A.2", "2.A.1.d", "2.D.3"}
    guidance = {f.field: f for f in changed["2.A.1.d"].fields}
    assert guidance["downgrade[0] end_system_range"].after == "end_system_range < 150 km"
    fields = {f.field: f for f in changed["1.A.1"].fields}
    assert fields["criterion range_payload"].before == "payload >= 500 kg to range >= 300 km"
    assert fields["criterion range_payload"].after == "payload >= 300 kg to range >= 150 km"
    assert all(c.kind is ChangeKind.CHANGED for c in result.changes)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "regime.yaml"
    path.write_text("format: mtcr-regime/1\nid: test-regime\ntitle: Test\nbase: mtcr-2024\n" + body)
    return path


def test_regime_can_add_and_remove_entries(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """remove: [19.A.3]
items:
  - item: 20
    category: II
    title: Other complete subsystems
    entries:
      - id: 20.A.2
        title: National addition - small solid motors
        text: Solid rocket motors with a total impulse of 0.2 MNs or more (national control).
        kinds: [solid_rocket_motor]
        criteria: {parameter: total_impulse, op: ">=", value: 0.2, unit: MN*s}
        sources: [{key: CAE, confidence: R}]
""",
    )
    regime = load(str(path))
    assert regime.base == "mtcr-2024"
    result = diff(load("mtcr-2024"), regime)
    kinds = {c.entry_id: c.kind for c in result.changes}
    assert kinds == {"19.A.3": ChangeKind.REMOVED, "20.A.2": ChangeKind.ADDED}


def _added_entry(item: int, entry_id: str, source: str) -> str:
    entry = f"{{id: {entry_id}, title: Thing, text: A thing., sources: [{{key: {source}, confidence: R}}]}}"
    return f"items:\n  - item: {item}\n    title: T\n    category: II\n    entries:\n      - {entry}\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("overrides:\n  - {entry: 1.A.9, criterion: range_payload, threshold: range, value: 1, unit: km}\n", "1.A.9"),
        (
            "overrides:\n  - {entry: 1.A.1, criterion: reach, threshold: range, value: 1, unit: km}\n",
            "no criterion 'reach'",
        ),
        (
            "overrides:\n  - {entry: 1.A.1, criterion: range_payload, threshold: range, value: 1, unit: kg}\n",
            "field overrides[0].unit",
        ),
        ("remove: [1.A.7]\n", "cannot remove"),
        (
            "overrides:\n  - {entry: 1.A.1, criterion: range_payload, value: 1, unit: km}\n",
            "threshold: range or payload",
        ),
        (
            "overrides:\n  - {entry: 2.A.1.c.1, criterion: total_impulse, threshold: payload, value: 1, unit: N*s}\n",
            "only to range/payload",
        ),
        ("overrides:\n  - {entry: 2.A.1.c.1, criterion: total_impulse, value: 1, unit: N*s, op: in}\n", "numeric"),
        (
            "overrides:\n  - {entry: 2.A.1.d, scope: downgrade, index: 3, criterion: x, value: 1, unit: km}\n",
            "index 3 does not exist",
        ),
        (_added_entry(5, "5.A.1", "CAE"), "reserved"),
        (_added_entry(20, "20.A.1.a", "CAE"), "under remove"),
        (_added_entry(20, "20.A.9", "NOPE"), "unknown source key"),
        ("colour: red\n", "colour"),
    ],
)
def test_bad_regime_files_name_the_problem(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        load(str(_write(tmp_path, body)))


def test_regimes_based_on_each_other_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"format: mtcr-regime/1\nid: a\ntitle: A\nbase: {tmp_path / 'b.yaml'}\n")
    (tmp_path / "b.yaml").write_text(f"format: mtcr-regime/1\nid: b\ntitle: B\nbase: {tmp_path / 'a.yaml'}\n")
    with pytest.raises(DataFileError, match="loop"):
        load(str(tmp_path / "a.yaml"))


def test_bundled_regime_is_found_by_id() -> None:
    assert (BUNDLED_DATA / "regimes" / "strict-bilateral.yaml").is_file()
    assert load("strict-bilateral").id == "strict-bilateral"
