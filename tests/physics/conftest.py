from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.physics.vehicle import Vehicle, load_vehicle

# The published reference vehicles (shared/reference/validation), copied into the tests as fixtures.
VALIDATION_DIR = Path(__file__).resolve().parent.parent / "acceptance" / "validation"


def scud_data(**changes: object) -> dict[str, object]:
    """Forden's Scud-B inputs as a mapping; ``changes`` replace top-level keys."""
    data: dict[str, object] = {
        "format": "mtcr-vehicle/1",
        "name": "Scud-B test vehicle",
        "payload_kg": 1000,
        "drag_table": "forden",
        "stages": [{"propellant_kg": 3699, "dry_kg": 1198, "burn_time_s": 75, "isp_s": 230, "diameter_m": 0.84}],
    }
    data.update(changes)
    return data


@pytest.fixture(scope="session")
def scud() -> Vehicle:
    return load_vehicle(VALIDATION_DIR / "forden-scud-b.yaml")
