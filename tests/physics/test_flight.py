"""The flight kernel against closed forms: the rocket equation, vacuum ballistics, staging bookkeeping."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import pytest

from mtcr.physics.core.atmosphere import SEA_LEVEL_PRESSURE_PA
from mtcr.physics.core.constants import G0, MU_EARTH, R_EARTH
from mtcr.physics.core.kepler import ballistic_range_angle
from mtcr.physics.trajectory import FlightStatus, Guidance, Numerics, simulate
from mtcr.physics.vehicle import Launch, Vehicle, parse_vehicle
from tests.physics.conftest import scud_data

NO_GRAVITY_NO_AIR = Numerics(mu_m3_s2=0.0, atmosphere=False, kepler_coast=False, max_time_s=400.0)


def _staged() -> Vehicle:
    return parse_vehicle(
        {
            "format": "mtcr-vehicle/1",
            "name": "three stages with residuals, delays and a shroud",
            "payload_kg": 700,
            "stages": [
                {
                    "propellant_kg": 20000,
                    "dry_kg": 2400,
                    "residual_propellant_kg": 150,
                    "burn_time_s": 60,
                    "exhaust_velocity_m_s": 2600,
                    "diameter_m": 1.8,
                    "delay_after_burnout_s": 2,
                },
                {
                    "propellant_kg": 6000,
                    "dry_kg": 900,
                    "burn_time_s": 65,
                    "isp_s": 290,
                    "diameter_m": 1.4,
                    "delay_after_burnout_s": 1.5,
                },
                {"propellant_kg": 2000, "dry_kg": 300, "burn_time_s": 55, "isp_s": 300, "diameter_m": 1.2},
            ],
            "shroud": {"mass_kg": 250, "jettison_time_s": 80},
        }
    )


def _tsiolkovsky(vehicle: Vehicle) -> float:
    """Delta-v (m/s) summed over the stages, with the shroud dropped when the trajectory drops it."""
    shroud = vehicle.shroud
    masses = [s.stage_mass_kg for s in vehicle.stages]
    total, time = 0.0, 0.0
    for index, stage in enumerate(vehicle.stages):
        above = sum(masses[index + 1 :]) + vehicle.payload_kg
        start_mass = stage.stage_mass_kg + above
        burnout_mass = start_mass - stage.propellant_kg
        if shroud is not None and shroud.jettison_time_s > time:
            if shroud.jettison_time_s >= time + stage.burn_time_s:
                start_mass += shroud.mass_kg
                burnout_mass += shroud.mass_kg
            else:  # dropped mid-burn: split the burn at the jettison
                burned = stage.mass_flow_kg_s * (shroud.jettison_time_s - time)
                total += stage.exhaust_velocity_m_s * math.log(
                    (start_mass + shroud.mass_kg) / (start_mass + shroud.mass_kg - burned)
                )
                start_mass -= burned
        total += stage.exhaust_velocity_m_s * math.log(start_mass / burnout_mass)
        time += stage.burn_time_s + stage.delay_after_burnout_s
    return total


@pytest.mark.parametrize("vehicle_name", ["scud", "staged"])
def test_rocket_equation_holds(vehicle_name: str, scud: Vehicle) -> None:
    vehicle = scud if vehicle_name == "scud" else _staged()
    flight = simulate(vehicle, Guidance(kick_deg=0.0), NO_GRAVITY_NO_AIR, record=False)
    assert flight.burnout.inertial_speed_m_s == pytest.approx(_tsiolkovsky(vehicle), rel=1e-6)
    assert flight.burnout.mass_kg == pytest.approx(
        vehicle.payload_kg + vehicle.stages[-1].dry_kg + vehicle.stages[-1].residual_propellant_kg, rel=1e-12
    )


def test_vacuum_range_equals_the_kepler_range_from_burnout(scud: Vehicle) -> None:
    vacuum = Numerics(atmosphere=False)
    flight = simulate(scud, Guidance(kick_deg=25.0), vacuum, record=False)
    b = flight.burnout
    psi = ballistic_range_angle(
        R_EARTH + b.altitude_m, b.inertial_speed_m_s, math.radians(b.flight_path_angle_deg), R_EARTH, MU_EARTH
    )
    assert flight.status is FlightStatus.IMPACT
    assert flight.range_m == pytest.approx(b.ground_range_m + psi * R_EARTH, rel=1e-6)


def test_kepler_coast_equals_integrating_the_coast() -> None:
    icbm = _staged()
    guidance = Guidance(kick_deg=45.0, tilt_deg=5.0)
    analytic = simulate(icbm, guidance, record=False)
    numeric = simulate(icbm, guidance, Numerics(kepler_coast=False, dt_high_s=0.25), record=False)
    assert analytic.range_m is not None and numeric.range_m is not None
    assert analytic.range_m == pytest.approx(numeric.range_m, rel=1e-5)
    assert analytic.apogee_m == pytest.approx(numeric.apogee_m, rel=1e-4)


def test_sea_level_isp_with_nozzle_gives_the_sea_level_thrust() -> None:
    data = scud_data()
    stage = {
        "propellant_kg": 3771,
        "dry_kg": 1102,
        "burn_time_s": 62,
        "isp_s": 226,
        "isp_reference": "sea_level",
        "nozzle_exit_area_m2": 0.1352,
        "diameter_m": 0.88,
    }
    vehicle = parse_vehicle({**data, "stages": [stage]})
    s = vehicle.stages[0]
    sea_level_thrust = s.mass_flow_kg_s * s.vacuum_exhaust_velocity_m_s - SEA_LEVEL_PRESSURE_PA * 0.1352
    assert sea_level_thrust == pytest.approx(s.mass_flow_kg_s * 226 * G0, rel=1e-12)
    # the vacuum thrust is higher, so the vehicle flies further than with constant sea-level thrust
    constant = parse_vehicle({**data, "stages": [{k: v for k, v in stage.items() if k != "nozzle_exit_area_m2"}]})
    guidance = Guidance(kick_deg=25.0)
    assert simulate(vehicle, guidance, record=False).range_m > simulate(constant, guidance, record=False).range_m


def test_too_heavy_to_lift_off(scud: Vehicle) -> None:
    flight = simulate(scud.with_payload(20_000), Guidance(kick_deg=20.0), record=False)
    assert flight.status is FlightStatus.NO_LIFTOFF
    assert flight.range_m is None


def test_pitching_over_too_hard_crashes_during_the_boost(scud: Vehicle) -> None:
    flight = simulate(scud, Guidance(kick_deg=89.0, vertical_rise_s=1.0), record=False)
    assert flight.status is FlightStatus.CRASHED
    assert flight.range_m is not None and flight.range_m < 100e3


def test_earth_rotation_helps_eastward_launches(scud: Vehicle) -> None:
    guidance = Guidance(kick_deg=20.0)
    still = simulate(scud, guidance, record=False).range_m
    east = simulate(scud.with_launch(Launch(0.0, 90.0, 0.0)), guidance, record=False).range_m
    west = simulate(scud.with_launch(Launch(0.0, 270.0, 0.0)), guidance, record=False).range_m
    assert still is not None and east is not None and west is not None
    assert west < still < east
    assert east / still - 1 < 0.03  # about 1-2 % for a 300 km missile (missile-physics.md 3.6 item 8)


def test_trajectory_record_is_continuous(scud: Vehicle) -> None:
    flight = simulate(scud, Guidance(kick_deg=20.0))
    times = [s[0] for s in flight.samples]
    assert times == sorted(times)
    assert flight.samples[0][2] == 0.0 and abs(flight.samples[-1][2]) < 1e-3
    assert flight.samples[-1][1] == pytest.approx(flight.range_m, rel=1e-9)
    assert max(s[2] for s in flight.samples) == pytest.approx(flight.apogee_m, rel=1e-9)


def test_runs_without_the_jit() -> None:
    """The kernels must run as plain Python (NUMBA_DISABLE_JIT=1) and give the same numbers."""
    code = (
        "from tests.physics.conftest import scud_data\n"
        "from mtcr.physics.vehicle import parse_vehicle\n"
        "from mtcr.physics.trajectory import Guidance, Numerics, simulate\n"
        "v = parse_vehicle(scud_data())\n"
        "print(repr(simulate(v, Guidance(20.0), Numerics(dt_boost_s=0.5, dt_coast_s=1.0), record=False).range_m))\n"
    )
    environment = {**os.environ, "NUMBA_DISABLE_JIT": "1"}
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True, timeout=300
    )
    jit = simulate(
        parse_vehicle(scud_data()), Guidance(20.0), Numerics(dt_boost_s=0.5, dt_coast_s=1.0), record=False
    ).range_m
    assert float(output.stdout.strip()) == pytest.approx(jit, rel=1e-12)


@pytest.mark.parametrize("kick", [8.0, 20.0, 45.0])
def test_default_steps_agree_with_fine_steps(scud: Vehicle, kick: float) -> None:
    """Fourth order across every event (guidance switches included): the default steps lose nothing."""
    fine = Numerics(dt_boost_s=0.01, dt_coast_s=0.02, dt_high_s=0.1)
    coarse = simulate(scud, Guidance(kick), record=False)
    exact = simulate(scud, Guidance(kick), fine, record=False)
    assert coarse.range_m == pytest.approx(exact.range_m, rel=1e-5)
    assert coarse.burnout.altitude_m == pytest.approx(exact.burnout.altitude_m, abs=0.5)
    assert coarse.time_of_flight_s == pytest.approx(exact.time_of_flight_s, abs=0.05)
