"""Fill the engine inputs that public data leave out, from typical values for the propulsion type.

For most missiles the open literature gives only the length, the diameter, the launch mass, the
payload and a claimed range. A trajectory needs, per stage, the propellant mass, the dry mass, the
specific impulse and the burn time. This module supplies them from class-typical values, so that a
catalogue entry can be flown and its range at 500 kg judged. Every value it fills is reported in a
human-readable note, and the notes go into the entry's ``catalogue.derived`` list.

Method, per stage (stage = propellant + everything dropped at its burnout; payload excluded)
---------------------------------------------------------------------------------------------

1. **Stage mass.** Single stage: launch mass - payload. Several stages: the caller gives each
   stage's share of (launch mass - payload); public data seldom split the stages, so a share is
   itself an assumption and the caller must say where it comes from.
2. **Propellant mass** = stage propellant mass fraction x stage mass, with the fraction
   (propellant / (propellant + stage inert)) typical of the propulsion type (table below).
3. **Dry mass** = stage mass - propellant mass (the remainder; no unburned residual is assumed).
4. **Specific impulse**: typical of the type (table below).
5. **Burn time** from a typical thrust-to-weight ratio at the stage's ignition:
   ``t_burn = m_prop * Isp * g0 / (T/W * m_ignition * g0) = m_prop * Isp / (T/W * m_ignition)``,
   where ``m_ignition`` is the mass at that stage's ignition (for the first stage the launch mass;
   for an upper stage its own mass + every later stage + payload), and the thrust
   ``T = m_prop * Isp * g0 / t_burn`` is constant (constant mass flow), as in the file format.

Isp convention (sea level or vacuum?)
-------------------------------------

The typical Isp values below are **effective, flight-average values used with constant thrust**:
they are written with ``isp_reference: vacuum`` and no ``nozzle_exit_area_m2``, which makes the
model apply ``T = mdot * g0 * Isp`` at every altitude with no back-pressure term. That is the
convention of Forden's 2007 input sets (Scud-B, Al Hussein, No-dong: Isp 230-240 s, constant
thrust), which reproduce his published ranges (missile-physics.md section 2.1). A true sea-level
figure used this way understates the range, a true vacuum figure overstates it; the sea-level and
vacuum bands each value sits between are given in the table. Public data almost never give the
nozzle exit area, so the sea-level + nozzle-area form of the file format is not used here.

Typical values
--------------

Marks, as in /work/shared/reference/missile-catalogue-data.md: [C] seen in a source, [D] derived by
arithmetic from [C] numbers, [R] recalled only (a commonly cited figure, not seen in a source).

=============================  ==========================  ================  ==============
Propulsion type                propellant fraction         Isp (s)           lift-off T/W
                               typical (band)              typical (band)    typical (band)
=============================  ==========================  ================  ==============
early solid (steel case)       0.82 (0.80-0.85)            240 (230-255)     2.5 (2.0-3.0)
modern solid (composite case)  0.88 (0.83-0.93)            265 (255-290)     2.6 (2.3-3.1)
storable liquid, Scud class    0.78 (0.75-0.80)            230 (226-240)     2.0 (1.9-2.6)
storable liquid, IRBM class    0.88 (0.85-0.92)            250 (240-265)     1.6 (1.3-2.0)
alcohol / LOX (V-2 class)      0.69 (0.66-0.72)            210 (195-239)     1.9 (1.8-2.1)
kerosene / LOX                 0.88 (0.85-0.92)            255 (245-290)     1.4 (1.2-1.6)
=============================  ==========================  ================  ==============

Sources for the table:

* Early solid: stage fraction 0.80-0.85 [R] (the steel-case CASTOR IVA/IVB *motors alone* reach
  0.86-0.87 [C], Northrop Grumman catalogue via Thrusty mass_data/ng_motors.csv); Isp ~230-255 s,
  sea level vs vacuum not stated by the sources ([C] Altmann generic low-Isp 211 s as a deliberately
  low case; 1960s first stages 229 s sea level / 282 s vacuum in the Wright tables) -
  catalogue-data section 5.1/5.2.
* Modern solid: whole-stage fraction 0.83-0.93 [C]/[D] (Minuteman III stages 0.894/0.858/0.891;
  Minotaur IV Lite 0.926/0.885/0.831); Isp 265-290 s vacuum [C] (Minuteman III 267 sea level,
  287/285 vacuum; Altmann generic 255-275 s). The typical value is at the low end because it is
  used with constant thrust from sea level. catalogue-data 5.1/5.2, missile-physics 2.2/2.3.
* Storable liquid, Scud class (kerosene-type fuel + nitric acid, steel tanks, pump-fed): fraction
  0.75-0.80 [D] (Forden Scud-B 0.755, Al Hussein 0.780, No-dong 0.804; Wright Scud 0.774); Isp
  226-240 s [C] (Wright 226 sea level; Forden 230/240 with constant thrust) - catalogue-data 5.1/5.2.
* Storable liquid, IRBM class (larger light-alloy tanks, e.g. R-12/R-14, DF-3): fraction 0.85-0.92
  and Isp 240-265 s are [R] (recalled; no engineering data for this class were retrieved - the only
  page seen puts the R-16 ICBM at 140 t fuelled and a little over 10 t empty, about 0.93,
  fensifuwu.com 2018, a popular page).
* Alcohol / LOX: fraction 0.69 [D] (Levinger V-2 preset 8,900 / 12,900 kg); Isp ~195 s sea level
  [D] (USAF museum thrust / flow), 210 s (Levinger), ~239 s vacuum [R] - catalogue-data 5.1/5.2.
* Kerosene / LOX: all values [R] (recalled figures for 1950s-60s first stages such as R-7 / Atlas
  class: fraction 0.85-0.92, Isp ~250 s sea level / ~290-300 s vacuum); not used by any bundled
  catalogue entry.
* Thrust-to-weight at lift-off, [D] from the published input sets (T = m_prop*Isp*g0/t_burn over
  launch weight): Forden Scud-B 1.92, Al Hussein 1.93, No-dong 2.62; Wright Scud-B 2.35; V-2 ~1.9-2.0
  (USAF museum 249 kN over 12.2-13 t); Minuteman III 2.62, Minotaur IV Lite 2.62, Altmann 3-stage
  3.07 (solids). The early-solid and IRBM-class bands are [R]; kerosene/LOX [R].

Calibration. Where the typical values miss a claimed range by more than about 15 %, the caller may
override ONE value - usually the propellant fraction - but only within the band in the table (a
value outside it raises :class:`~mtcr.errors.InputError`), and must say so in the catalogue entry.

Limits: the derivation knows nothing of a stage's real mass split, residual propellant, nozzle
area, fins or a separating re-entry vehicle. A claimed range that the derived vehicle meets is a
consistency check, not a validation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from mtcr.errors import InputError
from mtcr.physics.core.constants import G0

SHARE_TOLERANCE = 1e-6  # stage mass shares must sum to 1 within this


class Propulsion(Enum):
    """Propulsion type of a stage: selects the typical values (module docstring table)."""

    EARLY_SOLID = "early solid (steel case)"
    MODERN_SOLID = "modern solid (composite case)"
    STORABLE_LIQUID = "storable liquid, Scud class"
    STORABLE_LIQUID_IRBM = "storable liquid, IRBM class"
    ALCOHOL_LOX = "alcohol / LOX (V-2 class)"
    KEROSENE_LOX = "kerosene / LOX"


@dataclass(frozen=True, slots=True)
class Band:
    """A typical value and the band of values seen for a propulsion type."""

    typical: float
    low: float
    high: float

    def __post_init__(self) -> None:
        if not (0 < self.low <= self.typical <= self.high):
            raise ValueError(f"band must satisfy 0 < low <= typical <= high, got {self}")  # authoring error

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def text(self) -> str:
        return f"{self.low:g}-{self.high:g}"


@dataclass(frozen=True, slots=True)
class TypicalValues:
    """Typical stage values for one propulsion type, with their sources (module docstring)."""

    propellant_fraction: Band  # propellant / (propellant + stage inert)
    isp_s: Band  # effective Isp for constant thrust (see "Isp convention")
    thrust_to_weight: Band  # at the stage's ignition, over the mass then flying times g0
    source: str


TYPICAL: dict[Propulsion, TypicalValues] = {
    Propulsion.EARLY_SOLID: TypicalValues(
        Band(0.82, 0.80, 0.85),
        Band(240.0, 230.0, 255.0),
        Band(2.5, 2.0, 3.0),
        "stage fraction [R], Isp [C]/[R]: missile-catalogue-data.md 5.1-5.2; T/W [R]",
    ),
    Propulsion.MODERN_SOLID: TypicalValues(
        Band(0.88, 0.83, 0.93),
        Band(265.0, 255.0, 290.0),
        Band(2.6, 2.3, 3.1),
        "Minuteman III, Minotaur IV Lite, Altmann generic [C]/[D]: missile-catalogue-data.md 5.1-5.2",
    ),
    Propulsion.STORABLE_LIQUID: TypicalValues(
        Band(0.78, 0.75, 0.80),
        Band(230.0, 226.0, 240.0),
        Band(2.0, 1.9, 2.6),
        "Forden 2007 and Wright Scud-class input sets [C]/[D]: missile-catalogue-data.md 5.1-5.2",
    ),
    Propulsion.STORABLE_LIQUID_IRBM: TypicalValues(
        Band(0.88, 0.85, 0.92),
        Band(250.0, 240.0, 265.0),
        Band(1.6, 1.3, 2.0),
        "recalled values [R] (no engineering data for this class retrieved)",
    ),
    Propulsion.ALCOHOL_LOX: TypicalValues(
        Band(0.69, 0.66, 0.72),
        Band(210.0, 195.0, 239.0),
        Band(1.9, 1.8, 2.1),
        "V-2: Levinger preset and USAF museum [C]/[D]: missile-catalogue-data.md 2.13, 5.1-5.2",
    ),
    Propulsion.KEROSENE_LOX: TypicalValues(
        Band(0.88, 0.85, 0.92),
        Band(255.0, 245.0, 290.0),
        Band(1.4, 1.2, 1.6),
        "recalled values [R] (R-7 / Atlas class)",
    ),
}


@dataclass(frozen=True, slots=True)
class StageSpec:
    """What is known of one stage, and any override of a typical value (which must lie in its band)."""

    propulsion: Propulsion
    diameter_m: float
    mass_share: float = 1.0  # share of (launch mass - payload) in this stage
    propellant_fraction: float | None = None  # None: the type's typical value
    isp_s: float | None = None
    thrust_to_weight: float | None = None


@dataclass(frozen=True, slots=True)
class PublicData:
    """The published top-level figures of a rocket and what is known of its stages (firing order)."""

    launch_mass_kg: float
    payload_kg: float
    stages: tuple[StageSpec, ...]


@dataclass(frozen=True, slots=True)
class DerivedStage:
    """One stage's ``mtcr-vehicle/1`` inputs as derived."""

    propellant_kg: float
    dry_kg: float
    burn_time_s: float
    isp_s: float
    diameter_m: float
    thrust_n: float  # constant thrust implied (m_prop * Isp * g0 / t_burn)

    def as_fields(self) -> dict[str, float | str]:
        """The stage as ``mtcr-vehicle/1`` stage fields (constant thrust: vacuum reference, no nozzle area)."""
        return {
            "propellant_kg": self.propellant_kg,
            "dry_kg": self.dry_kg,
            "burn_time_s": self.burn_time_s,
            "isp_s": self.isp_s,
            "isp_reference": "vacuum",
            "diameter_m": self.diameter_m,
        }


@dataclass(frozen=True, slots=True)
class Derivation:
    """The derived stages and, for each value filled, a note saying what was derived and how."""

    stages: tuple[DerivedStage, ...]
    notes: tuple[str, ...]


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _positive(field: str, value: float) -> None:
    if not _is_number(value) or value <= 0:
        raise InputError(field, f"must be a finite number > 0, got {value!r}")


def _chosen(field: str, given: float | None, band: Band) -> float:
    if given is None:
        return band.typical
    _positive(field, given)
    if not band.contains(given):
        raise InputError(field, f"{given:g} is outside the typical band {band.text()} for this propulsion type")
    return float(given)


def _how(kind: str, given: float | None, band: Band) -> str:
    if given is None:
        return f"typical {kind} value (band {band.text()})"
    return f"set by the caller within the {kind} band {band.text()} (typical {band.typical:g})"


def _check(public: PublicData) -> None:
    _positive("launch_mass_kg", public.launch_mass_kg)
    if not _is_number(public.payload_kg) or public.payload_kg < 0:
        raise InputError("payload_kg", f"must be a finite number >= 0, got {public.payload_kg!r}")
    if public.payload_kg >= public.launch_mass_kg:
        raise InputError(
            "payload_kg",
            f"{public.payload_kg:g} kg must be less than the launch mass ({public.launch_mass_kg:g} kg)",
        )
    if not public.stages:
        raise InputError("stages", "give at least one stage")
    for i, spec in enumerate(public.stages):
        if not isinstance(spec.propulsion, Propulsion):
            raise InputError(f"stages[{i}].propulsion", f"must be a Propulsion, got {spec.propulsion!r}")
        _positive(f"stages[{i}].diameter_m", spec.diameter_m)
        _positive(f"stages[{i}].mass_share", spec.mass_share)
        if spec.mass_share > 1:
            raise InputError(f"stages[{i}].mass_share", f"must be at most 1, got {spec.mass_share!r}")
    total = sum(spec.mass_share for spec in public.stages)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        raise InputError("stages", f"mass_share values must sum to 1, got {total:g}")


def derive(public: PublicData) -> Derivation:
    """Derive every stage's propellant, dry mass, Isp and burn time (module docstring method)."""
    _check(public)
    stage_total = public.launch_mass_kg - public.payload_kg
    masses = [spec.mass_share * stage_total for spec in public.stages]
    stages: list[DerivedStage] = []
    notes: list[str] = []
    for i, (spec, stage_mass) in enumerate(zip(public.stages, masses, strict=True)):
        typical = TYPICAL[spec.propulsion]
        where = f"stages[{i}]"
        kind = spec.propulsion.value
        fraction = _chosen(f"{where}.propellant_fraction", spec.propellant_fraction, typical.propellant_fraction)
        isp = _chosen(f"{where}.isp_s", spec.isp_s, typical.isp_s)
        ratio = _chosen(f"{where}.thrust_to_weight", spec.thrust_to_weight, typical.thrust_to_weight)
        ignition_mass = public.payload_kg + sum(masses[i:])
        propellant = fraction * stage_mass
        dry = stage_mass - propellant
        burn = propellant * isp / (ratio * ignition_mass)
        thrust = ratio * ignition_mass * G0
        stages.append(DerivedStage(propellant, dry, burn, isp, float(spec.diameter_m), thrust))

        share = "" if len(public.stages) == 1 else f" ({spec.mass_share:g} of the stage mass, caller's split)"
        notes.append(
            f"{where}.propellant_kg: {propellant:.0f} kg = fraction {fraction:g} x stage mass {stage_mass:.0f} kg"
            f"{share}; fraction: {_how(kind, spec.propellant_fraction, typical.propellant_fraction)}"
        )
        notes.append(f"{where}.dry_kg: {dry:.0f} kg = stage mass - propellant (no residual propellant assumed)")
        notes.append(
            f"{where}.isp_s: {isp:g} s, effective with constant thrust (no back-pressure term); "
            f"{_how(kind, spec.isp_s, typical.isp_s)}"
        )
        notes.append(
            f"{where}.burn_time_s: {burn:.1f} s = m_prop x Isp / (T/W x m_ignition) with T/W {ratio:g} "
            f"at ignition mass {ignition_mass:.0f} kg ({_how(kind, spec.thrust_to_weight, typical.thrust_to_weight)})"
        )
    return Derivation(tuple(stages), tuple(notes))


def stage_fields(public: PublicData) -> tuple[list[dict[str, float | str]], list[str]]:
    """The derived stages as ``mtcr-vehicle/1`` stage field dicts, and the "derived" notes."""
    derivation = derive(public)
    return [stage.as_fields() for stage in derivation.stages], list(derivation.notes)
