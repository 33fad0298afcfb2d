"""Range-payload determination: the curve, range at the threshold payload, payload to the threshold
range, and the verdict against a regime's thresholds, as one immutable record.

The thresholds come from the Annex edition or regime given (1.A.1 and 19.A.1 of the MTCR: 500 kg to
300 km, and 300 km with any payload), so a stricter regime uses the same machinery. Cruise
missiles and UAVs (``kind: cruise``) are judged the same way against the UAV entries (1.A.2 and
19.A.2), with the Breguet model of ``mtcr.physics.cruise`` in place of the trajectory optimiser.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from scipy.optimize import brentq

from mtcr.annex import Annex, RangePayloadPoint, describe
from mtcr.annex.classifier import Classification, classify
from mtcr.annex.model import RangePayload
from mtcr.errors import InputError
from mtcr.physics import cruise as cruise_model
from mtcr.physics.core.constants import R_EARTH
from mtcr.physics.optimize import MaxRange, maximise_range
from mtcr.physics.trajectory import (
    DEFAULT_NUMERICS,
    GLOBAL_REACH_M,
    MODEL_VERSION,
    FlightStatus,
    Numerics,
    guidance_timing,
)
from mtcr.physics.vehicle import Vehicle, VehicleKind

ROCKET_KIND = "complete_rocket_system"
UAV_KIND = "complete_uav_system"
DEFAULT_CURVE_POINTS = 16
MAX_CURVE_POINTS = 200
PAYLOAD_TOLERANCE_KG = 0.5
# Within this fraction of a threshold the verdict rests on the model's accuracy (the acceptance
# tolerance against published results, docs/validation.md): the record says so.
BORDERLINE_FRACTION = 0.05
# Cruise entries rest on typical L/D and fuel consumption values; the catalogue holds them to their
# published ranges within 15 % (docs/catalogue.md), so the borderline band is that wide.
CRUISE_BORDERLINE_FRACTION = 0.15

Progress = Callable[[str], None]


class Category(StrEnum):
    CATEGORY_I = "Category I"
    CATEGORY_II = "Category II"
    BELOW = "below the thresholds"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A regime's complete-rocket-system thresholds, read from its Annex entries."""

    regime: str
    range_m: float  # Category I: this range ...
    payload_kg: float  # ... with this payload
    category_i_entry: str
    category_ii_range_m: float  # Category II: this range with any payload
    category_ii_entry: str


def rocket_thresholds(annex: Annex) -> Thresholds:
    """The range/payload criteria of ``annex`` for complete rocket systems (1.A.1 and 19.A.1 in the MTCR)."""
    return _thresholds(annex, ROCKET_KIND, "complete rocket systems")


def uav_thresholds(annex: Annex) -> Thresholds:
    """The range/payload criteria of ``annex`` for complete UAV systems (1.A.2 and 19.A.2 in the MTCR)."""
    return _thresholds(annex, UAV_KIND, "complete UAV systems")


def thresholds_for(vehicle: Vehicle, annex: Annex) -> Thresholds:
    """The thresholds that apply to ``vehicle``: UAV entries for cruise vehicles, rocket entries otherwise."""
    return uav_thresholds(annex) if vehicle.kind is VehicleKind.CRUISE else rocket_thresholds(annex)


def annex_kind(vehicle: Vehicle) -> str:
    """The Annex vocabulary kind of ``vehicle`` (complete rocket or complete UAV system)."""
    return UAV_KIND if vehicle.kind is VehicleKind.CRUISE else ROCKET_KIND


def _thresholds(annex: Annex, kind: str, what: str) -> Thresholds:
    with_payload: list[tuple[str, RangePayload]] = []
    range_only: list[tuple[str, RangePayload]] = []
    for entry in annex.entries:
        if kind in entry.kinds and isinstance(entry.criteria, RangePayload):
            (with_payload if entry.criteria.payload is not None else range_only).append((entry.id, entry.criteria))
    if not with_payload or not range_only:
        raise InputError("regime", f"{annex.id} has no range/payload criteria for {what}")
    cat1_id, cat1 = with_payload[0]
    cat2_id, cat2 = range_only[0]
    assert cat1.payload is not None  # selected above
    return Thresholds(annex.id, cat1.range.si_value, cat1.payload.si_value, cat1_id, cat2.range.si_value, cat2_id)


@dataclass(frozen=True, slots=True)
class CurvePoint:
    payload_kg: float
    range_m: float | None  # None when orbital, or when the vehicle cannot fly this payload (see status)
    orbital: bool
    status: FlightStatus
    kick_deg: float
    tilt_deg: float


@dataclass(frozen=True, slots=True)
class Assumptions:
    earth: str
    atmosphere: str
    drag: str
    thrust: str
    guidance: str
    range_definition: str
    integration: str


def assumptions_for(vehicle: Vehicle, numerics: Numerics) -> Assumptions:
    launch = vehicle.launch
    if launch.rotating:
        earth = (
            f"spherical (R = {R_EARTH / 1e3:.0f} km, point-mass gravity), rotating; launch at latitude "
            f"{launch.latitude_deg:g} deg, azimuth {launch.azimuth_deg:g} deg"
        )
    else:
        earth = f"spherical (R = {R_EARTH / 1e3:.0f} km, point-mass gravity), not rotating"
    nozzle = any(stage.nozzle_exit_area_m2 is not None for stage in vehicle.stages)
    rise, kick = guidance_timing(vehicle)
    thrust = (
        "mdot g0 Isp_vac - p(h) A_e (back-pressure correction) where a nozzle exit area is given, else constant"
        if nozzle
        else "constant, mdot g0 Isp (no nozzle exit area given)"
    )
    return Assumptions(
        earth=earth,
        atmosphere=(
            "U.S. Standard Atmosphere 1976 to 86 km, no wind; density taken as zero above 86 km"
            if numerics.atmosphere
            else "none (vacuum)"
        ),
        drag=f"Mach table '{vehicle.drag_table.name}'"
        + (
            f"; separated re-entry vehicle with ballistic coefficient {vehicle.reentry_ballistic_coefficient_kg_m2:g} "
            "kg/m^2"
            if vehicle.reentry_ballistic_coefficient_kg_m2
            else "; spent last stage and payload fly on together"
        ),
        thrust=thrust,
        guidance=f"vertical rise {rise:.1f} s, pitch-over kick over {kick:.1f} s, gravity turn; upper stages tilted "
        "from the velocity; kick (and tilt) optimised for maximum range",
        range_definition="MTCR Annex: maximum ground distance on the range-maximising trajectory, full propellant, "
        "standard atmosphere, zero wind; impact at sea level; a vehicle reaching orbit, or circling the Earth "
        "before it comes down, has no range (orbital); no range exceeds half the circumference",
        integration=f"RK4, {numerics.dt_boost_s:g} s steps in powered flight, {numerics.dt_coast_s:g} s / "
        f"{numerics.dt_high_s:g} s in the coast below / above {numerics.high_altitude_m / 1e3:g} km; exact Kepler "
        "conic above 86 km",
    )


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything behind a capability verdict: inputs, assumptions, method version, results, margins."""

    vehicle: Vehicle
    thresholds: Thresholds
    model_version: str
    assumptions: Assumptions
    nominal: MaxRange  # at the vehicle's own payload
    at_threshold_payload: MaxRange  # at the Category I payload (500 kg in the MTCR)
    lightest: MaxRange  # at the minimum payload (default zero): the range "with any payload"
    payload_to_threshold_range_kg: float | None  # None: no payload reaches the range (or any does: see next)
    reaches_threshold_range_with_any_payload: bool  # every payload it can lift (to 10 000 t) reaches it
    curve: tuple[CurvePoint, ...]
    category: Category
    reasons: tuple[str, ...]
    range_margin_m: float | None  # range at the threshold payload minus the threshold range
    payload_margin_kg: float | None  # payload to the threshold range minus the threshold payload
    borderline: bool
    evaluations: int
    cruise: cruise_model.CruiseDetail | None = None  # cruise vehicles: the fuel budgets behind the ranges

    @property
    def orbital(self) -> bool:
        return self.lightest.orbital


def _range_or_inf(result: MaxRange) -> float:
    """Orbital is infinite; a flight that could not complete (no lift-off, crash, failure) reaches nothing."""
    if result.orbital:
        return math.inf
    return (result.range_m or 0.0) if result.status is FlightStatus.IMPACT else 0.0


class _Curve:
    """Max-range results by payload, computed once each, warm-started from the nearest known payload."""

    def __init__(self, vehicle: Vehicle, numerics: Numerics, progress: Progress | None) -> None:
        self.vehicle = vehicle
        self.numerics = numerics
        self.progress = progress
        self.results: dict[float, MaxRange] = {}
        self.heaviest_orbital = -math.inf
        self.lightest_suborbital = math.inf

    def at(self, payload_kg: float, *, record: bool = False) -> MaxRange:
        payload_kg = float(payload_kg)
        known = self.results.get(payload_kg)
        if known is not None and (known.trajectory.samples or not record):
            return known
        start = None
        if self.results:
            nearest = min(self.results, key=lambda p: abs(p - payload_kg))
            if not self.results[nearest].orbital:
                start = self.results[nearest].guidance
        result = maximise_range(
            self.vehicle.with_payload(payload_kg),
            self.numerics,
            start=start,
            record=record,
            orbit_search=payload_kg < self.lightest_suborbital,
        )
        if result.orbital:
            self.heaviest_orbital = max(self.heaviest_orbital, payload_kg)
        else:
            self.lightest_suborbital = min(self.lightest_suborbital, payload_kg)
        self.results[payload_kg] = result
        if self.progress is not None:
            self.progress(f"{payload_kg:,.0f} kg")
        return result


def curve_payloads(
    vehicle: Vehicle, thresholds: Thresholds, points: int = DEFAULT_CURVE_POINTS, min_payload_kg: float = 0.0
) -> list[float]:
    """Evenly spaced payloads from the minimum to twice the larger of the nominal and the threshold payload."""
    if points < 2:
        raise InputError("curve points", f"need at least 2, got {points}")
    top = 2.0 * max(vehicle.payload_kg, thresholds.payload_kg, min_payload_kg)
    return [min_payload_kg + (top - min_payload_kg) * i / (points - 1) for i in range(points)]


def assess(
    vehicle: Vehicle,
    annex: Annex,
    *,
    curve_points: int = DEFAULT_CURVE_POINTS,
    min_payload_kg: float = 0.0,
    numerics: Numerics = DEFAULT_NUMERICS,
    progress: Progress | None = None,
) -> Assessment:
    """The range-payload determination of ``vehicle`` against ``annex``'s thresholds for its kind
    (complete rocket systems; complete UAV systems for ``kind: cruise``, by ``mtcr.physics.cruise``).

    "With any payload" (Category II) is judged at ``min_payload_kg``: zero by default, the literal
    reading; an analyst may set the least payload the system could credibly carry.
    """
    if not math.isfinite(min_payload_kg) or min_payload_kg < 0:
        raise InputError("min_payload_kg", f"must be a number >= 0, got {min_payload_kg!r}")
    thresholds = thresholds_for(vehicle, annex)
    if min_payload_kg > thresholds.payload_kg:
        raise InputError(
            "min_payload_kg",
            f"{min_payload_kg:g} kg is above the Category I payload ({thresholds.payload_kg:g} kg): the lightest "
            "credible payload cannot be heavier than the payload the regime asks about",
        )
    if not 2 <= curve_points <= MAX_CURVE_POINTS:
        raise InputError("curve points", f"must be between 2 and {MAX_CURVE_POINTS}, got {curve_points}")
    if vehicle.cruise is not None:
        return _assess_cruise(vehicle, annex, curve_points, min_payload_kg, progress)
    curve = _Curve(vehicle, numerics, progress)
    lightest = curve.at(min_payload_kg)
    payloads = curve_payloads(vehicle, thresholds, curve_points, min_payload_kg)
    for payload in payloads[1:]:
        curve.at(payload)
    nominal = curve.at(vehicle.payload_kg, record=True)
    at_threshold = curve.at(thresholds.payload_kg, record=True)
    payload_to_range = _payload_to_range(curve, min_payload_kg, thresholds.range_m, max(payloads))
    shown = {*payloads, vehicle.payload_kg, thresholds.payload_kg}
    points = tuple(
        CurvePoint(p, r.range_m, r.orbital, r.status, r.guidance.kick_deg, r.guidance.tilt_deg)
        for p, r in sorted(curve.results.items())
        if p in shown  # the curve's own payloads, not the root finder's trial points
    )
    category, reasons, borderline = _verdict(thresholds, nominal, at_threshold, lightest, payload_to_range)
    range_margin = None if at_threshold.orbital else (at_threshold.range_m or 0.0) - thresholds.range_m
    unbounded = payload_to_range is not None and math.isinf(payload_to_range)
    if unbounded:
        payload_to_range = None
    payload_margin = None if payload_to_range is None else payload_to_range - thresholds.payload_kg
    return Assessment(
        vehicle=vehicle,
        thresholds=thresholds,
        model_version=MODEL_VERSION,
        assumptions=assumptions_for(vehicle, numerics),
        nominal=nominal,
        at_threshold_payload=at_threshold,
        lightest=lightest,
        payload_to_threshold_range_kg=payload_to_range,
        reaches_threshold_range_with_any_payload=unbounded,
        curve=points,
        category=category,
        reasons=reasons,
        range_margin_m=range_margin,
        payload_margin_kg=payload_margin,
        borderline=borderline,
        evaluations=sum(r.evaluations for r in curve.results.values()),
    )


def _assess_cruise(
    vehicle: Vehicle, annex: Annex, curve_points: int, min_payload_kg: float, progress: Progress | None
) -> Assessment:
    """The determination for a cruise missile or UAV: Breguet ranges instead of optimised trajectories."""
    thresholds = thresholds_for(vehicle, annex)
    ranges: dict[float, cruise_model.CruiseRange] = {}

    def at(payload: float) -> cruise_model.CruiseRange:
        payload = float(payload)
        if payload not in ranges:
            ranges[payload] = cruise_model.cruise_range(vehicle, payload)
            if progress is not None:
                progress(f"{payload:,.0f} kg")
        return ranges[payload]

    payloads = curve_payloads(vehicle, thresholds, curve_points, min_payload_kg)
    for payload in payloads:
        at(payload)
    nominal, at_threshold, lightest = at(vehicle.payload_kg), at(thresholds.payload_kg), at(min_payload_kg)
    payload_to_range = cruise_model.payload_to_range(vehicle, thresholds.range_m, min_payload_kg)
    records = {p: cruise_model.as_max_range(r) for p, r in ranges.items()}
    shown = {*payloads, vehicle.payload_kg, thresholds.payload_kg}
    points = tuple(
        CurvePoint(p, r.range_m, False, r.status, 0.0, 0.0) for p, r in sorted(records.items()) if p in shown
    )
    category, reasons, borderline = _verdict(
        thresholds,
        records[vehicle.payload_kg],
        records[thresholds.payload_kg],
        records[min_payload_kg],
        payload_to_range,
        profile="on the most fuel-efficient one-way profile",
        borderline_fraction=CRUISE_BORDERLINE_FRACTION,
        accuracy="the cruise model's tolerance against published ranges (docs/catalogue.md)",
    )
    reasons = _fuel_reasons(thresholds, nominal, at_threshold) + reasons
    range_margin = cruise_model.reach_m(at_threshold) - thresholds.range_m
    payload_margin = None if payload_to_range is None else payload_to_range - thresholds.payload_kg
    texts = cruise_model.assumption_texts(vehicle)
    return Assessment(
        vehicle=vehicle,
        thresholds=thresholds,
        model_version=cruise_model.CRUISE_MODEL_VERSION,
        assumptions=Assumptions(**texts),
        nominal=records[vehicle.payload_kg],
        at_threshold_payload=records[thresholds.payload_kg],
        lightest=records[min_payload_kg],
        payload_to_threshold_range_kg=payload_to_range,
        reaches_threshold_range_with_any_payload=False,  # the take-off mass always bounds the payload
        curve=points,
        category=category,
        reasons=reasons,
        range_margin_m=range_margin,
        payload_margin_kg=payload_margin,
        borderline=borderline,
        evaluations=len(ranges),
        cruise=cruise_model.CruiseDetail(nominal, at_threshold, lightest),
    )


def _fuel_reasons(
    thresholds: Thresholds, nominal: cruise_model.CruiseRange, at_threshold: cruise_model.CruiseRange
) -> tuple[str, ...]:
    """Why the fuel is what it is: the payload/fuel trade-off, said in words."""

    def fuel(result: cruise_model.CruiseRange) -> str:
        if result.fuel_limit is cruise_model.FuelLimit.NONE:
            return f"with {result.payload_kg:,.0f} kg of payload no fuel fits under the take-off mass limit"
        text = (
            f"with {result.payload_kg:,.0f} kg of payload it carries {result.fuel_kg:,.0f} kg of fuel "
            f"({result.fuel_limit})"
        )
        return text + (f"; {result.note}" if result.note else "")

    lines = [fuel(nominal)]
    if at_threshold.payload_kg != nominal.payload_kg:
        lines.append(fuel(at_threshold))
    return (f"Fuel: {'; '.join(lines)}.",)


def _payload_to_range(curve: _Curve, min_payload: float, range_m: float, top_payload: float) -> float | None:
    """The heaviest payload that still reaches ``range_m`` (root of R(m) = range), by Brent's method."""
    if _range_or_inf(curve.results[min_payload]) < range_m:
        return None
    reaching = [p for p, r in curve.results.items() if _range_or_inf(r) >= range_m]
    short = [p for p, r in curve.results.items() if _range_or_inf(r) < range_m]
    high = min(short) if short else top_payload
    while not short:
        high *= 2.0
        if high > 1e7:
            return math.inf  # reaches the range with any payload it can lift: treat as unbounded
        if _range_or_inf(curve.at(high)) < range_m:
            short.append(high)
        else:
            reaching.append(high)
    low = max(p for p in reaching if p < high)
    if math.isinf(_range_or_inf(curve.results[low])) and math.isinf(_range_or_inf(curve.results[high])):
        return math.inf
    return float(
        brentq(
            lambda p: min(_range_or_inf(curve.at(p)), 1e9) - range_m,
            low,
            high,
            xtol=PAYLOAD_TOLERANCE_KG,
        )
    )


def _km(metres: float) -> str:
    return f"{metres / 1e3:,.0f} km"


def _describe_range(result: MaxRange) -> str:
    if result.orbital:
        return "reaches orbit (global reach)"
    if result.status is FlightStatus.IMPACT:
        return f"flies {_km(result.range_m or 0.0)}"
    return f"cannot fly it ({result.status})"


def _verdict(
    thresholds: Thresholds,
    nominal: MaxRange,
    at_threshold: MaxRange,
    lightest: MaxRange,
    payload_to_range: float | None,
    *,
    profile: str = "on the range-maximising trajectory",
    borderline_fraction: float = BORDERLINE_FRACTION,
    accuracy: str = "the model's validated accuracy (docs/validation.md)",
) -> tuple[Category, tuple[str, ...], bool]:
    t = thresholds
    reasons = [
        f"With its nominal payload of {nominal.payload_kg:,.0f} kg it {_describe_range(nominal)}.",
        f"With {t.payload_kg:,.0f} kg it {_describe_range(at_threshold)} {profile}.",
    ]
    if payload_to_range is None:
        reasons.append(f"No payload from {lightest.payload_kg:,.0f} kg up reaches {_km(t.range_m)}.")
    elif math.isinf(payload_to_range):
        reasons.append(f"Every payload tried reaches {_km(t.range_m)}.")
    else:
        reasons.append(f"The heaviest payload it can deliver to {_km(t.range_m)} is {payload_to_range:,.0f} kg.")
    reach_threshold = _range_or_inf(at_threshold)
    borderline = False
    if reach_threshold >= t.range_m:
        category = Category.CATEGORY_I
        reasons.append(
            f"Capable of delivering at least {t.payload_kg:,.0f} kg to at least {_km(t.range_m)}: "
            f"{t.category_i_entry} ({t.regime})."
        )
        borderline = not math.isinf(reach_threshold) and reach_threshold < t.range_m * (1 + borderline_fraction)
    elif _range_or_inf(lightest) >= t.category_ii_range_m:
        category = Category.CATEGORY_II
        reasons.append(
            f"Not capable of {t.payload_kg:,.0f} kg to {_km(t.range_m)}, but with a lighter payload it "
            f"{_describe_range(lightest)} (at least {_km(t.category_ii_range_m)}): {t.category_ii_entry} ({t.regime})."
        )
        lightest_reach = _range_or_inf(lightest)
        borderline = reach_threshold > t.range_m * (1 - borderline_fraction) or (
            not math.isinf(lightest_reach) and lightest_reach < t.category_ii_range_m * (1 + borderline_fraction)
        )
    else:
        category = Category.BELOW
        reasons.append(
            f"Even with {lightest.payload_kg:,.0f} kg it {_describe_range(lightest)}, "
            f"short of {_km(t.category_ii_range_m)}: neither "
            f"{t.category_i_entry} nor {t.category_ii_entry} ({t.regime})."
        )
        borderline = _range_or_inf(lightest) > t.category_ii_range_m * (1 - borderline_fraction)
    if borderline:
        reasons.append(
            f"Borderline: the deciding range is within {borderline_fraction:.0%} of its threshold, {accuracy}; "
            "input uncertainty decides this case."
        )
    return category, tuple(reasons), borderline


def classify_assessment(annex: Annex, assessment: Assessment) -> Classification:
    """Feed the determination to the Annex classifier as a complete rocket (or, for a cruise vehicle,
    UAV) system with its curve.

    An orbital point is given the largest distance on Earth (half the circumference): global reach.
    """

    def reach(orbital: bool, status: FlightStatus, point_range: float | None) -> float:
        if orbital:
            return GLOBAL_REACH_M
        return (point_range or 0.0) if status is FlightStatus.IMPACT else 0.0

    points = [RangePayloadPoint(p.payload_kg, reach(p.orbital, p.status, p.range_m)) for p in assessment.curve]
    lightest = assessment.lightest
    item = describe(
        annex,
        annex_kind(assessment.vehicle),
        {"max_range": f"{reach(lightest.orbital, lightest.status, lightest.range_m)} m"},
        name=assessment.vehicle.name,
        range_payload_curve=points,
    )
    return classify(annex, item)
