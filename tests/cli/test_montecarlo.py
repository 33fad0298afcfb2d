"""``mtcr assess FILE --samples N`` (Monte Carlo) and ``mtcr sweep`` as a user drives them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.cli.test_cli import invoke
from tests.physics.conftest import scud_data

UNCERTAIN_STAGE = {
    "propellant_kg": {"distribution": "triangular", "low": "8000 lb", "mode": "8155 lb", "high": "8300 lb"},
    "dry_kg": 1198,
    "burn_time_s": 75,
    "isp_s": {"distribution": "uniform", "low": 190, "high": 215},
    "diameter_m": 0.84,
}


def _uncertain_file(tmp_path: Path) -> Path:
    path = tmp_path / "scud-uncertain.yaml"
    path.write_text(yaml.safe_dump(scud_data(stages=[UNCERTAIN_STAGE]), sort_keys=False))
    return path


def test_monte_carlo_table_json_and_plot(tmp_path: Path) -> None:
    file, png = _uncertain_file(tmp_path), tmp_path / "mc.png"
    code, out, _ = invoke("assess", str(file), "--samples", "12", "--seed", "4", "--plot", str(png))
    assert code == 0, out
    assert "Monte Carlo" in out and "P(Category I)" in out and "95% CI" in out and "Sensitivity" in out
    assert "stages[0].isp_s" in out and "Plot written" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = invoke("assess", str(file), "--samples", "12", "--seed", "4", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["samples"] == 12 and data["seed"] == 4 and data["model_version"]
    assert set(data["probability_category_i"]) >= {"estimate", "low", "high", "successes", "trials"}
    assert len(data["table"]["inputs"]["stages[0].isp_s"]) == 12
    assert len(data["table"]["category"]) == 12
    assert data["sensitivity"][0]["path"] == "stages[0].isp_s"
    again = json.loads(invoke("assess", str(file), "--samples", "12", "--seed", "4", "--json")[1])
    assert again == data  # reproducible from the seed


def test_plain_assess_of_a_file_with_distributions_uses_the_nominal_vehicle(tmp_path: Path) -> None:
    code, out, _ = invoke("assess", str(_uncertain_file(tmp_path)), "--points", "3", "--json")
    assert code == 0
    stage = json.loads(out)["assessment"]["vehicle"]["stages"][0]
    assert abs(stage["exhaust_velocity_m_s"] / 9.80665 - 202.5) < 1e-9  # the uniform's midpoint


def test_monte_carlo_errors(tmp_path: Path) -> None:
    file = _uncertain_file(tmp_path)
    code, _, err = invoke("assess", str(file), "scud-b", "--samples", "5")
    assert code == 2 and "one vehicle at a time" in err
    code, _, err = invoke("assess", str(file), "--samples", "5", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--engine dask" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        yaml.safe_dump(scud_data(stages=[{**UNCERTAIN_STAGE, "isp_s": {"distribution": "uniform", "low": 215}}]))
    )
    code, _, err = invoke("assess", str(bad), "--samples", "5")
    assert code == 4 and "stages[0].isp_s" in err and "needs high, low" in err


def test_sweep_to_csv_and_parquet(tmp_path: Path) -> None:
    spec = tmp_path / "grid.yaml"
    spec.write_text(
        yaml.safe_dump(
            {
                "format": "mtcr-sweep/1",
                "vehicle": "scud-b",
                "payload_search": False,
                "grid": {"stages[0].isp_s": [200, 230], "payload_kg": [500, "1 t"]},
            },
            sort_keys=False,
        )
    )
    csv_file, parquet_file = tmp_path / "rows.csv", tmp_path / "rows.parquet"
    code, out, _ = invoke("sweep", str(spec), "--out", str(csv_file))
    assert code == 0, out
    assert "4 design points" in out and "4 rows written" in out
    lines = csv_file.read_text().splitlines()
    assert lines[0].startswith("stages[0].isp_s,payload_kg,range_at_threshold_payload_m") and len(lines) == 5
    code, out, _ = invoke("sweep", str(spec), "--out", str(parquet_file), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["rows"]["payload_kg"] == [500.0, 1000.0, 500.0, 1000.0]
    assert parquet_file.read_bytes()[:4] == b"PAR1"
    code, _, err = invoke("sweep", str(spec), "--out", str(tmp_path / "rows.xlsx"))
    assert code == 2 and ".csv or .parquet" in err


def test_earth_rotation_is_refused_for_a_cruise_vehicle() -> None:
    code, _out, err = invoke("assess", "tomahawk", "--latitude", "30")
    assert code == 2 and "cruise vehicle" in err
