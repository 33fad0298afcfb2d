"""``mtcr assess`` and ``mtcr systems`` as a user drives them."""

from __future__ import annotations

import json
from pathlib import Path

from mtcr.physics.catalogue import CATALOGUE_DIR
from tests.cli.test_cli import invoke

VALIDATION = Path(__file__).resolve().parents[1] / "acceptance" / "validation"


def test_assess_by_catalogue_name() -> None:
    code, out, _ = invoke("assess", "M-11")
    assert code == 0
    assert "M-11" in out and "Category I" in out and "range with 500 kg" in out
    assert "payload to 300.0 km" in out and "Assumptions" in out and "1976" in out
    assert "Annex classification" in out and "1.A.1" in out


def test_assess_file_as_json_is_the_whole_record() -> None:
    code, out, _ = invoke("assess", str(VALIDATION / "forden-scud-b.yaml"), "--json", "--points", "4")
    assert code == 0
    data = json.loads(out)
    record = data["assessment"]
    assert record["category"] == "Category I"
    assert record["model_version"] and record["assumptions"]["atmosphere"].startswith("U.S. Standard Atmosphere")
    assert record["thresholds"] == {
        "regime": "mtcr-2024",
        "range_m": 300000.0,
        "payload_kg": 500.0,
        "category_i_entry": "1.A.1",
        "category_ii_range_m": 300000.0,
        "category_ii_entry": "19.A.1",
    }
    nominal = record["nominal"]
    assert nominal["trajectory"]["burnout"]["altitude_m"] > 0 and nominal["trajectory"]["samples"]
    assert 280e3 < nominal["range_m"] < 310e3
    assert record["vehicle"]["stages"][0]["propellant_kg"] == 3699
    assert data["classification"]["summary"].endswith("Category I (1.A.1)")


def test_curve_and_plot(tmp_path: Path) -> None:
    png, svg = tmp_path / "scud.png", tmp_path / "scud.svg"
    code, out, _ = invoke("assess", "scud-b", "--curve", "--points", "5", "--plot", str(png))
    assert code == 0 and "Range-payload curve" in out and "Plot written" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, _, _ = invoke("assess", "scud-b", "--points", "3", "--plot", str(svg))
    assert code == 0 and "<svg" in svg.read_text()


def test_batch_under_a_stricter_regime() -> None:
    code, out, _ = invoke("assess", "prithvi", "scud-b", "-e", "strict-bilateral", "--points", "3")
    assert code == 0
    assert "Capability assessment (strict-bilateral)" in out
    assert "Prithvi" in out and "Scud-B" in out and "300 kg" in out


def test_orbital_vehicle_is_reported_as_orbital() -> None:
    code, out, _ = invoke("assess", str(VALIDATION / "minotaur-iv-lite-orbital.yaml"), "--points", "2")
    assert code == 0 and "orbital" in out and "Category I" in out


def test_rotating_earth_is_stated() -> None:
    code, out, _ = invoke("assess", "scud-b", "--latitude", "33", "--azimuth", "90", "--points", "2")
    assert code == 0 and "rotating; launch at latitude 33 deg" in " ".join(out.split())


def test_errors_name_the_problem(tmp_path: Path) -> None:
    code, _, err = invoke("assess", "scud-c")
    assert code == 3 and "unknown system 'scud-c'" in err and "scud-b" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: mtcr-vehicle/1\nname: x\npayload_kg: 1\nstages: [{propellant_kg: 1}]\n")
    code, _, err = invoke("assess", str(bad))
    assert code == 4 and "bad.yaml" in err and "stages[0].dry_kg" in err
    code, _, err = invoke("assess", "m-11", "scud-b", "--plot", str(tmp_path / "x.png"))
    assert code == 2 and "--plot" in err
    code, _, err = invoke("assess", "m-11", "--plot", str(tmp_path / "x.gif"))
    assert code == 2 and ".png" in err
    code, _, err = invoke("assess", "m-11", "--azimuth", "90")
    assert code == 2 and "--latitude" in err


def test_systems_lists_the_catalogue() -> None:
    code, out, _ = invoke("systems")
    assert code == 0
    for name in ("m-11", "m-9", "css-2", "scud-b", "al-hussein", "no-dong", "ghauri", "prithvi", "agni-i"):
        assert name in out
    code, out, _ = invoke("systems", "--json")
    assert len(json.loads(out)) == len(list(CATALOGUE_DIR.glob("*.yaml")))
