"""Loading and validating data files: a bad file fails with file, entry id and field named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from mtcr.annex import load
from mtcr.annex.loader import BUNDLED_DATA, load_edition
from mtcr.annex.model import Annex, Leaf
from mtcr.errors import DataFileError, NotFoundError

EDITION = BUNDLED_DATA / "mtcr-2024"


@pytest.fixture()
def edition_copy(tmp_path: Path) -> Path:
    target = tmp_path / "edition"
    shutil.copytree(EDITION, target)
    return target


def _edit_entry(folder: Path, item_file: str, entry_id: str, change: dict[str, object]) -> Path:
    path = folder / "items" / item_file
    data = yaml.safe_load(path.read_text())
    entry = next(e for e in data["entries"] if e["id"] == entry_id)
    entry.update(change)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_bundled_edition_loads(annex: Annex) -> None:
    assert annex.id == "mtcr-2024"
    assert annex.document == "MTCR/TEM/2024/Annex"
    assert annex.date == "2024-03-14"


def test_edition_round_trips_from_a_copied_folder(edition_copy: Path, annex: Annex) -> None:
    assert load_edition(edition_copy).entries == annex.entries


def test_unknown_field_names_file_entry_and_field(edition_copy: Path) -> None:
    path = _edit_entry(edition_copy, "item-02.yaml", "2.A.1.c.1", {"threshhold": 3})
    with pytest.raises(DataFileError) as caught:
        load_edition(edition_copy)
    error = caught.value
    assert error.path == str(path)
    assert error.entry_id == "2.A.1.c.1"
    assert error.field is not None and "threshhold" in error.field


def test_unknown_unit_in_threshold_is_named(edition_copy: Path) -> None:
    _edit_entry(
        edition_copy,
        "item-02.yaml",
        "2.A.1.c.1",
        {"criteria": {"parameter": "total_impulse", "op": ">=", "value": 1.1e6, "unit": "Nsecs"}},
    )
    with pytest.raises(DataFileError, match=r"entry 2\.A\.1\.c\.1, field criteria\.unit: unknown unit 'Nsecs'"):
        load_edition(edition_copy)


def test_threshold_unit_of_wrong_dimension_is_rejected(edition_copy: Path) -> None:
    _edit_entry(
        edition_copy,
        "item-02.yaml",
        "2.A.1.c.1",
        {"criteria": {"parameter": "total_impulse", "op": ">=", "value": 1.1e6, "unit": "kg"}},
    )
    with pytest.raises(DataFileError, match=r"2\.A\.1\.c\.1.*not a"):
        load_edition(edition_copy)


def test_numeric_comparison_needs_a_number(edition_copy: Path) -> None:
    _edit_entry(
        edition_copy,
        "item-02.yaml",
        "2.A.1.c.1",
        {"criteria": {"parameter": "total_impulse", "op": ">=", "value": "lots", "unit": "N*s"}},
    )
    with pytest.raises(DataFileError, match="needs a number value"):
        load_edition(edition_copy)


def test_unknown_parameter_and_kind_are_named(edition_copy: Path) -> None:
    _edit_entry(edition_copy, "item-02.yaml", "2.A.1.a", {"kinds": ["rocket_stagee"]})
    with pytest.raises(DataFileError, match=r"2\.A\.1\.a, field kinds: unknown item kind 'rocket_stagee'"):
        load_edition(edition_copy)


def test_entry_in_wrong_item_file_is_rejected(edition_copy: Path) -> None:
    _edit_entry(edition_copy, "item-02.yaml", "2.A.1.a", {"id": "3.A.99"})
    with pytest.raises(DataFileError, match="belongs to item 3"):
        load_edition(edition_copy)


def test_malformed_id_is_rejected(edition_copy: Path) -> None:
    _edit_entry(edition_copy, "item-02.yaml", "2.A.1.a", {"id": "2-A-1-a"})
    with pytest.raises(DataFileError, match="not an Annex entry id"):
        load_edition(edition_copy)


def test_condition_target_must_exist(edition_copy: Path) -> None:
    _edit_entry(edition_copy, "item-02.yaml", "2.A.1.a", {"conditions": [{"type": "usable_in", "targets": ["1.A.9"]}]})
    with pytest.raises(DataFileError, match=r"target '1\.A\.9' matches no entry"):
        load_edition(edition_copy)


def test_duplicate_entry_id_is_rejected(edition_copy: Path) -> None:
    path = edition_copy / "items" / "item-02.yaml"
    data = yaml.safe_load(path.read_text())
    data["entries"].append(dict(data["entries"][1]))
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(DataFileError, match="duplicate entry id"):
        load_edition(edition_copy)


def test_broken_yaml_names_the_file(edition_copy: Path) -> None:
    path = edition_copy / "items" / "item-02.yaml"
    path.write_text("item: 2\nentries: [\n")
    with pytest.raises(DataFileError) as caught:
        load_edition(edition_copy)
    assert caught.value.path == str(path)
    assert "not valid YAML" in str(caught.value)


def test_missing_sources_is_rejected(edition_copy: Path) -> None:
    _edit_entry(edition_copy, "item-02.yaml", "2.A.1.a", {"sources": []})
    with pytest.raises(DataFileError, match=r"2\.A\.1\.a, field entries\.\d+\.sources"):
        load_edition(edition_copy)


def test_unknown_edition_lists_what_exists() -> None:
    with pytest.raises(NotFoundError, match="available: mtcr-2024"):
        load("mtcr-1987")


def test_thresholds_keep_annex_unit_and_si_value(annex: Annex) -> None:
    entry = annex.entry("2.A.1.c.1")
    assert entry is not None and isinstance(entry.criteria, Leaf)
    threshold = entry.criteria.threshold
    assert threshold is not None
    assert (threshold.value, threshold.unit, threshold.si_value) == (1.1e6, "N*s", 1.1e6)


def test_every_entry_records_a_source(annex: Annex) -> None:
    known_keys = {key for key, _ in annex.source_titles}
    for entry in annex.entries:
        assert entry.sources, entry.id
        assert {s.key for s in entry.sources} <= known_keys, entry.id
