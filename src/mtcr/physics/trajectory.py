"""Fly one trajectory of a :class:`Vehicle` under a guidance law: the thin typed layer over the kernel."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from mtcr.physics.core import flight as k
from mtcr.physics.core.atmosphere import SEA_LEVEL_PRESSURE_PA
from mtcr.physics.core.constants import G0, MU_EARTH, OMEGA_EARTH, R_EARTH
from mtcr.physics.vehicle import Vehicle

MODEL_VERSION = "1.1.0"  # bump when any physics or numerics change can move a result (1.1.0: FMA, issue 4)


class FlightStatus(StrEnum):
    IMPACT = "impact"
    ORBITAL = "orbital"
    NO_LIFTOFF = "no lift-off"
    CRASHED = "crashed during powered flight"
    TIMEOUT = "still flying at the time limit"
    FAILED = "numerical failure"


_STATUS = {
    k.STATUS_IMPACT: FlightStatus.IMPACT,
    k.STATUS_ORBITAL: FlightStatus.ORBITAL,
    k.STATUS_NO_LIFTOFF: FlightStatus.NO_LIFTOFF,
    k.STATUS_CRASHED: FlightStatus.CRASHED,
    k.STATUS_TIMEOUT: FlightStatus.TIMEOUT,
    k.STATUS_FAILED: FlightStatus.FAILED,
}
GLOBAL_REACH_M = math.pi * R_EARTH  # no two points on Earth are further apart
# A trajectory that crashes during the boost counts for the optimiser at this fraction of its distance,
# so that any flight that completes its boost beats it.
CRASH_PENALTY = 1e-3


@dataclass(frozen=True, slots=True)
class Guidance:
    """Vertical rise, linear pitch-over kick, gravity turn; upper stages tilted from the velocity."""

    kick_deg: float
    tilt_deg: float = 0.0
    vertical_rise_s: float = 4.0
    kick_duration_s: float = 8.0

    def as_array(self) -> np.ndarray:
        return np.array(
            [self.vertical_rise_s, self.kick_duration_s, math.radians(self.kick_deg), math.radians(self.tilt_deg)]
        )


@dataclass(frozen=True, slots=True)
class Numerics:
    """Integration settings and model switches. The defaults are those of every reported result."""

    dt_boost_s: float = 0.2
    dt_coast_s: float = 0.5
    dt_high_s: float = 2.0
    high_altitude_m: float = 40_000.0  # above this the coast takes the long step (drag is small there)
    atmosphere: bool = True
    kepler_coast: bool = True
    max_time_s: float = 20_000.0
    mu_m3_s2: float = MU_EARTH
    radius_m: float = R_EARTH

    def as_array(self) -> np.ndarray:
        return np.array(
            [
                self.dt_boost_s,
                self.dt_coast_s,
                self.dt_high_s,
                self.mu_m3_s2,
                self.radius_m,
                1.0 if self.atmosphere else 0.0,
                1.0 if self.kepler_coast else 0.0,
                self.max_time_s,
                self.high_altitude_m,
            ]
        )


DEFAULT_NUMERICS = Numerics()


@dataclass(frozen=True, slots=True)
class KernelInputs:
    """A vehicle laid out as the kernel's arrays (built once, reused for every trial trajectory)."""

    stages: np.ndarray
    vehicle: np.ndarray
    mach: np.ndarray
    cd: np.ndarray


def kernel_inputs(vehicle: Vehicle) -> KernelInputs:
    stages = np.zeros((len(vehicle.stages), k.STAGE_COLUMNS))
    for row, stage in enumerate(vehicle.stages):
        stages[row, k.S_PROPELLANT] = stage.propellant_kg
        stages[row, k.S_DRY] = stage.dry_kg
        stages[row, k.S_RESIDUAL] = stage.residual_propellant_kg
        stages[row, k.S_BURN_TIME] = stage.burn_time_s
        stages[row, k.S_EXHAUST] = stage.exhaust_velocity_m_s
        stages[row, k.S_EXHAUST_VAC] = stage.vacuum_exhaust_velocity_m_s
        stages[row, k.S_EXIT_AREA] = stage.nozzle_exit_area_m2 or 0.0
        stages[row, k.S_AREA] = stage.reference_area_m2
        stages[row, k.S_DELAY] = stage.delay_after_burnout_s
    launch = vehicle.launch
    array = np.zeros(k.VEHICLE_FIELDS)
    array[k.V_PAYLOAD] = vehicle.payload_kg
    if vehicle.shroud is not None:
        array[k.V_SHROUD_MASS] = vehicle.shroud.mass_kg
        array[k.V_SHROUD_TIME] = vehicle.shroud.jettison_time_s
    array[k.V_RV_BETA] = vehicle.reentry_ballistic_coefficient_kg_m2 or 0.0
    array[k.V_LATITUDE] = math.radians(launch.latitude_deg or 0.0)
    array[k.V_AZIMUTH] = math.radians(launch.azimuth_deg)
    array[k.V_ALTITUDE] = launch.altitude_m
    array[k.V_OMEGA] = OMEGA_EARTH if launch.rotating else 0.0
    return KernelInputs(
        stages, array, np.array(vehicle.drag_table.mach, dtype=float), np.array(vehicle.drag_table.cd, dtype=float)
    )


@dataclass(frozen=True, slots=True)
class BurnoutState:
    time_s: float
    altitude_m: float
    speed_m_s: float  # relative to the Earth's surface
    inertial_speed_m_s: float
    flight_path_angle_deg: float  # above the local horizontal, Earth-relative
    ground_range_m: float
    mass_kg: float


@dataclass(frozen=True, slots=True)
class Trajectory:
    """The result of one flight: status, range and the states that explain it."""

    status: FlightStatus
    range_m: float | None  # None unless the vehicle came down; at most half the circumference (global reach)
    time_of_flight_s: float
    apogee_m: float
    burnout: BurnoutState
    max_dynamic_pressure_pa: float
    impact_speed_m_s: float
    guidance: Guidance
    # (time s, ground range m, altitude m, air speed m/s, mass kg) rows; empty unless recorded
    samples: tuple[tuple[float, float, float, float, float], ...] = field(default=(), repr=False)


def fly_summary(
    inputs: KernelInputs, guidance: np.ndarray, numerics: np.ndarray, summary: np.ndarray | None = None
) -> np.ndarray:
    """The kernel's summary array for one flight, without a trajectory record (the optimiser's hot path)."""
    out = np.empty(k.SUMMARY_FIELDS) if summary is None else summary
    k.fly(inputs.stages, inputs.vehicle, guidance, numerics, inputs.mach, inputs.cd, out, _NO_SAMPLES)
    return out


_NO_SAMPLES = np.empty((0, k.SAMPLE_FIELDS))


def range_of(summary: np.ndarray) -> float:
    """The optimiser's objective (m): the range flown; orbit is infinite; a crash during the boost is
    heavily penalised; no lift-off, a time-out or a numerical failure count as zero."""
    status = summary[k.O_STATUS]
    if status == k.STATUS_ORBITAL:
        return math.inf
    if status == k.STATUS_IMPACT:
        return float(summary[k.O_RANGE_M])
    if status == k.STATUS_CRASHED:
        return CRASH_PENALTY * float(summary[k.O_RANGE_M])
    return 0.0


def guidance_timing(vehicle: Vehicle) -> tuple[float, float]:
    """Vertical rise and kick duration (s) suited to the first stage.

    The vertical rise lasts until the vehicle would reach about 40 m/s at its lift-off acceleration
    (4-7 s for Scud-class missiles, 20 s and more for a sluggish one, a fraction of a second for an
    artillery-like rocket), never more than a quarter of the first burn; the kick lasts a tenth of the
    first burn, 0.3 to 8 s.
    """
    first = vehicle.stages[0]
    mass = vehicle.launch_mass_kg
    thrust = first.mass_flow_kg_s * first.vacuum_exhaust_velocity_m_s
    if first.nozzle_exit_area_m2 is not None:
        thrust -= SEA_LEVEL_PRESSURE_PA * first.nozzle_exit_area_m2
    excess = thrust / (mass * G0) - 1.0
    rise = 40.0 / (G0 * excess) if excess > 0 else first.burn_time_s
    rise = min(max(rise, 0.2), 0.25 * first.burn_time_s)
    kick = min(max(0.1 * first.burn_time_s, 0.3), 8.0)
    return rise, kick


def simulate(
    vehicle: Vehicle, guidance: Guidance, numerics: Numerics = DEFAULT_NUMERICS, *, record: bool = True
) -> Trajectory:
    """Fly ``vehicle`` under ``guidance`` and return the :class:`Trajectory`, with samples if ``record``."""
    inputs = kernel_inputs(vehicle)
    summary = np.empty(k.SUMMARY_FIELDS)
    samples = np.empty((20_000 if record else 0, k.SAMPLE_FIELDS))
    k.fly(
        inputs.stages,
        inputs.vehicle,
        guidance.as_array(),
        numerics.as_array(),
        inputs.mach,
        inputs.cd,
        summary,
        samples,
    )
    return trajectory_from(summary, samples, guidance)


def trajectory_from(summary: np.ndarray, samples: np.ndarray, guidance: Guidance) -> Trajectory:
    status = _STATUS[float(summary[k.O_STATUS])]
    count = int(summary[k.O_SAMPLES])
    rows = tuple(tuple(float(v) for v in row) for row in samples[:count])
    return Trajectory(
        status=status,
        range_m=(
            min(float(summary[k.O_RANGE_M]), GLOBAL_REACH_M)
            if status in (FlightStatus.IMPACT, FlightStatus.CRASHED)
            else None
        ),
        time_of_flight_s=float(summary[k.O_TIME_S]),
        apogee_m=float(summary[k.O_APOGEE_M]),
        burnout=BurnoutState(
            time_s=float(summary[k.O_BURNOUT_TIME_S]),
            altitude_m=float(summary[k.O_BURNOUT_ALTITUDE_M]),
            speed_m_s=float(summary[k.O_BURNOUT_SPEED_M_S]),
            inertial_speed_m_s=float(summary[k.O_BURNOUT_INERTIAL_SPEED_M_S]),
            flight_path_angle_deg=math.degrees(float(summary[k.O_BURNOUT_GAMMA_RAD])),
            ground_range_m=float(summary[k.O_BURNOUT_DOWNRANGE_M]),
            mass_kg=float(summary[k.O_BURNOUT_MASS_KG]),
        ),
        max_dynamic_pressure_pa=float(summary[k.O_MAX_Q_PA]),
        impact_speed_m_s=float(summary[k.O_IMPACT_SPEED_M_S]),
        guidance=guidance,
        samples=rows,  # type: ignore[arg-type]
    )
