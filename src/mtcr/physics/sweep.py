"""Parameter sweeps over designs: a base vehicle and a grid over its fields, assessed point by point.

Spec (``mtcr-sweep/1``, YAML or JSON)::

    format: mtcr-sweep/1
    vehicle: scud-b                  # a catalogue name, or a vehicle file (relative to this spec)
    min_payload_kg: 0                # optional, as mtcr assess --min-payload
    payload_search: true             # optional: also find the payload to the threshold range
    evaluation: batched              # optional: batched (default) or scalar (assess() per point)
    grid:                            # field path -> values: a list, or {from, to, steps}
      stages[0].propellant_kg: {from: 3000, to: 4500, steps: 4}
      stages[0].isp_s: [220, 230, "2.35 km/s"]

Values may carry units, as in vehicle files. The grid is the Cartesian product, in the order the
paths are written (the last path varies fastest). A base vehicle with distributions is swept
around its nominal values. Every design point goes through the strict vehicle loader.
"""

from __future__ import annotations

import csv
import importlib
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mtcr.annex import Annex
from mtcr.errors import DataFileError, InputError
from mtcr.physics.assessment import Category, Thresholds, thresholds_for
from mtcr.physics.scaleout import EngineSettings
from mtcr.physics.trajectory import GLOBAL_REACH_M
from mtcr.physics.uncertainty import (
    UNCERTAINTY_VERSION,
    DesignResults,
    Evaluation,
    PointMethod,
    Targets,
    document_path,
    evaluate,
    field_number,
    find_distributions,
    frozen_takeoff_mass,
    model_version_for,
    parse_path,
    read_document,
    uncertain_vehicle,
)

FORMAT = "mtcr-sweep/1"
MAX_POINTS = 1_000_000
MAX_STEPS = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SweepFile(_Strict):
    format: Literal["mtcr-sweep/1"]
    vehicle: str = Field(min_length=1)
    min_payload_kg: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.0
    payload_search: bool = True
    evaluation: Evaluation = Evaluation.BATCHED
    grid: dict[str, object] = Field(min_length=1)  # values checked in parse_sweep, which names the path


@dataclass(frozen=True, slots=True)
class SweepSpec:
    """A checked sweep: the base vehicle document and the grid values, in each field's unit."""

    source: str  # the spec file
    vehicle_source: str  # the base vehicle file
    vehicle_name: str
    document: dict[str, object]
    paths: tuple[str, ...]
    axes: tuple[tuple[float, ...], ...]  # values per path
    min_payload_kg: float
    payload_search: bool
    evaluation: Evaluation

    @property
    def points(self) -> int:
        return math.prod(len(axis) for axis in self.axes)

    def design_matrix(self) -> np.ndarray:
        """(points x paths): the Cartesian product, last path fastest."""
        return np.array(list(itertools.product(*self.axes)), dtype=float).reshape(self.points, len(self.paths))


def parse_sweep(data: Mapping[str, object], *, source: str = "<data>", base_dir: Path | None = None) -> SweepSpec:
    """Check a sweep spec (the base vehicle is loaded and checked too); DataFileError naming the field."""
    try:
        spec = SweepFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"] if part not in ("list[union[float,str]]", "RangeSpec"))
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown key (not part of {FORMAT})"
        raise DataFileError(source, message, field=where or None) from exc
    target = spec.vehicle
    if base_dir is not None and Path(target).suffix.lower() in (".yaml", ".yml", ".json"):
        candidate = Path(target)
        if not candidate.is_absolute():
            target = str(base_dir / candidate)
    vehicle_file = document_path(target)
    document = read_document(vehicle_file)
    base = uncertain_vehicle(document, source=str(vehicle_file))
    # a base with distributions is swept around its nominal values
    nominal_document = base.document_for(base.nominal_values()) if find_distributions(document) else base.document
    paths: list[str] = []
    axes: list[tuple[float, ...]] = []
    for path, values in spec.grid.items():
        try:
            parse_path(path)
        except InputError as exc:
            raise DataFileError(source, exc.problem, field=f"grid.{path}") from exc
        where = f"grid.{path}"
        if isinstance(values, Mapping):
            if set(values) != {"from", "to", "steps"}:
                raise DataFileError(source, "a range needs exactly from, to and steps", field=where)
            steps = values["steps"]
            if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
                raise DataFileError(source, f"steps must be a whole number from 1 to {MAX_STEPS}", field=where)
            low, high = (field_number(values[end], path, where, source) for end in ("from", "to"))
            axis = tuple(float(v) for v in np.linspace(low, high, steps))
        elif isinstance(values, list):
            if not values:
                raise DataFileError(source, "give at least one value", field=where)
            axis = tuple(field_number(v, path, where, source) for v in values)
        else:
            raise DataFileError(source, "expected a list of values or a range {from, to, steps}", field=where)
        paths.append(path)
        axes.append(axis)
    result = SweepSpec(
        source=source,
        vehicle_source=str(vehicle_file),
        vehicle_name=base.name,
        document=nominal_document,
        paths=tuple(paths),
        axes=tuple(axes),
        min_payload_kg=spec.min_payload_kg,
        payload_search=spec.payload_search,
        evaluation=spec.evaluation,
    )
    if result.points > MAX_POINTS:
        raise DataFileError(source, f"{result.points:,} design points; at most {MAX_POINTS:,}", field="grid")
    return result


def load_sweep(path: str | Path) -> SweepSpec:
    file = Path(path)
    return parse_sweep(read_document(file), source=str(file), base_dir=file.parent)


@dataclass(frozen=True, slots=True)
class SweepResult:
    """One row per design point: the grid values and the assessment, with the inputs that reproduce it."""

    spec: SweepSpec
    thresholds: Thresholds
    engine: str
    model_version: str
    uncertainty_version: str
    values: np.ndarray  # (points x paths)
    results: DesignResults

    def columns(self) -> dict[str, list[object]]:
        """Column name -> values: the grid paths, then the results (SI units in the names)."""
        columns: dict[str, list[object]] = {
            path: [float(v) for v in self.values[:, i]] for i, path in enumerate(self.spec.paths)
        }
        at = self.results.range_at_threshold_m
        payload = self.results.payload_to_range_kg
        methods = list(PointMethod)
        columns["range_at_threshold_payload_m"] = [float(min(v, GLOBAL_REACH_M)) for v in at]
        columns["orbital_at_threshold_payload"] = [bool(math.isinf(v)) for v in at]
        columns["range_at_min_payload_m"] = [float(min(v, GLOBAL_REACH_M)) for v in self.results.range_at_min_payload_m]
        # NaN: no payload reaches the range (0 kg); inf: any payload it can lift; empty without the search
        columns["payload_to_threshold_range_kg"] = [
            None
            if not self.spec.payload_search or math.isinf(v)  # inf: every payload reaches it (the docs' empty cell)
            else (0.0 if math.isnan(v) else float(v))
            for v in payload
        ]
        columns["category"] = [str(_CATEGORIES[float(code)]) for code in self.results.category]
        columns["method"] = [str(methods[int(code)]) for code in self.results.method]
        return columns


_CATEGORIES = {0.0: Category.CATEGORY_I, 1.0: Category.CATEGORY_II, 2.0: Category.BELOW}


def run_sweep(
    spec: SweepSpec,
    annex: Annex,
    *,
    edition: str | None = None,
    engine: EngineSettings = EngineSettings(),  # noqa: B008 - frozen, immutable default
    progress: Callable[[int], None] | None = None,
) -> SweepResult:
    """Assess every design point of ``spec`` against ``annex`` (``edition`` reloads it on workers)."""
    values = spec.design_matrix()
    nominal = uncertain_vehicle(spec.document, source=spec.vehicle_source).nominal_vehicle()
    thresholds = thresholds_for(nominal, annex)
    if spec.min_payload_kg > thresholds.payload_kg:
        raise InputError("min_payload_kg", f"{spec.min_payload_kg:g} kg is above the Category I payload")
    targets = Targets.of(
        thresholds,
        edition or annex.id,
        min_payload_kg=spec.min_payload_kg,
        payload_search=spec.payload_search,
        evaluation=spec.evaluation,
    )
    document = frozen_takeoff_mass(spec.document, spec.paths, nominal)
    results = evaluate(spec.vehicle_source, document, spec.paths, values, targets, engine, progress)
    version = model_version_for(nominal)
    return SweepResult(spec, thresholds, engine.describe(), version, UNCERTAINTY_VERSION, values, results)


def write_table(result: SweepResult, path: Path) -> Path:
    """Write the rows to ``path``: Parquet for .parquet (needs pyarrow), CSV for .csv."""
    columns = result.columns()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise InputError("--out", f"{path.name!r}: the file name must end in .csv or .parquet")
    try:
        if suffix == ".csv":
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(list(columns))
                writer.writerows(zip(*columns.values(), strict=True))
        else:
            _write_parquet(columns, path, result)
    except OSError as exc:
        raise InputError("--out", f"cannot write {str(path)!r}: {exc.strerror or exc}") from exc
    return path


def _write_parquet(columns: Mapping[str, Sequence[object]], path: Path, result: SweepResult) -> None:
    try:
        # no type information in pyarrow: handled as Any, here only
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise InputError("--out", "writing Parquet needs pyarrow (pip install pyarrow), or write .csv") from exc
    table = pa.table(dict(columns))
    metadata = {
        "mtcr.format": FORMAT,
        "mtcr.spec": result.spec.source,
        "mtcr.vehicle": result.spec.vehicle_source,
        "mtcr.regime": result.thresholds.regime,
        "mtcr.model_version": result.model_version,
        "mtcr.uncertainty_version": result.uncertainty_version,
    }
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata}), path)
