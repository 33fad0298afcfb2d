"""Range-payload capability of rocket systems, from physics.

Example::

    from mtcr import annex, physics

    vehicle = physics.find_system("scud-b")          # or physics.load_vehicle("missile.yaml")
    best = physics.maximise_range(vehicle.with_payload(500))
    print(best.range_m, best.trajectory.burnout)
    result = physics.assess(vehicle, annex.load("mtcr-2024"))
    print(result.category, result.reasons)
"""

from mtcr.physics.assessment import (
    Assessment,
    Category,
    CurvePoint,
    Thresholds,
    assess,
    classify_assessment,
    rocket_thresholds,
)
from mtcr.physics.catalogue import catalogue, find_system, resolve_vehicle
from mtcr.physics.optimize import MaxRange, maximise_range
from mtcr.physics.trajectory import MODEL_VERSION, FlightStatus, Guidance, Numerics, Trajectory, simulate
from mtcr.physics.vehicle import Launch, Vehicle, load_vehicle, parse_vehicle

__all__ = [
    "MODEL_VERSION",
    "Assessment",
    "Category",
    "CurvePoint",
    "FlightStatus",
    "Guidance",
    "Launch",
    "MaxRange",
    "Numerics",
    "Thresholds",
    "Trajectory",
    "Vehicle",
    "assess",
    "catalogue",
    "classify_assessment",
    "find_system",
    "load_vehicle",
    "maximise_range",
    "parse_vehicle",
    "resolve_vehicle",
    "rocket_thresholds",
    "simulate",
]
