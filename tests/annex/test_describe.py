"""Item descriptions: bad input gets a clear error naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.annex import Annex, describe, read_item_file
from mtcr.annex.describe import parse_parameter_assignments
from mtcr.errors import InputError, UnitError


def test_quantities_are_converted_to_si(annex: Annex) -> None:
    item = describe(annex, "solid_rocket_motor", {"total_impulse": "250000 lbf*s"})
    assert item.value("total_impulse") == pytest.approx(1_112_055.4038, rel=1e-9)


@pytest.mark.parametrize(
    ("kind", "parameters", "field", "message"),
    [
        ("solid_rocket_motr", {}, "kind", "unknown item kind 'solid_rocket_motr'"),
        ("solid_rocket_motor", {"total_impuls": "1 MN*s"}, "parameters.total_impuls", "unknown parameter"),
        ("solid_rocket_motor", {"total_impulse": "-1 MN*s"}, "parameters.total_impulse", "must be at least 0"),
        ("solid_rocket_motor", {"total_impulse": "1 MN*furlongz"}, "parameters.total_impulse", "unknown unit"),
        ("solid_rocket_motor", {"total_impulse": "1 MN"}, "parameters.total_impulse", "is not a"),
        ("solid_rocket_motor", {"total_impulse": 1.2e6}, "parameters.total_impulse", "give a unit"),
        ("solid_rocket_motor", {"total_impulse": "a lot"}, "parameters.total_impulse", ""),
        ("guidance_set", {"end_system_kind": "submarine"}, "parameters.end_system_kind", "is not one of"),
        ("complete_rocket_system", {"range": "nan km"}, "parameters.range", "expected a number"),
        ("complete_rocket_system", {"range": "2,5 km"}, "parameters.range", "no commas"),
        ("complete_rocket_system", {"range": "MN*s"}, "parameters.range", "expected a number"),
        ("complete_rocket_system", {"range": "1/0"}, "parameters.range", "as a unit"),
        ("complete_rocket_system", {"range": "9**9**9 km"}, "parameters.range", "as a unit"),
        ("complete_rocket_system", {"range": "300 km", "max_range": "200 km"}, "parameters.max_range", "smaller"),
        ("guidance_set", {"guidance_accuracy_ratio": "1"}, "parameters.guidance_accuracy_ratio", "give a unit"),
        ("guidance_set", {"guidance_accuracy_ratio": float("nan")}, "parameters.guidance_accuracy_ratio", "unit"),
    ],
)
def test_bad_input_names_the_field(
    annex: Annex, kind: str, parameters: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        describe(annex, kind, parameters)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert message in caught.value.problem


def test_numbers_as_mtcr_prints_them_are_read_back(annex: Annex) -> None:
    item = describe(annex, "solid_rocket_motor", {"total_impulse": "2 000 000 N*s"})
    assert item.value("total_impulse") == 2e6


def test_confirmed_and_ruled_out_at_once_is_an_error(annex: Annex) -> None:
    with pytest.raises(InputError, match="both confirmed and ruled out"):
        describe(annex, "rocket_stage", {}, confirmed=["usable_in"], denied=["usable_in"])


def test_unknown_unit_is_a_unit_error(annex: Annex) -> None:
    with pytest.raises(UnitError):
        describe(annex, "solid_rocket_motor", {"total_impulse": "3 blorps"})


def test_for_entries_must_exist(annex: Annex) -> None:
    with pytest.raises(InputError, match="not an Annex entry id"):
        describe(annex, "software", {}, for_entries=["2.A.9"])


def test_unknown_condition_name(annex: Annex) -> None:
    with pytest.raises(InputError, match="unknown condition 'useable'"):
        describe(annex, "rocket_stage", {}, confirmed=["useable"])


def test_cli_assignments_parse_and_reject_garbage() -> None:
    assert parse_parameter_assignments(["total_impulse=1.2 MN*s"]) == {"total_impulse": "1.2 MN*s"}
    with pytest.raises(InputError, match="NAME=VALUE"):
        parse_parameter_assignments(["total_impulse"])


def test_item_file_errors_name_file_and_field(annex: Annex, tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text("kind: solid_rocket_motor\nparameters: {total_impulse: 1 MN*s}\ncolour: red\n")
    with pytest.raises(InputError) as caught:
        read_item_file(annex, path)
    assert str(path) in caught.value.field and "colour" in caught.value.field


def test_item_file_component_errors_name_the_component(annex: Annex, tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(
        "kind: complete_uav_system\ncomponents:\n"
        "  - kind: solid_rocket_motor\n    parameters: {total_impulse: -5 N*s}\n"
    )
    with pytest.raises(InputError) as caught:
        read_item_file(annex, path)
    assert caught.value.field == f"{path}: components[0].parameters.total_impulse"


def test_missing_item_file(annex: Annex, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_item_file(annex, tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("- just a list\n", "expected a mapping"),
        ("format: mtcr-item/9\nkind: gyro\n", "format"),
        ("kind: complete_rocket_system\nrange_payload_curve: [{payload: 500, range: 300 km}]\n", "give a unit"),
    ],
)
def test_odd_item_files_get_clear_errors(annex: Annex, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_item_file(annex, path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_directory_and_binary_files_are_input_errors(annex: Annex, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_item_file(annex, tmp_path)
    binary = tmp_path / "item.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(InputError, match="not a text file"):
        read_item_file(annex, binary)


def test_unknown_kind_suggests_close_names(annex: Annex) -> None:
    with pytest.raises(InputError, match="did you mean solid_rocket_motor"):
        describe(annex, "solid_rocket_moter", {})
