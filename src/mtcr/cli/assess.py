"""``mtcr assess`` and ``mtcr systems``: range-payload capability of rocket systems, from physics."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from mtcr.annex.loader import load
from mtcr.cli.common import EditionOption, JsonOption, console, domain_errors, emit_json, error_console
from mtcr.cli.uncertainty import EngineOption, SchedulerOption, WorkersOption, engine_settings, run_monte_carlo
from mtcr.errors import InputError
from mtcr.physics.assessment import (
    Assessment,
    Category,
    assess,
    classify_assessment,
    curve_payloads,
    rocket_thresholds,
)
from mtcr.physics.catalogue import catalogue
from mtcr.physics.optimize import MaxRange
from mtcr.physics.scaleout import Engine
from mtcr.physics.trajectory import FlightStatus
from mtcr.physics.uncertainty import resolve_nominal_vehicle
from mtcr.physics.vehicle import Launch, Vehicle

_CATEGORY_STYLE = {Category.CATEGORY_I: "bold red", Category.CATEGORY_II: "bold yellow", Category.BELOW: "green"}


def _km(metres: float) -> str:
    return f"{metres / 1e3:,.1f} km"


def _status_range(orbital: bool, status: FlightStatus, range_m: float | None) -> str:
    if orbital:
        return "orbital (global reach)"
    if status is FlightStatus.IMPACT and range_m is not None:
        return _km(range_m)
    if status is FlightStatus.CRASHED and range_m is not None:
        return f"{_km(range_m)} (crashed during the boost)"
    return str(status)


def _range(result: MaxRange) -> str:
    return _status_range(result.orbital, result.status, result.range_m)


def assess_command(
    targets: Annotated[
        list[str],
        typer.Argument(help="Vehicle files (mtcr-vehicle/1, YAML or JSON) or catalogue names (see mtcr systems)."),
    ],
    curve: Annotated[bool, typer.Option("--curve", help="Also print the range-payload curve point by point.")] = False,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            help="Write the trajectory and range-payload plots to this .png, .svg or .pdf file "
            "(with --samples: verdict probabilities, range histogram and tornado chart).",
        ),
    ] = None,
    points: Annotated[
        int, typer.Option("--points", help="Payloads on the range-payload curve (2 to 200).", min=2, max=200)
    ] = 16,
    min_payload: Annotated[
        float,
        typer.Option("--min-payload", help="Lightest credible payload in kg, for 'range with any payload'.", min=0),
    ] = 0.0,
    latitude: Annotated[
        float | None,
        typer.Option("--latitude", help="Launch latitude in degrees: turns on the Earth's rotation."),
    ] = None,
    azimuth: Annotated[
        float | None, typer.Option("--azimuth", help="Launch azimuth in degrees from north (with --latitude).")
    ] = None,
    samples: Annotated[
        int | None,
        typer.Option(
            "--samples",
            help="Monte Carlo over the distributions in the vehicle file: this many samples (docs/uncertainty.md).",
            min=1,
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Monte Carlo seed: the same seed gives the same result.", min=0)
    ] = 0,
    engine: EngineOption = Engine.LOCAL,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Assess range-payload capability: maximum range, range with 500 kg, payload to 300 km, and the verdict.

    Several targets make a batch with a summary table. The thresholds are those of the edition or
    regime (-e): MTCR 500 kg / 300 km by default.

    Example: mtcr assess m-11

    Example: mtcr assess scud-b --curve --plot scud-b.png

    Example: mtcr assess my-missile.yaml -e strict-bilateral --json

    With --samples, a Monte Carlo over the file's distributions: probability of each category,
    percentiles, sensitivity ranking (tornado chart with --plot).

    Example: mtcr assess scud-b-uncertain.yaml --samples 1000 --seed 1 --plot scud-mc.png
    """
    with domain_errors():
        if samples is not None:
            if len(targets) > 1:
                raise InputError("--samples", "runs one vehicle at a time; give a single target")
            if curve or latitude is not None or azimuth is not None or points != 16:
                raise InputError("--samples", "does not combine with --curve, --points, --latitude or --azimuth")
            settings = engine_settings(engine, scheduler, workers)
            run_monte_carlo(
                targets[0],
                samples=samples,
                seed=seed,
                settings=settings,
                min_payload=min_payload,
                edition=edition,
                sensitivity=True,
                plot=plot,
                json=json,
            )
            return
        engine_settings(engine, scheduler, workers)
        if engine is not Engine.LOCAL:
            raise InputError("--engine", "applies to the Monte Carlo (--samples)")
        if plot is not None and len(targets) > 1:
            raise InputError("--plot", "plots one vehicle at a time; give a single target")
        if azimuth is not None and latitude is None:
            raise InputError("--azimuth", "needs --latitude (the launch point) as well")
        if latitude is not None and not -90 <= latitude <= 90:
            raise InputError("--latitude", f"must be between -90 and 90 degrees, got {latitude:g}")
        if azimuth is not None and not 0 <= azimuth < 360:
            raise InputError("--azimuth", f"must be in [0, 360) degrees, got {azimuth:g}")
        if plot is not None:
            from mtcr.reports.capability import PLOT_FORMATS

            if plot.suffix.lower() not in PLOT_FORMATS:
                raise InputError("--plot", f"{plot.name!r}: the file name must end in {', '.join(PLOT_FORMATS)}")
        annex = load(edition)
        thresholds = rocket_thresholds(annex)
        vehicles = [_with_launch(resolve_nominal_vehicle(target), latitude, azimuth) for target in targets]
        results: list[Assessment] = []
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=error_console,
            transient=True,
            disable=json and not error_console.is_terminal,
        ) as progress:
            for vehicle in vehicles:
                total = len(curve_payloads(vehicle, thresholds, points, min_payload)) + 2
                task = progress.add_task(escape(vehicle.name), total=total)

                def advance(label: str, task_id: TaskID = task) -> None:
                    progress.advance(task_id)

                results.append(
                    assess(vehicle, annex, curve_points=points, min_payload_kg=min_payload, progress=advance)
                )
                progress.update(task, completed=total)
        if plot is not None:
            from mtcr.reports.capability import plot_assessment  # matplotlib only when asked for

            plot_assessment(results[0], plot)
        if json:
            emit_json(
                [{"assessment": r, "classification": classify_assessment(annex, r)} for r in results]
                if len(results) > 1
                else {"assessment": results[0], "classification": classify_assessment(annex, results[0])}
            )
            return
        if len(results) == 1:
            _print_one(results[0], annex_curve=curve)
            console.print(f"Annex classification: {escape(classify_assessment(annex, results[0]).summary)}")
        else:
            _print_batch(results)
            if curve:
                for result in results:
                    _print_curve(result)
        if plot is not None:
            console.print(f"Plot written to {escape(str(plot))}")


def _with_launch(vehicle: Vehicle, latitude: float | None, azimuth: float | None) -> Vehicle:
    if latitude is None:
        return vehicle
    if vehicle.cruise is not None:  # the Breguet range is flown over a non-rotating Earth
        raise InputError("--latitude", f"{vehicle.name} is a cruise vehicle: Earth rotation is not modelled for it")
    return vehicle.with_launch(Launch(latitude, azimuth if azimuth is not None else 90.0, vehicle.launch.altitude_m))


def _print_one(result: Assessment, *, annex_curve: bool) -> None:
    v, t = result.vehicle, result.thresholds
    table = Table(title=escape(v.name), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    if v.path:
        table.add_row("file", escape(v.path))
    if v.cruise is not None:
        table.add_row("cruise", f"{v.cruise.engine}; launch mass {v.launch_mass_kg:,.0f} kg")
    else:
        table.add_row("stages", f"{len(v.stages)}; launch mass {v.launch_mass_kg:,.0f} kg")
    table.add_row(
        "thresholds",
        f"{t.payload_kg:,.0f} kg to {_km(t.range_m)} ({t.category_i_entry}); "
        f"{_km(t.category_ii_range_m)} with any payload ({t.category_ii_entry}); {t.regime}",
    )
    n = result.nominal
    table.add_row(f"range with {n.payload_kg:,.0f} kg (nominal)", _range(n))
    if n.status is FlightStatus.IMPACT:
        b = n.trajectory.burnout
        table.add_row(
            "  end of cruise" if v.cruise is not None else "  burnout",
            f"{b.time_s:.1f} s, {b.altitude_m / 1e3:.1f} km, {b.speed_m_s:,.0f} m/s, {b.flight_path_angle_deg:.1f} deg",
        )
        table.add_row(
            "  apogee, time of flight", f"{_km(n.trajectory.apogee_m)}, {n.trajectory.time_of_flight_s:.0f} s"
        )
    table.add_row(f"range with {t.payload_kg:,.0f} kg", _range(result.at_threshold_payload))
    payload = result.payload_to_threshold_range_kg
    shown = (
        "none" if payload is None else ("any payload it can lift" if payload == float("inf") else f"{payload:,.0f} kg")
    )
    table.add_row(f"payload to {_km(t.range_m)}", shown)
    table.add_row(f"range with any payload ({result.lightest.payload_kg:,.0f} kg)", _range(result.lightest))
    if result.range_margin_m is not None:
        table.add_row(
            "margin (range)", f"{result.range_margin_m / 1e3:+,.1f} km ({result.range_margin_m / t.range_m:+.1%})"
        )
    if result.payload_margin_kg is not None:
        table.add_row("margin (payload)", f"{result.payload_margin_kg:+,.0f} kg")
    style = _CATEGORY_STYLE[result.category]
    table.add_row("verdict", f"[{style}]{result.category}[/]" + ("  (borderline)" if result.borderline else ""))
    if v.reference is not None:
        table.add_row("published result", _reference_line(result))
    if v.catalogue is not None:
        table.add_row("confidence", f"{v.catalogue.confidence}: {escape(v.catalogue.uncertainty)}")
    flown = "Breguet evaluations" if v.cruise is not None else "trajectories"
    table.add_row("model", f"mtcr physics {result.model_version}; {result.evaluations} {flown}")
    console.print(table)
    for reason in result.reasons:
        console.print(f"  - {escape(reason)}")
    assumptions = dataclasses.asdict(result.assumptions)
    console.print("Assumptions:")
    for key, value in assumptions.items():
        console.print(f"  {key.replace('_', ' ')}: {escape(value)}")
    if annex_curve:
        _print_curve(result)


def _reference_line(result: Assessment) -> str:
    reference = result.vehicle.reference
    assert reference is not None
    if reference.orbital:
        verdict = "agrees" if result.nominal.orbital else "DISAGREES (mtcr finds a range)"
        return f"orbital ({escape(reference.source)}): {verdict}"
    computed = result.nominal.range_m
    if reference.range_km is None or computed is None:
        return escape(reference.source)
    deviation = computed / (reference.range_km * 1e3) - 1
    return f"{reference.range_km:,.0f} km ({escape(reference.source[:80])}); mtcr {deviation:+.1%}"


def _print_curve(result: Assessment) -> None:
    table = Table(title=f"Range-payload curve: {escape(result.vehicle.name)}", title_justify="left")
    table.add_column("payload", justify="right")
    table.add_column("maximum range", justify="right")
    guided = result.vehicle.cruise is None  # a cruise vehicle flies its given profile: no guidance angles
    if guided:
        table.add_column("kick (deg)", justify="right")
    staged = len(result.vehicle.stages) > 1
    if staged:
        table.add_column("tilt (deg)", justify="right")
    for point in result.curve:
        cells = [f"{point.payload_kg:,.0f} kg", _status_range(point.orbital, point.status, point.range_m)]
        if guided:
            cells.append("" if point.orbital else f"{point.kick_deg:.2f}")
        if staged:
            cells.append("" if point.orbital else f"{point.tilt_deg:.2f}")
        table.add_row(*cells)
    console.print(table)


def _print_batch(results: list[Assessment]) -> None:
    t = results[0].thresholds
    table = Table(title=f"Capability assessment ({t.regime})", title_justify="left")
    table.add_column("system")
    table.add_column("nominal payload", justify="right")
    table.add_column("range (nominal)", justify="right")
    table.add_column(f"range with {t.payload_kg:,.0f} kg", justify="right")
    table.add_column(f"payload to {_km(t.range_m)}", justify="right")
    table.add_column("verdict")
    for r in results:
        payload = r.payload_to_threshold_range_kg
        style = _CATEGORY_STYLE[r.category]
        table.add_row(
            escape(r.vehicle.name),
            f"{r.nominal.payload_kg:,.0f} kg",
            _range(r.nominal),
            _range(r.at_threshold_payload),
            "any"
            if r.reaches_threshold_range_with_any_payload
            else ("none" if payload is None else f"{payload:,.0f} kg"),
            f"[{style}]{r.category}[/]" + (" (borderline)" if r.borderline else ""),
        )
    console.print(table)


def systems_command(json: JsonOption = False) -> None:
    """List the bundled catalogue of missile systems, with their names, confidence and published claims.

    Example: mtcr systems
    """
    with domain_errors():
        vehicles = catalogue()
        if json:
            emit_json([{"id": Path(v.path).stem, "name": v.name, "catalogue": v.catalogue} for v in vehicles])
            return
        table = Table(title="Catalogue (mtcr assess NAME)", title_justify="left")
        table.add_column("name")
        table.add_column("system")
        table.add_column("also known as")
        table.add_column("confidence")
        table.add_column("published claim", justify="right")
        for v in vehicles:
            info = v.catalogue
            claim = ""
            if info is not None and info.published_range_km is not None:
                claim = f"{info.published_range_km:,.0f} km"
                if info.published_payload_kg is not None:
                    claim += f" with {info.published_payload_kg:,.0f} kg"
            table.add_row(
                Path(v.path).stem,
                escape(v.name),
                escape(", ".join(info.aliases) if info else ""),
                str(info.confidence) if info else "",
                claim,
            )
        console.print(table)
