"""Capability assessment in the browser: pick a catalogue system or edit a vehicle file, see the verdict,
the interactive range-payload curve and the range-maximising trajectory at the threshold payload."""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from mtcr import annex
from mtcr.errors import DataFileError, InputError, NotFoundError
from mtcr.physics import Assessment, assess, catalogue, find_system
from mtcr.physics.assessment import DEFAULT_CURVE_POINTS
from mtcr.physics.uncertainty import (
    MonteCarloResult,
    UncertainVehicle,
    find_distributions,
    monte_carlo,
    uncertain_vehicle,
)
from mtcr.physics.vehicle import parse_vehicle
from mtcr.web.deps import FormUserDep, UserDep
from mtcr.web.jobs import Progress
from mtcr.web.pages.jobs import job_view, runner
from mtcr.web.rendering import render

router = APIRouter()
MAX_VEHICLE_TEXT = 100_000
MAX_CURVE_POINTS = 24
DEFAULT_SAMPLES = 500
MAX_SAMPLES = 5_000
BUSY_WAIT_S = 30.0
_ASSESSING = threading.BoundedSemaphore(2)
DEFAULT_SYSTEM = "scud-b"


EXAMPLES = Path(str(resources.files("mtcr.data") / "examples"))
EXAMPLE_PREFIX = "example:"


def _systems() -> list[tuple[str, str]]:
    examples = [(EXAMPLE_PREFIX + path.stem, f"Example: {path.stem}") for path in sorted(EXAMPLES.glob("*.yaml"))]
    return [(Path(v.path).stem, v.name) for v in catalogue()] + examples


def _file_text(system: str) -> str:
    """A catalogue system's file, or a bundled example's (names only: never a path from the browser)."""
    if system.startswith(EXAMPLE_PREFIX):
        wanted = system.removeprefix(EXAMPLE_PREFIX)
        for path in EXAMPLES.glob("*.yaml"):
            if path.stem == wanted:
                return path.read_text(encoding="utf-8")
        raise NotFoundError("example", wanted)
    return Path(find_system(system).path).read_text(encoding="utf-8")


def document_from_text(text: str) -> dict[str, object]:
    """The editor's YAML (or JSON) text as a mapping; DataFileError naming the problem when it is not one.

    Anchors and aliases are refused: a vehicle file never needs them, and from a browser they are the way
    to make a few hundred bytes expand into gigabytes."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = f" (line {event.start_mark.line + 1})" if event.start_mark is not None else ""
                raise DataFileError("vehicle", f"YAML aliases are not accepted{line}")
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise DataFileError("vehicle", f"not valid YAML{where}") from None
    except RecursionError:
        raise DataFileError("vehicle", "nested too deeply to be a vehicle file") from None
    if not isinstance(data, dict):
        raise DataFileError("vehicle", "expected a mapping of fields (format: mtcr-vehicle/1, ...)")
    return data


def chart_data(result: Assessment) -> dict[str, Any]:
    points = [p for p in result.curve if p.range_m is not None]
    samples = result.at_threshold_payload.trajectory.samples
    return {
        "curve": {
            "system": result.vehicle.name,
            "category": result.category.value,
            "payload_kg": [p.payload_kg for p in points],
            "range_km": [p.range_m / 1000 for p in points if p.range_m is not None],
        },
        "trajectory": {
            "title": f"Trajectory with {result.at_threshold_payload.payload_kg:,.0f} kg",
            "trajectory": {
                "downrange_km": [row[1] / 1000 for row in samples],
                "altitude_km": [row[2] / 1000 for row in samples],
            },
        }
        if samples
        else None,
    }


@router.get("/assess")
def assess_page(request: Request, _user: UserDep) -> Response:
    return render(
        request,
        "assess.html",
        {
            "title": "Capability assessment",
            "systems": _systems(),
            "chosen": DEFAULT_SYSTEM,
            "text": _file_text(DEFAULT_SYSTEM),
        },
    )


@router.get("/assess/vehicle")
def vehicle_text(request: Request, _user: UserDep, system: Annotated[str, Query(max_length=100)]) -> Response:
    """The editor filled with a catalogue system's file (HTMX swaps it in)."""
    return render(request, "_vehicle_editor.html", {"text": _file_text(system)})


@router.post("/assess")
def run_assessment(
    request: Request,
    user: FormUserDep,
    vehicle: Annotated[str, Form(min_length=1, max_length=MAX_VEHICLE_TEXT)],
    curve_points: Annotated[int, Form(ge=3, le=MAX_CURVE_POINTS)] = DEFAULT_CURVE_POINTS,
    samples: Annotated[int, Form(ge=10, le=MAX_SAMPLES)] = DEFAULT_SAMPLES,
    seed: Annotated[int, Form(ge=0, le=2**32 - 1)] = 1,
) -> Response:
    document = document_from_text(vehicle)
    if find_distributions(document, source="vehicle"):
        return _start_monte_carlo(request, user.id, uncertain_vehicle(document, source="vehicle"), samples, seed)
    parsed = parse_vehicle(document, source="vehicle")
    # a few assessments at a time: each holds a core for up to seconds, and the pages must stay responsive
    if not _ASSESSING.acquire(timeout=BUSY_WAIT_S):
        raise InputError("vehicle", "the server is busy with other assessments: try again in a moment")
    try:
        result = assess(parsed, annex.load(), curve_points=curve_points)
    finally:
        _ASSESSING.release()
    charts = chart_data(result)
    return render(
        request,
        "_assessment.html",
        {"result": result, "curve": charts["curve"], "trajectory": charts["trajectory"]},
    )


def _start_monte_carlo(request: Request, owner: int, uncertain: UncertainVehicle, samples: int, seed: int) -> Response:
    """Monte Carlo runs as a background job (one at a time on the server) with a progress bar."""
    edition = annex.load()
    points = 1 + 2 * len(uncertain.inputs) + samples

    def work(progress: Progress) -> dict[str, Any]:
        result = monte_carlo(uncertain, edition, samples=samples, seed=seed, progress=progress)
        return {"mc": result, "charts": monte_carlo_charts(result)}

    job = runner(request).start(owner, f"Monte Carlo, {samples:,} samples", points, "_monte_carlo.html", work)
    return job_view(request, job)


def monte_carlo_charts(result: MonteCarloResult) -> dict[str, Any]:
    """Histogram of range at the threshold payload and the tornado of the inputs' swings, for Plotly."""
    ranges = [value / 1000 for value in result.table.range_at_threshold_payload_m]
    nominal_km = result.nominal.range_at_threshold_payload_m / 1000
    bars = sorted(result.sensitivity, key=lambda s: s.swing_m)
    return {
        "histogram": {"range_km": ranges, "threshold_km": result.thresholds.range_m / 1000},
        "tornado": {
            "inputs": [item.path for item in bars],
            "low_km": [item.at_low.range_at_threshold_payload_m / 1000 - nominal_km for item in bars],
            "high_km": [item.at_high.range_at_threshold_payload_m / 1000 - nominal_km for item in bars],
            "nominal_km": nominal_km,
        },
    }
