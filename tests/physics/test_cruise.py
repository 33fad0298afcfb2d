"""Cruise missiles and UAVs (kind: cruise): Breguet against hand-computed values, the payload/fuel
trade-off in both regimes, allowances, segments, invariants, and the strict loader."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcr.errors import DataFileError, InputError
from mtcr.physics.cruise import FuelLimit, Phase, as_max_range, cruise_range, max_payload_kg, payload_to_range
from mtcr.physics.trajectory import FlightStatus
from mtcr.physics.vehicle import Engine, VehicleKind, parse_vehicle
from tests.physics.conftest import scud_data

G0 = 9.80665
LB = 0.45359237  # kg, exact
LBF = LB * G0  # N, exact
HP = 745.69987158227022  # W, mechanical horsepower (550 ft lbf / s)
R_E = 6_371_000.0


def cruise_data(payload: object = 0, **cruise: object) -> dict[str, object]:
    """A jet vehicle: 700 kg empty, 300 kg of fuel, 250 m/s, L/D 10, TSFC 0.8 lb/(lbf h); ``cruise`` replaces keys."""
    block: dict[str, object] = {
        "engine": "turbojet",
        "empty_kg": 700,
        "fuel_capacity_kg": 300,
        "lift_to_drag": 10,
        "speed_m_s": 250,
        "tsfc_mg_n_s": "0.8 lb/(lbf*h)",
    }
    block.update(cruise)
    return {"format": "mtcr-vehicle/1", "name": "test cruise", "kind": "cruise", "payload_kg": payload, "cruise": block}


def range_km(data: dict[str, object], payload: float | None = None) -> float:
    result = cruise_range(parse_vehicle(data), payload)
    assert result.status is FlightStatus.IMPACT and result.range_m is not None
    return result.range_m / 1e3


# --- Breguet, closed form ---------------------------------------------------------------------------------


def test_jet_breguet_matches_the_worked_example() -> None:
    # missile-physics.md 3.6 item 9: V 250 m/s, L/D 10, 0.8 lb/(lbf h), fuel fraction 0.30 -> ~4 013 km
    hand = 250 / (0.8 / 3600) * 10 * math.log(1 / 0.7) / 1e3
    assert hand == pytest.approx(4012.6, abs=0.1)
    assert range_km(cruise_data()) == pytest.approx(hand, rel=1e-12)


def test_propeller_breguet_matches_hand_computation() -> None:
    data = cruise_data(
        100,
        engine="propeller",
        tsfc_mg_n_s=None,
        psfc_g_kw_h=300,
        propeller_efficiency=0.8,
        lift_to_drag=15,
        speed_m_s=40,
    )
    del data["cruise"]["tsfc_mg_n_s"]  # type: ignore[attr-defined]
    psfc_kg_j = 0.300 / 3.6e6
    hand = 0.8 * 15 / (G0 * psfc_kg_j) * math.log(1100 / 800) / 1e3
    assert hand == pytest.approx(4676.1, abs=0.1)  # 14 684 km x ln(1100/800)
    assert range_km(data) == pytest.approx(hand, rel=1e-12)


def test_rocket_sustainer_is_breguet_with_tsfc_one_over_exhaust_velocity() -> None:
    data = cruise_data(engine="rocket", isp_s=200, lift_to_drag=3, speed_m_s=300)
    del data["cruise"]["tsfc_mg_n_s"]  # type: ignore[attr-defined]
    hand = 300 * 3 * 200 * G0 / G0 * math.log(1000 / 700) / 1e3  # V (L/D) Isp (g0/g) ln(m0/m1)
    assert range_km(data) == pytest.approx(hand, rel=1e-12)


@pytest.mark.parametrize(
    ("written", "mg_n_s"),
    [
        ("0.8 lb/(lbf*h)", 0.8 * LB * 1e6 / (LBF * 3600)),  # 22.660 mg/(N s)
        ("0.8 1/h", 0.8 / 3600 / G0 * 1e6),  # a rate c_t: c_T = c_t / g0
        ("0.0815 kg/(N*h)", 0.0815 * 1e6 / 3600),
        ("22.66 g/(kN*s)", 22.66),
        (22.66, 22.66),
    ],
)
def test_tsfc_units(written: object, mg_n_s: float) -> None:
    segment = parse_vehicle(cruise_data(tsfc_mg_n_s=written)).cruise.segments[0]  # type: ignore[union-attr]
    assert segment.tsfc_kg_n_s == pytest.approx(mg_n_s * 1e-6, rel=1e-9)
    assert mg_n_s == pytest.approx(22.66, rel=2e-3)  # every row is the same engine, written differently


@pytest.mark.parametrize(
    ("written", "g_kw_h"),
    [
        ("0.5 lb/(hp*h)", 0.5 * LB * 1e3 / (HP / 1e3)),  # 304.14 g/(kW h)
        ("0.30414 kg/(kW*h)", 304.14),
        ("8.4483e-8 kg/J", 8.4483e-8 * 3.6e9),
        (304.14, 304.14),
    ],
)
def test_psfc_units(written: object, g_kw_h: float) -> None:
    data = cruise_data(engine="propeller", psfc_g_kw_h=written, propeller_efficiency=0.8)
    del data["cruise"]["tsfc_mg_n_s"]  # type: ignore[attr-defined]
    segment = parse_vehicle(data).cruise.segments[0]  # type: ignore[union-attr]
    assert segment.psfc_kg_j == pytest.approx(g_kw_h * 1e-3 / 3.6e6, rel=1e-4)
    assert g_kw_h == pytest.approx(304.14, rel=1e-4)


# --- the payload/fuel trade-off ---------------------------------------------------------------------------


K_JET = 250 / (0.8 * LB / (LBF * 3600) * G0) * 10  # m, the range factor V (L/D) / (g c_T)


def test_tank_limited_and_takeoff_mass_limited_regimes() -> None:
    # empty 700, tank 300, MTOW 1200: tanks full up to 200 kg of payload, then payload displaces fuel
    data = cruise_data(100, max_takeoff_kg=1200)
    vehicle = parse_vehicle(data)
    light = cruise_range(vehicle, 150)
    assert light.fuel_limit is FuelLimit.TANK and light.fuel_kg == 300
    assert light.range_m == pytest.approx(K_JET * math.log(1150 / 850), rel=1e-12)
    heavy = cruise_range(vehicle, 350)
    assert heavy.fuel_limit is FuelLimit.TAKEOFF_MASS and heavy.fuel_kg == pytest.approx(150)
    assert heavy.range_m == pytest.approx(K_JET * math.log(1200 / 1050), rel=1e-12)
    none = cruise_range(vehicle, 500)
    assert none.status is FlightStatus.NO_LIFTOFF and none.range_m is None and none.fuel_limit is FuelLimit.NONE
    assert max_payload_kg(vehicle) == 500


def test_payload_to_range_closed_form_in_both_regimes() -> None:
    vehicle = parse_vehicle(cruise_data(100, max_takeoff_kg=1200))
    # take-off-mass limited: K ln(MTOW / (E + P)) = R  ->  P = MTOW exp(-R/K) - E
    target = K_JET * math.log(1200 / 1000)
    assert payload_to_range(vehicle, target) == pytest.approx(1200 * math.exp(-target / K_JET) - 700, abs=0.5)
    # tank limited: K ln(1 + F / (E + P)) = R  ->  P = F / (exp(R/K) - 1) - E
    target = K_JET * math.log(1000 / 700)
    assert payload_to_range(vehicle, target) == pytest.approx(300 / math.expm1(target / K_JET) - 700, abs=0.5)
    assert payload_to_range(vehicle, 1e8) is None


def test_default_takeoff_mass_is_the_nominal_one() -> None:
    vehicle = parse_vehicle(cruise_data(100))
    assert vehicle.cruise is not None and vehicle.cruise.max_takeoff_kg == 1100
    assert not vehicle.cruise.max_takeoff_given
    assert cruise_range(vehicle, 200).fuel_kg == pytest.approx(200)  # 100 kg more payload, 100 kg less fuel
    assert vehicle.launch_mass_kg == 1100


@settings(max_examples=60, deadline=None)
@given(
    empty=st.floats(100, 5000),
    tank=st.floats(10, 3000),
    extra_mtow=st.floats(0, 3000),
    climb=st.floats(0, 0.1),
    reserve=st.floats(0, 0.2),
    payloads=st.lists(st.floats(0, 6000), min_size=2, max_size=6),
)
def test_range_never_increases_with_payload(
    empty: float, tank: float, extra_mtow: float, climb: float, reserve: float, payloads: list[float]
) -> None:
    data = cruise_data(
        0,
        empty_kg=empty,
        fuel_capacity_kg=tank,
        max_takeoff_kg=empty + tank + extra_mtow + 1,
        climb={"fuel_fraction": climb},
        reserve_fuel_fraction=reserve,
    )
    vehicle = parse_vehicle(data)
    ranges = [cruise_range(vehicle, p) for p in sorted(payloads)]
    reach = [r.range_m if r.range_m is not None else 0.0 for r in ranges]
    assert all(b <= a * (1 + 1e-12) for a, b in itertools.pairwise(reach))


@settings(max_examples=40, deadline=None)
@given(
    empty=st.floats(50, 5000),
    fuel=st.floats(5, 3000),
    payload=st.floats(0, 2000),
    speed=st.floats(20, 300),
    ld=st.floats(2, 30),
    tsfc_lb=st.floats(0.3, 2.0),
)
def test_results_do_not_change_with_the_units_written(
    empty: float, fuel: float, payload: float, speed: float, ld: float, tsfc_lb: float
) -> None:
    si = cruise_data(
        payload,
        empty_kg=empty,
        fuel_capacity_kg=fuel,
        speed_m_s=speed,
        lift_to_drag=ld,
        tsfc_mg_n_s=tsfc_lb * LB * 1e6 / (LBF * 3600),
        altitude_m=3000,
        climb={"fuel_fraction": 0.02, "distance_km": 20},
    )
    imperial = cruise_data(
        f"{payload / LB!r} lb",
        empty_kg=f"{empty / LB!r} lb",
        fuel_capacity_kg=f"{fuel / LB!r} lb",
        speed_m_s=f"{speed * 3.6!r} km/h",
        lift_to_drag=ld,
        tsfc_mg_n_s=f"{tsfc_lb!r} lb/(lbf*h)",
        altitude_m=f"{3000 / 0.3048!r} ft",
        climb={"fuel_fraction": 0.02, "distance_km": f"{20 / 1.852!r} nmi"},
    )
    a, b = cruise_range(parse_vehicle(si)), cruise_range(parse_vehicle(imperial))
    assert a.status is b.status
    if a.range_m is not None and b.range_m is not None:
        assert b.range_m == pytest.approx(a.range_m, rel=1e-9)
    else:
        assert a.range_m is None and b.range_m is None


# --- allowances, booster, segments, altitude ---------------------------------------------------------------


def test_climb_descent_and_reserve_allowances() -> None:
    data = cruise_data(
        0,
        climb={"fuel_fraction": 0.03, "distance_km": 40},
        descent={"fuel_fraction": 0.01, "distance_km": 60},
        reserve_fuel_fraction=0.1,
    )
    # climb: 1000 -> 970; descent ends at 700 + 30 reserve = 730, so it starts at 730 / 0.99
    hand = K_JET * math.log(970 / (730 / 0.99)) + 40e3 + 60e3
    result = cruise_range(parse_vehicle(data))
    assert result.range_m == pytest.approx(hand, rel=1e-12)
    assert [leg.phase for leg in result.legs] == [Phase.CLIMB, Phase.CRUISE, Phase.DESCENT]
    assert result.legs[-1].end_mass_kg == pytest.approx(730)


def test_fuel_that_cannot_cover_the_allowances_does_not_fly() -> None:
    result = cruise_range(parse_vehicle(cruise_data(0, climb={"fuel_fraction": 0.31})))
    assert result.status is FlightStatus.NO_LIFTOFF and "does not cover" in result.note


def test_booster_is_jettisoned_and_its_fuel_burned() -> None:
    plain = range_km(cruise_data())
    boosted = parse_vehicle(cruise_data(booster={"mass_kg": 400, "distance_km": 5, "fuel_kg": 20}))
    assert boosted.launch_mass_kg == 1400
    hand = K_JET * math.log(980 / 700) / 1e3 + 5
    result = cruise_range(boosted)
    assert result.range_m is not None and result.range_m / 1e3 == pytest.approx(hand, rel=1e-12)
    assert result.range_m / 1e3 < plain + 5  # the booster's fuel costs more than its 5 km give


def test_ground_distance_at_altitude() -> None:
    at_sea_level = range_km(cruise_data())
    high = range_km(cruise_data(altitude_m=10_000))
    assert high == pytest.approx(at_sea_level * R_E / (R_E + 10_000), rel=1e-12)


def test_mach_uses_the_standard_atmosphere_speed_of_sound() -> None:
    # US 1976 at 11 km geopotential: T = 216.65 K, a = 295.07 m/s (table value); 11 km geometric is
    # 10.981 km geopotential, still in the troposphere: T = 288.15 - 6.5 x 10.981 = 216.77 K
    r0 = 6_356_766.0
    geopotential = r0 * 11_000 / (r0 + 11_000)
    temperature = 288.15 - 0.0065 * geopotential
    sound = math.sqrt(1.4 * 8.31432 / 0.0289644 * temperature)
    assert sound == pytest.approx(295.15, abs=0.01)
    vehicle = parse_vehicle(cruise_data(speed_m_s=None, mach=0.8, altitude_m=11_000))
    assert vehicle.cruise is not None
    assert vehicle.cruise.segments[0].speed_m_s == pytest.approx(0.8 * sound, rel=1e-9)


def test_segments_fixed_distance_fuel_share_and_remainder() -> None:
    k2 = 200 / (0.8 * LB / (LBF * 3600) * G0) * 6  # m: the low-level segment's range factor
    segments = [
        {"fuel_share": 0.25},  # forwards from the climb: burns a quarter of the cruise fuel at K_JET
        {},  # the rest
        {"distance_km": 100, "speed_m_s": 200, "lift_to_drag": 6, "altitude_m": 50},  # low-level dash at the end
    ]
    result = cruise_range(parse_vehicle(cruise_data(0, segments=segments)))
    after_first = 1000 - 0.25 * 300
    before_last = 700 * math.exp(100e3 / k2)
    hand = K_JET * math.log(1000 / after_first) + K_JET * math.log(after_first / before_last) + 100e3 * R_E / (R_E + 50)
    assert result.range_m == pytest.approx(hand, rel=1e-12)
    cruise_legs = [leg for leg in result.legs if leg.phase is Phase.CRUISE]
    assert [leg.end_mass_kg for leg in cruise_legs] == pytest.approx([after_first, before_last, 700])


def test_one_segment_is_the_plain_cruise() -> None:
    assert range_km(cruise_data(segments=[{}])) == pytest.approx(range_km(cruise_data()), rel=1e-15)


def test_segments_that_need_more_fuel_than_carried_do_not_fly() -> None:
    result = cruise_range(parse_vehicle(cruise_data(segments=[{"distance_km": 10_000}, {}])))
    assert result.status is FlightStatus.NO_LIFTOFF


def test_record_for_the_assessment() -> None:
    vehicle = parse_vehicle(cruise_data(0, altitude_m=8000, climb={"fuel_fraction": 0.02, "distance_km": 50}))
    record = as_max_range(cruise_range(vehicle))
    trajectory = record.trajectory
    assert record.status is FlightStatus.IMPACT and not record.orbital
    assert trajectory.apogee_m == 8000 and trajectory.burnout.altitude_m == 8000
    assert trajectory.samples[0][1] == 0 and trajectory.samples[-1][1] == pytest.approx(record.range_m)
    assert trajectory.time_of_flight_s == pytest.approx((record.range_m or 0) / 250)
    masses = [s[4] for s in trajectory.samples]
    assert masses[0] == 1000 and masses[-1] == pytest.approx(700)
    assert all(b <= a for a, b in itertools.pairwise(masses))


# --- the loader ------------------------------------------------------------------------------------------


def test_kind_cruise_loads_into_the_shared_vehicle() -> None:
    vehicle = parse_vehicle(cruise_data(100))
    assert vehicle.kind is VehicleKind.CRUISE and vehicle.stages == ()
    assert vehicle.cruise is not None and vehicle.cruise.engine is Engine.TURBOJET


def _without_tsfc(**changes: object) -> dict[str, object]:
    data = cruise_data(**changes)
    del data["cruise"]["tsfc_mg_n_s"]  # type: ignore[attr-defined]
    return data


@pytest.mark.parametrize(
    ("data", "field", "problem"),
    [
        (cruise_data(fuel_tank_kg=5), "cruise.fuel_tank_kg", "unknown key"),
        (
            cruise_data() | {"cruise": {k: v for k, v in cruise_data()["cruise"].items() if k != "engine"}},  # type: ignore[attr-defined]
            "cruise.engine",
            "required key missing",
        ),
        (cruise_data(empty_kg="1200 lb") | {"stages": scud_data()["stages"]}, "stages", "not used by kind: cruise"),
        (cruise_data(engine="ramjet"), "cruise.engine", "'turbojet'"),
        (cruise_data(empty_kg="5 m"), "cruise.empty_kg", "not a [mass]"),
        (cruise_data(tsfc_mg_n_s="0.8 lb/h"), "cruise.tsfc_mg_n_s", "unit"),
        (cruise_data(tsfc_mg_n_s=-1), "cruise.tsfc_mg_n_s", "greater than 0"),
        (cruise_data(lift_to_drag=0), "cruise.lift_to_drag", "greater than 0"),
        (cruise_data(mach=0.8), "cruise", "at most one of speed_m_s and mach"),
        (cruise_data(speed_m_s=None), "cruise", "exactly one of speed_m_s and mach"),
        (_without_tsfc(), "cruise", "tsfc_mg_n_s is required for engine turbojet"),
        (cruise_data(propeller_efficiency=0.8), "cruise", "propeller_efficiency does not apply"),
        (_without_tsfc(engine="propeller", psfc_g_kw_h=300), "cruise", "propeller_efficiency is required"),
        (cruise_data(propeller_efficiency=1.2), "cruise.propeller_efficiency", "less than or equal to 1"),
        (cruise_data(climb={"fuel_fraction": 0.9}), "cruise.climb.fuel_fraction", "less than or equal to 0.5"),
        (cruise_data(climb={"fuel": 0.1}), "cruise.climb.fuel", "unknown key"),
        (cruise_data(reserve_fuel_fraction=1), "cruise.reserve_fuel_fraction", "less than 1"),
        (cruise_data(booster={"distance_km": 3}), "cruise.booster.mass_kg", "required key missing"),
        (cruise_data(booster={"mass_kg": 10, "fuel_kg": 300}), "cruise.booster.fuel_kg", "not less than"),
        (cruise_data(segments=[{"distance_km": 5}]), "cruise", "exactly one segment"),
        (cruise_data(segments=[{}, {}]), "cruise", "found 2"),
        (cruise_data(segments=[{"fuel_share": 0.6}, {"fuel_share": 0.5}, {}]), "cruise", "add up to 1.1"),
        (cruise_data(segments=[{"distance_km": 5, "fuel_share": 0.1}, {}]), "cruise.segments[0]", "at most one"),
        (cruise_data(segments=[{"lift_to_dreg": 5}, {}]), "cruise.segments[0].lift_to_dreg", "unknown key"),
        (cruise_data(segments=[{"isp_s": 200}, {}]), "cruise", "segments[0]: isp_s does not apply"),
        (cruise_data(100, max_takeoff_kg=800), "cruise.max_takeoff_kg", "leaves no fuel"),
        ({k: v for k, v in cruise_data().items() if k != "cruise"}, "cruise", "required key missing"),
        (cruise_data() | {"drag_table": "v2"}, "drag_table", "not used by kind: cruise"),
        (cruise_data() | {"launch": {"latitude_deg": 10}}, "launch", "not used by kind: cruise"),
        (scud_data(cruise=cruise_data()["cruise"]), "cruise", "only for kind: cruise"),
        ({k: v for k, v in scud_data().items() if k != "stages"}, "stages", "required key missing"),
    ],
)
def test_bad_cruise_input_names_the_field(data: dict[str, object], field: str, problem: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_vehicle(data, source="drone.yaml")
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(caught.value).startswith("drone.yaml")


def test_negative_payload_is_refused() -> None:
    with pytest.raises(InputError, match="payload_kg"):
        cruise_range(parse_vehicle(cruise_data()), -1)


def test_the_documented_example_loads_and_flies() -> None:
    from pathlib import Path

    import yaml

    doc = (Path(__file__).resolve().parents[2] / "docs" / "vehicle-format.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Cruise missiles and UAVs") :]
    example = section[section.index("```yaml") + len("```yaml") : section.index("```", section.index("```yaml") + 7)]
    vehicle = parse_vehicle(yaml.safe_load(example), source="docs/vehicle-format.md")
    assert vehicle.kind is VehicleKind.CRUISE and vehicle.cruise is not None and len(vehicle.cruise.segments) == 3
    assert cruise_range(vehicle).status is FlightStatus.IMPACT
