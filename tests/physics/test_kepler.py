"""Closed-form ballistic results against the Kepler kernel, to 1e-6 relative or better."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

from mtcr.physics.core.constants import MU_EARTH, R_EARTH
from mtcr.physics.core.kepler import ballistic_range_angle, coast_to_radius

MU, R = MU_EARTH, R_EARTH
SPEEDS = [1000.0, 1500.0, 2000.0, 3000.0, 5000.0, 7000.0]


def _nu(speed: float, radius: float) -> float:
    return speed * speed * radius / MU


@pytest.mark.parametrize("speed", SPEEDS)
@pytest.mark.parametrize("gamma_deg", [10.0, 30.0, 45.0, 60.0, 80.0])
def test_equal_radii_matches_the_bmw_formula(speed: float, gamma_deg: float) -> None:
    # cos(Psi/2) = (1 - nu cos^2 g) / sqrt(1 + nu (nu - 2) cos^2 g)  (Bate, Mueller & White 6.2)
    gamma = math.radians(gamma_deg)
    nu, cos2 = _nu(speed, R), math.cos(gamma) ** 2
    expected = 2 * math.acos((1 - nu * cos2) / math.sqrt(1 + nu * (nu - 2) * cos2))
    assert ballistic_range_angle(R, speed, gamma, R, MU) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("speed", SPEEDS)
def test_optimal_angle_equal_radii(speed: float) -> None:
    # Wheelon: gamma* = arccos(nu / (2 - nu)) / 2, sin(Psi_max / 2) = nu / (2 - nu)
    nu = _nu(speed, R)
    gamma_star = 0.5 * math.acos(nu / (2 - nu))
    psi_max = 2 * math.asin(nu / (2 - nu))
    assert ballistic_range_angle(R, speed, gamma_star, R, MU) == pytest.approx(psi_max, rel=1e-9)
    found = minimize_scalar(
        lambda g: -ballistic_range_angle(R, speed, g, R, MU),
        bounds=(0.01, 1.55),
        method="bounded",
        options={"xatol": 1e-12},
    )
    assert found.x == pytest.approx(gamma_star, rel=1e-6)


@pytest.mark.parametrize(
    ("speed", "range_km", "gamma_deg"),
    # missile-physics.md 3.6 item 4, computed there independently (published to 0.1 km / 0.01 deg)
    [(1500, 233.3, 44.48), (2000, 420.8, 44.05), (3000, 988.5, 42.78), (5000, 3215.4, 37.77), (7000, 8909.8, 24.97)],
)
def test_published_maximum_ranges_from_the_surface(speed: float, range_km: float, gamma_deg: float) -> None:
    nu = _nu(speed, R)
    gamma = 0.5 * math.acos(nu / (2 - nu))
    assert ballistic_range_angle(R, speed, gamma, R, MU) * R / 1e3 == pytest.approx(range_km, abs=0.051)
    assert math.degrees(gamma) == pytest.approx(gamma_deg, abs=0.0051)


@pytest.mark.parametrize(
    ("speed", "height", "range_km", "gamma_deg"),
    [(1600.0, 30e3, 296.5, 41.45), (7000.0, 250e3, 10215.5, 21.50)],  # missile-physics.md 3.6 item 5
)
def test_unequal_radii_optimum_obeys_the_bisector_rule(
    speed: float, height: float, range_km: float, gamma_deg: float
) -> None:
    r_b = R + height
    found = minimize_scalar(
        lambda g: -ballistic_range_angle(r_b, speed, g, R, MU),
        bounds=(0.01, 1.55),
        method="bounded",
        options={"xatol": 1e-13},
    )
    gamma, psi = found.x, -found.fun
    # tan 2 gamma* = sin Psi / (r_b / R - cos Psi), compared as angles (tan is steep near 2 gamma = 90 deg)
    assert gamma == pytest.approx(0.5 * math.atan2(math.sin(psi), r_b / R - math.cos(psi)), rel=1e-6)
    assert psi * R / 1e3 == pytest.approx(range_km, abs=0.051)
    assert math.degrees(gamma) == pytest.approx(gamma_deg, abs=0.0051)


def _state(radius: float, speed: float, gamma: float) -> tuple[np.ndarray, np.ndarray]:
    position = np.array([radius, 0.0, 0.0])
    velocity = np.array([speed * math.sin(gamma), speed * math.cos(gamma), 0.0])
    return position, velocity


@pytest.mark.parametrize(
    ("speed", "gamma_deg", "height"), [(3000.0, 40.0, 100e3), (6500.0, 25.0, 200e3), (2000.0, -10.0, 120e3)]
)
def test_coast_lands_where_the_closed_form_says(speed: float, gamma_deg: float, height: float) -> None:
    position, velocity = _state(R + height, speed, math.radians(gamma_deg))
    out_p, out_v = np.empty(3), np.empty(3)
    returns, time_s, _ = coast_to_radius(position, velocity, R, MU, out_p, out_v)
    assert returns
    angle = math.atan2(np.linalg.norm(np.cross(position, out_p)), float(position @ out_p))
    expected = ballistic_range_angle(R + height, speed, math.radians(gamma_deg), R, MU)
    assert angle == pytest.approx(expected, rel=1e-9)
    assert np.linalg.norm(out_p) == pytest.approx(R, rel=1e-12)
    # energy is conserved along the conic
    energy = 0.5 * float(velocity @ velocity) - MU / np.linalg.norm(position)
    assert 0.5 * float(out_v @ out_v) - MU / R == pytest.approx(energy, rel=1e-10)

    # and the time of flight agrees with a tight numerical integration of the two-body problem
    def two_body(_t: float, y: np.ndarray) -> np.ndarray:
        r = np.linalg.norm(y[:3])
        return np.concatenate([y[3:], -MU * y[:3] / r**3])

    def ground(_t: float, y: np.ndarray) -> float:
        return float(np.linalg.norm(y[:3]) - R)

    ground.terminal = True  # type: ignore[attr-defined]
    ground.direction = -1  # type: ignore[attr-defined]
    numeric = solve_ivp(
        two_body, (0, 1e5), np.concatenate([position, velocity]), rtol=1e-12, atol=1e-6, events=ground, method="DOP853"
    )
    assert numeric.t_events[0][0] == pytest.approx(time_s, rel=1e-7)
    np.testing.assert_allclose(numeric.y_events[0][0][:3], out_p, rtol=1e-7, atol=1e-2)


def test_orbit_and_escape_do_not_return() -> None:
    out_p, out_v = np.empty(3), np.empty(3)
    circular = math.sqrt(MU / (R + 300e3))
    assert not coast_to_radius(*_state(R + 300e3, circular, 0.0), R + 86e3, MU, out_p, out_v)[0]
    escape = math.sqrt(2 * MU / (R + 300e3)) * 1.01
    assert not coast_to_radius(*_state(R + 300e3, escape, math.radians(30)), R, MU, out_p, out_v)[0]
    assert math.isnan(ballistic_range_angle(R + 300e3, circular, 0.0, R + 86e3, MU))
