"""Range of cruise missiles and UAVs (``kind: cruise``): Breguet cruise-climb with allowances.

The Annex defines a UAV's range as the one-way distance on the most fuel-efficient flight profile
(e.g. cruise speed and altitude), fully fuelled, in the ICAO standard atmosphere with zero wind
(Definitions, "Range", technical note 4; annex/data/mtcr-2024/definitions.yaml). The profile flown
here is the one the vehicle file describes, taken to be that most efficient one:

1. an optional jettisoned booster (ground- or ship-launched missiles): its mass is dropped, it
   covers a fixed ground distance, and the air vehicle may burn a fixed amount of fuel meanwhile;
2. a climb that burns a fixed fraction of the mass at its start and covers a fixed distance;
3. cruise-climb at constant speed, L/D and fuel consumption, one Breguet segment or several
   (``mtcr.physics.core.cruise``); air distance at altitude h is scaled by R_E / (R_E + h) to ground;
4. a descent, like the climb; the flight ends with the reserve fuel still on board (none by default).

Payload against fuel: fuel = min(tank capacity, MTOW - empty - payload), so a lighter payload
helps only through a lighter vehicle once the tanks are full, and a heavier one displaces fuel
once the take-off mass limit binds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from scipy.optimize import brentq

from mtcr.errors import InputError
from mtcr.physics.core import cruise as k
from mtcr.physics.core.atmosphere import atmosphere
from mtcr.physics.core.constants import G0, R_EARTH
from mtcr.physics.optimize import MaxRange
from mtcr.physics.trajectory import BurnoutState, FlightStatus, Guidance, Trajectory
from mtcr.physics.vehicle import CruiseAirframe, CruiseSegment, Engine, Vehicle

CRUISE_MODEL_VERSION = "cruise-1.0.0 (Breguet cruise-climb + allowances)"  # bump when a result can move
PAYLOAD_TOLERANCE_KG = 0.5
SAMPLES_PER_SEGMENT = 12
# A cruise vehicle has no guidance law to optimise: the profile is given. The record's guidance
# field (shared with rocket systems) holds this neutral value.
NO_GUIDANCE = Guidance(kick_deg=0.0, tilt_deg=0.0, vertical_rise_s=0.0, kick_duration_s=0.0)


class Phase(StrEnum):
    BOOST = "boost"
    CLIMB = "climb"
    CRUISE = "cruise"
    DESCENT = "descent"


class FuelLimit(StrEnum):
    """What sets the fuel carried with a given payload."""

    TANK = "tank capacity"
    TAKEOFF_MASS = "maximum take-off mass"
    NONE = "no fuel: the payload alone reaches the take-off mass limit"


@dataclass(frozen=True, slots=True)
class Leg:
    """One part of the flown profile. Times are distance / speed (climb and descent at cruise speed)."""

    phase: Phase
    ground_distance_m: float
    start_mass_kg: float
    end_mass_kg: float
    speed_m_s: float
    altitude_m: float  # at its end
    time_s: float


@dataclass(frozen=True, slots=True)
class CruiseRange:
    """The one-way range of a cruise vehicle at one payload, with the fuel budget behind it."""

    payload_kg: float
    fuel_kg: float  # loaded: min(capacity, MTOW - empty - payload); negative: cannot lift the payload
    fuel_limit: FuelLimit
    launch_mass_kg: float  # with booster
    status: FlightStatus  # IMPACT: flown; NO_LIFTOFF: cannot lift the payload or fly the profile
    range_m: float | None  # ground distance; None unless flown
    legs: tuple[Leg, ...]
    note: str  # why it cannot fly, else ""


def range_factor(engine: Engine, segment: CruiseSegment) -> float:
    """The segment's Breguet range factor k (m): R = k ln(m0/m1)."""
    if engine.jet:
        assert segment.tsfc_kg_n_s is not None  # the loader requires it for jets
        return k.range_factor_jet(segment.speed_m_s, segment.lift_to_drag, segment.tsfc_kg_n_s)
    if engine is Engine.PROPELLER:
        assert segment.psfc_kg_j is not None and segment.propeller_efficiency is not None
        return k.range_factor_propeller(segment.propeller_efficiency, segment.lift_to_drag, segment.psfc_kg_j)
    assert segment.exhaust_velocity_m_s is not None
    return k.range_factor_rocket(segment.speed_m_s, segment.lift_to_drag, segment.exhaust_velocity_m_s)


def _airframe(vehicle: Vehicle) -> CruiseAirframe:
    if vehicle.cruise is None:
        raise InputError("kind", f"{vehicle.name} is not a cruise vehicle (kind: {vehicle.kind})")
    return vehicle.cruise


def max_payload_kg(vehicle: Vehicle) -> float:
    """The payload that leaves no fuel under the take-off mass limit: MTOW - empty (kg)."""
    airframe = _airframe(vehicle)
    return airframe.max_takeoff_kg - airframe.empty_kg


def cruise_range(vehicle: Vehicle, payload_kg: float | None = None) -> CruiseRange:
    """The one-way range of ``vehicle`` with ``payload_kg`` (default: its nominal payload)."""
    a = _airframe(vehicle)
    payload = vehicle.payload_kg if payload_kg is None else float(payload_kg)
    if not math.isfinite(payload) or payload < 0:
        raise InputError("payload_kg", f"must be a finite number >= 0, got {payload_kg!r}")
    fuel = k.fuel_load(a.empty_kg, payload, a.fuel_capacity_kg, a.max_takeoff_kg)
    launch = a.launch_mass_kg(payload)
    if fuel <= 0:
        return _not_flown(payload, fuel, FuelLimit.NONE, launch, "the payload leaves no fuel under the take-off mass")
    limit = FuelLimit.TANK if fuel >= a.fuel_capacity_kg else FuelLimit.TAKEOFF_MASS
    zero_fuel = a.empty_kg + payload
    booster_fuel = a.booster.fuel_kg if a.booster else 0.0
    start = zero_fuel + fuel - booster_fuel
    end = zero_fuel + a.reserve_fuel_fraction * fuel
    segments = tuple(
        k.Segment(
            range_factor(a.engine, s),
            k.ground_scale(s.altitude_m),
            s.distance_m,
            s.fuel_share,
        )
        for s in a.segments
    )
    mission = k.fly_mission(start, end, a.climb.fuel_fraction, a.descent.fuel_fraction, segments)
    if start <= end or not mission.feasible:
        return _not_flown(
            payload,
            fuel,
            limit,
            launch,
            f"{fuel:,.0f} kg of fuel does not cover the booster phase, climb, descent, reserve and fixed-length "
            "segments",
        )
    legs = _legs(a, launch, start, mission)
    return CruiseRange(
        payload_kg=payload,
        fuel_kg=fuel,
        fuel_limit=limit,
        launch_mass_kg=launch,
        status=FlightStatus.IMPACT,
        range_m=sum(leg.ground_distance_m for leg in legs),
        legs=legs,
        note="",
    )


def _not_flown(payload: float, fuel: float, limit: FuelLimit, launch: float, note: str) -> CruiseRange:
    return CruiseRange(payload, fuel, limit, launch, FlightStatus.NO_LIFTOFF, None, (), note)


def _legs(a: CruiseAirframe, launch: float, start: float, mission: k.Mission) -> tuple[Leg, ...]:
    first, last = a.segments[0], a.segments[-1]
    legs: list[Leg] = []
    if a.booster is not None:
        legs.append(_leg(Phase.BOOST, a.booster.distance_m, launch, start, first.speed_m_s, 0.0))
    legs.append(
        _leg(Phase.CLIMB, a.climb.distance_m, start, mission.cruise_start_mass_kg, first.speed_m_s, first.altitude_m)
    )
    mass = mission.cruise_start_mass_kg
    for segment, end, air in zip(
        a.segments, mission.segment_end_masses_kg, mission.segment_air_distances_m, strict=True
    ):
        ground = air * k.ground_scale(segment.altitude_m)
        legs.append(_leg(Phase.CRUISE, ground, mass, end, segment.speed_m_s, segment.altitude_m))
        mass = end
    legs.append(_leg(Phase.DESCENT, a.descent.distance_m, mass, mission.end_mass_kg, last.speed_m_s, 0.0))
    return tuple(legs)


def _leg(phase: Phase, ground: float, start: float, end: float, speed: float, altitude: float) -> Leg:
    return Leg(phase, ground, start, end, speed, altitude, ground / speed)


@dataclass(frozen=True, slots=True)
class CruiseDetail:
    """The fuel budgets behind a cruise assessment's three headline ranges."""

    nominal: CruiseRange
    at_threshold_payload: CruiseRange
    lightest: CruiseRange


def reach_m(result: CruiseRange) -> float:
    """The range flown (m); zero when the payload cannot be carried or the profile not flown."""
    return result.range_m if result.status is FlightStatus.IMPACT and result.range_m is not None else 0.0


def payload_to_range(vehicle: Vehicle, range_m: float, min_payload_kg: float = 0.0) -> float | None:
    """The heaviest payload (kg) that still flies ``range_m``; None when even ``min_payload_kg`` does not.

    Range never increases with payload (heavier: less fuel or a heavier vehicle), so the root of
    R(m) = range_m between ``min_payload_kg`` and MTOW - empty (no fuel left) is unique; Brent's
    method finds it to 0.5 kg. Where R(m) drops to zero because the profile can no longer be flown,
    the root is that drop: the heaviest payload that still reaches ``range_m``.
    """
    if reach_m(cruise_range(vehicle, min_payload_kg)) < range_m:
        return None
    top = max_payload_kg(vehicle)
    return float(
        brentq(
            lambda p: reach_m(cruise_range(vehicle, p)) - range_m,
            min_payload_kg,
            top,
            xtol=PAYLOAD_TOLERANCE_KG,
        )
    )


def as_max_range(result: CruiseRange) -> MaxRange:
    """The cruise result in the record shared with rocket systems (assessment.Assessment).

    The "burnout" state is the end of the cruise (the fuel budget spent), the "apogee" the highest
    cruise altitude, the "impact speed" the last cruise speed; samples are (time s, ground range m,
    altitude m, air speed m/s, mass kg) along the profile, each cruise segment sampled along its
    Breguet mass history m(x) = m0 exp(-x / k).
    """
    flown = result.status is FlightStatus.IMPACT
    samples: list[tuple[float, float, float, float, float]] = []
    time = distance = 0.0
    altitude = 0.0
    if flown:
        samples.append((0.0, 0.0, 0.0, result.legs[0].speed_m_s, result.launch_mass_kg))
    cruise_end: tuple[float, float, Leg] | None = None
    max_q = 0.0
    for leg in result.legs:
        steps = SAMPLES_PER_SEGMENT if leg.phase is Phase.CRUISE else 1
        for step in range(1, steps + 1):
            share = step / steps
            if leg.phase is Phase.CRUISE and leg.end_mass_kg > 0:
                mass = leg.start_mass_kg * (leg.end_mass_kg / leg.start_mass_kg) ** share
            else:
                mass = leg.start_mass_kg + (leg.end_mass_kg - leg.start_mass_kg) * share
            height = leg.altitude_m if leg.phase is not Phase.DESCENT else altitude * (1 - share)
            samples.append(
                (time + leg.time_s * share, distance + leg.ground_distance_m * share, height, leg.speed_m_s, mass)
            )
        if leg.phase is Phase.CRUISE:
            density = float(atmosphere(leg.altitude_m)[2])
            max_q = max(max_q, 0.5 * density * leg.speed_m_s**2)
        time += leg.time_s
        distance += leg.ground_distance_m
        if leg.phase is not Phase.DESCENT:
            altitude = leg.altitude_m
        if leg.phase is Phase.CRUISE:
            cruise_end = (time, distance, leg)
    if cruise_end is not None:
        end_time, end_distance, end_leg = cruise_end
        burnout = BurnoutState(
            time_s=end_time,
            altitude_m=end_leg.altitude_m,
            speed_m_s=end_leg.speed_m_s,
            inertial_speed_m_s=end_leg.speed_m_s,
            flight_path_angle_deg=0.0,
            ground_range_m=end_distance,
            mass_kg=end_leg.end_mass_kg,
        )
    else:
        burnout = BurnoutState(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, result.launch_mass_kg)
    trajectory = Trajectory(
        status=result.status,
        range_m=result.range_m if flown else None,
        time_of_flight_s=time,
        apogee_m=max((leg.altitude_m for leg in result.legs), default=0.0),
        burnout=burnout,
        max_dynamic_pressure_pa=max_q,
        impact_speed_m_s=result.legs[-1].speed_m_s if flown else 0.0,
        guidance=NO_GUIDANCE,
        samples=tuple(samples),
    )
    return MaxRange(
        payload_kg=result.payload_kg,
        orbital=False,
        status=result.status,
        range_m=result.range_m if flown else None,
        guidance=NO_GUIDANCE,
        trajectory=trajectory,
        evaluations=1,
    )


# --- the record's assumptions, in words ---------------------------------------------------------------


def _consumption(engine: Engine, segment: CruiseSegment) -> str:
    if engine.jet and segment.tsfc_kg_n_s is not None:
        c = segment.tsfc_kg_n_s
        return f"TSFC {c * 1e6:.2f} mg/(N s) = {c * G0 * 3600:.3f} lb/(lbf h)"
    if engine is Engine.PROPELLER and segment.psfc_kg_j is not None:
        c = segment.psfc_kg_j
        return (
            f"PSFC {c * 3.6e9:.0f} g/(kW h) = {c * 3.6e9 / LB_HP_H_IN_G_KW_H:.3f} lb/(hp h), "
            f"propeller efficiency {segment.propeller_efficiency:g}"
        )
    if segment.exhaust_velocity_m_s is not None:
        return f"rocket sustainer, Isp {segment.exhaust_velocity_m_s / G0:.0f} s (TSFC = 1 / (Isp g0))"
    return ""  # pragma: no cover - the loader requires one


LB_HP_H_IN_G_KW_H = 0.45359237e3 / 0.745699872  # 1 lb/(hp h) in g/(kW h) (mechanical horsepower)


def _segment_words(engine: Engine, segment: CruiseSegment) -> str:
    speed = f"{segment.speed_m_s:.1f} m/s ({segment.speed_m_s * 3.6:,.0f} km/h"
    speed += f", Mach {segment.mach:g})" if segment.mach is not None else ")"
    length = ""
    if segment.distance_m is not None:
        length = f"{segment.distance_m / 1e3:,.0f} km: "
    elif segment.fuel_share is not None:
        length = f"{segment.fuel_share:.0%} of the cruise fuel: "
    return (
        f"{length}{speed} at {segment.altitude_m:,.0f} m, L/D {segment.lift_to_drag:g}, {_consumption(engine, segment)}"
    )


def assumption_texts(vehicle: Vehicle) -> dict[str, str]:
    """The assumptions of a cruise result, keyed as the fields of assessment.Assumptions."""
    a = _airframe(vehicle)
    booster = ""
    if a.booster is not None:
        b = a.booster
        booster = (
            f"booster of {b.mass_kg:,.0f} kg jettisoned after {b.distance_m / 1e3:g} km"
            + (f" ({b.fuel_kg:g} kg of fuel burned meanwhile)" if b.fuel_kg else "")
            + "; "
        )
    climb, descent = a.climb, a.descent
    takeoff = (
        f"maximum take-off mass {a.max_takeoff_kg:,.0f} kg"
        if a.max_takeoff_given
        else f"take-off mass limited to the nominal {a.max_takeoff_kg:,.0f} kg (empty + nominal payload + full "
        "tanks; no maximum take-off mass given)"
    )
    segments = "; ".join(
        (f"segment {i + 1}: " if len(a.segments) > 1 else "") + _segment_words(a.engine, s)
        for i, s in enumerate(a.segments)
    )
    return {
        "earth": f"sphere of radius {R_EARTH / 1e3:.0f} km: air distance at height h counts R/(R+h) on the ground; "
        "not rotating, zero wind",
        "atmosphere": "ICAO / U.S. Standard Atmosphere 1976, zero wind; it enters through the given speed, L/D "
        "and fuel consumption (and the speed of sound where a Mach number is given)",
        "drag": f"constant lift-to-drag ratio in each cruise segment (thrust = drag = weight / (L/D)); {segments}",
        "thrust": f"{a.engine.value}, constant fuel consumption per segment; fuel = min(tank {a.fuel_capacity_kg:,.0f} "
        f"kg, MTOW - empty {a.empty_kg:,.0f} kg - payload); {takeoff}",
        "guidance": f"the file's profile, taken as the most fuel-efficient one: {booster}climb burning "
        f"{climb.fuel_fraction:.1%} of its start mass over {climb.distance_m / 1e3:g} km, cruise-climb, descent "
        f"burning {descent.fuel_fraction:.1%} over {descent.distance_m / 1e3:g} km; reserve "
        f"{a.reserve_fuel_fraction:.0%} of the fuel left unburned",
        "range_definition": "MTCR Annex, Definitions 'Range', technical note 4 (UAV systems): one-way distance on "
        "the most fuel-efficient flight profile, fully fuelled, ICAO standard atmosphere, zero wind; no data-link "
        "or operational limits",
        "integration": "closed-form Breguet range per segment, R = k ln(m0/m1) (Breguet 1923; Raymer, Aircraft "
        "Design, eqs. 17.23 and 17.28), segments chained by mass; payload to a range by Brent's method to "
        f"{PAYLOAD_TOLERANCE_KG:g} kg",
    }
