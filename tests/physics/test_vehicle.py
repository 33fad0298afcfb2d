"""The mtcr-vehicle/1 format: every reference file loads; bad input names the field."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mtcr.errors import DataFileError
from mtcr.physics.core.constants import G0
from mtcr.physics.vehicle import IspReference, Vehicle, load_vehicle, parse_vehicle
from tests.physics.conftest import VALIDATION_DIR, scud_data

VALIDATION_FILES = sorted(VALIDATION_DIR.glob("*.yaml"))


def test_the_validation_set_is_there() -> None:
    assert len(VALIDATION_FILES) == 9


@pytest.mark.parametrize("path", VALIDATION_FILES, ids=lambda p: p.stem)
def test_every_validation_file_loads(path: Path) -> None:
    vehicle = load_vehicle(path)
    assert vehicle.stages and vehicle.reference is not None
    assert vehicle.launch_mass_kg > vehicle.payload_kg


def test_fields_become_si_values(scud: Vehicle) -> None:
    stage = scud.stages[0]
    assert stage.exhaust_velocity_m_s == pytest.approx(230 * G0)
    assert stage.isp_reference is IspReference.VACUUM
    assert stage.reference_area_m2 == pytest.approx(math.pi * 0.84**2 / 4)
    assert stage.mass_flow_kg_s == pytest.approx(3699 / 75)
    assert scud.drag_table.name == "forden" and scud.drag_table.mach[0] == 0
    assert not scud.launch.rotating
    assert scud.launch_mass_kg == pytest.approx(3699 + 1198 + 1000)


def test_json_files_load_the_same(tmp_path: Path, scud: Vehicle) -> None:
    path = tmp_path / "scud.json"
    path.write_text(json.dumps(scud_data(drag_table="forden", name=scud.name)))
    loaded = load_vehicle(path)
    assert loaded.stages == scud.stages and loaded.payload_kg == scud.payload_kg


def test_values_with_units_convert_to_the_key_unit() -> None:
    plain = parse_vehicle(scud_data())
    stage = {
        "propellant_kg": "3.699 t",
        "dry_kg": "1198000 g",
        "burn_time_s": "1.25 min",
        "isp_s": 230,
        "diameter_m": "84 cm",
    }
    with_units = parse_vehicle(scud_data(stages=[stage], payload_kg="2204.6226218487757 lb"))
    assert with_units.stages[0].propellant_kg == pytest.approx(plain.stages[0].propellant_kg, rel=1e-12)
    assert with_units.stages[0].burn_time_s == pytest.approx(75, rel=1e-12)
    assert with_units.stages[0].reference_area_m2 == pytest.approx(plain.stages[0].reference_area_m2, rel=1e-12)
    assert with_units.payload_kg == pytest.approx(1000, rel=1e-12)


STAGE = {"propellant_kg": 3699, "dry_kg": 1198, "burn_time_s": 75, "isp_s": 230, "diameter_m": 0.84}


@pytest.mark.parametrize(
    ("data", "field", "problem"),
    [
        (scud_data(payload_kgs=5), "payload_kgs", "unknown key"),
        (scud_data(format="mtcr-vehicle/2"), "format", "expected 'mtcr-vehicle/1'"),
        ({k: v for k, v in scud_data().items() if k != "payload_kg"}, "payload_kg", "required key missing"),
        (scud_data(payload_kg=-5), "payload_kg", "greater than or equal to 0"),
        (scud_data(payload_kg="5 m"), "payload_kg", "not a [mass]"),
        (scud_data(payload_kg="five"), "payload_kg", "cannot read 'five'"),
        (scud_data(payload_kg=True), "payload_kg", "not true/false"),
        (scud_data(stages=[]), "stages", "at least 1 item"),
        (scud_data(stages=[STAGE] * 6), "stages", "at most 5 items"),
        (scud_data(stages=[{**STAGE, "exhaust_velocity_m_s": 2255}]), "stages[0]", "exactly one of isp_s"),
        (scud_data(stages=[{**STAGE, "reference_area_m2": 0.5}]), "stages[0]", "exactly one of diameter_m"),
        (scud_data(stages=[{**STAGE, "burn_time_s": 0}]), "stages[0].burn_time_s", "greater than or equal to 0.1"),
        (scud_data(stages=[{**STAGE, "dry_kg": 0}]), "stages[0].dry_kg", "greater than 0"),
        (scud_data(stages=[{**STAGE, "isp_s": 1e9}]), "stages[0].isp_s", "less than or equal to 1000"),
        (scud_data(stages=[{**STAGE, "isp_s": float("nan")}]), "stages[0].isp_s", "finite"),
        (scud_data(payload_kg="inf kg"), "payload_kg", "cannot read"),
        (scud_data(stages=[{**STAGE, "delay_after_burnout_s": 2}]), "stages[0].delay_after_burnout_s", "no next"),
        (scud_data(launch={"altitude_m": -100}), "launch.altitude_m", "greater than or equal to 0"),
        (scud_data(stages=[{**STAGE, "isp_reference": "sea level"}]), "stages[0].isp_reference", "'vacuum'"),
        (scud_data(stages=[{**STAGE, "thrust_n": 1}]), "stages[0].thrust_n", "unknown key"),
        (scud_data(drag_table="v3"), "drag_table", "not a named table"),
        (scud_data(drag_table={"mach": [0, 1, 2], "cd": [0.2, 0.3]}), "drag_table", "must pair up"),
        (scud_data(drag_table={"mach": [0, 2, 1], "cd": [0.2, 0.3, 0.2]}), "drag_table", "increase strictly"),
        (scud_data(launch={"latitude_deg": 95}), "launch.latitude_deg", "less than or equal to 90"),
        (scud_data(shroud={"mass_kg": 100, "jettison_time_s": 300}), "shroud.jettison_time_s", "after the last"),
        (scud_data(reference={"source": "x"}), "reference", "give range_km, or orbital"),
        (scud_data(catalogue={"confidence": "sure", "uncertainty": "x"}), "catalogue.confidence", "'low'"),
    ],
)
def test_bad_input_names_the_field(data: dict[str, object], field: str, problem: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_vehicle(data, source="rocket.yaml")
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(caught.value).startswith("rocket.yaml")


@pytest.mark.parametrize(
    ("content", "problem"),
    [("format: [unclosed", "not valid YAML"), ("- just\n- a list\n", "mapping"), (b"\xff\xfe\x00", "not a text file")],
)
def test_unreadable_files_are_reported(tmp_path: Path, content: str | bytes, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(DataFileError, match=problem):
        load_vehicle(path)


def test_a_number_in_quotes_is_in_the_key_unit() -> None:
    assert parse_vehicle(scud_data(payload_kg="1200")).payload_kg == 1200


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("dup.yaml", "format: mtcr-vehicle/1\npayload_kg: 1\npayload_kg: 5000\n"),
        ("dup.json", '{"format": "mtcr-vehicle/1", "payload_kg": 1, "payload_kg": 5000}'),
    ],
)
def test_a_key_given_twice_is_an_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(DataFileError, match="'payload_kg' is given twice"):
        load_vehicle(path)


def test_missing_file() -> None:
    with pytest.raises(DataFileError, match="file not found"):
        load_vehicle("/no/such/vehicle.yaml")


def test_payload_change_is_checked(scud: Vehicle) -> None:
    from mtcr.errors import InputError

    assert scud.with_payload(500).payload_kg == 500
    with pytest.raises(InputError, match="payload_kg"):
        scud.with_payload(-1)
