"""Acceptance: every published reference vehicle within 5 % of its published range; orbit flagged.

The table of results is in docs/validation.md (regenerate it with benchmarks/validation_table.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.physics.optimize import maximise_range
from mtcr.physics.vehicle import load_vehicle

VALIDATION_DIR = Path(__file__).resolve().parent / "validation"
TOLERANCE = 0.05


@pytest.mark.parametrize("path", sorted(VALIDATION_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_reference_vehicle(path: Path) -> None:
    vehicle = load_vehicle(path)
    reference = vehicle.reference
    assert reference is not None and reference.payload_kg == vehicle.payload_kg
    result = maximise_range(vehicle, record=False)
    if reference.orbital:
        assert result.orbital, f"{vehicle.name} reaches orbit in the reference; mtcr found {result.range_m} m"
        return
    assert not result.orbital and result.range_m is not None and reference.range_km is not None
    assert result.range_m / 1e3 == pytest.approx(reference.range_km, rel=TOLERANCE)
