"""Batched kernels: many vehicles flown, range-maximised and assessed in one compiled call.

For Monte Carlo and sweeps. Every sample is computed by the same sequence of floating-point
operations whichever kernel, thread, chunk or machine runs it, so results never depend on the
number of threads or workers. Two variants of each entry point:

* ``*_parallel``: ``prange`` over samples on numba's thread pool (``parallel=True``);
* ``*_serial``: a plain loop that releases the GIL (``nogil=True``): for Dask workers, which
  parallelise by chunk, and for callers that are themselves threaded (numba's default
  threading layer must not be entered from two threads at once).

The range maximisation mirrors physics/optimize.py (same scan grid, brackets, warm start and
staged alternation of kick and tilt); its one-dimensional refinements use Brent's method for a
minimum (R. P. Brent, *Algorithms for Minimization without Derivatives*, 1973, ch. 5: golden
section with parabolic interpolation, the method behind scipy's bounded ``minimize_scalar``) with
the same absolute tolerances. The payload to a range is the root of R(m) = range by Brent's zero
finder (ibid. ch. 4, the method behind scipy's ``brentq``) with assessment.py's payload tolerance.
The search settings arrive as an array (``Q_*`` indices) because kernels import nothing outside
physics.core; trajectory.guidance_timing is mirrored in ``guidance_timing`` (tests check both agree).

Layout for B samples, S = most stages, M = most drag-table points (shorter rows padded, with their
true sizes in ``stage_counts`` and ``table_sizes``):
``stages`` (B, S, STAGE_COLUMNS), ``vehicles`` (B, VEHICLE_FIELDS), ``mach`` and ``cd`` (B, M).
All values SI (kg, s, m, m/s, rad), as in flight.py.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from mtcr.physics.core.atmosphere import SEA_LEVEL_PRESSURE_PA
from mtcr.physics.core.constants import G0
from mtcr.physics.core.flight import (
    G_KICK_DURATION_S,
    G_KICK_RAD,
    G_TILT_RAD,
    G_VERTICAL_S,
    GUIDANCE_FIELDS,
    O_RANGE_M,
    O_STATUS,
    S_BURN_TIME,
    S_DRY,
    S_EXHAUST_VAC,
    S_EXIT_AREA,
    S_PROPELLANT,
    S_RESIDUAL,
    SAMPLE_FIELDS,
    STATUS_CRASHED,
    STATUS_IMPACT,
    STATUS_ORBITAL,
    SUMMARY_FIELDS,
    V_PAYLOAD,
    V_SHROUD_MASS,
    fly,
)

# search[:] settings, from physics/optimize.py, trajectory.py and assessment.py
(
    Q_KICK_LOW_DEG,
    Q_KICK_HIGH_DEG,
    Q_KICK_TOLERANCE_DEG,
    Q_TILT_LOW_DEG,
    Q_TILT_HIGH_DEG,
    Q_TILT_TOLERANCE_DEG,
    Q_WARM_HALF_WIDTH_DEG,
    Q_WARM_POINTS,
    Q_TILT_WINDOW_DEG,
    Q_KICK_WINDOW_DEG,
    Q_STAGED_ROUNDS,
    Q_ORBIT_SEARCH_FROM_M,
    Q_CRASH_PENALTY,
    Q_PAYLOAD_TOLERANCE_KG,
    Q_PAYLOAD_CAP_KG,
    Q_RANGE_CAP_M,
    Q_GLOBAL_REACH_M,
) = range(17)
SEARCH_FIELDS = 17

# targets[b, :]: what to assess, per sample
(
    T_THRESHOLD_PAYLOAD_KG,
    T_THRESHOLD_RANGE_M,
    T_MIN_PAYLOAD_KG,
    T_CATEGORY_II_RANGE_M,
    T_TOP_PAYLOAD_KG,  # the curve's heaviest payload (assessment.curve_payloads)
    T_PAYLOAD_SEARCH,  # 1: find the payload to the threshold range
    T_CURVE_POINTS,  # assessment's curve points, visited in its order (0: skip the curve)
) = range(7)
TARGET_FIELDS = 7

# max_range out[b, :]
M_VALUE, M_RANGE_M, M_STATUS, M_KICK_DEG, M_TILT_DEG, M_ORBITAL, M_EVALUATIONS, M_NEEDS_ORBIT_SEARCH = range(8)
MAX_RANGE_FIELDS = 8

# assess out[b, :]
(
    A_RANGE_AT_THRESHOLD_M,  # inf when orbital; 0 when no proper flight (as assessment._range_or_inf)
    A_RANGE_AT_MIN_PAYLOAD_M,
    A_PAYLOAD_TO_RANGE_KG,  # NaN: no payload reaches the range; inf: every payload it can lift does
    A_CATEGORY,  # CATEGORY_I, CATEGORY_II or BELOW
    A_STATUS_AT_THRESHOLD,
    A_KICK_AT_THRESHOLD_DEG,
    A_TILT_AT_THRESHOLD_DEG,
    A_NEEDS_SCALAR,  # 1: a staged flight came within reach of orbit: only the scalar search decides it
    A_TRAJECTORIES,
) = range(9)
ASSESS_FIELDS = 9
CATEGORY_I, CATEGORY_II, BELOW = 0.0, 1.0, 2.0

# state[:] of one sample's search
ST_EVALUATIONS, ST_ORBITAL = 0, 1
# known[i, :]: the payloads one assessment has maximised
K_PAYLOAD, K_KICK, K_TILT, K_ORBITAL, K_REACH, K_STATUS, K_RECORDED = range(7)
KNOWN_FIELDS = 7
KNOWN_CAPACITY = 400  # payloads one assessment may visit (200 curve points at most, ~10-30 more in practice)

_SQRT_EPS = math.sqrt(2.220446049250313e-16)
_GOLDEN = 0.5 * (3.0 - math.sqrt(5.0))


@njit(cache=True)
def guidance_timing(stages: np.ndarray, stage_count: int, vehicle: np.ndarray) -> tuple[float, float]:
    """Vertical rise and kick duration (s): trajectory.guidance_timing on kernel arrays (same operations)."""
    mass = 0.0
    for k in range(stage_count):
        mass += stages[k, S_PROPELLANT] + stages[k, S_DRY] + stages[k, S_RESIDUAL]
    mass = mass + vehicle[V_PAYLOAD] + vehicle[V_SHROUD_MASS]
    burn = stages[0, S_BURN_TIME]
    thrust = stages[0, S_PROPELLANT] / burn * stages[0, S_EXHAUST_VAC]
    if stages[0, S_EXIT_AREA] > 0.0:
        thrust -= SEA_LEVEL_PRESSURE_PA * stages[0, S_EXIT_AREA]
    excess = thrust / (mass * G0) - 1.0
    rise = 40.0 / (G0 * excess) if excess > 0 else burn
    rise = min(max(rise, 0.2), 0.25 * burn)
    kick = min(max(0.1 * burn, 0.3), 8.0)
    return rise, kick


@njit(cache=True)
def _objective(summary: np.ndarray, crash_penalty: float) -> float:
    """trajectory.range_of: orbit infinite, a crash in the boost penalised, no proper flight zero."""
    status = summary[O_STATUS]
    if status == STATUS_ORBITAL:
        return math.inf
    if status == STATUS_IMPACT:
        return float(summary[O_RANGE_M])
    if status == STATUS_CRASHED:
        return crash_penalty * float(summary[O_RANGE_M])
    return 0.0


@njit(cache=True)
def _fly_value(
    kick_deg: float,
    tilt_deg: float,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    summary: np.ndarray,
    samples: np.ndarray,
    state: np.ndarray,
    search: np.ndarray,
) -> float:
    guidance[G_KICK_RAD] = math.radians(kick_deg)
    guidance[G_TILT_RAD] = math.radians(tilt_deg)
    fly(stages, vehicle, guidance, numerics, mach, cd, summary, samples)
    state[ST_EVALUATIONS] += 1.0
    value = _objective(summary, search[Q_CRASH_PENALTY])
    if math.isinf(value):
        state[ST_ORBITAL] = 1.0
    return value


@njit(cache=True)
def _brent_max(
    vary_tilt: bool,
    fixed: float,
    low: float,
    high: float,
    tolerance: float,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    summary: np.ndarray,
    samples: np.ndarray,
    state: np.ndarray,
    search: np.ndarray,
) -> tuple[float, float]:
    """Maximise the range over kick (or tilt, with the other ``fixed``) in [low, high] (deg) by Brent's
    minimiser on its negative; stops early once any trial reaches orbit."""
    a, b = low, high
    x = a + _GOLDEN * (b - a)
    w, v = x, x
    if vary_tilt:
        fx = -_fly_value(fixed, x, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search)
    else:
        fx = -_fly_value(x, fixed, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search)
    fw, fv = fx, fx
    d, e = 0.0, 0.0
    for _ in range(500):
        if state[ST_ORBITAL] > 0.0:
            break
        middle = 0.5 * (a + b)
        tol1 = _SQRT_EPS * abs(x) + tolerance / 3.0
        tol2 = 2.0 * tol1
        if abs(x - middle) <= tol2 - 0.5 * (b - a):
            break
        parabolic = False
        if abs(e) > tol1:
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2.0 * (q - r)
            if q > 0.0:
                p = -p
            q = abs(q)
            previous = e
            e = d
            if abs(p) < abs(0.5 * q * previous) and q * (a - x) < p < q * (b - x):
                d = p / q
                u = x + d
                if u - a < tol2 or b - u < tol2:
                    d = tol1 if x < middle else -tol1
                parabolic = True
        if not parabolic:
            e = (b - x) if x < middle else (a - x)
            d = _GOLDEN * e
        u = x + d if abs(d) >= tol1 else x + (tol1 if d > 0 else -tol1)
        if vary_tilt:
            fu = -_fly_value(fixed, u, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search)
        else:
            fu = -_fly_value(u, fixed, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search)
        if fu <= fx:
            if u >= x:
                a = x
            else:
                b = x
            v, fv = w, fw
            w, fw = x, fx
            x, fx = u, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu <= fw or w == x:
                v, fv = w, fw
                w, fw = u, fu
            elif fu <= fv or v == x or v == w:  # noqa: SIM109 - the form numba compiles
                v, fv = u, fu
    return x, -fx


@njit(cache=True)
def _refine(
    vary_tilt: bool,
    fixed: float,
    low: float,
    high: float,
    best: float,
    best_value: float,
    tolerance: float,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    summary: np.ndarray,
    samples: np.ndarray,
    state: np.ndarray,
    search: np.ndarray,
) -> tuple[float, float]:
    """optimize._refine: keep the refined point only if it beats the best so far."""
    if high - low <= tolerance:
        return best, best_value
    x, value = _brent_max(
        vary_tilt,
        fixed,
        low,
        high,
        tolerance,
        stages,
        vehicle,
        guidance,
        numerics,
        mach,
        cd,
        summary,
        samples,
        state,
        search,
    )
    if value > best_value:
        return x, value
    return best, best_value


@njit(cache=True)
def _scan(
    kicks: np.ndarray,
    tilts: np.ndarray,
    stages: np.ndarray,
    vehicle: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    summary: np.ndarray,
    samples: np.ndarray,
    state: np.ndarray,
    search: np.ndarray,
) -> tuple[int, float, float]:
    """optimize._scan_grid: the best kick index, its range and the tilt. Stops at the first orbital trial
    (the vehicle is then orbital whatever else)."""
    best_value = -1.0
    best_index = 0
    best_tilt = tilts[0]
    trial = np.empty(kicks.size)
    for t in range(tilts.size):
        index = 0
        for i in range(kicks.size):
            trial[i] = _fly_value(
                kicks[i], tilts[t], stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search
            )
            if trial[i] > trial[index]:
                index = i
            if state[ST_ORBITAL] > 0.0:
                return i, math.inf, tilts[t]
        if t == 0 or trial[index] > best_value:
            best_value, best_index, best_tilt = trial[index], index, tilts[t]
    return best_index, best_value, best_tilt


@njit(cache=True)
def _maximise(
    stages: np.ndarray,
    vehicle: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    warm: bool,
    warm_kick: float,
    warm_tilt: float,
    out: np.ndarray,
) -> None:
    """The maximum range of one vehicle at ``vehicle[V_PAYLOAD]`` (optimize.maximise_range); fills out[M_*].

    ``warm``: start near (``warm_kick``, ``warm_tilt``) deg, as maximise_range(start=...).
    """
    staged = stages.shape[0] > 1
    guidance = np.zeros(GUIDANCE_FIELDS)
    rise, kick_duration = guidance_timing(stages, stages.shape[0], vehicle)
    guidance[G_VERTICAL_S] = rise
    guidance[G_KICK_DURATION_S] = kick_duration
    summary = np.empty(SUMMARY_FIELDS)
    samples = np.empty((0, SAMPLE_FIELDS))
    state = np.zeros(2)
    kick_low, kick_high = search[Q_KICK_LOW_DEG], search[Q_KICK_HIGH_DEG]
    tilt = warm_tilt if (warm and staged) else 0.0
    single_tilt = np.full(1, tilt)
    if warm:
        low = max(kick_low, warm_kick - search[Q_WARM_HALF_WIDTH_DEG])
        high = min(kick_high, warm_kick + search[Q_WARM_HALF_WIDTH_DEG])
        points = int(search[Q_WARM_POINTS])
        kicks = np.empty(points)
        step = (high - low) / (points - 1)
        for i in range(points):
            kicks[i] = i * step + low  # as numpy.linspace
        kicks[points - 1] = high
        index, best, tilt = _scan(
            kicks, single_tilt, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search
        )
        if (index == 0 or index == points - 1) and not math.isinf(best):
            kicks = kick_grid  # the optimum moved outside the warm window: the full scan
            single_tilt[0] = tilt
            index, best, tilt = _scan(
                kicks,
                scan_tilts if staged else single_tilt,
                stages,
                vehicle,
                guidance,
                numerics,
                mach,
                cd,
                summary,
                samples,
                state,
                search,
            )
    else:
        kicks = kick_grid
        index, best, tilt = _scan(
            kicks,
            scan_tilts if staged else single_tilt,
            stages,
            vehicle,
            guidance,
            numerics,
            mach,
            cd,
            summary,
            samples,
            state,
            search,
        )
    kick = kicks[index]
    if state[ST_ORBITAL] == 0.0:
        low = kicks[max(index - 1, 0)]
        high = kicks[min(index + 1, kicks.size - 1)]
        kick, best = _refine(
            False,
            tilt,
            low,
            high,
            kick,
            best,
            search[Q_KICK_TOLERANCE_DEG],
            stages,
            vehicle,
            guidance,
            numerics,
            mach,
            cd,
            summary,
            samples,
            state,
            search,
        )
    if staged:
        for _ in range(int(search[Q_STAGED_ROUNDS])):
            if state[ST_ORBITAL] > 0.0:
                break
            low = max(search[Q_TILT_LOW_DEG], tilt - search[Q_TILT_WINDOW_DEG])
            high = min(search[Q_TILT_HIGH_DEG], tilt + search[Q_TILT_WINDOW_DEG])
            tilt, best = _refine(
                True,
                kick,
                low,
                high,
                tilt,
                best,
                search[Q_TILT_TOLERANCE_DEG],
                stages,
                vehicle,
                guidance,
                numerics,
                mach,
                cd,
                summary,
                samples,
                state,
                search,
            )
            if state[ST_ORBITAL] > 0.0:
                break
            low = max(kick_low, kick - search[Q_KICK_WINDOW_DEG])
            high = min(kick_high, kick + search[Q_KICK_WINDOW_DEG])
            kick, best = _refine(
                False,
                tilt,
                low,
                high,
                kick,
                best,
                search[Q_KICK_TOLERANCE_DEG],
                stages,
                vehicle,
                guidance,
                numerics,
                mach,
                cd,
                summary,
                samples,
                state,
                search,
            )
    out[:] = 0.0
    if state[ST_ORBITAL] > 0.0:
        out[M_VALUE] = math.inf
        out[M_RANGE_M] = math.inf
        out[M_STATUS] = STATUS_ORBITAL
        out[M_ORBITAL] = 1.0
    else:
        # the optimum's own flight, as maximise_range's final simulate()
        _fly_value(kick, tilt, stages, vehicle, guidance, numerics, mach, cd, summary, samples, state, search)
        out[M_VALUE] = best
        out[M_STATUS] = summary[O_STATUS]
        # a proper flight's range, capped at half the circumference as trajectory.trajectory_from does
        out[M_RANGE_M] = (
            min(summary[O_RANGE_M], search[Q_GLOBAL_REACH_M]) if summary[O_STATUS] == STATUS_IMPACT else 0.0
        )
        out[M_NEEDS_ORBIT_SEARCH] = 1.0 if (staged and best >= search[Q_ORBIT_SEARCH_FROM_M]) else 0.0
    out[M_KICK_DEG] = kick
    out[M_TILT_DEG] = tilt
    out[M_EVALUATIONS] = state[ST_EVALUATIONS]


@njit(cache=True)
def _reach(
    payload: float,
    record: bool,
    stages: np.ndarray,
    vehicle: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    known: np.ndarray,
    count: int,
    tally: np.ndarray,
    out: np.ndarray,
) -> int:
    """The maximum range at ``payload`` into ``out``, with out[M_RANGE_M] as assessment._range_or_inf (inf when
    orbital, zero without a proper flight). Mirrors assessment._Curve.at: a known payload is reused unless
    ``record`` asks again for one computed without it (then it is recomputed, warm-started from itself);
    otherwise warm-started from the nearest known non-orbital payload. ``known`` rows: K_* columns.
    ``tally``: trajectories flown, and 1 if any search came within reach of orbit. Returns the row count."""
    row = -1
    for i in range(count):
        if known[i, K_PAYLOAD] == payload:
            row = i
    if row >= 0 and (known[row, K_RECORDED] > 0.0 or not record):
        out[:] = 0.0
        out[M_KICK_DEG], out[M_TILT_DEG], out[M_ORBITAL] = known[row, K_KICK], known[row, K_TILT], known[row, K_ORBITAL]
        out[M_RANGE_M], out[M_STATUS] = known[row, K_REACH], known[row, K_STATUS]
        return count
    warm = False
    warm_kick, warm_tilt = 0.0, 0.0
    if count > 0:
        nearest = 0
        for i in range(1, count):
            if abs(known[i, K_PAYLOAD] - payload) < abs(known[nearest, K_PAYLOAD] - payload):
                nearest = i
        if known[nearest, K_ORBITAL] == 0.0:
            warm, warm_kick, warm_tilt = True, known[nearest, K_KICK], known[nearest, K_TILT]
    vehicle[V_PAYLOAD] = payload
    _maximise(stages, vehicle, numerics, mach, cd, search, kick_grid, scan_tilts, warm, warm_kick, warm_tilt, out)
    reach = math.inf if out[M_ORBITAL] > 0.0 else out[M_RANGE_M]
    out[M_RANGE_M] = reach
    tally[0] += out[M_EVALUATIONS]
    tally[1] = max(tally[1], out[M_NEEDS_ORBIT_SEARCH])
    if row < 0:
        if count >= known.shape[0]:
            return count  # not remembered (never reached in practice: KNOWN_CAPACITY is generous)
        row = count
        count += 1
    known[row, K_PAYLOAD] = payload
    known[row, K_KICK] = out[M_KICK_DEG]
    known[row, K_TILT] = out[M_TILT_DEG]
    known[row, K_ORBITAL] = out[M_ORBITAL]
    known[row, K_REACH] = reach
    known[row, K_STATUS] = out[M_STATUS]
    known[row, K_RECORDED] = 1.0 if record else 0.0
    return count


@njit(cache=True)
def _payload_root(
    low: float,
    high: float,
    f_low: float,
    f_high: float,
    target: float,
    stages: np.ndarray,
    vehicle: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    known: np.ndarray,
    count: int,
    tally: np.ndarray,
    out: np.ndarray,
) -> tuple[float, int]:
    """Root of min(R(m), cap) - target between ``low`` (reaches) and ``high`` (short), by Brent's zero finder."""
    tolerance = search[Q_PAYLOAD_TOLERANCE_KG]
    cap = search[Q_RANGE_CAP_M]
    a, b, fa, fb = low, high, f_low, f_high
    c, fc = a, fa
    d = b - a
    e = d
    for _ in range(200):
        if (fb > 0.0 and fc > 0.0) or (fb < 0.0 and fc < 0.0):
            c, fc = a, fa
            d = b - a
            e = d
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol1 = 2.0 * 2.220446049250313e-16 * abs(b) + 0.5 * tolerance
        m = 0.5 * (c - b)
        if abs(m) <= tol1 or fb == 0.0:
            break
        if abs(e) < tol1 or abs(fa) <= abs(fb):
            d = m
            e = m
        else:
            s = fb / fa
            if a == c:
                p = 2.0 * m * s
                q = 1.0 - s
            else:
                q = fa / fc
                r = fb / fc
                p = s * (2.0 * m * q * (q - r) - (b - a) * (r - 1.0))
                q = (q - 1.0) * (r - 1.0) * (s - 1.0)
            if p > 0.0:
                q = -q
            else:
                p = -p
            if 2.0 * p < min(3.0 * m * q - abs(tol1 * q), abs(e * q)):
                e = d
                d = p / q
            else:
                d = m
                e = m
        a, fa = b, fb
        if abs(d) > tol1:
            b += d
        else:
            b += tol1 if m > 0 else -tol1
        count = _reach(
            b, False, stages, vehicle, numerics, mach, cd, search, kick_grid, scan_tilts, known, count, tally, out
        )
        fb = min(out[M_RANGE_M], cap) - target
    return b, count


@njit(cache=True)
def _assess_one(
    stages: np.ndarray,
    vehicle_in: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    targets: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    result: np.ndarray,
) -> None:
    """Range at the threshold payload, range at the least payload, payload to the threshold range and the
    category, as assessment.assess computes them; fills result[A_*].

    With T_CURVE_POINTS >= 2 the payloads are visited in assess()'s order (least payload, the curve's
    payloads, the nominal payload, the threshold payload, then the root finding), so every maximisation
    is warm-started as in assess(): the staged optimiser's local optimum can depend on its start. With
    0 only the least and the threshold payloads are visited before the root finding (faster)."""
    vehicle = vehicle_in.copy()
    known = np.zeros((KNOWN_CAPACITY, KNOWN_FIELDS))
    tally = np.zeros(2)
    out = np.zeros(MAX_RANGE_FIELDS)
    target = targets[T_THRESHOLD_RANGE_M]
    cap = search[Q_RANGE_CAP_M]
    least, top = targets[T_MIN_PAYLOAD_KG], targets[T_TOP_PAYLOAD_KG]
    args = (stages, vehicle, numerics, mach, cd, search, kick_grid, scan_tilts, known)
    count = _reach(least, False, *args, 0, tally, out)
    lightest = out[M_RANGE_M]
    points = int(targets[T_CURVE_POINTS])
    if points >= 2:
        for i in range(1, points):
            count = _reach(least + (top - least) * i / (points - 1), False, *args, count, tally, out)
        count = _reach(vehicle_in[V_PAYLOAD], True, *args, count, tally, out)
    count = _reach(targets[T_THRESHOLD_PAYLOAD_KG], True, *args, count, tally, out)
    at_threshold = out[M_RANGE_M]
    result[A_STATUS_AT_THRESHOLD] = out[M_STATUS]
    result[A_KICK_AT_THRESHOLD_DEG] = out[M_KICK_DEG]
    result[A_TILT_AT_THRESHOLD_DEG] = out[M_TILT_DEG]
    payload = math.nan
    if targets[T_PAYLOAD_SEARCH] > 0.0 and lightest >= target:
        # assessment._payload_to_range: the lightest known payload that falls short bounds the root
        high = math.inf
        for i in range(count):
            if known[i, K_REACH] < target:
                high = min(high, known[i, K_PAYLOAD])
        if math.isinf(high):
            high = top
            while True:
                high *= 2.0
                if high > search[Q_PAYLOAD_CAP_KG]:
                    payload = math.inf  # reaches the range with any payload it can lift
                    break
                count = _reach(high, False, *args, count, tally, out)
                if out[M_RANGE_M] < target:
                    break
        if not math.isinf(payload):
            low = -1.0
            f_low, f_high = 0.0, 0.0
            for i in range(count):
                if known[i, K_PAYLOAD] == high:
                    f_high = min(known[i, K_REACH], cap) - target
                elif known[i, K_REACH] >= target and known[i, K_PAYLOAD] < high and known[i, K_PAYLOAD] > low:
                    low, f_low = known[i, K_PAYLOAD], min(known[i, K_REACH], cap) - target
            payload, count = _payload_root(
                low,
                high,
                f_low,
                f_high,
                target,
                stages,
                vehicle,
                numerics,
                mach,
                cd,
                search,
                kick_grid,
                scan_tilts,
                known,
                count,
                tally,
                out,
            )
    result[A_RANGE_AT_THRESHOLD_M] = at_threshold
    result[A_RANGE_AT_MIN_PAYLOAD_M] = lightest
    result[A_PAYLOAD_TO_RANGE_KG] = payload
    if at_threshold >= target:
        result[A_CATEGORY] = CATEGORY_I
    elif lightest >= targets[T_CATEGORY_II_RANGE_M]:
        result[A_CATEGORY] = CATEGORY_II
    else:
        result[A_CATEGORY] = BELOW
    result[A_NEEDS_SCALAR] = tally[1]
    result[A_TRAJECTORIES] = tally[0]


# --- entry points ------------------------------------------------------------------------------------


@njit(cache=True, parallel=True)
def fly_parallel(
    stages: np.ndarray,
    stage_counts: np.ndarray,
    vehicles: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    table_sizes: np.ndarray,
    summaries: np.ndarray,
) -> None:
    """Fly sample b of the batch under ``guidance[b]`` (flight.py layout) into ``summaries[b]``; threads."""
    for b in prange(vehicles.shape[0]):
        n, m = stage_counts[b], table_sizes[b]
        fly(
            stages[b, :n],
            vehicles[b],
            guidance[b],
            numerics,
            mach[b, :m],
            cd[b, :m],
            summaries[b],
            np.empty((0, SAMPLE_FIELDS)),
        )


@njit(cache=True, nogil=True)
def fly_serial(
    stages: np.ndarray,
    stage_counts: np.ndarray,
    vehicles: np.ndarray,
    guidance: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    table_sizes: np.ndarray,
    summaries: np.ndarray,
) -> None:
    """fly_parallel on the calling thread only."""
    for b in range(vehicles.shape[0]):
        n, m = stage_counts[b], table_sizes[b]
        fly(
            stages[b, :n],
            vehicles[b],
            guidance[b],
            numerics,
            mach[b, :m],
            cd[b, :m],
            summaries[b],
            np.empty((0, SAMPLE_FIELDS)),
        )


@njit(cache=True, parallel=True)
def max_range_parallel(
    stages: np.ndarray,
    stage_counts: np.ndarray,
    vehicles: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    table_sizes: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    out: np.ndarray,
) -> None:
    """Maximum range of each sample at its own payload (no warm start) into out[b, M_*]; threads."""
    for b in prange(vehicles.shape[0]):
        n, m = stage_counts[b], table_sizes[b]
        _maximise(
            stages[b, :n],
            vehicles[b].copy(),
            numerics,
            mach[b, :m],
            cd[b, :m],
            search,
            kick_grid,
            scan_tilts,
            False,
            0.0,
            0.0,
            out[b],
        )


@njit(cache=True, parallel=True)
def assess_parallel(
    stages: np.ndarray,
    stage_counts: np.ndarray,
    vehicles: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    table_sizes: np.ndarray,
    targets: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    results: np.ndarray,
) -> None:
    """Assess every sample (``_assess_one``) into results[b, A_*]; one sample per thread."""
    for b in prange(vehicles.shape[0]):
        n, m = stage_counts[b], table_sizes[b]
        _assess_one(
            stages[b, :n],
            vehicles[b],
            numerics,
            mach[b, :m],
            cd[b, :m],
            targets[b],
            search,
            kick_grid,
            scan_tilts,
            results[b],
        )


@njit(cache=True, nogil=True)
def assess_serial(
    stages: np.ndarray,
    stage_counts: np.ndarray,
    vehicles: np.ndarray,
    numerics: np.ndarray,
    mach: np.ndarray,
    cd: np.ndarray,
    table_sizes: np.ndarray,
    targets: np.ndarray,
    search: np.ndarray,
    kick_grid: np.ndarray,
    scan_tilts: np.ndarray,
    results: np.ndarray,
) -> None:
    """assess_parallel on the calling thread only."""
    for b in range(vehicles.shape[0]):
        n, m = stage_counts[b], table_sizes[b]
        _assess_one(
            stages[b, :n],
            vehicles[b],
            numerics,
            mach[b, :m],
            cd[b, :m],
            targets[b],
            search,
            kick_grid,
            scan_tilts,
            results[b],
        )
