"""The ``mtcr-vehicle/1`` file format (YAML or JSON) -> immutable :class:`Vehicle` values.

The format is specified in docs/vehicle-format.md. SI units, the unit part of every key name; in
place of a plain number any value may also be written as a string with its own unit
(``propellant_kg: "3.7 t"``), converted here to the key's unit. Unknown keys are errors, and every
error names the file, the field path and what was expected.
"""

from __future__ import annotations

import json
import math
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import pint
import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from mtcr.errors import DataFileError, InputError
from mtcr.physics.core.constants import G0
from mtcr.physics.core.drag import NAMED_DRAG_TABLES
from mtcr.units import parse_quantity, quantity_to_si

FORMAT = "mtcr-vehicle/1"
MAX_STAGES = 5


class VehicleKind(StrEnum):
    BALLISTIC = "ballistic"  # rocket systems: ballistic missiles, space launch vehicles, sounding rockets
    CRUISE = "cruise"  # UAV systems: cruise missiles, target drones, reconnaissance drones (Breguet model)


class Engine(StrEnum):
    """What sustains a cruise vehicle in level flight, and so which fuel consumption it is given."""

    TURBOJET = "turbojet"  # thrust-specific fuel consumption (TSFC)
    TURBOFAN = "turbofan"  # TSFC
    PROPELLER = "propeller"  # power-specific fuel consumption (PSFC) and propeller efficiency
    ROCKET = "rocket"  # a rocket sustainer: specific impulse (TSFC = 1 / (Isp g0))

    @property
    def jet(self) -> bool:
        return self in (Engine.TURBOJET, Engine.TURBOFAN)


class IspReference(StrEnum):
    VACUUM = "vacuum"
    SEA_LEVEL = "sea_level"


class Confidence(StrEnum):
    """How far a catalogue entry's inputs rest on published engineering data."""

    HIGH = "high"  # every input published (e.g. a published model's input set)
    MEDIUM = "medium"  # top-level figures published, some inputs derived
    LOW = "low"  # most inputs derived from size, mass and claimed range


# --- the file schema (trust boundary) ---------------------------------------------------------------


def unit_of(field_name: str) -> str:
    """The unit of a field from its key's suffix (longest suffix first); ValueError without one."""
    for suffix, unit in (
        ("_mg_n_s", "mg/(N*s)"),  # TSFC; its rate form (1/h) is converted by tsfc_from_quantity
        ("_g_kw_h", "g/(kW*h)"),  # PSFC
        ("_kg_m2", "kg/m**2"),
        ("_m_s", "m/s"),
        ("_m2", "m**2"),
        ("_kg", "kg"),
        ("_km", "km"),
        ("_deg", "degree"),
        ("_s", "s"),
        ("_m", "m"),
    ):
        if field_name.endswith(suffix):
            return unit
    raise ValueError(f"no unit suffix in {field_name!r}")


def _quantity_in(unit: str) -> BeforeValidator:
    """Accept a number in ``unit`` or a string with any unit of the same dimension."""

    def convert(value: object) -> object:
        try:
            if isinstance(value, pint.Quantity):
                value = quantity_to_si(value, unit, "value")
            elif isinstance(value, str):
                quantity = parse_quantity(value, "value")
                # a bare number written as a string is in the key's own unit
                value = float(quantity.magnitude) if quantity.dimensionless else quantity_to_si(quantity, unit, "value")
        except InputError as exc:  # pydantic reports ValueError with the field's location
            raise ValueError(exc.problem) from exc
        if isinstance(value, bool):
            raise ValueError("expected a number, not true/false")
        if isinstance(value, (int, float)) and not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    return BeforeValidator(convert)


# Plausibility bounds: far beyond any real rocket, so that a slip (kg for g, s for ms) is caught.
MAX_MASS_KG = 1e7
Mass = Annotated[float, _quantity_in("kg"), Field(ge=0, le=MAX_MASS_KG, allow_inf_nan=False)]
PositiveMass = Annotated[float, _quantity_in("kg"), Field(gt=0, le=MAX_MASS_KG, allow_inf_nan=False)]
BurnTime = Annotated[float, _quantity_in("s"), Field(ge=0.1, le=10_000, allow_inf_nan=False)]
Isp = Annotated[float, _quantity_in("s"), Field(gt=0, le=1_000, allow_inf_nan=False)]
PositiveTime = Annotated[float, _quantity_in("s"), Field(gt=0, le=100_000, allow_inf_nan=False)]
Time = Annotated[float, _quantity_in("s"), Field(ge=0, le=100_000, allow_inf_nan=False)]
PositiveLength = Annotated[float, _quantity_in("m"), Field(gt=0, le=20, allow_inf_nan=False)]
PositiveArea = Annotated[float, _quantity_in("m**2"), Field(gt=0, le=320, allow_inf_nan=False)]
PositiveSpeed = Annotated[float, _quantity_in("m/s"), Field(gt=0, le=10_000, allow_inf_nan=False)]
BallisticCoefficient = Annotated[float, _quantity_in("kg/m**2"), Field(gt=0, le=1e6, allow_inf_nan=False)]
Latitude = Annotated[float, _quantity_in("degree"), Field(ge=-90, le=90, allow_inf_nan=False)]
Azimuth = Annotated[float, _quantity_in("degree"), Field(ge=0, lt=360, allow_inf_nan=False)]
# Impact is taken at sea level, so a launch point below it is refused.
LaunchAltitude = Annotated[float, _quantity_in("m"), Field(ge=0, le=10_000, allow_inf_nan=False)]
PositiveRange = Annotated[float, _quantity_in("km"), Field(gt=0, allow_inf_nan=False)]

# --- cruise (kind: cruise) quantities -------------------------------------------------------------------

TSFC_UNIT = "mg/(N*s)"  # the unit of tsfc_mg_n_s; 1 lb/(lbf h) = 28.325 mg/(N s)
PSFC_UNIT = "g/(kW*h)"  # the unit of psfc_g_kw_h; 1 lb/(hp h) = 608.3 g/(kW h)


def tsfc_from_quantity(quantity: pint.Quantity, where: str) -> float:  # type: ignore[type-arg]
    """TSFC in mg/(N s) from mass per thrust and time (mg/(N s), lb/(lbf h), kg/(N h)) or from a rate (1/h).

    A rate c_t is the fuel weight flow per unit thrust, so c_T = c_t / g0 (missile-physics.md 3.6.9).
    """
    if quantity.check("1/[time]"):
        return quantity_to_si(quantity, "1/s", where) / G0 * 1e6  # kg/(N s) -> mg/(N s)
    return quantity_to_si(quantity, TSFC_UNIT, where)


def _tsfc_in_mg_n_s() -> BeforeValidator:
    """TSFC in any of the forms :func:`tsfc_from_quantity` takes."""

    def convert(value: object) -> object:
        if isinstance(value, str):
            try:
                quantity = parse_quantity(value, "value")
                if quantity.dimensionless:
                    return float(quantity.magnitude)
                return tsfc_from_quantity(quantity, "value")
            except InputError as exc:
                raise ValueError(exc.problem) from exc
        return value

    return BeforeValidator(convert)


# before-validators run right to left: the rate form is converted first, then the common checks
Tsfc = Annotated[float, _quantity_in(TSFC_UNIT), _tsfc_in_mg_n_s(), Field(gt=0, le=2_000, allow_inf_nan=False)]
Psfc = Annotated[float, _quantity_in(PSFC_UNIT), Field(gt=0, le=5_000, allow_inf_nan=False)]
Fraction = Annotated[float, Field(ge=0, lt=1, allow_inf_nan=False)]
Share = Annotated[float, Field(gt=0, lt=1, allow_inf_nan=False)]
Efficiency = Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)]
LiftToDrag = Annotated[float, Field(gt=0, le=60, allow_inf_nan=False)]
AirSpeed = Annotated[float, _quantity_in("m/s"), Field(gt=0, le=2_000, allow_inf_nan=False)]
Mach = Annotated[float, Field(gt=0, le=6, allow_inf_nan=False)]
CruiseAltitude = Annotated[float, _quantity_in("m"), Field(ge=0, le=30_000, allow_inf_nan=False)]
Distance = Annotated[float, _quantity_in("km"), Field(ge=0, le=40_000, allow_inf_nan=False)]
PositiveDistance = Annotated[float, _quantity_in("km"), Field(gt=0, le=40_000, allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DragTableFile(_Strict):
    mach: list[Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(min_length=2)
    cd: list[Annotated[float, Field(gt=0, allow_inf_nan=False)]] = Field(min_length=2)

    @model_validator(mode="after")
    def _check(self) -> DragTableFile:
        if len(self.mach) != len(self.cd):
            raise ValueError(f"mach has {len(self.mach)} values and cd {len(self.cd)}; they must pair up")
        if any(b <= a for a, b in zip(self.mach, self.mach[1:], strict=False)):
            raise ValueError("mach values must increase strictly")
        return self


class StageFile(_Strict):
    propellant_kg: PositiveMass
    dry_kg: PositiveMass  # a stage always has some structure; zero would leave nothing to fly
    residual_propellant_kg: Mass = 0.0
    burn_time_s: BurnTime
    isp_s: Isp | None = None
    exhaust_velocity_m_s: PositiveSpeed | None = None
    isp_reference: IspReference = IspReference.VACUUM
    nozzle_exit_area_m2: PositiveArea | None = None
    diameter_m: PositiveLength | None = None
    reference_area_m2: PositiveArea | None = None
    delay_after_burnout_s: Time = 0.0

    @model_validator(mode="after")
    def _check(self) -> StageFile:
        if (self.isp_s is None) == (self.exhaust_velocity_m_s is None):
            raise ValueError("give exactly one of isp_s and exhaust_velocity_m_s")
        if (self.diameter_m is None) == (self.reference_area_m2 is None):
            raise ValueError("give exactly one of diameter_m and reference_area_m2")
        return self


class ShroudFile(_Strict):
    mass_kg: PositiveMass
    jettison_time_s: PositiveTime


class ReentryVehicleFile(_Strict):
    ballistic_coefficient_kg_m2: BallisticCoefficient


class LaunchFile(_Strict):
    latitude_deg: Latitude | None = None
    azimuth_deg: Azimuth = 90.0
    altitude_m: LaunchAltitude = 0.0


class ReferenceFile(_Strict):
    range_km: PositiveRange | None = None
    payload_kg: Mass | None = None
    orbital: bool = False
    source: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _check(self) -> ReferenceFile:
        if self.orbital and self.range_km is not None:
            raise ValueError("an orbital reference has no range_km")
        if not self.orbital and self.range_km is None:
            raise ValueError("give range_km, or orbital: true")
        return self


class CatalogueFile(_Strict):
    """Extension for catalogue entries: names to find the file by, and what is uncertain or derived."""

    aliases: list[str] = Field(default_factory=list)
    confidence: Confidence
    uncertainty: str = Field(min_length=1)
    derived: list[str] = Field(default_factory=list)
    published_range_km: PositiveRange | None = None
    published_payload_kg: Mass | None = None


class AllowanceFile(_Strict):
    """Climb or descent: the fraction of the mass at its start burned in it, and the ground it covers."""

    fuel_fraction: Annotated[float, Field(ge=0, le=0.5, allow_inf_nan=False)] = 0.0
    distance_km: Distance = 0.0


class BoosterFile(_Strict):
    """A jettisoned launch booster: its mass, and what the boost phase gives the air vehicle."""

    mass_kg: PositiveMass
    distance_km: Distance = 0.0  # ground covered during the boost (credited to the range)
    fuel_kg: Mass = 0.0  # air-vehicle fuel burned during the boost (its engine starting)


class _Aero(_Strict):
    """Flight condition and consumption; in a segment every key is optional (the cruise block's value)."""

    speed_m_s: AirSpeed | None = None
    mach: Mach | None = None
    altitude_m: CruiseAltitude | None = None
    lift_to_drag: LiftToDrag | None = None
    tsfc_mg_n_s: Tsfc | None = None
    psfc_g_kw_h: Psfc | None = None
    propeller_efficiency: Efficiency | None = None
    isp_s: Isp | None = None

    @model_validator(mode="after")
    def _one_speed(self) -> _Aero:
        if self.speed_m_s is not None and self.mach is not None:
            raise ValueError("give at most one of speed_m_s and mach")
        return self


class SegmentFile(_Aero):
    distance_km: PositiveDistance | None = None  # air distance flown in this segment
    fuel_share: Share | None = None  # or the fraction of the cruise fuel it burns; neither: the rest

    @model_validator(mode="after")
    def _one_length(self) -> SegmentFile:
        if self.distance_km is not None and self.fuel_share is not None:
            raise ValueError("give at most one of distance_km and fuel_share")
        return self


class CruiseFile(_Aero):
    """The ``cruise:`` block of a ``kind: cruise`` vehicle (docs/vehicle-format.md)."""

    engine: Engine
    lift_to_drag: LiftToDrag  # required here; a segment may override it
    empty_kg: PositiveMass  # everything but payload, usable fuel and booster
    fuel_capacity_kg: PositiveMass  # usable fuel when the tanks are full
    max_takeoff_kg: PositiveMass | None = None  # default: empty + nominal payload + fuel capacity
    climb: AllowanceFile = Field(default_factory=AllowanceFile)
    descent: AllowanceFile = Field(default_factory=AllowanceFile)
    reserve_fuel_fraction: Fraction = 0.0  # one-way missions (the Annex's range) keep none
    booster: BoosterFile | None = None
    segments: list[SegmentFile] | None = Field(default=None, min_length=1, max_length=20)

    @model_validator(mode="after")
    def _check(self) -> CruiseFile:
        if (self.speed_m_s is None) == (self.mach is None):
            raise ValueError("give exactly one of speed_m_s and mach")
        _check_consumption(self.engine, self, "")
        for index, segment in enumerate(self.segments or ()):
            _check_consumption(self.engine, segment, f"segments[{index}]: ", required=False)
        if self.segments is not None:
            free = [i for i, g in enumerate(self.segments) if g.distance_km is None and g.fuel_share is None]
            if len(free) != 1:
                raise ValueError(
                    "exactly one segment must have neither distance_km nor fuel_share (it flies on the "
                    f"remaining fuel); found {len(free)}"
                )
            shares = sum(g.fuel_share or 0.0 for g in self.segments)
            if shares >= 1:
                raise ValueError(f"the fuel_share values add up to {shares:g}; they must leave some for the rest")
        return self


_CONSUMPTION_KEYS = {
    Engine.TURBOJET: ("tsfc_mg_n_s",),
    Engine.TURBOFAN: ("tsfc_mg_n_s",),
    Engine.PROPELLER: ("psfc_g_kw_h", "propeller_efficiency"),
    Engine.ROCKET: ("isp_s",),
}


def _check_consumption(engine: Engine, block: _Aero, where: str, *, required: bool = True) -> None:
    wanted = _CONSUMPTION_KEYS[engine]
    for key in ("tsfc_mg_n_s", "psfc_g_kw_h", "propeller_efficiency", "isp_s"):
        given = getattr(block, key) is not None
        if given and key not in wanted:
            raise ValueError(f"{where}{key} does not apply to engine {engine.value} (it takes {', '.join(wanted)})")
        if required and not given and key in wanted:
            raise ValueError(f"{where}{key} is required for engine {engine.value}")


class VehicleFile(_Strict):
    format: Literal["mtcr-vehicle/1"]
    name: str = Field(min_length=1)
    kind: VehicleKind = VehicleKind.BALLISTIC
    payload_kg: Mass
    drag_table: Annotated[
        Annotated[str, Tag("name")] | Annotated[DragTableFile, Tag("table")],
        Discriminator(lambda value: "name" if isinstance(value, str) else "table"),
    ] = "v2"
    # required for kind: ballistic, refused for kind: cruise (checked in _build, which names the field)
    stages: list[StageFile] | None = Field(default=None, min_length=1, max_length=MAX_STAGES)
    cruise: CruiseFile | None = None
    shroud: ShroudFile | None = None
    reentry_vehicle: ReentryVehicleFile | None = None
    launch: LaunchFile | None = None
    reference: ReferenceFile | None = None
    sources: list[str] = Field(default_factory=list)
    catalogue: CatalogueFile | None = None

    @field_validator("drag_table")
    @classmethod
    def _named_table(cls, table: str | DragTableFile) -> str | DragTableFile:
        if isinstance(table, str) and table not in NAMED_DRAG_TABLES:
            names = " | ".join(NAMED_DRAG_TABLES)
            raise ValueError(f"{table!r} is not a named table ({names}) or a mach/cd mapping")
        return table


# --- domain values -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DragTable:
    """Drag coefficient against Mach number; linear between points, constant outside."""

    name: str  # a named table, or "custom"
    mach: tuple[float, ...]
    cd: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Stage:
    propellant_kg: float  # burnable propellant
    dry_kg: float
    residual_propellant_kg: float
    burn_time_s: float
    exhaust_velocity_m_s: float  # Isp x g0, at the reference below
    isp_reference: IspReference
    nozzle_exit_area_m2: float | None
    reference_area_m2: float
    delay_after_burnout_s: float

    @property
    def mass_flow_kg_s(self) -> float:
        return self.propellant_kg / self.burn_time_s

    @property
    def isp_s(self) -> float:
        return self.exhaust_velocity_m_s / G0

    @property
    def vacuum_exhaust_velocity_m_s(self) -> float:
        """Isp_vac x g0: with a nozzle area a sea-level figure gains p0*Ae/mdot (vehicle-format.md)."""
        if self.nozzle_exit_area_m2 is not None and self.isp_reference is IspReference.SEA_LEVEL:
            from mtcr.physics.core.atmosphere import SEA_LEVEL_PRESSURE_PA

            return self.exhaust_velocity_m_s + SEA_LEVEL_PRESSURE_PA * self.nozzle_exit_area_m2 / self.mass_flow_kg_s
        return self.exhaust_velocity_m_s

    @property
    def stage_mass_kg(self) -> float:
        return self.propellant_kg + self.dry_kg + self.residual_propellant_kg


@dataclass(frozen=True, slots=True)
class Shroud:
    mass_kg: float
    jettison_time_s: float


@dataclass(frozen=True, slots=True)
class Launch:
    latitude_deg: float | None  # None: the Earth does not rotate
    azimuth_deg: float
    altitude_m: float

    @property
    def rotating(self) -> bool:
        return self.latitude_deg is not None


@dataclass(frozen=True, slots=True)
class Reference:
    """A published result for comparison; never used as input."""

    range_km: float | None
    payload_kg: float | None
    orbital: bool
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class CatalogueInfo:
    aliases: tuple[str, ...]
    confidence: Confidence
    uncertainty: str
    derived: tuple[str, ...]
    published_range_km: float | None
    published_payload_kg: float | None


@dataclass(frozen=True, slots=True)
class CruiseSegment:
    """One cruise segment in SI, its flight condition and consumption resolved (Breguet per segment).

    Consumption is one of: ``tsfc_kg_n_s`` (jets), ``psfc_kg_j`` with ``propeller_efficiency``
    (propellers), ``exhaust_velocity_m_s`` (a rocket sustainer, TSFC = 1 / v_e).
    """

    speed_m_s: float  # true airspeed
    altitude_m: float
    lift_to_drag: float
    tsfc_kg_n_s: float | None
    psfc_kg_j: float | None
    propeller_efficiency: float | None
    exhaust_velocity_m_s: float | None
    distance_m: float | None  # air distance; or
    fuel_share: float | None  # fraction of the cruise fuel; neither: flies on what the others leave
    mach: float | None = None  # as given, when the speed came from a Mach number


@dataclass(frozen=True, slots=True)
class Allowance:
    """Climb or descent: fraction of the mass at its start burned, and ground distance covered (m)."""

    fuel_fraction: float
    distance_m: float


@dataclass(frozen=True, slots=True)
class Booster:
    mass_kg: float  # jettisoned; never part of the cruise mass
    distance_m: float  # ground covered during the boost
    fuel_kg: float  # air-vehicle fuel burned during the boost


NO_ALLOWANCE = Allowance(0.0, 0.0)


@dataclass(frozen=True, slots=True)
class CruiseAirframe:
    """A cruise missile or UAV as the Breguet model needs it (kind: cruise)."""

    engine: Engine
    empty_kg: float
    fuel_capacity_kg: float
    max_takeoff_kg: float  # the air vehicle's, without booster; resolved (see max_takeoff_given)
    max_takeoff_given: bool  # False: the default, empty + nominal payload + fuel capacity
    segments: tuple[CruiseSegment, ...]  # one, without distance or share, when the file gives none
    climb: Allowance = NO_ALLOWANCE
    descent: Allowance = NO_ALLOWANCE
    reserve_fuel_fraction: float = 0.0
    booster: Booster | None = None
    segmented: bool = False  # the file gave a segment list

    def fuel_kg(self, payload_kg: float) -> float:
        """Fuel carried with ``payload_kg``: min(capacity, MTOW - empty - payload); negative: cannot lift it."""
        return min(self.fuel_capacity_kg, self.max_takeoff_kg - self.empty_kg - payload_kg)

    def launch_mass_kg(self, payload_kg: float) -> float:
        booster = self.booster.mass_kg if self.booster else 0.0
        return self.empty_kg + payload_kg + max(self.fuel_kg(payload_kg), 0.0) + booster


NO_DRAG_TABLE = DragTable("none", (), ())  # cruise vehicles: L/D stands for the drag model
NON_ROTATING = Launch(latitude_deg=None, azimuth_deg=90.0, altitude_m=0.0)


@dataclass(frozen=True, slots=True)
class Vehicle:
    """A rocket system (``stages``) or a cruise missile / UAV (``cruise``), in SI, as the physics needs it."""

    name: str
    kind: VehicleKind
    payload_kg: float
    drag_table: DragTable
    stages: tuple[Stage, ...]
    shroud: Shroud | None = None
    reentry_ballistic_coefficient_kg_m2: float | None = None
    launch: Launch = NON_ROTATING
    reference: Reference | None = None
    sources: tuple[str, ...] = ()
    catalogue: CatalogueInfo | None = None
    path: str = ""  # the file it was read from, if any
    cruise: CruiseAirframe | None = None  # kind: cruise (then stages is empty)

    @property
    def launch_mass_kg(self) -> float:
        if self.cruise is not None:
            return self.cruise.launch_mass_kg(self.payload_kg)
        shroud = self.shroud.mass_kg if self.shroud else 0.0
        return sum(stage.stage_mass_kg for stage in self.stages) + self.payload_kg + shroud

    def with_payload(self, payload_kg: float) -> Vehicle:
        if not math.isfinite(payload_kg) or payload_kg < 0:
            raise InputError("payload_kg", f"must be a finite number >= 0, got {payload_kg!r}")
        return replace(self, payload_kg=float(payload_kg))

    def with_launch(self, launch: Launch) -> Vehicle:
        return replace(self, launch=launch)


def _drag(table: str | DragTableFile) -> DragTable:
    if isinstance(table, str):
        mach, cd = NAMED_DRAG_TABLES[table]
        return DragTable(table, tuple(mach), tuple(cd))
    return DragTable("custom", tuple(table.mach), tuple(table.cd))


def _stage(data: StageFile) -> Stage:
    exhaust = data.exhaust_velocity_m_s if data.exhaust_velocity_m_s is not None else (data.isp_s or 0.0) * G0
    area = data.reference_area_m2 if data.reference_area_m2 is not None else math.pi * (data.diameter_m or 0.0) ** 2 / 4
    return Stage(
        propellant_kg=data.propellant_kg,
        dry_kg=data.dry_kg,
        residual_propellant_kg=data.residual_propellant_kg,
        burn_time_s=data.burn_time_s,
        exhaust_velocity_m_s=exhaust,
        isp_reference=data.isp_reference,
        nozzle_exit_area_m2=data.nozzle_exit_area_m2,
        reference_area_m2=area,
        delay_after_burnout_s=data.delay_after_burnout_s,
    )


def _build(data: VehicleFile, path: str) -> Vehicle:
    launch = NON_ROTATING
    if data.launch is not None:
        launch = Launch(data.launch.latitude_deg, data.launch.azimuth_deg, data.launch.altitude_m)
    reference = None
    if data.reference is not None:
        r = data.reference
        reference = Reference(r.range_km, r.payload_kg, r.orbital, r.source, r.note)
    catalogue = None
    if data.catalogue is not None:
        c = data.catalogue
        catalogue = CatalogueInfo(
            tuple(c.aliases),
            c.confidence,
            c.uncertainty,
            tuple(c.derived),
            c.published_range_km,
            c.published_payload_kg,
        )
    if data.kind is VehicleKind.CRUISE:
        return _build_cruise(data, path, reference, catalogue)
    if data.cruise is not None:
        raise InputError("cruise", "only for kind: cruise (this vehicle is ballistic)")
    if data.stages is None:
        raise InputError("stages", "required key missing")
    last = len(data.stages) - 1
    if data.stages[last].delay_after_burnout_s:
        raise InputError(f"stages[{last}].delay_after_burnout_s", "the last stage has no next stage to wait for")
    if data.shroud is not None:
        burnout = sum(s.burn_time_s + s.delay_after_burnout_s for s in data.stages)
        if data.shroud.jettison_time_s > burnout:
            raise InputError("shroud.jettison_time_s", f"is after the last burnout ({burnout:g} s after launch)")
    return Vehicle(
        name=data.name,
        kind=data.kind,
        payload_kg=data.payload_kg,
        drag_table=_drag(data.drag_table),
        stages=tuple(_stage(s) for s in data.stages),
        shroud=Shroud(data.shroud.mass_kg, data.shroud.jettison_time_s) if data.shroud else None,
        reentry_ballistic_coefficient_kg_m2=(
            data.reentry_vehicle.ballistic_coefficient_kg_m2 if data.reentry_vehicle else None
        ),
        launch=launch,
        reference=reference,
        sources=tuple(data.sources),
        catalogue=catalogue,
        path=path,
    )


# keys of the rocket model that mean nothing for a cruise vehicle: refused, so nothing passes silently
_ROCKET_ONLY = ("stages", "drag_table", "shroud", "reentry_vehicle", "launch")


def _speed(block: _Aero, altitude_m: float) -> float | None:
    """The true airspeed (m/s) from speed_m_s, or from mach with the standard atmosphere at ``altitude_m``."""
    if block.speed_m_s is not None:
        return block.speed_m_s
    if block.mach is not None:
        from mtcr.physics.core.atmosphere import atmosphere

        return block.mach * float(atmosphere(altitude_m)[3])
    return None


def _segment(base: CruiseFile, segment: SegmentFile | None) -> CruiseSegment:
    """A segment with every missing value taken from the cruise block (a Mach number is held at the
    segment's own altitude)."""

    def pick(key: str) -> float | None:
        own = getattr(segment, key) if segment is not None else None
        value = own if own is not None else getattr(base, key)
        return None if value is None else float(value)

    altitude = pick("altitude_m") or 0.0
    own_speed = segment is not None and (segment.speed_m_s is not None or segment.mach is not None)
    speed_block: _Aero = segment if own_speed and segment is not None else base
    speed = _speed(speed_block, altitude)
    assert speed is not None  # the cruise block has exactly one of speed_m_s and mach (schema)
    tsfc = pick("tsfc_mg_n_s")
    psfc = pick("psfc_g_kw_h")
    isp = pick("isp_s")
    lift_to_drag = pick("lift_to_drag")
    assert lift_to_drag is not None  # required in the cruise block
    return CruiseSegment(
        speed_m_s=speed,
        altitude_m=altitude,
        lift_to_drag=lift_to_drag,
        tsfc_kg_n_s=None if tsfc is None else tsfc * 1e-6,
        psfc_kg_j=None if psfc is None else psfc * 1e-3 / 3.6e6,  # g/(kW h) -> kg/J
        propeller_efficiency=pick("propeller_efficiency"),
        exhaust_velocity_m_s=None if isp is None else isp * G0,
        distance_m=None if segment is None or segment.distance_km is None else segment.distance_km * 1e3,
        fuel_share=None if segment is None else segment.fuel_share,
        mach=speed_block.mach,
    )


def _build_cruise(
    data: VehicleFile, path: str, reference: Reference | None, catalogue: CatalogueInfo | None
) -> Vehicle:
    for key in _ROCKET_ONLY:
        if key in data.model_fields_set:
            raise InputError(key, "not used by kind: cruise (see docs/vehicle-format.md, cruise vehicles)")
    if data.cruise is None:
        raise InputError("cruise", "required key missing (kind: cruise)")
    c = data.cruise
    nominal_takeoff = c.empty_kg + data.payload_kg + c.fuel_capacity_kg
    max_takeoff = c.max_takeoff_kg if c.max_takeoff_kg is not None else nominal_takeoff
    if max_takeoff <= c.empty_kg + data.payload_kg:
        raise InputError(
            "cruise.max_takeoff_kg",
            f"{max_takeoff:g} kg leaves no fuel for the nominal payload (empty {c.empty_kg:g} kg + payload "
            f"{data.payload_kg:g} kg)",
        )
    if c.booster is not None and c.booster.fuel_kg >= c.fuel_capacity_kg:
        raise InputError("cruise.booster.fuel_kg", "is not less than the fuel capacity")
    segments = (_segment(c, None),) if c.segments is None else tuple(_segment(c, g) for g in c.segments)
    booster = None
    if c.booster is not None:
        booster = Booster(c.booster.mass_kg, c.booster.distance_km * 1e3, c.booster.fuel_kg)
    airframe = CruiseAirframe(
        engine=c.engine,
        empty_kg=c.empty_kg,
        fuel_capacity_kg=c.fuel_capacity_kg,
        max_takeoff_kg=max_takeoff,
        max_takeoff_given=c.max_takeoff_kg is not None,
        segments=segments,
        climb=Allowance(c.climb.fuel_fraction, c.climb.distance_km * 1e3),
        descent=Allowance(c.descent.fuel_fraction, c.descent.distance_km * 1e3),
        reserve_fuel_fraction=c.reserve_fuel_fraction,
        booster=booster,
        segmented=c.segments is not None,
    )
    return Vehicle(
        name=data.name,
        kind=data.kind,
        payload_kg=data.payload_kg,
        drag_table=NO_DRAG_TABLE,
        stages=(),
        reference=reference,
        sources=tuple(data.sources),
        catalogue=catalogue,
        path=path,
        cruise=airframe,
    )


def _field_path(location: tuple[int | str, ...]) -> str:
    """``stages[0].burn_time_s`` from pydantic's location, without its union tags and validator names."""
    path = ""
    previous: int | str | None = None
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif (previous == "drag_table" and part in ("name", "table")) or part.startswith("function-"):
            pass
        else:
            path += ("." if path else "") + part
        previous = part
    return path


def parse_vehicle(data: Mapping[str, object], *, source: str = "<data>") -> Vehicle:
    """Validate a mapping in the ``mtcr-vehicle/1`` format; raise :class:`DataFileError` naming the field."""
    try:
        parsed = VehicleFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "unknown key (not part of mtcr-vehicle/1; check the spelling)"
        elif first["type"] == "missing":
            message = "required key missing"
        elif first["type"] == "literal_error" and first["loc"] == ("format",):
            # reprlib caps the echo: a YAML document built from aliases can be tiny yet repr to gigabytes
            message = f"expected {FORMAT!r}, got {reprlib.repr(first.get('input'))}"
        raise DataFileError(source, message, field=_field_path(tuple(first["loc"])) or None) from exc
    try:
        return _build(parsed, source)
    except InputError as exc:
        raise DataFileError(source, exc.problem, field=exc.field) from exc


class _DuplicateKeyError(Exception):
    def __init__(self, key: object) -> None:
        self.key = key
        super().__init__(key)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects


def read_vehicle_document(path: str | Path) -> dict[str, object]:
    """The raw mapping of a vehicle file (``.yaml``, ``.yml`` or ``.json``): UTF-8, no duplicate keys,
    no arbitrary YAML objects, a mapping at the top level. Errors name the file and the problem."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(str(file), "file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(str(file), "not a text file (UTF-8 expected)") from exc
    except OSError as exc:
        raise DataFileError(str(file), f"cannot read: {exc.strerror or exc}") from exc
    is_json = file.suffix.lower() == ".json"
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicates) if is_json else _load_yaml(text)
    except _DuplicateKeyError as exc:
        raise DataFileError(str(file), f"key {exc.key!r} is given twice") from exc
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        kind = "JSON" if is_json else "YAML"
        raise DataFileError(str(file), f"not valid {kind}: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError(str(file), "expected a mapping of keys at the top level")
    return raw


def load_vehicle(path: str | Path) -> Vehicle:
    """Read a vehicle file (``.yaml``, ``.yml`` or ``.json``)."""
    raw = read_vehicle_document(path)
    return parse_vehicle(raw, source=str(Path(path)))
