"""Point-mass (3-DOF) flight of a staged rocket over a spherical, optionally rotating Earth.

Equations of motion in an Earth-centred inertial frame (z along the Earth's axis):
    dr/dt = v,  dv/dt = -mu r/|r|^3 + (T/m) u_T - D/m v_rel/|v_rel|,  dm/dt = -mdot,
with v_rel = v - omega x r the velocity relative to the air (the atmosphere turns with the Earth),
D = 1/2 rho |v_rel|^2 Cd(M) A (or, for a separated re-entry vehicle, D/m = rho |v_rel|^2 / (2 beta)),
T = mdot g0 Isp_vac - p(h) A_e with a nozzle exit area, else T = mdot g0 Isp (vehicle-format.md).
Integration: classical fourth-order Runge-Kutta with fixed steps, split exactly at every event
(ignition, burnout, shroud jettison, guidance switch); the exo-atmospheric coast is the exact Kepler
conic (kepler.py); impact is located by secant iteration on the last step.

Guidance (bounded and physically realisable): vertical rise, a pitch-over "kick" that tilts the
thrust linearly from the vertical to ``kick`` rad in the launch plane, then a gravity turn (thrust
along the air-relative velocity, zero angle of attack) in the first stage, and in upper stages thrust
tilted by ``tilt`` rad from the velocity (positive lofts, negative depresses).

All arguments are float64 arrays in SI units laid out by the index constants below; no I/O.

Compilation (measured in benchmarks/bench_montecarlo.py, a Scud flight from 550 to about 200 us):
- the per-step functions are inlined: passing a dozen arrays per call cost more than the physics; the
  price is a longer first compilation (about 50 s instead of 15 s, once: numba caches it on disk, and
  ``make`` compiles ahead with ``python -m mtcr.physics.warmup``);
- the first RK4 stage also gives the drag stiffness, so the atmosphere is not evaluated twice;
- divisions follow numpy's error model (no zero checks: the code guards its own);
- fused multiply-adds and reciprocal multiplication are allowed (``fastmath`` contract and arcp only:
  infinities and NaN keep their meaning). Results change in the last bits (1e-8 relative on an
  optimised range), far inside the model's accuracy, and may differ in those bits between processors
  with and without FMA; the plain-Python path (NUMBA_DISABLE_JIT=1) agrees to 1e-12.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from mtcr.physics.core.atmosphere import TOP_OF_ATMOSPHERE_M, atmosphere
from mtcr.physics.core.constants import JIT_OPTIONS
from mtcr.physics.core.drag import drag_coefficient
from mtcr.physics.core.kepler import conic_elements, conic_state, descending_crossing, time_between

# stages[k, :] columns
S_PROPELLANT, S_DRY, S_RESIDUAL, S_BURN_TIME, S_EXHAUST, S_EXHAUST_VAC, S_EXIT_AREA, S_AREA, S_DELAY = range(9)
STAGE_COLUMNS = 9
# vehicle[:]
V_PAYLOAD, V_SHROUD_MASS, V_SHROUD_TIME, V_RV_BETA, V_LATITUDE, V_AZIMUTH, V_ALTITUDE, V_OMEGA = range(8)
VEHICLE_FIELDS = 8
# guidance[:]
G_VERTICAL_S, G_KICK_DURATION_S, G_KICK_RAD, G_TILT_RAD = range(4)
GUIDANCE_FIELDS = 4
# Internal: fly() works on a copy with one more field, the guidance phase of the current segment. The
# phase is fixed per segment (not read from t) so that an RK4 step ending exactly at a switch stays
# in its own phase: that keeps the integration fourth order across the switch.
G_PHASE = 4
PHASE_VERTICAL, PHASE_KICK, PHASE_TURN = 0.0, 1.0, 2.0
# numerics[:]
N_DT_BOOST, N_DT_COAST, N_DT_HIGH, N_MU, N_RADIUS, N_ATMOSPHERE, N_KEPLER, N_MAX_TIME, N_HIGH_ALTITUDE = range(9)
NUMERICS_FIELDS = 9
# summary[:] written by fly()
(
    O_STATUS,
    O_RANGE_M,
    O_TIME_S,
    O_APOGEE_M,
    O_BURNOUT_TIME_S,
    O_BURNOUT_ALTITUDE_M,
    O_BURNOUT_SPEED_M_S,
    O_BURNOUT_INERTIAL_SPEED_M_S,
    O_BURNOUT_GAMMA_RAD,
    O_BURNOUT_DOWNRANGE_M,
    O_MAX_Q_PA,
    O_IMPACT_SPEED_M_S,
    O_SAMPLES,
    O_BURNOUT_MASS_KG,
    O_SWEPT_RAD,
    O_PERIGEE_M,
) = range(16)
SUMMARY_FIELDS = 16
# samples[i, :]: time s, ground range from the launch point m, altitude m, air-relative speed m/s, mass kg
SAMPLE_FIELDS = 5

STATUS_IMPACT = 0.0  # came down: the range is the ground distance to the impact point
STATUS_ORBITAL = 1.0  # does not come back (orbit or escape), or circles the Earth first: no range
STATUS_NO_LIFTOFF = 2.0  # thrust below weight at launch
STATUS_CRASHED = 3.0  # hit the ground before burnout; the range is where
STATUS_TIMEOUT = 4.0  # still flying at the time limit (only without the Kepler coast)
STATUS_FAILED = 5.0  # the integration produced a non-finite state: no result (never counted as orbit)

# RK4 is stable for drag when dt * k stays below about 2.8 (k = drag deceleration / speed, 1/s);
# steps are split so that dt * k <= STIFFNESS_LIMIT, with margin.
STIFFNESS_LIMIT = 0.5

CONIC_SAMPLES = 60


@njit(inline="always", **JIT_OPTIONS)  # inlined into the RK4 stages, like the other per-step functions
def _thrust_direction(
    t: float,
    stage: int,
    y: np.ndarray,
    r: float,
    vrx: float,
    vry: float,
    vrz: float,
    vrel: float,
    guidance: np.ndarray,
    plane: np.ndarray,
) -> tuple[float, float, float]:
    ux, uy, uz = y[0] / r, y[1] / r, y[2] / r
    t_vertical = guidance[G_VERTICAL_S]
    phase = guidance[G_PHASE]
    if phase == PHASE_VERTICAL:
        return ux, uy, uz
    if phase == PHASE_KICK or vrel < 1e-6:
        alpha = guidance[G_KICK_RAD] * min(1.0, max(0.0, (t - t_vertical) / guidance[G_KICK_DURATION_S]))
        # horizontal downrange direction: plane normal x up
        dx = plane[1] * uz - plane[2] * uy
        dy = plane[2] * ux - plane[0] * uz
        dz = plane[0] * uy - plane[1] * ux
        dn = math.sqrt(dx * dx + dy * dy + dz * dz)
        ca, sa = math.cos(alpha), math.sin(alpha) / dn
        return ca * ux + sa * dx, ca * uy + sa * dy, ca * uz + sa * dz
    vx, vy, vz = vrx / vrel, vry / vrel, vrz / vrel
    tilt = guidance[G_TILT_RAD]
    if stage == 0 or tilt == 0.0:
        return vx, vy, vz
    # n = v_hat x plane normal: perpendicular to the velocity in the launch plane, on the upper side
    # (defined even for a vertical velocity, unlike the component of "up" normal to the velocity).
    nx = vy * plane[2] - vz * plane[1]
    ny = vz * plane[0] - vx * plane[2]
    nz = vx * plane[1] - vy * plane[0]
    nn = math.sqrt(nx * nx + ny * ny + nz * nz)
    if nn < 1e-12:
        return vx, vy, vz
    ct, st = math.cos(tilt), math.sin(tilt) / nn
    return ct * vx + st * nx, ct * vy + st * ny, ct * vz + st * nz


@njit(inline="always", **JIT_OPTIONS)
def _derivatives(
    t: float,
    y: np.ndarray,
    dy: np.ndarray,
    stage: int,
    burning: bool,
    separated: bool,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach_table: np.ndarray,
    cd_table: np.ndarray,
    plane: np.ndarray,
) -> float:
    """Write dy/dt at (t, y) into ``dy``; return the drag deceleration per unit air speed (1/s), the
    stiffness the step size must respect (infinite for a vehicle with no mass left in the air)."""
    x, yy, z, m = y[0], y[1], y[2], y[6]
    r = math.sqrt(x * x + yy * yy + z * z)
    mu = numerics[N_MU]
    g = -mu / (r * r * r)
    ax, ay, az = g * x, g * yy, g * z
    omega = vehicle[V_OMEGA]
    vrx, vry, vrz = y[3] + omega * yy, y[4] - omega * x, y[5]
    vrel = math.sqrt(vrx * vrx + vry * vry + vrz * vrz)
    pressure, density, sound = 0.0, 0.0, 340.0
    if numerics[N_ATMOSPHERE] > 0.0:
        _, pressure, density, sound = atmosphere(r - numerics[N_RADIUS])
    rate = 0.0
    if density > 0.0:
        if separated and vehicle[V_RV_BETA] > 0.0:
            k = density * vrel / (2.0 * vehicle[V_RV_BETA])
            rate = k
        else:
            cd = drag_coefficient(mach_table, cd_table, vrel / sound)
            k = 0.5 * density * vrel * cd * stages[stage, S_AREA] / m
            rate = k if m > 0.0 else math.inf
        if vrel > 0.0:
            ax -= k * vrx
            ay -= k * vry
            az -= k * vrz
    mdot = 0.0
    if burning:
        mdot = stages[stage, S_PROPELLANT] / stages[stage, S_BURN_TIME]
        exit_area = stages[stage, S_EXIT_AREA]
        if exit_area > 0.0:
            thrust = max(0.0, mdot * stages[stage, S_EXHAUST_VAC] - pressure * exit_area)
        else:
            thrust = mdot * stages[stage, S_EXHAUST]
        tx, ty, tz = _thrust_direction(t, stage, y, r, vrx, vry, vrz, vrel, guidance, plane)
        a_t = thrust / m
        ax += a_t * tx
        ay += a_t * ty
        az += a_t * tz
    dy[0], dy[1], dy[2] = y[3], y[4], y[5]
    dy[3], dy[4], dy[5] = ax, ay, az
    dy[6] = -mdot
    return rate


@njit(inline="always", **JIT_OPTIONS)
def _rk4_step(
    t: float,
    y: np.ndarray,
    dt: float,
    out: np.ndarray,
    work: np.ndarray,
    stage: int,
    burning: bool,
    separated: bool,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach_table: np.ndarray,
    cd_table: np.ndarray,
    plane: np.ndarray,
    k1_ready: bool,
) -> None:
    """One RK4 step from (t, y) over dt into ``out``; ``work`` is a (5, 7) scratch array whose first row
    already holds dy/dt at (t, y) when ``k1_ready``."""
    k1, k2, k3, k4, tmp = work[0], work[1], work[2], work[3], work[4]
    if not k1_ready:
        _derivatives(
            t, y, k1, stage, burning, separated, stages, vehicle, guidance, numerics, mach_table, cd_table, plane
        )
    for i in range(7):
        tmp[i] = y[i] + 0.5 * dt * k1[i]
    _derivatives(
        t + 0.5 * dt,
        tmp,
        k2,
        stage,
        burning,
        separated,
        stages,
        vehicle,
        guidance,
        numerics,
        mach_table,
        cd_table,
        plane,
    )
    for i in range(7):
        tmp[i] = y[i] + 0.5 * dt * k2[i]
    _derivatives(
        t + 0.5 * dt,
        tmp,
        k3,
        stage,
        burning,
        separated,
        stages,
        vehicle,
        guidance,
        numerics,
        mach_table,
        cd_table,
        plane,
    )
    for i in range(7):
        tmp[i] = y[i] + dt * k3[i]
    _derivatives(
        t + dt, tmp, k4, stage, burning, separated, stages, vehicle, guidance, numerics, mach_table, cd_table, plane
    )
    for i in range(7):
        out[i] = y[i] + dt / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i])


@njit(**JIT_OPTIONS)
def _advance(
    t: float,
    y: np.ndarray,
    dt: float,
    out: np.ndarray,
    work: np.ndarray,
    stage: int,
    burning: bool,
    separated: bool,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach_table: np.ndarray,
    cd_table: np.ndarray,
    plane: np.ndarray,
    scratch: np.ndarray,
) -> None:
    """Advance by ``dt`` in as many equal RK4 steps as drag stiffness needs (usually one)."""
    # dy/dt at the start is every step's first RK4 stage, and it yields the drag stiffness as well
    rate = _derivatives(
        t, y, work[0], stage, burning, separated, stages, vehicle, guidance, numerics, mach_table, cd_table, plane
    )
    pieces = 1
    if rate * dt > STIFFNESS_LIMIT:
        pieces = min(100_000, math.ceil(rate * dt / STIFFNESS_LIMIT))
    if pieces == 1:
        _rk4_step(
            t,
            y,
            dt,
            out,
            work,
            stage,
            burning,
            separated,
            stages,
            vehicle,
            guidance,
            numerics,
            mach_table,
            cd_table,
            plane,
            True,
        )
        return
    h = dt / pieces
    scratch[:] = y
    for i in range(pieces):
        _rk4_step(
            t + i * h,
            scratch,
            h,
            out,
            work,
            stage,
            burning,
            separated,
            stages,
            vehicle,
            guidance,
            numerics,
            mach_table,
            cd_table,
            plane,
            i == 0,  # the first piece starts where k1 was taken
        )
        scratch[:] = out


@njit(**JIT_OPTIONS)
def _near_vertical(y: np.ndarray) -> bool:
    """True when the flight is within about half a degree of radial (angular momentum ~ 0)."""
    hx = y[1] * y[5] - y[2] * y[4]
    hy = y[2] * y[3] - y[0] * y[5]
    hz = y[0] * y[4] - y[1] * y[3]
    r = math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2])
    v = math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5])
    return math.sqrt(hx * hx + hy * hy + hz * hz) <= 0.01 * r * v


@njit(**JIT_OPTIONS)
def _finite(y: np.ndarray) -> bool:
    for value in y:  # noqa: SIM110 - the loop form is what numba compiles
        if not math.isfinite(value):
            return False
    return True


@njit(**JIT_OPTIONS)
def _altitude(y: np.ndarray, radius: float) -> float:
    return math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - radius


@njit(**JIT_OPTIONS)
def _ground_range(y: np.ndarray, t: float, vehicle: np.ndarray, radius: float) -> float:
    """Great-circle distance (m) on the sphere from the launch point (turning with the Earth) to below ``y``."""
    lat = vehicle[V_LATITUDE]
    spin = vehicle[V_OMEGA] * t
    sx, sy, sz = math.cos(lat) * math.cos(spin), math.cos(lat) * math.sin(spin), math.sin(lat)
    cx = sy * y[2] - sz * y[1]
    cy = sz * y[0] - sx * y[2]
    cz = sx * y[1] - sy * y[0]
    return radius * math.atan2(math.sqrt(cx * cx + cy * cy + cz * cz), sx * y[0] + sy * y[1] + sz * y[2])


@njit(**JIT_OPTIONS)
def _angle(a: np.ndarray, b: np.ndarray) -> float:
    """Angle (rad) between the position parts of two states, as seen from the Earth's centre."""
    cx = a[1] * b[2] - a[2] * b[1]
    cy = a[2] * b[0] - a[0] * b[2]
    cz = a[0] * b[1] - a[1] * b[0]
    return math.atan2(math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2])


@njit(**JIT_OPTIONS)
def _range(y: np.ndarray, t: float, swept: float, vehicle: np.ndarray, radius: float) -> float:
    """Ground range (m): the great-circle distance from the launch point to below ``y``; for a flight
    sweeping more than half the globe, the arc flown (inertial central angle x radius)."""
    if swept < math.pi:
        return _ground_range(y, t, vehicle, radius)
    return radius * swept


@njit(inline="always", **JIT_OPTIONS)
def _air_speed(y: np.ndarray, omega: float) -> float:
    vrx, vry = y[3] + omega * y[1], y[4] - omega * y[0]
    return math.sqrt(vrx * vrx + vry * vry + y[5] * y[5])


@njit(**JIT_OPTIONS)
def _record(samples: np.ndarray, count: int, t: float, y: np.ndarray, vehicle: np.ndarray, radius: float) -> int:
    if count >= samples.shape[0]:
        return count
    samples[count, 0] = t
    samples[count, 1] = _ground_range(y, t, vehicle, radius)
    samples[count, 2] = _altitude(y, radius)
    samples[count, 3] = _air_speed(y, vehicle[V_OMEGA])
    samples[count, 4] = y[6]
    return count + 1


@njit(**JIT_OPTIONS)
def _to_ground(
    t: float,
    y: np.ndarray,
    dt: float,
    out: np.ndarray,
    work: np.ndarray,
    stage: int,
    burning: bool,
    separated: bool,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach_table: np.ndarray,
    cd_table: np.ndarray,
    plane: np.ndarray,
    scratch: np.ndarray,
) -> float:
    """Step length (s) from (t, y) to altitude zero, by secant (regula falsi) iteration; state into ``out``."""
    radius = numerics[N_RADIUS]
    lo, h_lo = 0.0, _altitude(y, radius)
    hi = dt
    _advance(
        t,
        y,
        dt,
        out,
        work,
        stage,
        burning,
        separated,
        stages,
        vehicle,
        guidance,
        numerics,
        mach_table,
        cd_table,
        plane,
        scratch,
    )
    h_hi = _altitude(out, radius)
    s = hi
    for _ in range(30):
        s = lo - h_lo * (hi - lo) / (h_hi - h_lo)
        _advance(
            t,
            y,
            s,
            out,
            work,
            stage,
            burning,
            separated,
            stages,
            vehicle,
            guidance,
            numerics,
            mach_table,
            cd_table,
            plane,
            scratch,
        )
        h_s = _altitude(out, radius)
        if abs(h_s) < 1e-4:
            break
        if h_s > 0.0:
            lo, h_lo = s, h_s
        else:
            hi, h_hi = s, h_s
    return s


@njit(**JIT_OPTIONS)
def _event_times(stages: np.ndarray, vehicle: np.ndarray, guidance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ignition times of each stage, and every time at which the powered flight must be split."""
    n = stages.shape[0]
    ignition = np.empty(n)
    t = 0.0
    for k in range(n):
        ignition[k] = t
        t += stages[k, S_BURN_TIME]
        if k < n - 1:
            t += stages[k, S_DELAY]
    final = ignition[n - 1] + stages[n - 1, S_BURN_TIME]
    candidates = np.empty(2 * n + 4)
    candidates[0] = 0.0
    candidates[1] = guidance[G_VERTICAL_S]
    candidates[2] = guidance[G_VERTICAL_S] + guidance[G_KICK_DURATION_S]
    candidates[3] = vehicle[V_SHROUD_TIME] if vehicle[V_SHROUD_MASS] > 0.0 else 0.0
    for k in range(n):
        candidates[4 + 2 * k] = ignition[k]
        candidates[5 + 2 * k] = ignition[k] + stages[k, S_BURN_TIME]
    candidates = np.sort(candidates)
    events = np.empty(candidates.size)
    count = 0
    for value in candidates:
        if value <= final + 1e-9 and (count == 0 or value > events[count - 1] + 1e-9):
            events[count] = value
            count += 1
    return ignition, events[:count]


@njit(**JIT_OPTIONS)
def fly(
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach_table: np.ndarray,
    cd_table: np.ndarray,
    summary: np.ndarray,
    samples: np.ndarray,
) -> None:
    """Fly one trajectory from launch to impact; fill ``summary`` (O_* fields) and ``samples`` rows.

    ``samples`` may have zero rows when no trajectory record is wanted.
    """
    n = stages.shape[0]
    radius, mu = numerics[N_RADIUS], numerics[N_MU]
    given_guidance = guidance
    guidance = np.zeros(GUIDANCE_FIELDS + 1)
    guidance[:GUIDANCE_FIELDS] = given_guidance[:GUIDANCE_FIELDS]
    guidance[G_PHASE] = PHASE_VERTICAL
    summary[:] = 0.0
    summary[O_PERIGEE_M] = -numerics[N_RADIUS]  # set where the flight leaves the atmosphere
    lat, azimuth, omega = vehicle[V_LATITUDE], vehicle[V_AZIMUTH], vehicle[V_OMEGA]
    up = np.array([math.cos(lat), 0.0, math.sin(lat)])
    north = np.array([-math.sin(lat), 0.0, math.cos(lat)])
    downrange = math.cos(azimuth) * north + math.sin(azimuth) * np.array([0.0, 1.0, 0.0])
    plane = np.cross(up, downrange)
    y = np.empty(7)
    r0 = radius + vehicle[V_ALTITUDE]
    y[0], y[1], y[2] = r0 * up[0], r0 * up[1], r0 * up[2]
    y[3], y[4], y[5] = -omega * y[1], omega * y[0], 0.0
    mass = vehicle[V_PAYLOAD] + vehicle[V_SHROUD_MASS]
    for k in range(n):
        mass += stages[k, S_PROPELLANT] + stages[k, S_DRY] + stages[k, S_RESIDUAL]
    y[6] = mass
    work = np.empty((5, 7))
    y_next = np.empty(7)
    scratch = np.empty(7)

    # Lift-off: the first stage's thrust at the pad must exceed the weight.
    dy = np.empty(7)
    _derivatives(0.0, y, dy, 0, True, False, stages, vehicle, guidance, numerics, mach_table, cd_table, plane)
    if dy[3] * y[0] + dy[4] * y[1] + dy[5] * y[2] <= 0.0:
        summary[O_STATUS] = STATUS_NO_LIFTOFF
        return

    count = _record(samples, 0, 0.0, y, vehicle, radius)
    apogee = vehicle[V_ALTITUDE]
    max_q = 0.0
    ignition, events = _event_times(stages, vehicle, guidance)
    t = 0.0
    swept = 0.0  # central angle flown, inertial
    for segment in range(events.size - 1):
        start, end = events[segment], events[segment + 1]
        middle = 0.5 * (start + end)
        if middle < guidance[G_VERTICAL_S]:
            guidance[G_PHASE] = PHASE_VERTICAL
        elif middle < guidance[G_VERTICAL_S] + guidance[G_KICK_DURATION_S]:
            guidance[G_PHASE] = PHASE_KICK
        else:
            guidance[G_PHASE] = PHASE_TURN
        stage = 0
        for k in range(n):
            if ignition[k] <= middle:
                stage = k
        burning = middle < ignition[stage] + stages[stage, S_BURN_TIME]
        if not burning:
            stage += 1  # coasting between stages: the next stage is at the bottom of the stack
        steps = max(1, math.ceil((end - start) / numerics[N_DT_BOOST] - 1e-9))
        dt = (end - start) / steps
        for i in range(steps):
            t_step = start + i * dt
            _advance(
                t_step,
                y,
                dt,
                y_next,
                work,
                stage,
                burning,
                False,
                stages,
                vehicle,
                guidance,
                numerics,
                mach_table,
                cd_table,
                plane,
                scratch,
            )
            if not _finite(y_next):
                summary[O_STATUS] = STATUS_FAILED
                summary[O_TIME_S] = t_step
                return
            if _altitude(y_next, radius) < 0.0:
                s = _to_ground(
                    t_step,
                    y,
                    dt,
                    y_next,
                    work,
                    stage,
                    burning,
                    False,
                    stages,
                    vehicle,
                    guidance,
                    numerics,
                    mach_table,
                    cd_table,
                    plane,
                    scratch,
                )
                swept += _angle(y, y_next)
                y[:] = y_next
                t = t_step + s
                count = _record(samples, count, t, y, vehicle, radius)
                summary[O_STATUS] = STATUS_CRASHED
                summary[O_SWEPT_RAD] = swept
                summary[O_RANGE_M] = _range(y, t, swept, vehicle, radius)
                summary[O_TIME_S] = t
                summary[O_APOGEE_M] = apogee
                summary[O_MAX_Q_PA] = max_q
                summary[O_IMPACT_SPEED_M_S] = _air_speed(y, omega)
                summary[O_SAMPLES] = count
                return
            swept += _angle(y, y_next)
            y[:] = y_next
            t = start + (i + 1) * dt
            h = _altitude(y, radius)
            apogee = max(apogee, h)
            if numerics[N_ATMOSPHERE] > 0.0:
                density = atmosphere(h)[2]
                speed = _air_speed(y, omega)
                max_q = max(max_q, 0.5 * density * speed * speed)
            count = _record(samples, count, t, y, vehicle, radius)
        # discrete events at the end of the interval
        for k in range(n - 1):
            if abs(end - (ignition[k] + stages[k, S_BURN_TIME])) < 1e-9:
                y[6] -= stages[k, S_DRY] + stages[k, S_RESIDUAL]
        if vehicle[V_SHROUD_MASS] > 0.0 and abs(end - vehicle[V_SHROUD_TIME]) < 1e-9:
            y[6] -= vehicle[V_SHROUD_MASS]

    # Burnout of the last stage.
    h = _altitude(y, radius)
    speed = _air_speed(y, omega)
    vrx, vry, vrz = y[3] + omega * y[1], y[4] - omega * y[0], y[5]
    r = h + radius
    summary[O_BURNOUT_TIME_S] = t
    summary[O_BURNOUT_ALTITUDE_M] = h
    summary[O_BURNOUT_SPEED_M_S] = speed
    summary[O_BURNOUT_INERTIAL_SPEED_M_S] = math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5])
    summary[O_BURNOUT_GAMMA_RAD] = math.asin(max(-1.0, min(1.0, (vrx * y[0] + vry * y[1] + vrz * y[2]) / (r * speed))))
    summary[O_BURNOUT_DOWNRANGE_M] = _ground_range(y, t, vehicle, radius)
    summary[O_BURNOUT_MASS_KG] = y[6]
    last = n - 1
    separated = vehicle[V_RV_BETA] > 0.0
    if separated:
        y[6] = vehicle[V_PAYLOAD]  # the re-entry vehicle flies on alone
    status = STATUS_TIMEOUT
    jumped = False
    high_altitude = numerics[N_HIGH_ALTITUDE]
    top = radius + TOP_OF_ATMOSPHERE_M
    while t < numerics[N_MAX_TIME]:
        h = _altitude(y, radius)
        if numerics[N_KEPLER] > 0.0 and not jumped and h + radius >= top:
            if _near_vertical(y):
                # The conic is ill-conditioned for a (near-)radial flight (p -> 0, e -> 1): keep integrating
                # (in vacuum above the atmosphere RK4 is accurate too).
                jumped = True
                continue
            elements = conic_elements(y[0:3], y[3:6], mu)
            if not (math.isfinite(elements[0]) and math.isfinite(elements[1]) and math.isfinite(elements[8])):
                status = STATUS_FAILED
                break
            f0 = elements[8]
            f1 = descending_crossing(elements, top)
            e = elements[1]
            summary[O_PERIGEE_M] = elements[0] / (1.0 + e) - radius if e < 1.0 else math.inf
            if math.isnan(f1):
                status = STATUS_ORBITAL
                apogee = max(apogee, elements[0] / (1.0 - e) - radius) if e < 1.0 else math.inf
                break
            f1 = max(f1, f0)
            if f0 <= math.pi:
                apogee = max(apogee, elements[0] / (1.0 - elements[1]) - radius)
            if samples.shape[0] > 0:
                for j in range(1, CONIC_SAMPLES):
                    f = f0 + (f1 - f0) * j / CONIC_SAMPLES
                    conic_state(elements, f, mu, y_next[0:3], y_next[3:6])
                    y_next[6] = y[6]
                    count = _record(samples, count, t + time_between(elements, f0, f, mu), y_next, vehicle, radius)
            position, velocity = np.empty(3), np.empty(3)
            conic_state(elements, f1, mu, position, velocity)
            t += time_between(elements, f0, f1, mu)
            swept += f1 - f0
            y[0:3] = position
            y[3:6] = velocity
            jumped = True
            count = _record(samples, count, t, y, vehicle, radius)
            continue
        dt = numerics[N_DT_HIGH] if h > high_altitude else numerics[N_DT_COAST]
        _advance(
            t,
            y,
            dt,
            y_next,
            work,
            last,
            False,
            separated,
            stages,
            vehicle,
            guidance,
            numerics,
            mach_table,
            cd_table,
            plane,
            scratch,
        )
        if not _finite(y_next):
            status = STATUS_FAILED
            break
        if _altitude(y_next, radius) < 0.0:
            s = _to_ground(
                t,
                y,
                dt,
                y_next,
                work,
                last,
                False,
                separated,
                stages,
                vehicle,
                guidance,
                numerics,
                mach_table,
                cd_table,
                plane,
                scratch,
            )
            swept += _angle(y, y_next)
            y[:] = y_next
            t += s
            status = STATUS_IMPACT
            count = _record(samples, count, t, y, vehicle, radius)
            break
        swept += _angle(y, y_next)
        y[:] = y_next
        t += dt
        h = _altitude(y, radius)
        apogee = max(apogee, h)
        if numerics[N_ATMOSPHERE] > 0.0 and h < TOP_OF_ATMOSPHERE_M:
            density = atmosphere(h)[2]
            speed = _air_speed(y, omega)
            max_q = max(max_q, 0.5 * density * speed * speed)
        count = _record(samples, count, t, y, vehicle, radius)
    if status == STATUS_IMPACT and swept >= 2.0 * math.pi:
        status = STATUS_ORBITAL  # once around the Earth before coming down: orbital, global reach
    summary[O_STATUS] = status
    summary[O_TIME_S] = t
    summary[O_APOGEE_M] = apogee
    summary[O_MAX_Q_PA] = max_q
    summary[O_SAMPLES] = count
    summary[O_SWEPT_RAD] = swept
    if status == STATUS_IMPACT:
        summary[O_RANGE_M] = _range(y, t, swept, vehicle, radius)
        summary[O_IMPACT_SPEED_M_S] = _air_speed(y, omega)
