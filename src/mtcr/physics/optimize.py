"""Maximum range: the guidance law that flies furthest, per the Annex definition of range.

The Annex's range is that of the range-maximising trajectory with full propellant, in the standard
atmosphere with no wind. The guidance law (trajectory.Guidance) has one free parameter for
single-stage vehicles (the pitch-over kick) and two for staged ones (kick, upper-stage tilt), both
bounded, so every trajectory tried is one a real vehicle could fly.

Search: a scan of the kick over its whole range first, so a local optimum next to a degenerate
trajectory (near-vertical, or crashing during the boost) cannot capture the search; then bounded
Brent refinement around the best scan point, alternating kick and tilt for staged vehicles. Any
trial that reaches orbit makes the vehicle orbital: it has no range (global reach).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
from scipy.optimize import minimize, minimize_scalar

from mtcr.physics.core.constants import R_EARTH
from mtcr.physics.core.flight import O_PERIGEE_M, SUMMARY_FIELDS
from mtcr.physics.trajectory import (
    DEFAULT_NUMERICS,
    FlightStatus,
    Guidance,
    KernelInputs,
    Numerics,
    Trajectory,
    fly_summary,
    guidance_timing,
    kernel_inputs,
    range_of,
    simulate,
)
from mtcr.physics.vehicle import Vehicle

KICK_BOUNDS_DEG = (0.2, 89.0)
TILT_BOUNDS_DEG = (-30.0, 30.0)
SCAN_POINTS = 24
SCAN_TILTS_DEG = (0.0, -10.0, 10.0, -20.0, 20.0)
WARM_SCAN_HALF_WIDTH_DEG = 6.0
KICK_TOLERANCE_DEG = 0.02
# Ranges beyond a quarter of the globe come from burnout speeds within ~15 % of orbital: check for orbit.
ORBIT_SEARCH_FROM_M = 0.5 * math.pi * R_EARTH
TILT_TOLERANCE_DEG = 0.05


@dataclass(frozen=True, slots=True)
class MaxRange:
    """The range-maximising flight of one vehicle at one payload."""

    payload_kg: float
    orbital: bool
    status: FlightStatus  # IMPACT for a normal flight; ORBITAL; or why there is no proper range
    range_m: float | None  # None when orbital or when the vehicle could not fly (see status)
    guidance: Guidance  # the optimum; for an orbital vehicle, the first guidance found to reach orbit
    trajectory: Trajectory
    evaluations: int  # trajectories flown by the search


class _Objective:
    """Counts evaluations; remembers orbit; reuses one summary buffer."""

    def __init__(self, inputs: KernelInputs, numerics: Numerics, timing: tuple[float, float]) -> None:
        self.inputs = inputs
        self.timing = timing
        self.numerics = numerics.as_array()
        self.summary = np.empty(SUMMARY_FIELDS)
        self.evaluations = 0
        self.orbital_guidance: Guidance | None = None

    def guidance(self, kick_deg: float, tilt_deg: float) -> Guidance:
        return Guidance(kick_deg, tilt_deg, vertical_rise_s=self.timing[0], kick_duration_s=self.timing[1])

    def range_m(self, kick_deg: float, tilt_deg: float) -> float:
        return self._fly(kick_deg, tilt_deg)

    def range_with_tilt(self, tilt_deg: float, kick_deg: float) -> float:
        return self._fly(kick_deg, tilt_deg)

    def perigee_m(self, kick_deg: float, tilt_deg: float) -> float:
        self._fly(kick_deg, tilt_deg)
        return float(self.summary[O_PERIGEE_M])

    def _fly(self, kick_deg: float, tilt_deg: float) -> float:
        self.evaluations += 1
        guidance = self.guidance(kick_deg, tilt_deg)
        value = range_of(fly_summary(self.inputs, guidance.as_array(), self.numerics, self.summary))
        if math.isinf(value) and self.orbital_guidance is None:
            self.orbital_guidance = guidance
        return value


def _search_orbit(objective: _Objective) -> None:
    """Try to reach orbit: maximise the perigee height over (kick, tilt), for a few kick durations.

    Range is the wrong objective near orbit (it jumps to infinity) and the region of orbital
    trajectories can be narrow, so a grid is followed by Nelder-Mead from its three best points.
    """
    kicks = np.geomspace(KICK_BOUNDS_DEG[0], KICK_BOUNDS_DEG[1], SCAN_POINTS)
    tilts = np.linspace(TILT_BOUNDS_DEG[0], TILT_BOUNDS_DEG[1], 13)
    base_rise, base_kick = objective.timing
    for kick_duration in dict.fromkeys((base_kick, 8.0, 2.0 * base_kick)):
        objective.timing = (base_rise, kick_duration)
        grid: list[tuple[float, float, float]] = []
        for tilt in tilts:
            for kick in kicks:
                grid.append((objective.perigee_m(float(kick), float(tilt)), float(kick), float(tilt)))
                if objective.orbital_guidance is not None:
                    return
        for _, kick, tilt in sorted(grid, reverse=True)[:3]:
            minimize(
                lambda x: (
                    -objective.perigee_m(float(x[0]), float(x[1])) if objective.orbital_guidance is None else -1e12
                ),
                np.array([kick, tilt]),
                method="Nelder-Mead",
                bounds=(KICK_BOUNDS_DEG, TILT_BOUNDS_DEG),
                options={"maxfev": 60, "xatol": 0.01, "fatol": 100.0},
            )
            if objective.orbital_guidance is not None:
                return
    objective.timing = (base_rise, base_kick)


def _scan_grid(kicks: np.ndarray, tilts: tuple[float, ...], objective: _Objective) -> tuple[int, list[float], float]:
    """Best kick index, the ranges along the kicks at the best tilt, and that tilt."""
    best: tuple[float, int, list[float], float] | None = None
    for tilt in tilts:
        ranges = [objective.range_m(float(kick), tilt) for kick in kicks]
        index = int(np.argmax(ranges))
        if best is None or ranges[index] > best[0]:
            best = (ranges[index], index, ranges, tilt)
        if objective.orbital_guidance is not None:
            break
    assert best is not None
    return best[1], best[2], best[3]


def _refine(
    evaluate: Callable[[float], float], low: float, high: float, best: float, best_range: float, tolerance: float
) -> tuple[float, float]:
    if high - low <= tolerance:
        return best, best_range
    result = minimize_scalar(
        lambda x: -evaluate(float(x)), bounds=(low, high), method="bounded", options={"xatol": tolerance}
    )
    x, value = float(result.x), -float(result.fun)
    return (x, value) if value > best_range else (best, best_range)


def _bracket(values: np.ndarray, index: int) -> tuple[float, float]:
    return float(values[max(index - 1, 0)]), float(values[min(index + 1, len(values) - 1)])


def maximise_range(
    vehicle: Vehicle,
    numerics: Numerics = DEFAULT_NUMERICS,
    *,
    start: Guidance | None = None,
    record: bool = True,
    orbit_search: bool = True,
) -> MaxRange:
    """The maximum range of ``vehicle`` at its payload.

    ``start``: a guidance known to be near the optimum (e.g. the neighbouring payload's), which narrows
    the scan; the result does not depend on it beyond the optimiser's tolerance.
    ``orbit_search=False`` skips the search for orbit, for a payload heavier than one already known
    not to reach orbit (range never grows with payload, nor does the perigee).
    """
    objective = _Objective(kernel_inputs(vehicle), numerics, guidance_timing(vehicle))
    staged = len(vehicle.stages) > 1
    tilt = start.tilt_deg if (start is not None and staged) else 0.0
    if start is None:
        kicks = np.geomspace(KICK_BOUNDS_DEG[0], KICK_BOUNDS_DEG[1], SCAN_POINTS)
    else:
        low = max(KICK_BOUNDS_DEG[0], start.kick_deg - WARM_SCAN_HALF_WIDTH_DEG)
        high = min(KICK_BOUNDS_DEG[1], start.kick_deg + WARM_SCAN_HALF_WIDTH_DEG)
        kicks = np.linspace(low, high, 7)
    tilts = (tilt,) if (start is not None or not staged) else SCAN_TILTS_DEG
    index, ranges, tilt = _scan_grid(kicks, tilts, objective)
    if start is not None and index in (0, len(kicks) - 1) and not math.isinf(ranges[index]):
        # the optimum moved outside the warm window: fall back to the full scan
        kicks = np.geomspace(KICK_BOUNDS_DEG[0], KICK_BOUNDS_DEG[1], SCAN_POINTS)
        index, ranges, tilt = _scan_grid(kicks, SCAN_TILTS_DEG if staged else (tilt,), objective)
    kick, best = float(kicks[index]), ranges[index]
    if objective.orbital_guidance is None:
        low, high = _bracket(kicks, index)
        kick, best = _refine(lambda k: objective.range_m(k, tilt), low, high, kick, best, KICK_TOLERANCE_DEG)
    if staged:
        for _ in range(2):
            if objective.orbital_guidance is not None:
                break
            low, high = max(TILT_BOUNDS_DEG[0], tilt - 10.0), min(TILT_BOUNDS_DEG[1], tilt + 10.0)
            tilt, best = _refine(partial(objective.range_m, kick), low, high, tilt, best, TILT_TOLERANCE_DEG)
            if objective.orbital_guidance is not None:
                break
            low, high = max(KICK_BOUNDS_DEG[0], kick - 3.0), min(KICK_BOUNDS_DEG[1], kick + 3.0)
            kick, best = _refine(partial(objective.range_with_tilt, tilt), low, high, kick, best, KICK_TOLERANCE_DEG)
    if orbit_search and staged and objective.orbital_guidance is None and best >= ORBIT_SEARCH_FROM_M:
        _search_orbit(objective)
    guidance = objective.orbital_guidance or objective.guidance(kick, tilt)
    trajectory = simulate(vehicle, guidance, numerics, record=record)
    orbital = objective.orbital_guidance is not None
    return MaxRange(
        payload_kg=vehicle.payload_kg,
        orbital=orbital,
        status=FlightStatus.ORBITAL if orbital else trajectory.status,
        range_m=None if orbital else trajectory.range_m,
        guidance=guidance,
        trajectory=trajectory,
        evaluations=objective.evaluations + 1,
    )
