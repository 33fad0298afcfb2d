"""Print the acceptance table of docs/validation.md: mtcr against every published reference vehicle.

Run: .venv/bin/python benchmarks/validation_table.py
"""

from __future__ import annotations

import time
from pathlib import Path

from mtcr.physics.optimize import maximise_range
from mtcr.physics.trajectory import MODEL_VERSION
from mtcr.physics.vehicle import load_vehicle

VALIDATION_DIR = Path(__file__).resolve().parent.parent / "tests" / "acceptance" / "validation"


def main() -> None:
    maximise_range(load_vehicle(VALIDATION_DIR / "forden-scud-b.yaml"), record=False)  # compile outside the timing
    print(f"mtcr physics model {MODEL_VERSION}\n")
    print("| vehicle | payload | published | mtcr | deviation | burnout speed / angle / height | apogee | time |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    deviations = []
    for path in sorted(VALIDATION_DIR.glob("*.yaml")):
        vehicle = load_vehicle(path)
        reference = vehicle.reference
        assert reference is not None
        start = time.perf_counter()
        result = maximise_range(vehicle, record=False)
        elapsed = time.perf_counter() - start
        published = "orbital" if reference.orbital else f"{reference.range_km:,.0f} km"
        if result.orbital:
            computed, deviation, burnout, apogee = "orbital", "flagged" if reference.orbital else "MISSED", "", ""
        else:
            assert result.range_m is not None
            computed = f"{result.range_m / 1e3:,.0f} km"
            if reference.range_km:
                value = result.range_m / 1e3 / reference.range_km - 1
                deviations.append(abs(value))
                deviation = f"{value:+.1%}"
            else:
                deviation = "NOT FLAGGED"
            b = result.trajectory.burnout
            burnout = f"{b.speed_m_s:,.0f} m/s, {b.flight_path_angle_deg:.1f} deg, {b.altitude_m / 1e3:.0f} km"
            apogee = f"{result.trajectory.apogee_m / 1e3:,.0f} km"
        print(
            f"| {vehicle.name} | {vehicle.payload_kg:,.0f} kg | {published} | {computed} | {deviation} | {burnout} "
            f"| {apogee} | {elapsed * 1e3:.0f} ms |"
        )
    print(f"\nlargest deviation {max(deviations):.1%}; mean absolute deviation {sum(deviations) / len(deviations):.1%}")


if __name__ == "__main__":
    main()
