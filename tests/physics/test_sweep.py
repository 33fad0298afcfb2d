"""Parameter sweeps: spec checking, the grid, and output files equal to scalar runs."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
import yaml

from mtcr.annex import Annex
from mtcr.errors import DataFileError
from mtcr.physics.assessment import assess
from mtcr.physics.sweep import load_sweep, parse_sweep, run_sweep, write_table
from mtcr.physics.vehicle import parse_vehicle
from tests.physics.conftest import VALIDATION_DIR, scud_data

COLUMNS = [
    "stages[0].propellant_kg",
    "stages[0].isp_s",
    "range_at_threshold_payload_m",
    "orbital_at_threshold_payload",
    "range_at_min_payload_m",
    "payload_to_threshold_range_kg",
    "category",
    "method",
]


def _spec(tmp_path: Path, evaluation: str = "batched") -> Path:
    vehicle = tmp_path / "scud.yaml"
    vehicle.write_text(yaml.safe_dump(scud_data()))
    spec = tmp_path / "grid.yaml"
    spec.write_text(
        yaml.safe_dump(
            {
                "format": "mtcr-sweep/1",
                "vehicle": "scud.yaml",  # relative to the spec
                "evaluation": evaluation,
                "grid": {
                    "stages[0].propellant_kg": ["3.5 t", 3699],
                    "stages[0].isp_s": {"from": 200, "to": 230, "steps": 2},
                },
            },
            sort_keys=False,
        )
    )
    return spec


def _scalar(propellant: float, isp: float, annex: Annex) -> tuple[float, float, str]:
    stage = {"propellant_kg": propellant, "dry_kg": 1198, "burn_time_s": 75, "isp_s": isp, "diameter_m": 0.84}
    result = assess(parse_vehicle(scud_data(stages=[stage])), annex)
    assert result.at_threshold_payload.range_m is not None and result.payload_to_threshold_range_kg is not None
    return result.at_threshold_payload.range_m, result.payload_to_threshold_range_kg, str(result.category)


def test_the_grid_is_the_cartesian_product_with_units(tmp_path: Path) -> None:
    spec = load_sweep(_spec(tmp_path))
    assert spec.paths == ("stages[0].propellant_kg", "stages[0].isp_s")
    assert spec.points == 4
    assert spec.design_matrix().tolist() == [[3500.0, 200.0], [3500.0, 230.0], [3699.0, 200.0], [3699.0, 230.0]]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_sweep_files_hold_the_scalar_results(tmp_path: Path, annex: Annex, suffix: str) -> None:
    result = run_sweep(load_sweep(_spec(tmp_path)), annex)
    out = write_table(result, tmp_path / f"rows{suffix}")
    if suffix == ".csv":
        with out.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == COLUMNS
        table = {name: [row[name] for row in rows] for name in COLUMNS}
    else:
        import pyarrow.parquet as pq

        parquet = pq.read_table(out)
        assert parquet.column_names == COLUMNS
        assert parquet.schema.metadata[b"mtcr.regime"] == b"mtcr-2024"
        table = parquet.to_pydict()
    assert len(table["category"]) == 4
    for row in range(4):
        propellant, isp = float(table[COLUMNS[0]][row]), float(table[COLUMNS[1]][row])
        range_m, payload, category = _scalar(propellant, isp, annex)
        assert float(table["range_at_threshold_payload_m"][row]) == pytest.approx(range_m, rel=1e-6)
        assert float(table["payload_to_threshold_range_kg"][row]) == pytest.approx(payload, abs=0.5)
        assert table["category"][row] == category
        assert table["method"][row] == "batched"


def test_a_scalar_sweep_is_assess_itself(tmp_path: Path, annex: Annex) -> None:
    result = run_sweep(load_sweep(_spec(tmp_path, "scalar")), annex)
    columns = result.columns()
    for row in (0, 3):
        range_m, payload, category = _scalar(columns[COLUMNS[0]][row], columns[COLUMNS[1]][row], annex)  # type: ignore[arg-type]
        assert columns["range_at_threshold_payload_m"][row] == range_m
        assert columns["payload_to_threshold_range_kg"][row] == payload
        assert columns["category"][row] == category and columns["method"][row] == "scalar"


def test_a_catalogue_base_and_a_failing_point(tmp_path: Path, annex: Annex) -> None:
    spec = parse_sweep(
        {
            "format": "mtcr-sweep/1",
            "vehicle": "scud-b",
            "payload_search": False,
            "grid": {"stages[0].isp_s": [150, 5000]},
        },
        source="inline",
    )
    with pytest.raises(DataFileError) as raised:
        run_sweep(spec, annex)
    assert raised.value.field == "stages[0].isp_s" and "design point 1" in str(raised.value)


@pytest.mark.parametrize(
    ("grid", "field", "message"),
    [
        ({"stages[0].isp_s": ["3 m"]}, "grid.stages[0].isp_s", "not a"),
        ({"stages[0]..isp_s": [1]}, "grid.stages[0]..isp_s", "field path"),
        ({"stages[0].isp_s": []}, "grid.stages[0].isp_s", "at least one value"),
        ({"stages[0].isp_s": {"from": 1, "to": 2}}, "grid.stages[0].isp_s", "from, to and steps"),
        ({"stages[0].isp_s": 230}, "grid.stages[0].isp_s", "expected a list"),
    ],
)
def test_bad_specs_name_the_field(grid: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(DataFileError) as raised:
        parse_sweep({"format": "mtcr-sweep/1", "vehicle": str(VALIDATION_DIR / "forden-scud-b.yaml"), "grid": grid})
    assert raised.value.field is not None and raised.value.field.startswith(field.split(".")[0])
    assert field in str(raised.value) or raised.value.field == field
    assert message in str(raised.value)


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(DataFileError, match="unknown key"):
        parse_sweep({"format": "mtcr-sweep/1", "vehicle": "scud-b", "grid": {"stages[0].isp_s": [1]}, "grids": {}})
    assert math.isfinite(1.0)
