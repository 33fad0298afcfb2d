"""Maximum range, the range-payload curve and the verdict: invariants and known answers."""

from __future__ import annotations

import dataclasses
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcr.annex import Annex, MatchStatus, load
from mtcr.physics.assessment import Category, assess, classify_assessment, rocket_thresholds
from mtcr.physics.optimize import maximise_range
from mtcr.physics.trajectory import FlightStatus, Guidance, simulate
from mtcr.physics.vehicle import Vehicle, parse_vehicle
from tests.physics.conftest import scud_data

# The optimiser stops within a small tolerance of the optimum; comparisons allow for it.
OPTIMUM_TOLERANCE = 1e-4


def test_the_optimum_beats_every_guidance_nearby(scud: Vehicle) -> None:
    best = maximise_range(scud, record=False)
    assert best.range_m is not None
    for kick in (best.guidance.kick_deg - 1, best.guidance.kick_deg + 1, 5.0, 60.0):
        other = simulate(scud, dataclasses.replace(best.guidance, kick_deg=kick), record=False).range_m
        assert other is not None and other <= best.range_m * (1 + 1e-9)


def test_warm_start_finds_the_same_optimum(scud: Vehicle) -> None:
    cold = maximise_range(scud.with_payload(700), record=False)
    warm = maximise_range(scud.with_payload(700), start=Guidance(kick_deg=30.0), record=False)
    assert warm.range_m == pytest.approx(cold.range_m, rel=OPTIMUM_TOLERANCE)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(light=st.floats(0, 2500), extra=st.floats(1, 1500))
def test_range_never_increases_with_payload(scud: Vehicle, light: float, extra: float) -> None:
    lighter = maximise_range(scud.with_payload(light), record=False)
    heavier = maximise_range(scud.with_payload(light + extra), record=False)
    assert lighter.range_m is not None
    assert (heavier.range_m or 0.0) <= lighter.range_m * (1 + OPTIMUM_TOLERANCE)


# Each field of Forden's Scud-B written in another unit, with its value in SI.
OTHER_UNITS = {
    "propellant_kg": ("8154.8 lb", 8154.8 * 0.45359237),
    "dry_kg": ("1.198 t", 1198.0),
    "burn_time_s": ("1.25 min", 75.0),
    "diameter_m": ("33.07086614173228 inch", 0.84),
}


@settings(max_examples=10, deadline=None)
@given(fields=st.sets(st.sampled_from(sorted(OTHER_UNITS)), min_size=1))
def test_results_do_not_depend_on_the_units_given(fields: set[str]) -> None:
    stage_si = {"propellant_kg": 3699.0, "dry_kg": 1198.0, "burn_time_s": 75.0, "isp_s": 230, "diameter_m": 0.84}
    stage_si.update({f: OTHER_UNITS[f][1] for f in fields})
    stage_units: dict[str, object] = {**stage_si, **{f: OTHER_UNITS[f][0] for f in fields}}
    si = parse_vehicle(scud_data(stages=[stage_si]))
    with_units = parse_vehicle(scud_data(stages=[stage_units]))
    guidance = Guidance(kick_deg=20.0)
    a, b = simulate(si, guidance, record=False), simulate(with_units, guidance, record=False)
    assert a.range_m == pytest.approx(b.range_m, rel=1e-9)


@pytest.fixture(scope="module")
def scud_assessment(scud: Vehicle, annex: Annex):  # type: ignore[no-untyped-def]
    return assess(scud, annex)


def test_scud_b_with_forden_inputs_is_category_i(scud_assessment, annex: Annex) -> None:  # type: ignore[no-untyped-def]
    a = scud_assessment
    assert a.category is Category.CATEGORY_I
    assert a.at_threshold_payload.range_m is not None and a.at_threshold_payload.range_m > 300e3
    assert a.nominal.range_m is not None and a.nominal.range_m < 300e3  # declared: under 300 km with 1 000 kg
    assert a.range_margin_m == pytest.approx(a.at_threshold_payload.range_m - 300e3)
    # the payload found by root finding flies 300 km
    assert a.payload_to_threshold_range_kg is not None
    at_root = maximise_range(a.vehicle.with_payload(a.payload_to_threshold_range_kg), record=False)
    assert at_root.range_m == pytest.approx(300e3, rel=2e-3)
    assert a.payload_margin_kg == pytest.approx(a.payload_to_threshold_range_kg - 500)
    ranges = [p.range_m for p in a.curve]
    assert all(r is not None for r in ranges)
    assert all(later <= earlier * (1 + OPTIMUM_TOLERANCE) for earlier, later in itertools.pairwise(ranges))
    assert len(a.curve) >= 16
    assert a.model_version and "1976" in a.assumptions.atmosphere
    classification = classify_assessment(annex, a)
    assert classification.status is MatchStatus.CONTROLLED
    assert "1.A.1" in [m.entry_id for m in classification.matches if m.status is MatchStatus.CONTROLLED]
    assert "Category I (1.A.1)" in classification.summary


def test_trajectory_records_are_immutable(scud_assessment) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AttributeError):
        scud_assessment.category = Category.BELOW
    assert scud_assessment.nominal.trajectory.samples  # the plotted trajectory is kept
    assert scud_assessment.nominal.trajectory.status is FlightStatus.IMPACT


def test_a_small_rocket_is_below_the_thresholds(annex: Annex) -> None:
    small = parse_vehicle(
        scud_data(
            payload_kg=150,
            stages=[
                {
                    "propellant_kg": 120,
                    "dry_kg": 100,
                    "burn_time_s": 30,
                    "exhaust_velocity_m_s": 2000,
                    "reference_area_m2": 0.126,
                }
            ],
        )
    )
    a = assess(small, annex, curve_points=4)
    assert a.category is Category.BELOW
    assert a.payload_to_threshold_range_kg is None
    assert a.range_margin_m is not None and a.range_margin_m < 0
    assert classify_assessment(annex, a).status is MatchStatus.NOT_CONTROLLED


def test_any_payload_means_down_to_the_minimum_payload(annex: Annex) -> None:
    """Flown empty, even a small rocket may pass 300 km; an analyst can set the least credible payload."""
    altmann = parse_vehicle(
        scud_data(
            payload_kg=150,
            stages=[
                {
                    "propellant_kg": 235,
                    "dry_kg": 100,
                    "burn_time_s": 50,
                    "exhaust_velocity_m_s": 2550,
                    "reference_area_m2": 0.126,
                }
            ],
        )
    )
    empty = assess(altmann, annex, curve_points=4)
    assert empty.category is Category.CATEGORY_II and empty.lightest.payload_kg == 0
    credible = assess(altmann, annex, curve_points=4, min_payload_kg=100)
    assert credible.category is Category.BELOW and credible.lightest.payload_kg == 100
    assert min(p.payload_kg for p in credible.curve) == 100


def test_stricter_regime_uses_its_own_thresholds(scud: Vehicle) -> None:
    strict = load("strict-bilateral")
    thresholds = rocket_thresholds(strict)
    assert (thresholds.range_m, thresholds.payload_kg) == (150e3, 300)
    heavy = scud.with_payload(2400)  # about 100 km: under 300 km with any payload? no - but over 150 km with 300 kg
    a = assess(heavy, strict, curve_points=4)
    assert a.category is Category.CATEGORY_I
    assert a.thresholds.regime == strict.id
    assert assess(heavy, load("mtcr-2024"), curve_points=4).category is Category.CATEGORY_I  # 500 kg flies 445 km


def test_reaching_orbit_is_reported_as_orbital(annex: Annex) -> None:
    from mtcr.physics.vehicle import load_vehicle
    from tests.physics.conftest import VALIDATION_DIR

    minotaur = load_vehicle(VALIDATION_DIR / "minotaur-iv-lite-orbital.yaml")
    result = maximise_range(minotaur, record=False)
    assert result.orbital and result.range_m is None
    assert math.isinf(result.trajectory.apogee_m) or result.trajectory.status is FlightStatus.ORBITAL


def _single(**stage: object) -> Vehicle:
    base = {"propellant_kg": 3699, "dry_kg": 1198, "burn_time_s": 75, "isp_s": 230, "diameter_m": 0.84}
    return parse_vehicle(scud_data(stages=[{**base, **stage}]))


def test_a_light_reentry_vehicle_is_stable_not_orbital() -> None:
    """Strong drag on a light body is stiff: the steps are split, and the result is a range, never orbit."""
    vehicle = parse_vehicle(scud_data(reentry_vehicle={"ballistic_coefficient_kg_m2": 50})).with_payload(500)
    result = maximise_range(vehicle, record=False)
    assert not result.orbital and result.status is FlightStatus.IMPACT
    assert result.range_m is not None and 100e3 < result.range_m < 500e3


@pytest.mark.parametrize(("thrust_to_weight", "least_km"), [(1.2, 150.0), (2.0, 280.0), (4.0, 320.0), (20.0, 270.0)])
def test_guidance_timing_suits_sluggish_and_fast_vehicles(thrust_to_weight: float, least_km: float) -> None:
    """Forden's Scud-B propellant and Isp burnt at very different thrust: each flies a proper ballistic range
    (before the timing scaled with thrust, a T/W of 20 lost a quarter of its range to the fixed kick)."""
    burn = 3699 * 230 / (thrust_to_weight * (3699 + 1198 + 1000))
    result = maximise_range(_single(burn_time_s=burn), record=False)
    assert result.status is FlightStatus.IMPACT
    assert result.range_m is not None and result.range_m > least_km * 1e3
    assert 25 < result.trajectory.burnout.flight_path_angle_deg < 55


def test_a_payload_it_cannot_lift_is_reported_as_such(annex: Annex) -> None:
    heavy = _single(isp_s=120.0)  # thrust about equal to the weight with 1 000 kg
    a = assess(heavy, annex, curve_points=6)
    failed = [p for p in a.curve if p.status is FlightStatus.NO_LIFTOFF]
    assert failed and all(p.range_m is None and not p.orbital for p in failed)
    classification = classify_assessment(annex, a)
    assert "orbital" not in classification.summary


def test_minimum_payload_cannot_exceed_the_threshold_payload(scud: Vehicle, annex: Annex) -> None:
    from mtcr.errors import InputError

    with pytest.raises(InputError, match="min_payload_kg"):
        assess(scud, annex, min_payload_kg=1000)
