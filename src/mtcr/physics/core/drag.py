"""Drag-coefficient tables (Cd against Mach) and their interpolation.

Values re-typed from the sources cited in shared reference missile-physics.md section 3.3 and
vehicle-format.md: ``forden`` (Forden 2007, Science & Global Security 15), ``v2`` (Sutton, Rocket
Propulsion Elements, V-2 data), ``large_solid`` and ``large_liquid`` (D. Wright's trajectory model,
Minuteman/Trident and Atlas/Titan-class bodies).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from mtcr.physics.core.constants import JIT_OPTIONS

NAMED_DRAG_TABLES: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "forden": ((0, 0.85, 1.0, 1.2, 2.0, 4.5), (0.2, 0.2, 0.27, 0.27, 0.2, 0.2)),
    "v2": (
        (0, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.18, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 3, 4, 5, 5.5),
        (
            0.15,
            0.15,
            0.16,
            0.18,
            0.23,
            0.3,
            0.4,
            0.42,
            0.415,
            0.38,
            0.36,
            0.325,
            0.3,
            0.275,
            0.26,
            0.25,
            0.24,
            0.21,
            0.18,
            0.155,
            0.15,
        ),
    ),
    "large_solid": (
        (0, 0.5, 0.7, 0.8, 0.9, 1, 1.05, 1.1, 1.15, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5.5, 6),
        (
            0.1007,
            0.1099,
            0.1286,
            0.1486,
            0.1825,
            0.2402,
            0.2814,
            0.3229,
            0.3535,
            0.3618,
            0.3358,
            0.3117,
            0.2891,
            0.2682,
            0.2226,
            0.1859,
            0.1571,
            0.1354,
            0.1198,
            0.1035,
            0.1010,
        ),
    ),
    "large_liquid": (
        (0, 0.7, 0.8, 0.9, 1, 1.05, 1.1, 1.15, 1.18, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5.5, 6),
        (
            0.2007,
            0.2286,
            0.2486,
            0.2825,
            0.3402,
            0.3838,
            0.4304,
            0.4654,
            0.4747,
            0.4740,
            0.4374,
            0.4034,
            0.3720,
            0.3430,
            0.2804,
            0.2305,
            0.1918,
            0.1626,
            0.1416,
            0.1183,
            0.1134,
        ),
    ),
}


@njit(inline="always", **JIT_OPTIONS)
def drag_coefficient(mach_table: np.ndarray, cd_table: np.ndarray, mach: float) -> float:
    """Cd at ``mach`` (dimensionless): linear between table points, held constant outside the table.

    Written out rather than ``np.interp``: under numba that allocates an array on every call, and this
    runs four times per integration step (the loader guarantees increasing Mach values)."""
    last = mach_table.shape[0] - 1
    if mach <= mach_table[0]:
        return float(cd_table[0])
    if mach >= mach_table[last]:
        return float(cd_table[last])
    i = 1
    while mach_table[i] < mach:  # tables are short (6 to ~20 points): a scan beats bisection
        i += 1
    x0 = mach_table[i - 1]
    return float(cd_table[i - 1] + (cd_table[i] - cd_table[i - 1]) * (mach - x0) / (mach_table[i] - x0))
