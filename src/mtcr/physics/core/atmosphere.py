"""U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562), 0 to 86 km geometric height.

The seven layers below 86 km: temperature linear in geopotential height, pressure from the
hydrostatic equation (the document's equations 23a/23b), density from the ideal-gas law. Above
86 km the model's density (below 7e-6 kg/m^3) and pressure (below 0.4 Pa) are taken as zero: the
flight there is a Kepler conic (see kepler.py), and the assessment records this as an assumption.
Below sea level the first layer is extended (as the 1976 document does to -5 km).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from mtcr.physics.core.constants import G0, JIT_OPTIONS

R_STAR = 8.31432  # J/(mol K), the 1976 standard's gas constant
MOLAR_MASS = 0.0289644  # kg/mol, sea-level air
GAS_CONSTANT_AIR = R_STAR / MOLAR_MASS  # J/(kg K)
GAMMA_AIR = 1.4
EARTH_RADIUS_GEOPOTENTIAL = 6_356_766.0  # m, r0 of the 1976 standard (geopotential conversion)
SEA_LEVEL_PRESSURE_PA = 101_325.0
SEA_LEVEL_TEMPERATURE_K = 288.15
TOP_OF_ATMOSPHERE_M = 86_000.0  # geometric height above which density and pressure are taken as zero

# Layer bases: geopotential height (m) and lapse rate (K/m), table 4 of the 1976 document.
LAYER_BASE_H = np.array([0.0, 11_000.0, 20_000.0, 32_000.0, 47_000.0, 51_000.0, 71_000.0, 84_852.0])
LAYER_LAPSE = np.array([-0.0065, 0.0, 0.001, 0.0028, 0.0, -0.0028, -0.002, 0.0])


def _layer_bases() -> tuple[np.ndarray, np.ndarray]:
    """Base temperature and pressure of each layer, integrated up from sea level."""
    temps = np.empty(8)
    pressures = np.empty(8)
    temps[0], pressures[0] = SEA_LEVEL_TEMPERATURE_K, SEA_LEVEL_PRESSURE_PA
    for i in range(7):
        dh = LAYER_BASE_H[i + 1] - LAYER_BASE_H[i]
        temps[i + 1] = temps[i] + LAYER_LAPSE[i] * dh
        pressures[i + 1] = _pressure(pressures[i], temps[i], LAYER_LAPSE[i], dh)
    return temps, pressures


def _pressure(p_base: float, t_base: float, lapse: float, dh: float) -> float:
    if lapse == 0.0:
        return p_base * math.exp(-G0 * dh / (GAS_CONSTANT_AIR * t_base))
    return float(p_base * ((t_base + lapse * dh) / t_base) ** (-G0 / (GAS_CONSTANT_AIR * lapse)))


LAYER_BASE_T, LAYER_BASE_P = _layer_bases()


@njit(inline="always", **JIT_OPTIONS)
def atmosphere(height_m: float) -> tuple[float, float, float, float]:
    """(temperature K, pressure Pa, density kg/m^3, speed of sound m/s) at geometric height ``height_m``."""
    if height_m >= TOP_OF_ATMOSPHERE_M:
        t_top = LAYER_BASE_T[7]
        return t_top, 0.0, 0.0, math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * t_top)
    h = EARTH_RADIUS_GEOPOTENTIAL * height_m / (EARTH_RADIUS_GEOPOTENTIAL + height_m)
    layer = 0
    for i in range(1, 7):
        if h >= LAYER_BASE_H[i]:
            layer = i
    dh = h - LAYER_BASE_H[layer]
    lapse = LAYER_LAPSE[layer]
    t_base = LAYER_BASE_T[layer]
    temperature = t_base + lapse * dh
    if lapse == 0.0:
        pressure = LAYER_BASE_P[layer] * math.exp(-G0 * dh / (GAS_CONSTANT_AIR * t_base))
    else:
        pressure = LAYER_BASE_P[layer] * (temperature / t_base) ** (-G0 / (GAS_CONSTANT_AIR * lapse))
    density = pressure / (GAS_CONSTANT_AIR * temperature)
    return temperature, pressure, density, math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * temperature)
