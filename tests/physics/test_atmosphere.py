"""The US Standard Atmosphere 1976 kernel against the independent ``ambiance`` package and the 1976 tables."""

from __future__ import annotations

import math

import ambiance
import pytest

from mtcr.physics.core.atmosphere import TOP_OF_ATMOSPHERE_M, atmosphere

HEIGHTS_M = [
    -2000,
    0,
    500,
    5000,
    11_000,
    11_019,
    15_000,
    20_000,
    25_000,
    32_000,
    40_000,
    47_000,
    51_000,
    60_000,
    71_000,
    75_000,
    80_000,
]


@pytest.mark.parametrize("height", HEIGHTS_M)
def test_matches_ambiance(height: float) -> None:
    reference = ambiance.Atmosphere(height)
    temperature, pressure, density, sound = atmosphere(float(height))
    # ambiance uses R = 287.05287 J/(kg K) where the 1976 document's R*/M0 gives 287.0531: a few 1e-6.
    assert temperature == pytest.approx(float(reference.temperature[0]), rel=1e-6)
    assert pressure == pytest.approx(float(reference.pressure[0]), rel=2e-5)
    assert density == pytest.approx(float(reference.density[0]), rel=2e-5)
    assert sound == pytest.approx(float(reference.speed_of_sound[0]), rel=1e-5)


@pytest.mark.parametrize(
    ("height", "temperature", "pressure", "density"),
    [  # U.S. Standard Atmosphere 1976, table I (geometric heights), re-typed
        (0, 288.150, 101_325.0, 1.2250),
        (11_000, 216.774, 22_699.9, 0.36480),
        (20_000, 216.650, 5_529.3, 0.088910),
        (50_000, 270.650, 79.779, 0.0010269),
    ],
)
def test_matches_the_1976_tables(height: float, temperature: float, pressure: float, density: float) -> None:
    t, p, rho, _ = atmosphere(float(height))
    assert t == pytest.approx(temperature, rel=1e-5)
    assert p == pytest.approx(pressure, rel=1e-4)
    assert rho == pytest.approx(density, rel=1e-4)


def test_no_air_above_the_top() -> None:
    _, pressure, density, sound = atmosphere(TOP_OF_ATMOSPHERE_M + 1.0)
    assert pressure == 0.0 and density == 0.0
    assert math.isfinite(sound) and sound > 0
