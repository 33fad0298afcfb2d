"""Breguet range of aircraft-like vehicles (cruise missiles, UAVs): pure kernels in SI.

Cruise-climb at constant true airspeed V, lift-to-drag ratio L/D and specific fuel consumption,
so that thrust = drag = W / (L/D) throughout and the mass falls from m0 to m1. Integrating
dR = V dt with dm/dt = -c_T T / g (jet) gives the Breguet range equation (Breguet 1923; Anderson,
*Aircraft Performance and Design*, 1999, eqs. 5.152 and 5.153; Raymer, *Aircraft Design*, 6th ed.,
eqs. 17.23 and 17.28):

- jet (TSFC c_T in kg of fuel per N of thrust per second): R = V (L/D) / (g c_T) ln(m0/m1);
- propeller (PSFC c_P in kg of fuel per J of shaft work, efficiency eta): R = eta (L/D) / (g c_P) ln(m0/m1);
- rocket sustainer (exhaust velocity v_e, so c_T = 1/v_e): R = V (L/D) v_e / g ln(m0/m1).

Every case is R = k ln(m0/m1) with a *range factor* k in metres. ``g`` is standard gravity: the
fuel flow is a mass, the thrust a weight-equivalent force, and the SFC units (lb/(lbf h)) use g0.

Nothing here imports the project: floats in, floats out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mtcr.physics.core.constants import G0, R_EARTH


def range_factor_jet(speed_m_s: float, lift_to_drag: float, tsfc_kg_n_s: float, g_m_s2: float = G0) -> float:
    """k = V (L/D) / (g c_T), metres. ``speed_m_s`` true airspeed (m/s); ``tsfc_kg_n_s`` kg/(N s)."""
    return speed_m_s * lift_to_drag / (g_m_s2 * tsfc_kg_n_s)


def range_factor_propeller(efficiency: float, lift_to_drag: float, psfc_kg_j: float, g_m_s2: float = G0) -> float:
    """k = eta (L/D) / (g c_P), metres. ``efficiency`` propeller efficiency (0-1); ``psfc_kg_j`` kg/J."""
    return efficiency * lift_to_drag / (g_m_s2 * psfc_kg_j)


def range_factor_rocket(
    speed_m_s: float, lift_to_drag: float, exhaust_velocity_m_s: float, g_m_s2: float = G0
) -> float:
    """k = V (L/D) v_e / g, metres: the jet formula with c_T = 1 / v_e (kg/(N s)), v_e = Isp g0 (m/s)."""
    return speed_m_s * lift_to_drag * exhaust_velocity_m_s / g_m_s2


def breguet_range(range_factor_m: float, start_mass_kg: float, end_mass_kg: float) -> float:
    """R = k ln(m0/m1), metres (air distance)."""
    return range_factor_m * math.log(start_mass_kg / end_mass_kg)


def breguet_end_mass(range_factor_m: float, start_mass_kg: float, distance_m: float) -> float:
    """The mass left after flying ``distance_m`` (air distance) from ``start_mass_kg``: m0 exp(-R/k)."""
    return start_mass_kg * math.exp(-distance_m / range_factor_m)


def ground_scale(altitude_m: float) -> float:
    """Ground distance per unit of air distance flown at ``altitude_m`` over a sphere: R_E / (R_E + h)."""
    return R_EARTH / (R_EARTH + altitude_m)


def fuel_load(empty_kg: float, payload_kg: float, capacity_kg: float, max_takeoff_kg: float) -> float:
    """Fuel carried: min(tank capacity, MTOW - empty - payload), kg; negative when the payload alone
    exceeds the take-off mass limit."""
    return min(capacity_kg, max_takeoff_kg - empty_kg - payload_kg)


@dataclass(frozen=True, slots=True)
class Segment:
    """One cruise segment: its range factor (m), its ground scale, and how long it is.

    At most one of ``distance_m`` (air distance) and ``fuel_share`` (fraction of the cruise fuel) is
    set; a segment with neither flies on the fuel the others leave (exactly one must).
    """

    range_factor_m: float
    ground_scale: float = 1.0
    distance_m: float | None = None
    fuel_share: float | None = None


@dataclass(frozen=True, slots=True)
class Mission:
    """Masses (kg) at the phase boundaries and air distances (m) of a flown profile."""

    feasible: bool  # False: the fuel does not cover the allowances and the fixed segments
    start_mass_kg: float  # at the start of the climb (after any booster)
    cruise_start_mass_kg: float  # after the climb
    segment_end_masses_kg: tuple[float, ...]
    segment_air_distances_m: tuple[float, ...]
    cruise_end_mass_kg: float  # before the descent
    end_mass_kg: float  # after the descent: zero-fuel mass plus reserve


def fly_mission(
    start_mass_kg: float,
    end_mass_kg: float,
    climb_fuel_fraction: float,
    descent_fuel_fraction: float,
    segments: tuple[Segment, ...],
) -> Mission:
    """Climb, cruise segment by segment, descend; from ``start_mass_kg`` down to ``end_mass_kg``.

    Climb and descent burn fixed fractions of the mass at their start (Raymer's mission-segment
    weight fractions, *Aircraft Design* section 3.4: W_end / W_start = 1 - fraction). The cruise
    fuel is what remains between them. Segments before the one that takes the remaining fuel are
    flown forwards from the climb's end; those after it backwards from the descent's start; each is
    exact Breguet for its constant parameters.
    """
    cruise_start = start_mass_kg * (1.0 - climb_fuel_fraction)
    cruise_end = end_mass_kg / (1.0 - descent_fuel_fraction)
    cruise_fuel = cruise_start - cruise_end
    remainder = [i for i, s in enumerate(segments) if s.distance_m is None and s.fuel_share is None]
    if len(remainder) != 1:
        raise ValueError("exactly one segment must take the remaining fuel")  # the loader guarantees it
    free = remainder[0]
    count = len(segments)
    starts = [math.nan] * count
    ends = [math.nan] * count
    mass = cruise_start
    for i in range(free):  # forwards from the end of the climb
        starts[i] = mass
        mass = _after(segments[i], mass, cruise_fuel)
        ends[i] = mass
    forward = mass
    mass = cruise_end
    for i in range(count - 1, free, -1):  # backwards from the start of the descent
        ends[i] = mass
        mass = _before(segments[i], mass, cruise_fuel)
        starts[i] = mass
    backward = mass
    starts[free], ends[free] = forward, backward
    feasible = cruise_fuel > 0 and forward >= backward and all(e > 0 for e in ends)
    distances = tuple(
        breguet_range(s.range_factor_m, a, b) if feasible else 0.0
        for s, a, b in zip(segments, starts, ends, strict=True)
    )
    return Mission(
        feasible=feasible,
        start_mass_kg=start_mass_kg,
        cruise_start_mass_kg=cruise_start,
        segment_end_masses_kg=tuple(ends),
        segment_air_distances_m=distances,
        cruise_end_mass_kg=cruise_end,
        end_mass_kg=end_mass_kg,
    )


def _after(segment: Segment, start: float, cruise_fuel: float) -> float:
    if segment.distance_m is not None:
        return breguet_end_mass(segment.range_factor_m, start, segment.distance_m)
    return start - (segment.fuel_share or 0.0) * cruise_fuel


def _before(segment: Segment, end: float, cruise_fuel: float) -> float:
    if segment.distance_m is not None:
        return end * math.exp(segment.distance_m / segment.range_factor_m)
    return end + (segment.fuel_share or 0.0) * cruise_fuel
