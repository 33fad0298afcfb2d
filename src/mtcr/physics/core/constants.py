"""Physical constants (SI) used by the kernels, with their sources."""

from typing import Literal, TypedDict

G0 = 9.80665  # m/s^2, standard gravity (CGPM 1901; also Isp <-> exhaust velocity)
MU_EARTH = 3.986004418e14  # m^3/s^2, Earth's gravitational parameter (WGS 84 / IERS)
R_EARTH = 6_371_000.0  # m, mean Earth radius (IUGG); the spherical Earth of the model
OMEGA_EARTH = 7.2921150e-5  # rad/s, Earth's sidereal rotation rate (IERS)


# How the flight kernels compile (physics/core/flight.py explains why): numpy's division semantics, and
# fused multiply-adds and reciprocals allowed; no fast-math flags that would drop infinities or NaN.
class JitOptions(TypedDict):
    cache: bool
    error_model: Literal["python", "numpy"]
    fastmath: set[str]


JIT_OPTIONS: JitOptions = {"cache": True, "error_model": "numpy", "fastmath": {"contract", "arcp"}}
