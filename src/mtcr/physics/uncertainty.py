"""Uncertain inputs in vehicle files, batched evaluation of many designs, and Monte Carlo assessment.

Distributions: any number in an ``mtcr-vehicle/1`` document may be written as a distribution::

    isp_s: {distribution: uniform, low: 225, high: 235}
    dry_kg: {distribution: normal, mean: 1198, sd: 40, low: 1100}      # low/high truncate a normal
    propellant_kg: {distribution: triangular, low: 8000 lb, mode: 8155 lb, high: 8300 lb}

Parameters are in the key's own unit unless written with a unit. The raw document is read, the
distribution leaves are found and checked here (errors name the field path), and every concrete
document (the nominal one and each sample) goes through the one strict loader,
:func:`mtcr.physics.vehicle.parse_vehicle`. A document without distributions is left untouched.

The nominal vehicle takes each distribution's central value: the mean of a normal (clipped into
its truncation bounds: its mode), the mode of a triangular, the midpoint of a uniform.

Sampling: inverse-CDF transforms of uniform numbers drawn in the calling process from
``numpy.random.Generator(PCG64(SeedSequence(seed)))``, one (samples x inputs) matrix; the same seed
gives the same samples whatever the engine, and each sample's physics is independent of the
others, so results are identical on every engine and worker count.

Evaluation (:class:`Evaluation`): ``batched`` flies the samples through the compiled batched
kernels (physics/core/batch.py) where the vehicle allows, and falls back to the scalar
:func:`mtcr.physics.assessment.assess` per sample where not (vehicles that are not ballistic
rockets, and staged flights within reach of orbit, which need the scalar orbit search);
``scalar`` uses ``assess`` for every sample.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

import numba
import numpy as np
from scipy import special, stats

from mtcr.annex import Annex
from mtcr.annex.loader import load as load_annex
from mtcr.errors import DataFileError, InputError, MtcrError
from mtcr.physics import optimize
from mtcr.physics.assessment import (
    DEFAULT_CURVE_POINTS,
    MAX_CURVE_POINTS,
    PAYLOAD_TOLERANCE_KG,
    Category,
    Thresholds,
    assess,
    thresholds_for,
)
from mtcr.physics.catalogue import find_system
from mtcr.physics.core import batch as kernel
from mtcr.physics.core.flight import STAGE_COLUMNS, VEHICLE_FIELDS
from mtcr.physics.cruise import CRUISE_MODEL_VERSION
from mtcr.physics.scaleout import EngineSettings, chunk_bounds, map_chunks
from mtcr.physics.trajectory import (
    CRASH_PENALTY,
    DEFAULT_NUMERICS,
    GLOBAL_REACH_M,
    MODEL_VERSION,
    FlightStatus,
    kernel_inputs,
)
from mtcr.physics.vehicle import (
    TSFC_UNIT,
    Vehicle,
    VehicleKind,
    parse_vehicle,
    read_vehicle_document,
    tsfc_from_quantity,
    unit_of,
)
from mtcr.units import parse_quantity, quantity_to_si, ureg

UNCERTAINTY_VERSION = "1.0.0"  # bump when sampling, evaluation or statistics change a result
CONFIDENCE = 0.95
SWING_QUANTILES = (0.05, 0.95)  # one-at-a-time sensitivity: each input at these quantiles
NORMAL_REACH_SD = 6.0  # an untruncated normal is checked against the loader at mean +/- this many sd
WARM_SCAN_POINTS = 7  # optimize.maximise_range: the warm-start scan
TILT_WINDOW_DEG = 10.0  # optimize.maximise_range: staged alternation windows and rounds
KICK_WINDOW_DEG = 3.0
STAGED_ROUNDS = 2
PAYLOAD_CAP_KG = 1e7  # assessment._payload_to_range: beyond this, every payload reaches the range
RANGE_CAP_M = 1e9  # assessment._payload_to_range: orbital counts as this in the root finding


class DistributionKind(StrEnum):
    UNIFORM = "uniform"
    NORMAL = "normal"
    TRIANGULAR = "triangular"


_PARAMETERS: dict[DistributionKind, tuple[frozenset[str], frozenset[str]]] = {  # required, optional
    DistributionKind.UNIFORM: (frozenset({"low", "high"}), frozenset()),
    DistributionKind.NORMAL: (frozenset({"mean", "sd"}), frozenset({"low", "high"})),
    DistributionKind.TRIANGULAR: (frozenset({"low", "mode", "high"}), frozenset()),
}


@dataclass(frozen=True, slots=True)
class Distribution:
    """One uncertain input; every parameter in ``unit`` (the field's unit, "" for a plain number).

    uniform: ``low``..``high``; triangular: ``low``, ``mode``, ``high``; normal: ``mean``, ``sd``, and
    optionally ``low``/``high`` truncating it (samples are drawn from the truncated normal).
    """

    kind: DistributionKind
    unit: str
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    mean: float | None = None
    sd: float | None = None

    @property
    def nominal(self) -> float:
        """The central value: uniform midpoint, triangular mode, normal mean (clipped into its bounds)."""
        if self.kind is DistributionKind.UNIFORM:
            return 0.5 * (_f(self.low) + _f(self.high))
        if self.kind is DistributionKind.TRIANGULAR:
            return _f(self.mode)
        value = _f(self.mean)
        if self.low is not None:
            value = max(value, self.low)
        if self.high is not None:
            value = min(value, self.high)
        return value

    @property
    def reach(self) -> tuple[float, float]:
        """The least and greatest values a sample can take (an untruncated normal: mean -/+ 6 sd)."""
        if self.kind is DistributionKind.NORMAL:
            mean, sd = _f(self.mean), _f(self.sd)
            low = self.low if self.low is not None else mean - NORMAL_REACH_SD * sd
            high = self.high if self.high is not None else mean + NORMAL_REACH_SD * sd
            # one bound far beyond the mean (truncated there): the other end is that bound, not mean -/+ 6 sd
            if self.high is None and self.low is not None:
                high = max(high, self.low)
            if self.low is None and self.high is not None:
                low = min(low, self.high)
            return low, high
        return _f(self.low), _f(self.high)

    def quantile(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF at probabilities ``u`` in [0, 1)."""
        u = np.asarray(u, dtype=float)
        if self.kind is DistributionKind.UNIFORM:
            low, high = _f(self.low), _f(self.high)
            return low + u * (high - low)
        if self.kind is DistributionKind.TRIANGULAR:
            low, mode, high = _f(self.low), _f(self.mode), _f(self.high)
            if high == low:
                return np.full(u.shape, low)
            split = (mode - low) / (high - low)
            rising = low + np.sqrt(u * (high - low) * (mode - low))
            falling = high - np.sqrt((1.0 - u) * (high - low) * (high - mode))
            return np.where(u < split, rising, falling)
        mean, sd = _f(self.mean), _f(self.sd)
        if sd == 0.0:
            return np.full(u.shape, self.nominal)
        a = (self.low - mean) / sd if self.low is not None else -np.inf
        b = (self.high - mean) / sd if self.high is not None else np.inf
        if a > 0.0:
            # a cut far above the mean: in the upper tail ndtr rounds to 1 (ndtri(1) is inf), so draw the
            # mirror image from the lower tail, where the probabilities keep their precision
            q_low, q_high = special.ndtr(-b), special.ndtr(-a)
            values = mean - sd * special.ndtri(q_high - u * (q_high - q_low))
        else:
            p_low, p_high = special.ndtr(a), special.ndtr(b)
            values = mean + sd * special.ndtri(p_low + u * (p_high - p_low))
        # ndtri(0) is -inf: the bounds themselves, where given, are the limits
        lowest = self.low if self.low is not None else -np.inf
        highest = self.high if self.high is not None else np.inf
        return np.asarray(np.clip(values, lowest, highest), dtype=float)

    def describe(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.kind is DistributionKind.UNIFORM:
            return f"uniform {self.low:g} to {self.high:g}{unit}"
        if self.kind is DistributionKind.TRIANGULAR:
            return f"triangular {self.low:g} / {self.mode:g} / {self.high:g}{unit}"
        text = f"normal {self.mean:g} +/- {self.sd:g}{unit} (1 sd)"
        if self.low is not None or self.high is not None:
            text += f", truncated to [{'' if self.low is None else f'{self.low:g}'}, "
            text += f"{'' if self.high is None else f'{self.high:g}'}]"
        return text


def _f(value: float | None) -> float:
    if value is None:  # pragma: no cover - parse_distribution fills every parameter its kind needs
        raise ValueError("missing distribution parameter")
    return value


@dataclass(frozen=True, slots=True)
class UncertainInput:
    path: str  # field path in the document, e.g. "stages[0].isp_s"
    distribution: Distribution


# --- field paths ----------------------------------------------------------------------------------

_PATH_PART = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<index>\d+)\]")

PathPart = str | int


def parse_path(text: str) -> tuple[PathPart, ...]:
    """``"stages[0].isp_s"`` -> ("stages", 0, "isp_s"); InputError for anything else."""
    parts: list[PathPart] = []
    position = 0
    expect_key = True
    while position < len(text):
        if not expect_key and text[position] == ".":
            position += 1
            expect_key = True
            continue
        match = _PATH_PART.match(text, position)
        if match is None or (match["key"] is not None and not expect_key):
            raise InputError(text or "<empty>", "not a field path (write it like stages[0].propellant_kg)")
        if match["key"] is not None:
            parts.append(match["key"])
        else:
            parts.append(int(match["index"]))
        expect_key = False
        position = match.end()
    if not parts or expect_key or not isinstance(parts[0], str):
        raise InputError(text or "<empty>", "not a field path (write it like stages[0].propellant_kg)")
    return tuple(parts)


def format_path(parts: Sequence[PathPart]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def set_at(document: dict[str, object], path: str, value: object) -> None:
    """Set ``path`` in ``document`` (in place). The container must exist; a mapping key may be new."""
    parts = parse_path(path)
    node: object = document
    for depth, part in enumerate(parts[:-1]):
        node = _child(node, part, format_path(parts[: depth + 1]), path)
    last = parts[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise InputError(path, f"{format_path(parts[:-1])} has no element [{last}]")
        node[last] = value
    else:
        if not isinstance(node, dict):
            raise InputError(path, f"{format_path(parts[:-1]) or 'the document'} is not a mapping of keys")
        node[last] = value


def get_at(document: Mapping[str, object], path: str) -> object:
    parts = parse_path(path)
    node: object = document
    for depth, part in enumerate(parts):
        node = _child(node, part, format_path(parts[: depth + 1]), path)
    return node


def _child(node: object, part: PathPart, where: str, path: str) -> object:
    if isinstance(part, int):
        if isinstance(node, list) and part < len(node):
            return node[part]
    elif isinstance(node, dict) and part in node:
        return node[part]
    raise InputError(path, f"the document has no {where}")


def _copy(value: object) -> object:
    """A copy of a YAML/JSON tree deep enough to set leaves in (scalars are immutable)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


# --- reading documents and their distributions --------------------------------------------------------


def read_document(path: str | Path) -> dict[str, object]:
    """The raw mapping of a vehicle file (YAML or JSON), read as strictly as load_vehicle reads it."""
    return read_vehicle_document(path)


def document_path(target: str) -> Path:
    """The file behind a target: a .yaml/.yml/.json path, else a catalogue name, else an existing file."""
    path = Path(target)
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        return path
    try:
        return Path(find_system(target).path)
    except MtcrError:
        if path.is_file():
            return path
        raise


def unit_for(path: str) -> str:
    """The unit of the field at ``path``, from its key's suffix (empty for a plain number)."""
    key = next((part for part in reversed(parse_path(path)) if isinstance(part, str)), "")
    try:
        return unit_of(key)
    except ValueError:
        return ""  # a key without a unit suffix (a drag-table entry): plain numbers


def quantity_value(text: str, path: str, where: str) -> float:
    """A number written with a unit, as the loader reads the field at ``path``: in the field's unit (TSFC
    also as a rate, 1/h); InputError naming ``where`` when the unit does not fit the field."""
    unit = unit_for(path)
    quantity = parse_quantity(text, where)
    if quantity.dimensionless:
        if quantity.units != ureg.dimensionless:  # "5 %" is not 5 of the field's unit
            raise InputError(where, f"{text!r}: give the value in {unit or 'a plain number'}, not as a ratio")
        return float(quantity.magnitude)
    if not unit:
        raise InputError(where, f"{text!r} has a unit, but {path} takes a plain number")
    if unit == TSFC_UNIT:
        return tsfc_from_quantity(quantity, where)
    return quantity_to_si(quantity, unit, where)


def field_number(value: object, path: str, where: str, source: str) -> float:
    """A finite number for the field at ``path`` (a plain number, or a string with a unit it takes);
    DataFileError naming ``where`` otherwise. Distribution parameters and sweep values read alike."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise DataFileError(source, f"expected a number (or a number with a unit), got {value!r}", field=where)
    if isinstance(value, str):
        try:
            number = quantity_value(value, path, where)
        except InputError as exc:
            raise DataFileError(source, exc.problem, field=where) from exc
    else:
        number = float(value)
    if not math.isfinite(number):
        raise DataFileError(source, "must be a finite number", field=where)
    return number


def parse_distribution(spec: Mapping[object, object], path: str, *, source: str = "<data>") -> Distribution:
    """Check one ``{distribution: ...}`` mapping at ``path``; DataFileError naming the field and the problem."""
    name = spec.get("distribution")
    try:
        kind = DistributionKind(str(name))
    except ValueError:
        known = " | ".join(k.value for k in DistributionKind)
        raise DataFileError(source, f"unknown distribution {name!r} (expected {known})", field=path) from None
    required, optional = _PARAMETERS[kind]
    keys = {str(key) for key in spec} - {"distribution"}
    unknown = sorted(keys - required - optional)
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise DataFileError(source, f"unknown key {unknown[0]!r} for a {kind} distribution (use {allowed})", field=path)
    missing = sorted(required - keys)
    if missing:
        raise DataFileError(source, f"a {kind} distribution needs {', '.join(sorted(required))}", field=path)
    unit = unit_for(path)
    values = {key: field_number(spec[key], path, f"{path}.{key}", source) for key in sorted(keys)}
    low, high = values.get("low"), values.get("high")
    if low is not None and high is not None and low > high:
        raise DataFileError(source, f"low ({low:g}) is above high ({high:g})", field=path)
    if kind is DistributionKind.TRIANGULAR and not _f(low) <= values["mode"] <= _f(high):
        raise DataFileError(source, f"mode ({values['mode']:g}) must lie between low and high", field=path)
    if kind is DistributionKind.NORMAL:
        if values["sd"] < 0:
            raise DataFileError(source, f"sd must be >= 0, got {values['sd']:g}", field=path)
        if low is not None and high is not None and low == high and values["sd"] > 0:
            raise DataFileError(source, "low equals high: nothing left to sample (use sd: 0)", field=path)
    return Distribution(
        kind, unit, low=low, high=high, mode=values.get("mode"), mean=values.get("mean"), sd=values.get("sd")
    )


def find_distributions(document: Mapping[str, object], *, source: str = "<data>") -> tuple[UncertainInput, ...]:
    """Every distribution-valued leaf of a raw document, in document order, with its field path."""
    found: list[UncertainInput] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, Mapping):
            if "distribution" in node:
                if not path:
                    raise DataFileError(source, "the document itself cannot be a distribution")
                found.append(UncertainInput(path, parse_distribution(node, path, source=source)))
                return
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(document, "")
    return tuple(found)


@dataclass(frozen=True, slots=True)
class UncertainVehicle:
    """A vehicle document with some inputs uncertain. ``document`` is the raw mapping (never mutated)."""

    source: str
    name: str
    document: dict[str, object] = field(repr=False)
    inputs: tuple[UncertainInput, ...]

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(i.path for i in self.inputs)

    def nominal_values(self) -> np.ndarray:
        return np.array([i.distribution.nominal for i in self.inputs], dtype=float)

    def document_for(self, values: Sequence[float] | np.ndarray) -> dict[str, object]:
        """A concrete document: the uncertain inputs set to ``values`` (in each field's unit)."""
        return document_with(self.document, self.paths, values)

    def vehicle_for(self, values: Sequence[float] | np.ndarray) -> Vehicle:
        return parse_vehicle(self.document_for(values), source=self.source)

    def nominal_vehicle(self) -> Vehicle:
        return self.vehicle_for(self.nominal_values())

    def draw(self, samples: int, seed: int) -> np.ndarray:
        """(samples x inputs) values, reproducible from ``seed`` alone."""
        if samples < 1:
            raise InputError("--samples", f"must be at least 1, got {samples}")
        if seed < 0:
            raise InputError("--seed", f"must be >= 0, got {seed}")
        generator = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))
        uniforms = generator.random((samples, len(self.inputs)))
        values = np.empty_like(uniforms)
        for column, item in enumerate(self.inputs):
            values[:, column] = item.distribution.quantile(uniforms[:, column])
        return values


def document_with(
    document: Mapping[str, object], paths: Sequence[str], values: Sequence[float] | np.ndarray
) -> dict[str, object]:
    concrete = _copy(document)
    assert isinstance(concrete, dict)  # a copy of a mapping
    for path, value in zip(paths, values, strict=True):
        set_at(concrete, path, float(value))
    return concrete


def uncertain_vehicle(document: Mapping[str, object], *, source: str = "<data>") -> UncertainVehicle:
    """Find and check the distributions of a raw document, and check its concrete documents with the loader:
    the nominal one, and each input at either end of its reach (the others nominal)."""
    inputs = find_distributions(document, source=source)
    base = _copy(dict(document))
    assert isinstance(base, dict)
    name = str(base.get("name", source))
    result = UncertainVehicle(source, name, base, inputs)
    nominal = result.nominal_values()
    result.vehicle_for(nominal)  # DataFileError naming the field if the nominal vehicle is not valid
    for column, item in enumerate(inputs):
        for end, value in zip(("low", "high"), item.distribution.reach, strict=True):
            values = nominal.copy()
            values[column] = value
            try:
                result.vehicle_for(values)
            except DataFileError as exc:
                unit = f" {item.distribution.unit}" if item.distribution.unit else ""
                raise DataFileError(
                    source,
                    f"the distribution reaches {value:g}{unit} at its {end} end, which the vehicle format refuses "
                    f"({exc.field or 'vehicle'}: {exc.problem}); narrow it or truncate it with low/high",
                    field=item.path,
                ) from exc
    return result


def load_uncertain_vehicle(target: str) -> UncertainVehicle:
    """A vehicle file or catalogue name, with its distributions (none for a plain vehicle file)."""
    path = document_path(target)
    return uncertain_vehicle(read_document(path), source=str(path))


def resolve_nominal_vehicle(target: str) -> Vehicle:
    """As catalogue.resolve_vehicle, but a file with distributions gives its nominal vehicle."""
    from mtcr.physics.catalogue import resolve_vehicle

    path = Path(target)
    if path.suffix.lower() not in (".yaml", ".yml", ".json") or not path.is_file():
        return resolve_vehicle(target)
    document = read_document(path)
    if not find_distributions(document, source=str(path)):
        return resolve_vehicle(target)  # exactly as without uncertainty support
    return uncertain_vehicle(document, source=str(path)).nominal_vehicle()


# --- batched evaluation of design points ------------------------------------------------------------


class Evaluation(StrEnum):
    BATCHED = "batched"  # compiled batched kernels where the vehicle allows; scalar assess() elsewhere
    SCALAR = "scalar"  # assessment.assess() for every design point


class PointMethod(StrEnum):
    BATCHED = "batched"
    SCALAR = "scalar"


_CATEGORY_CODES = {
    kernel.CATEGORY_I: Category.CATEGORY_I,
    kernel.CATEGORY_II: Category.CATEGORY_II,
    kernel.BELOW: Category.BELOW,
}
_CODE_OF = {category: code for code, category in _CATEGORY_CODES.items()}


@dataclass(frozen=True, slots=True)
class Targets:
    """What each design point is assessed against (a regime's thresholds) and how."""

    edition: str | None  # loads the Annex where the scalar assessment is needed
    threshold_payload_kg: float
    threshold_range_m: float
    category_ii_range_m: float
    min_payload_kg: float = 0.0
    payload_search: bool = True  # also find the payload to the threshold range (most of the cost)
    evaluation: Evaluation = Evaluation.BATCHED
    # For staged vehicles the batched kernel visits assess()'s curve payloads in assess()'s order, so that
    # every maximisation is warm-started as there (the staged optimum depends on its start); 0 skips the
    # curve: faster, but a different local optimum of the tilt is possible (measured up to 0.5 % in range).
    curve_points: int = DEFAULT_CURVE_POINTS

    @classmethod
    def of(
        cls,
        thresholds: Thresholds,
        edition: str | None,
        *,
        min_payload_kg: float = 0.0,
        payload_search: bool = True,
        evaluation: Evaluation = Evaluation.BATCHED,
        curve_points: int = DEFAULT_CURVE_POINTS,
    ) -> Targets:
        if curve_points != 0 and not 2 <= curve_points <= MAX_CURVE_POINTS:
            raise InputError("curve points", f"must be 0 or between 2 and {MAX_CURVE_POINTS}, got {curve_points}")
        return cls(
            edition,
            thresholds.payload_kg,
            thresholds.range_m,
            thresholds.category_ii_range_m,
            min_payload_kg,
            payload_search,
            evaluation,
            curve_points,
        )


@dataclass(frozen=True, slots=True)
class Designs:
    """A chunk of design points: a base document and the values of some of its fields, one row each."""

    source: str
    document: dict[str, object]
    paths: tuple[str, ...]
    values: np.ndarray  # (rows, len(paths)), in each field's unit
    first_row: int  # index of the first row in the whole run (for error messages)
    targets: Targets


@dataclass(frozen=True, slots=True)
class DesignResults:
    """Per design point: range at the threshold payload (inf: orbital; 0: no proper flight), range at the
    least payload, payload to the threshold range (NaN: none; inf: any it can lift), category code,
    how it was computed (PointMethod index) and trajectories flown. ``error``: (field, problem, design
    point) if a design point was invalid (nothing in the chunk is then computed)."""

    range_at_threshold_m: np.ndarray
    range_at_min_payload_m: np.ndarray
    payload_to_range_kg: np.ndarray
    category: np.ndarray
    method: np.ndarray
    trajectories: np.ndarray
    error: tuple[str, str, int] | None = None  # field, problem, row


def search_settings() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The batched search's settings array, kick grid and scan tilts, from optimize.py and assessment.py."""
    search = np.zeros(kernel.SEARCH_FIELDS)
    search[kernel.Q_KICK_LOW_DEG], search[kernel.Q_KICK_HIGH_DEG] = optimize.KICK_BOUNDS_DEG
    search[kernel.Q_KICK_TOLERANCE_DEG] = optimize.KICK_TOLERANCE_DEG
    search[kernel.Q_TILT_LOW_DEG], search[kernel.Q_TILT_HIGH_DEG] = optimize.TILT_BOUNDS_DEG
    search[kernel.Q_TILT_TOLERANCE_DEG] = optimize.TILT_TOLERANCE_DEG
    search[kernel.Q_WARM_HALF_WIDTH_DEG] = optimize.WARM_SCAN_HALF_WIDTH_DEG
    search[kernel.Q_WARM_POINTS] = WARM_SCAN_POINTS
    search[kernel.Q_TILT_WINDOW_DEG] = TILT_WINDOW_DEG
    search[kernel.Q_KICK_WINDOW_DEG] = KICK_WINDOW_DEG
    search[kernel.Q_STAGED_ROUNDS] = STAGED_ROUNDS
    search[kernel.Q_ORBIT_SEARCH_FROM_M] = optimize.ORBIT_SEARCH_FROM_M
    search[kernel.Q_CRASH_PENALTY] = CRASH_PENALTY
    search[kernel.Q_PAYLOAD_TOLERANCE_KG] = PAYLOAD_TOLERANCE_KG
    search[kernel.Q_PAYLOAD_CAP_KG] = PAYLOAD_CAP_KG
    search[kernel.Q_RANGE_CAP_M] = RANGE_CAP_M
    search[kernel.Q_GLOBAL_REACH_M] = GLOBAL_REACH_M
    kick_grid = np.geomspace(optimize.KICK_BOUNDS_DEG[0], optimize.KICK_BOUNDS_DEG[1], optimize.SCAN_POINTS)
    return search, kick_grid, np.array(optimize.SCAN_TILTS_DEG, dtype=float)


@dataclass(frozen=True, slots=True)
class PackedVehicles:
    """Vehicles laid out for the batched kernels (core/batch.py)."""

    stages: np.ndarray
    stage_counts: np.ndarray
    vehicles: np.ndarray
    mach: np.ndarray
    cd: np.ndarray
    table_sizes: np.ndarray


def pack(vehicles: Sequence[Vehicle]) -> PackedVehicles:
    count = len(vehicles)
    inputs = [kernel_inputs(v) for v in vehicles]
    most_stages = max((len(v.stages) for v in vehicles), default=1)
    most_points = max((i.mach.size for i in inputs), default=2)
    stages = np.zeros((count, most_stages, STAGE_COLUMNS))
    stage_counts = np.zeros(count, dtype=np.int64)
    vehicle_rows = np.zeros((count, VEHICLE_FIELDS))
    mach = np.zeros((count, most_points))
    cd = np.zeros((count, most_points))
    table_sizes = np.zeros(count, dtype=np.int64)
    for row, item in enumerate(inputs):
        stages[row, : item.stages.shape[0]] = item.stages
        stage_counts[row] = item.stages.shape[0]
        vehicle_rows[row] = item.vehicle
        mach[row, : item.mach.size] = item.mach
        cd[row, : item.cd.size] = item.cd
        table_sizes[row] = item.mach.size
    return PackedVehicles(stages, stage_counts, vehicle_rows, mach, cd, table_sizes)


def assess_batched(vehicles: Sequence[Vehicle], targets: Targets, *, threads: bool = True) -> np.ndarray:
    """(len(vehicles), core.batch.ASSESS_FIELDS) results of the batched kernel; ballistic rockets only."""
    packed = pack(vehicles)
    rows = np.zeros((len(vehicles), kernel.TARGET_FIELDS))
    for row, vehicle in enumerate(vehicles):
        rows[row, kernel.T_THRESHOLD_PAYLOAD_KG] = targets.threshold_payload_kg
        rows[row, kernel.T_THRESHOLD_RANGE_M] = targets.threshold_range_m
        rows[row, kernel.T_MIN_PAYLOAD_KG] = targets.min_payload_kg
        rows[row, kernel.T_CATEGORY_II_RANGE_M] = targets.category_ii_range_m
        # assessment.curve_payloads: the curve's heaviest payload starts the search for a short one
        rows[row, kernel.T_TOP_PAYLOAD_KG] = 2.0 * max(
            vehicle.payload_kg, targets.threshold_payload_kg, targets.min_payload_kg
        )
        rows[row, kernel.T_PAYLOAD_SEARCH] = 1.0 if targets.payload_search else 0.0
        # a single stage's kick optimum does not depend on the start (measured: 1e-8 relative), so only
        # staged vehicles pay for visiting the curve
        rows[row, kernel.T_CURVE_POINTS] = targets.curve_points if len(vehicle.stages) > 1 else 0
    results = np.zeros((len(vehicles), kernel.ASSESS_FIELDS))
    if threads:
        # samples differ in cost (payload searches of different lengths): hand them out one at a time
        # rather than in equal static blocks, so no thread idles at the end of a chunk
        previous = numba.set_parallel_chunksize(1)
        try:
            _assess_kernel(kernel.assess_parallel, packed, rows, results)
        finally:
            numba.set_parallel_chunksize(previous)
    else:
        _assess_kernel(kernel.assess_serial, packed, rows, results)
    return results


def _assess_kernel(run: Callable[..., None], packed: PackedVehicles, rows: np.ndarray, results: np.ndarray) -> None:
    search, kick_grid, scan_tilts = search_settings()
    run(
        packed.stages,
        packed.stage_counts,
        packed.vehicles,
        DEFAULT_NUMERICS.as_array(),
        packed.mach,
        packed.cd,
        packed.table_sizes,
        rows,
        search,
        kick_grid,
        scan_tilts,
        results,
    )


def _scalar_row(vehicle: Vehicle, targets: Targets) -> tuple[float, float, float, float, float]:
    """(range at threshold, range at least payload, payload to range, category code, trajectories) by assess()."""
    annex = load_annex(targets.edition)
    result = assess(
        vehicle, annex, curve_points=targets.curve_points or DEFAULT_CURVE_POINTS, min_payload_kg=targets.min_payload_kg
    )

    def reach(orbital: bool, status: FlightStatus, range_m: float | None) -> float:
        if orbital:
            return math.inf
        return (range_m or 0.0) if status is FlightStatus.IMPACT else 0.0

    at = result.at_threshold_payload
    lightest = result.lightest
    payload = result.payload_to_threshold_range_kg
    if result.reaches_threshold_range_with_any_payload:
        payload_value = math.inf
    else:
        payload_value = math.nan if payload is None else payload
    return (
        reach(at.orbital, at.status, at.range_m),
        reach(lightest.orbital, lightest.status, lightest.range_m),
        payload_value,
        _CODE_OF[result.category],
        float(result.evaluations),
    )


def _batchable(vehicle: Vehicle) -> bool:
    # Only ballistic rockets have a batched path; any other kind (cruise missiles, UAVs) is assessed by
    # the scalar assess(), whatever it dispatches to.
    return isinstance(vehicle, Vehicle) and vehicle.kind is VehicleKind.BALLISTIC and bool(vehicle.stages)


def evaluate_designs(designs: Designs, threads: bool) -> DesignResults:
    """Assess every design point of a chunk (the chunk function of every engine)."""
    rows = designs.values.shape[0]
    out = [np.full(rows, np.nan) for _ in range(3)]
    category = np.full(rows, np.nan)
    method = np.zeros(rows)
    trajectories = np.zeros(rows)
    vehicles: list[Vehicle] = []
    for row in range(rows):
        try:
            vehicles.append(
                parse_vehicle(
                    document_with(designs.document, designs.paths, designs.values[row]),
                    source=f"{designs.source} (design point {designs.first_row + row})",
                )
            )
        except DataFileError as exc:
            return DesignResults(
                out[0],
                out[1],
                out[2],
                category,
                method,
                trajectories,
                (exc.field or "", exc.problem, designs.first_row + row),
            )
        except InputError as exc:
            return DesignResults(
                out[0],
                out[1],
                out[2],
                category,
                method,
                trajectories,
                (exc.field, exc.problem, designs.first_row + row),
            )
    targets = designs.targets
    batched = [row for row, v in enumerate(vehicles) if targets.evaluation is Evaluation.BATCHED and _batchable(v)]
    if batched:
        results = assess_batched([vehicles[row] for row in batched], targets, threads=threads)
        for index, row in enumerate(batched):
            result = results[index]
            if result[kernel.A_NEEDS_SCALAR] > 0.0:
                continue  # left for the scalar assessment below
            out[0][row] = result[kernel.A_RANGE_AT_THRESHOLD_M]
            out[1][row] = result[kernel.A_RANGE_AT_MIN_PAYLOAD_M]
            out[2][row] = result[kernel.A_PAYLOAD_TO_RANGE_KG]
            category[row] = result[kernel.A_CATEGORY]
            method[row] = 0.0
            trajectories[row] = result[kernel.A_TRAJECTORIES]
    for row in range(rows):
        if not math.isnan(category[row]):
            continue
        at, lightest, payload, code, flown = _scalar_row(vehicles[row], targets)
        out[0][row], out[1][row], out[2][row] = at, lightest, payload
        category[row], method[row], trajectories[row] = code, 1.0, flown
    return DesignResults(out[0], out[1], out[2], category, method, trajectories)


def evaluate(
    source: str,
    document: Mapping[str, object],
    paths: Sequence[str],
    values: np.ndarray,
    targets: Targets,
    engine: EngineSettings = EngineSettings(),  # noqa: B008 - frozen, immutable default
    progress: Callable[[int], None] | None = None,
) -> DesignResults:
    """Assess every row of ``values`` (design points: ``paths`` of ``document`` set to the row), in chunks
    (scaleout.chunk_rows) on the engine given; ``progress(n)`` after each chunk of n rows. Raises
    DataFileError naming the field of the first invalid design point."""
    base = _copy(dict(document))
    assert isinstance(base, dict)
    values = np.asarray(values, dtype=float).reshape(len(values), len(paths))
    bounds = chunk_bounds(values.shape[0])
    chunks = [Designs(source, base, tuple(paths), values[start:stop], start, targets) for start, stop in bounds]
    sizes = [stop - start for start, stop in bounds]
    parts = map_chunks(
        evaluate_designs, chunks, engine, None if progress is None else (lambda index: progress(sizes[index]))
    )
    for part in parts:
        if part.error is not None:
            where, problem, row = part.error
            raise DataFileError(f"{source} (design point {row})", problem, field=where or None)
    if not parts:
        empty = np.zeros(0)
        return DesignResults(empty, empty, empty, empty, empty, empty)
    return DesignResults(
        *(np.concatenate([getattr(p, name) for p in parts]) for name in _RESULT_ARRAYS),  # type: ignore[arg-type]
    )


_RESULT_ARRAYS = (
    "range_at_threshold_m",
    "range_at_min_payload_m",
    "payload_to_range_kg",
    "category",
    "method",
    "trajectories",
)


# --- Monte Carlo ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probability:
    """A probability estimated from ``successes`` of ``trials``, with its binomial confidence interval."""

    estimate: float
    low: float
    high: float
    successes: int
    trials: int
    confidence: float = CONFIDENCE
    interval_method: str = "Wilson score"

    @property
    def standard_error(self) -> float:
        return math.sqrt(self.estimate * (1.0 - self.estimate) / self.trials)


def probability(successes: int, trials: int, confidence: float = CONFIDENCE) -> Probability:
    interval = stats.binomtest(successes, trials).proportion_ci(confidence_level=confidence, method="wilson")
    return Probability(successes / trials, float(interval.low), float(interval.high), successes, trials, confidence)


@dataclass(frozen=True, slots=True)
class Percentiles:
    """5th, 50th and 95th percentiles; None where the value is unbounded (orbital, any payload)."""

    p5: float | None
    p50: float | None
    p95: float | None


def frozen_takeoff_mass(document: dict[str, object], paths: Sequence[str], nominal: Vehicle) -> dict[str, object]:
    """``document`` with its cruise take-off mass limit written out, when the payload varies and the file
    leaves the limit to its default (empty + nominal payload + fuel capacity): otherwise every payload
    drawn or swept would move the limit with it, and with it the verdict."""
    if nominal.cruise is None or nominal.cruise.max_takeoff_given or "payload_kg" not in paths:
        return document
    fixed = _copy(document)
    if not isinstance(fixed, dict) or not isinstance(fixed.get("cruise"), dict):
        return document
    fixed["cruise"]["max_takeoff_kg"] = nominal.cruise.max_takeoff_kg
    return fixed


def model_version_for(vehicle: Vehicle) -> str:
    """The physics model that assesses ``vehicle``: the flight model, or the cruise model for kind: cruise."""
    return CRUISE_MODEL_VERSION if vehicle.kind is VehicleKind.CRUISE else MODEL_VERSION


def percentiles(values: np.ndarray) -> Percentiles:
    finite = bool(np.all(np.isfinite(values)))
    # with unbounded samples, interpolating between a number and infinity is meaningless: take sample values
    found = np.percentile(values, [5, 50, 95], method="linear" if finite else "inverted_cdf")
    p5, p50, p95 = (float(v) if math.isfinite(v) else None for v in found)
    return Percentiles(p5, p50, p95)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One design point's result. Ranges in m (orbital: half the circumference, global reach, as the
    classifier counts it). Payload to the threshold range in kg: 0 when no payload reaches it; None when
    not computed (no payload search) or when every payload it can lift reaches it (then
    ``reaches_with_any_payload``)."""

    range_at_threshold_payload_m: float
    orbital_at_threshold_payload: bool
    range_at_min_payload_m: float
    payload_to_threshold_range_kg: float | None
    reaches_with_any_payload: bool
    category: Category
    method: PointMethod


def _outcome(results: DesignResults, row: int, payload_search: bool) -> Outcome:
    at = float(results.range_at_threshold_m[row])
    payload: float | None = float(results.payload_to_range_kg[row])
    unbounded = payload_search and payload is not None and math.isinf(payload)
    if not payload_search or unbounded:
        payload = None
    elif payload is not None and math.isnan(payload):
        payload = 0.0
    return Outcome(
        range_at_threshold_payload_m=min(at, GLOBAL_REACH_M),
        orbital_at_threshold_payload=math.isinf(at),
        range_at_min_payload_m=min(float(results.range_at_min_payload_m[row]), GLOBAL_REACH_M),
        payload_to_threshold_range_kg=payload,
        reaches_with_any_payload=unbounded,
        category=_CATEGORY_CODES[float(results.category[row])],
        method=list(PointMethod)[int(results.method[row])],
    )


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """One input's influence: one-at-a-time swing on the nominal vehicle, and rank correlation in the samples."""

    path: str
    unit: str
    rank: int  # 1 = the largest swing of range at the threshold payload
    low_value: float  # the input's 5th percentile
    high_value: float  # its 95th percentile
    at_low: Outcome
    at_high: Outcome
    swing_m: float  # |range at the threshold payload, high - low|
    moves_verdict: bool  # the category at either end differs from the nominal's
    rank_correlation: float | None  # Spearman, samples' input vs range at the threshold payload; None if constant


@dataclass(frozen=True, slots=True)
class SampleTable:
    """Every sample: the inputs drawn (by field path, in each field's unit) and the results, column-wise."""

    inputs: dict[str, tuple[float, ...]]
    range_at_threshold_payload_m: tuple[float, ...]
    orbital_at_threshold_payload: tuple[bool, ...]
    range_at_min_payload_m: tuple[float, ...]
    payload_to_threshold_range_kg: tuple[float | None, ...]
    category: tuple[Category, ...]
    method: tuple[PointMethod, ...]


@dataclass(frozen=True, slots=True)
class MonteCarloResult:
    """Probability of each category, spreads and sensitivities, with everything needed to reproduce them."""

    vehicle: str
    source: str
    inputs: tuple[UncertainInput, ...]
    samples: int
    seed: int
    sampling: str
    evaluation: Evaluation
    engine: str
    model_version: str
    uncertainty_version: str
    thresholds: Thresholds
    min_payload_kg: float
    payload_search: bool
    nominal: Outcome
    probability_category_i: Probability
    probability_category_ii: Probability
    probability_below: Probability
    range_at_threshold_payload_m: Percentiles
    payload_to_threshold_range_kg: Percentiles | None  # None without the payload search
    sensitivity: tuple[Sensitivity, ...]
    batched_points: int
    scalar_points: int
    trajectories: int
    table: SampleTable = field(repr=False)


def monte_carlo(
    vehicle: UncertainVehicle,
    annex: Annex,
    *,
    samples: int,
    seed: int,
    edition: str | None = None,
    min_payload_kg: float = 0.0,
    engine: EngineSettings = EngineSettings(),  # noqa: B008 - frozen, immutable default
    evaluation: Evaluation = Evaluation.BATCHED,
    payload_search: bool = True,
    sensitivity: bool = True,
    progress: Callable[[int], None] | None = None,
) -> MonteCarloResult:
    """Monte Carlo capability assessment of ``vehicle`` against ``annex`` (loaded from ``edition``, which
    workers use to load it again where a scalar assessment is needed; default: ``annex.id``).

    Design points, in this order: the nominal vehicle; each input at its 5th and 95th percentile with
    the others nominal (if ``sensitivity``); the ``samples`` random draws. ``progress(n)`` after each
    chunk of n design points.
    """
    if not math.isfinite(min_payload_kg) or min_payload_kg < 0:
        raise InputError("min_payload_kg", f"must be a number >= 0, got {min_payload_kg!r}")
    thresholds = thresholds_for(vehicle.nominal_vehicle(), annex)
    if min_payload_kg > thresholds.payload_kg:
        raise InputError("min_payload_kg", f"{min_payload_kg:g} kg is above the Category I payload")
    drawn = vehicle.draw(samples, seed)
    nominal = vehicle.nominal_values()
    rows = [nominal]
    swings: list[tuple[float, float]] = []
    if sensitivity:
        for column, item in enumerate(vehicle.inputs):
            low, high = (float(v) for v in item.distribution.quantile(np.array(SWING_QUANTILES)))
            swings.append((low, high))
            for value in (low, high):
                row = nominal.copy()
                row[column] = value
                rows.append(row)
    design = np.vstack([np.array(rows).reshape(len(rows), len(vehicle.inputs)), drawn])
    targets = Targets.of(
        thresholds,
        edition or annex.id,
        min_payload_kg=min_payload_kg,
        payload_search=payload_search,
        evaluation=evaluation,
    )
    document = frozen_takeoff_mass(vehicle.document, vehicle.paths, vehicle.nominal_vehicle())
    results = evaluate(vehicle.source, document, vehicle.paths, design, targets, engine, progress)
    first = 1 + 2 * len(swings)
    mc = slice(first, first + samples)
    codes = results.category[mc]
    at_threshold = np.minimum(results.range_at_threshold_m[mc], GLOBAL_REACH_M)
    payloads = results.payload_to_range_kg[mc]
    nominal_outcome = _outcome(results, 0, payload_search)
    table_outcomes = [_outcome(results, row, payload_search) for row in range(first, first + samples)]
    sensitivities: list[Sensitivity] = []
    for column, item in enumerate(vehicle.inputs if sensitivity else ()):
        at_low = _outcome(results, 1 + 2 * column, payload_search)
        at_high = _outcome(results, 2 + 2 * column, payload_search)
        correlation = None
        if samples > 2 and np.ptp(drawn[:, column]) > 0 and np.ptp(at_threshold) > 0:
            correlation = float(stats.spearmanr(drawn[:, column], at_threshold).statistic)
        sensitivities.append(
            Sensitivity(
                path=item.path,
                unit=item.distribution.unit,
                rank=0,
                low_value=swings[column][0],
                high_value=swings[column][1],
                at_low=at_low,
                at_high=at_high,
                swing_m=abs(at_high.range_at_threshold_payload_m - at_low.range_at_threshold_payload_m),
                moves_verdict=nominal_outcome.category not in (at_low.category, at_high.category)
                or at_low.category != at_high.category,
                rank_correlation=correlation,
            )
        )
    ordered = sorted(sensitivities, key=lambda s: (-s.swing_m, s.path))
    ranked = tuple(replace(s, rank=rank) for rank, s in enumerate(ordered, start=1))
    method_codes = results.method
    return MonteCarloResult(
        vehicle=vehicle.name,
        source=vehicle.source,
        inputs=vehicle.inputs,
        samples=samples,
        seed=seed,
        sampling="inverse-CDF transform of numpy Generator(PCG64(SeedSequence(seed))).random((samples, inputs)), "
        "drawn in the calling process",
        evaluation=evaluation,
        engine=engine.describe(),
        model_version=model_version_for(vehicle.nominal_vehicle()),
        uncertainty_version=UNCERTAINTY_VERSION,
        thresholds=thresholds,
        min_payload_kg=min_payload_kg,
        payload_search=payload_search,
        nominal=nominal_outcome,
        probability_category_i=probability(int(np.sum(codes == kernel.CATEGORY_I)), samples),
        probability_category_ii=probability(int(np.sum(codes == kernel.CATEGORY_II)), samples),
        probability_below=probability(int(np.sum(codes == kernel.BELOW)), samples),
        # raw values: orbital samples stay unbounded (inf), so no percentile is interpolated towards the cap
        range_at_threshold_payload_m=percentiles(results.range_at_threshold_m[mc]),
        payload_to_threshold_range_kg=percentiles(np.nan_to_num(payloads, nan=0.0, posinf=np.inf))
        if payload_search
        else None,
        sensitivity=ranked,
        batched_points=int(np.sum(method_codes == 0.0)),
        scalar_points=int(np.sum(method_codes == 1.0)),
        trajectories=int(np.sum(results.trajectories)),
        table=SampleTable(
            inputs={item.path: tuple(float(v) for v in drawn[:, column]) for column, item in enumerate(vehicle.inputs)},
            range_at_threshold_payload_m=tuple(o.range_at_threshold_payload_m for o in table_outcomes),
            orbital_at_threshold_payload=tuple(o.orbital_at_threshold_payload for o in table_outcomes),
            range_at_min_payload_m=tuple(o.range_at_min_payload_m for o in table_outcomes),
            payload_to_threshold_range_kg=tuple(o.payload_to_threshold_range_kg for o in table_outcomes),
            category=tuple(o.category for o in table_outcomes),
            method=tuple(o.method for o in table_outcomes),
        ),
    )
