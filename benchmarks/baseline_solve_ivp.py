"""Independent baseline: the physics of ``mtcr.physics.core.flight`` flown with ``scipy.integrate.solve_ivp``.

Used by bench_physics.py to check the compiled kernel's ranges and to measure its speed-up. Written
from the model's description, not from the kernel's numerics: plain Python/numpy right-hand side,
adaptive DOP853 (rtol 1e-9) on each powered segment between events, then the coast to a terminal
ground-impact event (no Kepler conic: the coast is integrated; the density is zero above 86 km).

Same model as flight.py:
- Earth-centred inertial frame, z along the axis; point-mass gravity; the atmosphere turns with the
  Earth (v_rel = v - omega x r); launch at (latitude, longitude 0), downrange along the azimuth.
- U.S. Standard Atmosphere 1976 and the Mach/Cd tables (the model's own functions are called);
  a separated re-entry vehicle has D/m = rho v_rel^2 / (2 beta) and flies alone after burnout.
- Thrust mdot g0 Isp_vac - p(h) A_e (not below zero) with a nozzle exit area, else mdot c.
- Guidance: vertical rise, thrust tilted linearly to ``kick`` in the launch plane, gravity turn
  (along v_rel), upper stages tilted by ``tilt`` from v_rel in the launch plane.
- Staging: dry mass + residual of a spent stage dropped at its burnout, shroud dropped at its time;
  coasting between stages flies the next stage's area.
- Range: great-circle distance on the sphere from the launch point (turning with the Earth) to the
  impact point; beyond half the globe, the central angle flown times the radius.

Not modelled here (not needed for the sub-orbital validation vehicles): orbit detection; a flight
that does not come down by ``max_time_s`` counts as a time-out (range 0 for the optimiser).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

from mtcr.physics.core.atmosphere import atmosphere
from mtcr.physics.core.constants import MU_EARTH, OMEGA_EARTH, R_EARTH
from mtcr.physics.core.drag import drag_coefficient
from mtcr.physics.trajectory import CRASH_PENALTY, guidance_timing
from mtcr.physics.vehicle import Vehicle

RTOL = 1e-9
# position m, velocity m/s, mass kg, central angle rad
ATOL = np.array([1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9, 1e-9, 1e-12])
METHOD = "DOP853"
MAX_TIME_S = 20_000.0


@dataclass(frozen=True)
class Flight:
    status: str  # "impact", "crashed" (during powered flight), "no lift-off", "timeout"
    range_m: float
    time_s: float
    burnout_time_s: float
    burnout_altitude_m: float
    evaluations: int  # right-hand-side calls


class Model:
    """One vehicle's constants, and the right-hand side for a given flight phase."""

    def __init__(self, vehicle: Vehicle, vertical_s: float | None = None, kick_duration_s: float | None = None) -> None:
        # the guidance law's timing is part of the model: the same rule as mtcr (vertical rise and kick
        # scaled to the first stage's thrust-to-weight and burn time)
        default_rise, default_kick = guidance_timing(vehicle)
        vertical_s = default_rise if vertical_s is None else vertical_s
        kick_duration_s = default_kick if kick_duration_s is None else kick_duration_s
        self.vehicle = vehicle
        self.stages = vehicle.stages
        self.mach = np.array(vehicle.drag_table.mach, dtype=float)
        self.cd = np.array(vehicle.drag_table.cd, dtype=float)
        self.vertical_s = vertical_s
        self.kick_duration_s = kick_duration_s
        launch = vehicle.launch
        self.omega = OMEGA_EARTH if launch.rotating else 0.0
        self.latitude = math.radians(launch.latitude_deg or 0.0)
        azimuth = math.radians(launch.azimuth_deg)
        lat = self.latitude
        up = np.array([math.cos(lat), 0.0, math.sin(lat)])
        north = np.array([-math.sin(lat), 0.0, math.cos(lat)])
        east = np.array([0.0, 1.0, 0.0])
        downrange = math.cos(azimuth) * north + math.sin(azimuth) * east
        self.plane = np.cross(up, downrange)  # normal of the launch plane
        self.r0 = (R_EARTH + launch.altitude_m) * up
        self.beta = vehicle.reentry_ballistic_coefficient_kg_m2 or 0.0
        # ignition times, and the times at which powered flight is split
        self.ignition = []
        t = 0.0
        for k, stage in enumerate(self.stages):
            self.ignition.append(t)
            t += stage.burn_time_s + (stage.delay_after_burnout_s if k < len(self.stages) - 1 else 0.0)
        self.burnout_time = self.ignition[-1] + self.stages[-1].burn_time_s

    def events(self, kick_duration_s: float) -> list[float]:
        shroud = self.vehicle.shroud
        times = {0.0, self.vertical_s, self.vertical_s + kick_duration_s}
        if shroud is not None and shroud.mass_kg > 0.0:
            times.add(shroud.jettison_time_s)
        for k, stage in enumerate(self.stages):
            times.add(self.ignition[k])
            times.add(self.ignition[k] + stage.burn_time_s)
        result: list[float] = []
        for value in sorted(times):
            if value <= self.burnout_time + 1e-9 and (not result or value > result[-1] + 1e-9):
                result.append(value)
        return result

    def phase(self, middle: float) -> str:
        """Guidance phase of the powered segment around time ``middle`` (segments are split at the switches)."""
        if middle < self.vertical_s:
            return "vertical"
        if middle < self.vertical_s + self.kick_duration_s:
            return "kick"
        return "turn"

    def thrust_direction(
        self, phase: str, t: float, stage: int, r_vec: np.ndarray, v_rel: np.ndarray, kick: float, tilt: float
    ) -> np.ndarray:
        up = r_vec / np.linalg.norm(r_vec)
        if phase == "vertical":
            return up
        speed = float(np.linalg.norm(v_rel))
        if phase == "kick" or speed < 1e-6:
            alpha = kick * min(1.0, (t - self.vertical_s) / self.kick_duration_s)
            horizontal = np.cross(self.plane, up)
            horizontal /= np.linalg.norm(horizontal)
            return math.cos(alpha) * up + math.sin(alpha) * horizontal
        along = v_rel / speed
        if stage == 0 or tilt == 0.0:
            return along
        normal = np.cross(along, self.plane)  # in the launch plane, perpendicular to v_rel, upper side
        size = float(np.linalg.norm(normal))
        if size < 1e-12:
            return along
        return math.cos(tilt) * along + math.sin(tilt) * normal / size

    def rhs(self, stage: int, burning: bool, separated: bool, kick: float, tilt: float, phase: str = "turn"):
        """f(t, y) for state y = (r, v, m, central angle flown), in one segment between events.

        The guidance phase is fixed per segment, so a stage evaluated at the segment's end time does not
        switch to the next phase's law (the switch is a jump in the thrust direction).
        """
        spec = self.stages[stage]
        area = spec.reference_area_m2
        mdot = spec.propellant_kg / spec.burn_time_s if burning else 0.0
        exit_area = spec.nozzle_exit_area_m2 or 0.0
        omega_vec = np.array([0.0, 0.0, self.omega])

        def f(t: float, y: np.ndarray) -> np.ndarray:
            r_vec, v_vec, m = y[0:3], y[3:6], y[6]
            r = float(np.linalg.norm(r_vec))
            accel = -MU_EARTH / r**3 * r_vec
            v_rel = v_vec - np.cross(omega_vec, r_vec)
            speed = float(np.linalg.norm(v_rel))
            _, pressure, density, sound = atmosphere(r - R_EARTH)
            if density > 0.0 and speed > 0.0:
                if separated and self.beta > 0.0:
                    drag_per_mass = density * speed * speed / (2.0 * self.beta)
                else:
                    cd = drag_coefficient(self.mach, self.cd, speed / sound)
                    drag_per_mass = 0.5 * density * speed * speed * cd * area / m
                accel = accel - drag_per_mass * v_rel / speed
            if burning:
                if exit_area > 0.0:
                    thrust = max(0.0, mdot * spec.vacuum_exhaust_velocity_m_s - pressure * exit_area)
                else:
                    thrust = mdot * spec.exhaust_velocity_m_s
                accel = accel + thrust / m * self.thrust_direction(phase, t, stage, r_vec, v_rel, kick, tilt)
            sweep = float(np.linalg.norm(np.cross(r_vec, v_vec))) / (r * r)
            return np.concatenate((v_vec, accel, (-mdot, sweep)))

        return f

    def ground_range(self, y: np.ndarray, t: float) -> float:
        """Great-circle distance from the launch point (turned with the Earth to time t) to below y."""
        spin = self.omega * t
        site = np.array(
            [
                math.cos(self.latitude) * math.cos(spin),
                math.cos(self.latitude) * math.sin(spin),
                math.sin(self.latitude),
            ]
        )
        swept = y[7]
        if swept >= math.pi:
            return R_EARTH * swept
        return R_EARTH * math.atan2(float(np.linalg.norm(np.cross(site, y[0:3]))), float(site @ y[0:3]))


def _ground(t: float, y: np.ndarray) -> float:
    return float(np.linalg.norm(y[0:3])) - R_EARTH


_ground.terminal = True  # type: ignore[attr-defined]
_ground.direction = -1.0  # type: ignore[attr-defined]


def fly(vehicle: Vehicle, kick_deg: float, tilt_deg: float = 0.0, *, model: Model | None = None) -> Flight:
    """One trajectory, launch to impact."""
    model = model or Model(vehicle)
    kick, tilt = math.radians(kick_deg), math.radians(tilt_deg)
    stages = model.stages
    mass = vehicle.payload_kg + (vehicle.shroud.mass_kg if vehicle.shroud else 0.0)
    mass += sum(s.propellant_kg + s.dry_kg + s.residual_propellant_kg for s in stages)
    velocity = np.cross([0.0, 0.0, model.omega], model.r0)
    y = np.concatenate((model.r0, velocity, (mass, 0.0)))
    calls = 0
    # lift-off: radial acceleration at the pad must be positive
    if float(model.rhs(0, True, False, kick, tilt, "vertical")(0.0, y)[3:6] @ y[0:3]) <= 0.0:
        return Flight("no lift-off", 0.0, 0.0, 0.0, 0.0, 1)
    times = model.events(model.kick_duration_s)
    for start, end in itertools.pairwise(times):
        middle = 0.5 * (start + end)
        stage = max(k for k in range(len(stages)) if model.ignition[k] <= middle)
        burning = middle < model.ignition[stage] + stages[stage].burn_time_s
        if not burning:
            stage += 1
        solution = solve_ivp(
            model.rhs(stage, burning, False, kick, tilt, model.phase(middle)),
            (start, end),
            y,
            method=METHOD,
            rtol=RTOL,
            atol=ATOL,
            events=_ground if start > 0.0 else None,
        )
        calls += solution.nfev
        if solution.status == 1:  # hit the ground during powered flight
            t_hit, y_hit = float(solution.t_events[0][0]), solution.y_events[0][0]
            return Flight("crashed", model.ground_range(y_hit, t_hit), t_hit, end, 0.0, calls)
        y = solution.y[:, -1].copy()
        for k in range(len(stages) - 1):
            if abs(end - (model.ignition[k] + stages[k].burn_time_s)) < 1e-9:
                y[6] -= stages[k].dry_kg + stages[k].residual_propellant_kg
        if (
            vehicle.shroud is not None
            and vehicle.shroud.mass_kg > 0.0
            and abs(end - vehicle.shroud.jettison_time_s) < 1e-9
        ):
            y[6] -= vehicle.shroud.mass_kg
    burnout = times[-1]
    burnout_altitude = float(np.linalg.norm(y[0:3])) - R_EARTH
    separated = model.beta > 0.0
    if separated:
        y[6] = vehicle.payload_kg
    coast = solve_ivp(
        model.rhs(len(stages) - 1, False, separated, kick, tilt),
        (burnout, MAX_TIME_S),
        y,
        method=METHOD,
        rtol=RTOL,
        atol=ATOL,
        events=_ground,
    )
    calls += coast.nfev
    if coast.status != 1:
        return Flight("timeout", 0.0, MAX_TIME_S, burnout, burnout_altitude, calls)
    t_hit, y_hit = float(coast.t_events[0][0]), coast.y_events[0][0]
    return Flight("impact", model.ground_range(y_hit, t_hit), t_hit, burnout, burnout_altitude, calls)


# The search of mtcr.physics.optimize.maximise_range (cold start, no orbit search), with this flight.
KICK_BOUNDS_DEG = (0.2, 89.0)
TILT_BOUNDS_DEG = (-30.0, 30.0)
SCAN_POINTS = 24
SCAN_TILTS_DEG = (0.0, -10.0, 10.0, -20.0, 20.0)
KICK_TOLERANCE_DEG = 0.02
TILT_TOLERANCE_DEG = 0.05


@dataclass(frozen=True)
class MaxRange:
    range_m: float
    kick_deg: float
    tilt_deg: float
    evaluations: int  # trajectories flown


def _refine(evaluate, low: float, high: float, best: float, best_range: float, tolerance: float):
    if high - low <= tolerance:
        return best, best_range
    result = minimize_scalar(
        lambda x: -evaluate(float(x)), bounds=(low, high), method="bounded", options={"xatol": tolerance}
    )
    x, value = float(result.x), -float(result.fun)
    return (x, value) if value > best_range else (best, best_range)


def maximise_range(vehicle: Vehicle) -> MaxRange:
    """Scan the kick over its bounds (and the tilt for staged vehicles), then bounded Brent refinement."""
    model = Model(vehicle)
    count = 0

    def range_m(kick_deg: float, tilt_deg: float) -> float:
        nonlocal count
        count += 1
        flight = fly(vehicle, kick_deg, tilt_deg, model=model)
        if flight.status == "crashed":  # the same objective as mtcr: a crash during the boost is penalised
            return CRASH_PENALTY * flight.range_m
        return flight.range_m if flight.status == "impact" else 0.0

    staged = len(vehicle.stages) > 1
    kicks = np.geomspace(KICK_BOUNDS_DEG[0], KICK_BOUNDS_DEG[1], SCAN_POINTS)
    best_scan = None
    for tilt in SCAN_TILTS_DEG if staged else (0.0,):
        ranges = [range_m(float(k), tilt) for k in kicks]
        index = int(np.argmax(ranges))
        if best_scan is None or ranges[index] > best_scan[0]:
            best_scan = (ranges[index], index, tilt)
    assert best_scan is not None
    best, index, tilt = best_scan
    kick = float(kicks[index])
    low, high = float(kicks[max(index - 1, 0)]), float(kicks[min(index + 1, len(kicks) - 1)])
    kick, best = _refine(lambda k: range_m(k, tilt), low, high, kick, best, KICK_TOLERANCE_DEG)
    if staged:
        for _ in range(2):
            low, high = max(TILT_BOUNDS_DEG[0], tilt - 10.0), min(TILT_BOUNDS_DEG[1], tilt + 10.0)
            tilt, best = _refine(lambda t, k=kick: range_m(k, t), low, high, tilt, best, TILT_TOLERANCE_DEG)
            low, high = max(KICK_BOUNDS_DEG[0], kick - 3.0), min(KICK_BOUNDS_DEG[1], kick + 3.0)
            kick, best = _refine(lambda k, t=tilt: range_m(k, t), low, high, kick, best, KICK_TOLERANCE_DEG)
    final = fly(vehicle, kick, tilt, model=model)  # as maximise_range: the chosen guidance flown once more
    return MaxRange(final.range_m, kick, tilt, count + 1)


if __name__ == "__main__":
    import sys
    import time

    from mtcr.physics.vehicle import load_vehicle

    for path in sys.argv[1:] or ["/work/shared/reference/validation/forden-scud-b.yaml"]:
        vehicle = load_vehicle(path)
        start = time.perf_counter()
        result = maximise_range(vehicle)
        print(f"{vehicle.name}: {result} in {time.perf_counter() - start:.2f} s")
