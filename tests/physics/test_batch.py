"""The batched kernels (physics/core/batch.py) against the scalar code they mirror."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest

from mtcr.annex import Annex
from mtcr.physics.assessment import assess, rocket_thresholds
from mtcr.physics.core import batch
from mtcr.physics.core.flight import SUMMARY_FIELDS
from mtcr.physics.optimize import maximise_range
from mtcr.physics.trajectory import (
    DEFAULT_NUMERICS,
    FlightStatus,
    Guidance,
    fly_summary,
    guidance_timing,
    kernel_inputs,
)
from mtcr.physics.uncertainty import Targets, assess_batched, pack, search_settings
from mtcr.physics.vehicle import Vehicle, load_vehicle
from tests.physics.conftest import VALIDATION_DIR

# Measured agreement of the batched search with the scalar one (same scan, brackets, warm starts and
# tolerances; Brent's methods written out in the kernel): single-stage ranges within 2e-8 relative,
# staged within 4e-8, payloads to 300 km within 0.11 kg (the root-finding tolerance is 0.5 kg).
RANGE_RTOL = 1e-6
PAYLOAD_ATOL_KG = 0.5


def _vehicles(*names: str) -> list[Vehicle]:
    return [load_vehicle(VALIDATION_DIR / f"{name}.yaml") for name in names]


def _fly_batch(vehicles: list[Vehicle], guidance: np.ndarray, *, threads: bool) -> np.ndarray:
    packed = pack(vehicles)
    summaries = np.zeros((len(vehicles), SUMMARY_FIELDS))
    run = batch.fly_parallel if threads else batch.fly_serial
    run(
        packed.stages,
        packed.stage_counts,
        packed.vehicles,
        guidance,
        DEFAULT_NUMERICS.as_array(),
        packed.mach,
        packed.cd,
        packed.table_sizes,
        summaries,
    )
    return summaries


@pytest.mark.parametrize("threads", [True, False])
def test_batched_flights_are_the_scalar_flights(threads: bool) -> None:
    """Mixed stage counts and drag-table lengths in one batch: padding and slicing change nothing. Equal to
    1e-12, not bit for bit: the kernels may fuse multiply-adds, and the compiler chooses where differently
    in the batched and the scalar entry points (physics/core/flight.py)."""
    vehicles = _vehicles("forden-scud-b", "altmann-3-stage-a", "wright-scud-b", "altmann-2-stage-low-isp")
    guidance = np.array(
        [Guidance(k, t, 4.0, 7.0).as_array() for k, t in ((20.0, 0.0), (15.0, 5.0), (30.0, 0.0), (12.0, -3.0))]
    )
    summaries = _fly_batch(vehicles, guidance, threads=threads)
    for row, vehicle in enumerate(vehicles):
        scalar = fly_summary(kernel_inputs(vehicle), guidance[row], DEFAULT_NUMERICS.as_array())
        np.testing.assert_allclose(summaries[row], scalar, rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("payload", [0.0, 500.0, 3000.0])
def test_guidance_timing_mirrors_the_scalar_one(payload: float) -> None:
    for vehicle in _vehicles("forden-scud-b", "wright-scud-b", "altmann-3-stage-a", "wright-minuteman-iii"):
        loaded = vehicle.with_payload(payload)
        inputs = kernel_inputs(loaded)
        assert batch.guidance_timing(inputs.stages, inputs.stages.shape[0], inputs.vehicle) == guidance_timing(loaded)


def test_batched_maximum_range_agrees_with_maximise_range() -> None:
    vehicles = [
        v.with_payload(p) for v in _vehicles("forden-scud-b", "altmann-2-stage-low-isp") for p in (0.0, 500.0, 1000.0)
    ]
    packed = pack(vehicles)
    out = np.zeros((len(vehicles), batch.MAX_RANGE_FIELDS))
    search, kick_grid, scan_tilts = search_settings()
    batch.max_range_parallel(
        packed.stages,
        packed.stage_counts,
        packed.vehicles,
        DEFAULT_NUMERICS.as_array(),
        packed.mach,
        packed.cd,
        packed.table_sizes,
        search,
        kick_grid,
        scan_tilts,
        out,
    )
    for row, vehicle in enumerate(vehicles):
        scalar = maximise_range(vehicle, record=False)
        assert scalar.status is FlightStatus.IMPACT and out[row, batch.M_STATUS] == 0.0
        assert out[row, batch.M_RANGE_M] == pytest.approx(scalar.range_m, rel=RANGE_RTOL)
        assert out[row, batch.M_KICK_DEG] == pytest.approx(scalar.guidance.kick_deg, abs=0.05)


def test_batched_assessment_agrees_with_assess(annex: Annex) -> None:
    """Range at 500 kg, payload to 300 km and verdict, against the scalar assess() on the same vehicles."""
    vehicles = _vehicles("forden-scud-b", "forden-al-hussein", "altmann-1-stage-a", "altmann-2-stage-low-isp")
    results = assess_batched(vehicles, Targets.of(rocket_thresholds(annex), annex.id))
    for vehicle, result in zip(vehicles, results, strict=True):
        scalar = assess(vehicle, annex)
        assert result[batch.A_NEEDS_SCALAR] == 0.0
        assert result[batch.A_RANGE_AT_THRESHOLD_M] == pytest.approx(
            scalar.at_threshold_payload.range_m, rel=RANGE_RTOL
        )
        assert result[batch.A_RANGE_AT_MIN_PAYLOAD_M] == pytest.approx(scalar.lightest.range_m, rel=RANGE_RTOL)
        assert scalar.payload_to_threshold_range_kg is not None
        assert result[batch.A_PAYLOAD_TO_RANGE_KG] == pytest.approx(
            scalar.payload_to_threshold_range_kg, abs=PAYLOAD_ATOL_KG
        )
        assert {0.0: "Category I", 1.0: "Category II", 2.0: "below the thresholds"}[result[batch.A_CATEGORY]] == str(
            scalar.category
        )
        if len(vehicle.stages) == 1:
            assert result[batch.A_TRAJECTORIES] < scalar.evaluations  # no curve to fly
        else:
            assert result[batch.A_TRAJECTORIES] == pytest.approx(scalar.evaluations, rel=0.05)


def test_a_staged_flight_near_orbit_is_left_to_the_scalar_search(annex: Annex) -> None:
    """The scalar search for orbit (perigee maximisation) has no batched twin: the kernel says so."""
    (minuteman,) = _vehicles("wright-minuteman-iii")
    (result,) = assess_batched([minuteman], Targets.of(rocket_thresholds(annex), annex.id, payload_search=False))
    assert result[batch.A_NEEDS_SCALAR] == 1.0


def test_no_payload_search_and_no_curve_are_cheaper_and_agree(annex: Annex) -> None:
    vehicles = _vehicles("forden-scud-b")
    full = assess_batched(vehicles, Targets.of(rocket_thresholds(annex), annex.id))[0]
    quick = assess_batched(vehicles, Targets.of(rocket_thresholds(annex), annex.id, payload_search=False))[0]
    assert math.isnan(quick[batch.A_PAYLOAD_TO_RANGE_KG])
    assert quick[batch.A_TRAJECTORIES] < full[batch.A_TRAJECTORIES]
    assert quick[batch.A_RANGE_AT_THRESHOLD_M] == full[batch.A_RANGE_AT_THRESHOLD_M]
    assert quick[batch.A_CATEGORY] == full[batch.A_CATEGORY]


def test_batched_kernels_run_without_the_jit() -> None:
    """NUMBA_DISABLE_JIT=1: prange is range, and the numbers are the compiled ones."""
    code = (
        "import numpy as np\n"
        "from tests.physics.conftest import scud_data\n"
        "from mtcr.physics.core import batch\n"
        "from mtcr.physics.core.flight import SUMMARY_FIELDS\n"
        "from mtcr.physics.trajectory import Guidance, Numerics\n"
        "from mtcr.physics.uncertainty import pack\n"
        "from mtcr.physics.vehicle import parse_vehicle\n"
        "p = pack([parse_vehicle(scud_data())])\n"
        "out = np.zeros((1, SUMMARY_FIELDS))\n"
        "args = (p.stages, p.stage_counts, p.vehicles, Guidance(20.0).as_array()[None, :],"
        " Numerics(dt_boost_s=0.5, dt_coast_s=1.0).as_array(), p.mach, p.cd, p.table_sizes, out)\n"
        "batch.fly_parallel(*args)\n"
        "first = out[0, 1]\n"
        "batch.fly_serial(*args)\n"
        "assert out[0, 1] == first\n"
        "print(repr(float(first)))\n"
    )
    environment = {**os.environ, "NUMBA_DISABLE_JIT": "1"}
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True, timeout=300
    )
    from mtcr.physics.trajectory import Numerics
    from mtcr.physics.vehicle import parse_vehicle
    from tests.physics.conftest import scud_data

    vehicle = parse_vehicle(scud_data())
    compiled = fly_summary(
        kernel_inputs(vehicle), Guidance(20.0).as_array(), Numerics(dt_boost_s=0.5, dt_coast_s=1.0).as_array()
    )
    assert float(output.stdout.strip()) == pytest.approx(compiled[1], rel=1e-12)
