"""``mtcr sweep``: assess a grid of designs around a base vehicle, to Parquet or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from mtcr.annex.loader import load
from mtcr.cli.common import EditionOption, JsonOption, console, domain_errors, emit_json
from mtcr.cli.uncertainty import EngineOption, SchedulerOption, WorkersOption, engine_settings, progress_bar
from mtcr.errors import InputError
from mtcr.physics.scaleout import Engine
from mtcr.physics.sweep import load_sweep, run_sweep, write_table

PREVIEW_ROWS = 20


def sweep_command(
    spec: Annotated[Path, typer.Argument(help="Sweep spec (mtcr-sweep/1, YAML or JSON): base vehicle and grid.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write every row to this .parquet or .csv file.")
    ] = None,
    engine: EngineOption = Engine.LOCAL,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Sweep a design grid: the range-payload verdict of every combination of the grid's field values.

    The spec names a base vehicle (file or catalogue name) and, per field path, the values to try;
    each row gives the range with the threshold payload, the payload to the threshold range and the
    verdict. See docs/uncertainty.md for the spec format.

    Example: mtcr sweep scud-grid.yaml --out scud-grid.parquet

    Example: mtcr sweep scud-grid.yaml --out scud-grid.csv --engine dask --scheduler tcp://10.0.0.5:8786
    """
    with domain_errors():
        if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
            raise InputError("--out", f"{out.name!r}: the file name must end in .csv or .parquet")
        settings = engine_settings(engine, scheduler, workers)
        sweep = load_sweep(spec)
        annex = load(edition)
        with progress_bar(f"{sweep.vehicle_name}: sweep", sweep.points, quiet=json) as advance:
            result = run_sweep(sweep, annex, edition=edition, engine=settings, progress=advance)
        if out is not None:
            write_table(result, out)
        columns = result.columns()
        if json:
            emit_json(
                {
                    "spec": sweep.source,
                    "vehicle": sweep.vehicle_source,
                    "thresholds": result.thresholds,
                    "engine": result.engine,
                    "model_version": result.model_version,
                    "uncertainty_version": result.uncertainty_version,
                    "rows": columns,
                }
            )
            return
        table = Table(
            title=f"Sweep of {escape(sweep.vehicle_name)}: {sweep.points:,} design points ({result.thresholds.regime})",
            title_justify="left",
        )
        names = [*sweep.paths, "range_at_threshold_payload_m", "payload_to_threshold_range_kg", "category"]
        for name in names:
            table.add_column(escape(name), justify="left" if name == "category" else "right")
        for row in range(min(sweep.points, PREVIEW_ROWS)):
            cells = []
            for name in names:
                value = columns[name][row]
                cells.append(
                    escape(f"{value:,.6g}" if isinstance(value, float) else str(value if value is not None else ""))
                )
            table.add_row(*cells)
        console.print(table)
        if sweep.points > PREVIEW_ROWS:
            console.print(
                f"... {sweep.points - PREVIEW_ROWS:,} more rows" + ("" if out else " (write them all with --out)")
            )
        if out is not None:
            console.print(f"{sweep.points:,} rows written to {escape(str(out))}")
