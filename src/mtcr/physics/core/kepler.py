"""Exo-atmospheric coast as an exact Kepler conic, and closed-form ballistic results.

Formulas (standard two-body mechanics; e.g. Bate, Mueller & White, Fundamentals of Astrodynamics,
ch. 1-2 and 6; Wheelon 1959 for the optimal burnout angle). Notation: mu gravitational parameter
(m^3/s^2); r burnout radius (m); v inertial speed (m/s); gamma flight-path angle above the local
horizontal (rad); nu = v^2 r / mu.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

TWO_PI = 2.0 * math.pi


@njit(cache=True)
def ballistic_range_angle(r_burnout: float, speed: float, gamma: float, r_impact: float, mu: float) -> float:
    """Central angle (rad) flown from burnout to the descending crossing of ``r_impact``.

    Psi = 2 pi - theta(r_b) - theta(R), theta(r) = arccos((p/r - 1)/e) being the true anomaly at radius r
    on the ascending branch; for gamma < 0 the burnout point is on the descending branch. NaN when the
    conic never comes down to ``r_impact`` (orbit or escape).
    """
    nu = speed * speed * r_burnout / mu
    cos2 = math.cos(gamma) ** 2
    p = r_burnout * nu * cos2
    e = math.sqrt(max(0.0, 1.0 + nu * (nu - 2.0) * cos2))
    if e >= 1.0 or p / (1.0 + e) >= r_impact or e == 0.0:
        return math.nan
    theta_b = math.acos(min(1.0, max(-1.0, (p / r_burnout - 1.0) / e)))
    theta_i = math.acos(min(1.0, max(-1.0, (p / r_impact - 1.0) / e)))
    if gamma < 0.0:  # already descending: burnout true anomaly is 2 pi - theta_b
        return theta_b - theta_i
    return TWO_PI - theta_b - theta_i


@njit(cache=True)
def true_anomaly_to_mean(f: float, e: float) -> float:
    """Mean anomaly (rad, in [0, 2 pi)) of true anomaly ``f`` in [0, 2 pi) on an ellipse of eccentricity ``e``."""
    half = 0.5 * f
    eccentric = 2.0 * math.atan2(math.sqrt(1.0 - e) * math.sin(half), math.sqrt(1.0 + e) * math.cos(half))
    if eccentric < 0.0:
        eccentric += TWO_PI
    return eccentric - e * math.sin(eccentric)


@njit(cache=True)
def conic_elements(position: np.ndarray, velocity: np.ndarray, mu: float) -> tuple[float, ...]:
    """(p m, e, P_x, P_y, P_z, Q_x, Q_y, Q_z, f0 rad) of the conic through an inertial state.

    p is the semi-latus rectum, e the eccentricity, P the unit vector to perigee, Q = h_hat x P, and
    f0 the current true anomaly in [0, 2 pi). For a circle (e = 0) P is taken along the position.
    """
    rx, ry, rz = position[0], position[1], position[2]
    vx, vy, vz = velocity[0], velocity[1], velocity[2]
    r = math.sqrt(rx * rx + ry * ry + rz * rz)
    hx, hy, hz = ry * vz - rz * vy, rz * vx - rx * vz, rx * vy - ry * vx
    h = math.sqrt(hx * hx + hy * hy + hz * hz)
    p = h * h / mu
    # eccentricity vector e = (v x h)/mu - r/|r|
    ex = (vy * hz - vz * hy) / mu - rx / r
    ey = (vz * hx - vx * hz) / mu - ry / r
    ez = (vx * hy - vy * hx) / mu - rz / r
    e_vector = math.sqrt(ex * ex + ey * ey + ez * ez)
    # The size of e from the energy, e^2 = 1 + 2 E h^2 / mu^2: below 1 exactly when the orbit is bound,
    # even for a near-vertical (radial) flight where the vector form rounds to 1 or more.
    energy = 0.5 * (vx * vx + vy * vy + vz * vz) - mu / r
    e = math.sqrt(max(0.0, 1.0 + 2.0 * energy * h * h / (mu * mu)))
    if energy >= 0.0:
        e = max(e, 1.0)
    if e_vector < 1e-12:
        px, py, pz = rx / r, ry / r, rz / r
    else:
        px, py, pz = ex / e_vector, ey / e_vector, ez / e_vector
    qx = (hy * pz - hz * py) / h
    qy = (hz * px - hx * pz) / h
    qz = (hx * py - hy * px) / h
    f0 = math.atan2((rx * qx + ry * qy + rz * qz), (rx * px + ry * py + rz * pz))
    if f0 < 0.0:
        f0 += TWO_PI
    return p, e, px, py, pz, qx, qy, qz, f0


@njit(cache=True)
def conic_state(
    elements: tuple[float, ...], f: float, mu: float, out_position: np.ndarray, out_velocity: np.ndarray
) -> None:
    """Inertial position (m) and velocity (m/s) at true anomaly ``f`` on the conic ``elements``."""
    p, e, px, py, pz, qx, qy, qz = (
        elements[0],
        elements[1],
        elements[2],
        elements[3],
        elements[4],
        elements[5],
        elements[6],
        elements[7],
    )
    r = p / (1.0 + e * math.cos(f))
    cos_f, sin_f = math.cos(f), math.sin(f)
    out_position[0] = r * (cos_f * px + sin_f * qx)
    out_position[1] = r * (cos_f * py + sin_f * qy)
    out_position[2] = r * (cos_f * pz + sin_f * qz)
    k = math.sqrt(mu / p)
    out_velocity[0] = k * (-sin_f * px + (e + cos_f) * qx)
    out_velocity[1] = k * (-sin_f * py + (e + cos_f) * qy)
    out_velocity[2] = k * (-sin_f * pz + (e + cos_f) * qz)


@njit(cache=True)
def time_between(elements: tuple[float, ...], f_from: float, f_to: float, mu: float) -> float:
    """Seconds to fly from true anomaly ``f_from`` to ``f_to`` (both in [0, 2 pi), f_to >= f_from) on an ellipse."""
    p, e = elements[0], elements[1]
    a = p / (1.0 - e * e)
    mean_motion = math.sqrt(mu / (a * a * a))
    return (true_anomaly_to_mean(f_to, e) - true_anomaly_to_mean(f_from, e)) / mean_motion


@njit(cache=True)
def descending_crossing(elements: tuple[float, ...], r_target: float) -> float:
    """True anomaly (rad, in (pi, 2 pi]) where the conic descends through radius ``r_target``; NaN if it never
    does (an orbit whose perigee is above ``r_target``, or an escape trajectory)."""
    p, e = elements[0], elements[1]
    if e >= 1.0 or e < 1e-12 or p / (1.0 + e) >= r_target:
        return math.nan
    return TWO_PI - math.acos(min(1.0, max(-1.0, (p / r_target - 1.0) / e)))


@njit(cache=True)
def coast_to_radius(
    position: np.ndarray,
    velocity: np.ndarray,
    r_target: float,
    mu: float,
    out_position: np.ndarray,
    out_velocity: np.ndarray,
) -> tuple[bool, float, float]:
    """Fly the conic through (``position`` m, ``velocity`` m/s, inertial) to its next descending crossing
    of radius ``r_target`` (m), which must not exceed the current radius.

    Writes the state there into ``out_position``/``out_velocity`` and returns (returns, time of flight s,
    highest radius reached m). ``returns`` is False for an orbit whose perigee is above ``r_target``, or
    an escape trajectory: the vehicle does not come back.
    """
    elements = conic_elements(position, velocity, mu)
    p, e, f0 = elements[0], elements[1], elements[8]
    f1 = descending_crossing(elements, r_target)
    if math.isnan(f1):
        return False, 0.0, p / (1.0 - e) if e < 1.0 else math.inf
    f1 = max(f1, f0)  # numerically at (or a hair past) the crossing already
    conic_state(elements, f1, mu, out_position, out_velocity)
    r_now = p / (1.0 + e * math.cos(f0))
    r_highest = p / (1.0 - e) if f0 <= math.pi else r_now
    return True, time_between(elements, f0, f1, mu), r_highest
