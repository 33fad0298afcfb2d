"""Monte Carlo for ``mtcr assess FILE --samples N``, and the engine options shared with ``mtcr sweep``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from mtcr.annex.loader import load
from mtcr.cli.common import console, emit_json, error_console
from mtcr.errors import InputError
from mtcr.physics.assessment import Category
from mtcr.physics.scaleout import Engine, EngineSettings
from mtcr.physics.uncertainty import (
    MonteCarloResult,
    Outcome,
    Percentiles,
    Probability,
    load_uncertain_vehicle,
    monte_carlo,
)

_CATEGORY_STYLE = {Category.CATEGORY_I: "bold red", Category.CATEGORY_II: "bold yellow", Category.BELOW: "green"}

EngineOption = Annotated[
    Engine, typer.Option("--engine", help="Where to compute: local (all cores of this machine) or dask.")
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a new LocalCluster."),
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", help="Workers of the Dask LocalCluster (default: one per core).", min=1)
]


def engine_settings(engine: Engine, scheduler: str | None, workers: int | None) -> EngineSettings:
    if scheduler is not None and engine is not Engine.DASK:
        raise InputError("--scheduler", "needs --engine dask")
    if workers is not None and engine is not Engine.DASK:
        raise InputError("--workers", "needs --engine dask")
    if workers is not None and scheduler is not None:
        raise InputError("--workers", "sizes a new LocalCluster; an existing cluster (--scheduler) has its own workers")
    return EngineSettings(engine, scheduler, workers)


@contextmanager
def progress_bar(description: str, total: int, *, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr; yields ``advance(n)``."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=error_console,
        transient=True,
        disable=quiet and not error_console.is_terminal,
    ) as progress:
        task = progress.add_task(escape(description), total=total)
        yield lambda done: progress.advance(task, done)


def run_monte_carlo(
    target: str,
    *,
    samples: int,
    seed: int,
    settings: EngineSettings,
    min_payload: float,
    edition: str | None,
    sensitivity: bool,
    plot: Path | None,
    json: bool,
) -> None:
    """Load, run, print (or emit JSON), and plot. Domain errors propagate to the caller's domain_errors()."""
    if plot is not None:
        from mtcr.reports.uncertainty import PLOT_FORMATS

        if plot.suffix.lower() not in PLOT_FORMATS:
            raise InputError("--plot", f"{plot.name!r}: the file name must end in {', '.join(PLOT_FORMATS)}")
    vehicle = load_uncertain_vehicle(target)
    annex = load(edition)
    total = samples + 1 + (2 * len(vehicle.inputs) if sensitivity else 0)
    with progress_bar(f"{vehicle.name}: Monte Carlo", total, quiet=json) as advance:
        result = monte_carlo(
            vehicle,
            annex,
            samples=samples,
            seed=seed,
            edition=edition,
            min_payload_kg=min_payload,
            engine=settings,
            sensitivity=sensitivity,
            progress=advance,
        )
    if plot is not None:
        from mtcr.reports.uncertainty import plot_monte_carlo  # matplotlib only when asked for

        plot_monte_carlo(result, plot)
    if json:
        emit_json(result)
        return
    print_monte_carlo(result)
    if plot is not None:
        console.print(f"Plot written to {escape(str(plot))}")


def _km(metres: float | None) -> str:
    return "unbounded" if metres is None else f"{metres / 1e3:,.1f} km"


def _kg(kg: float | None) -> str:
    return "any payload" if kg is None else f"{kg:,.0f} kg"


def _spread(p: Percentiles, show: Callable[[float | None], str]) -> str:
    return f"{show(p.p50)} (5th-95th percentile {show(p.p5)} to {show(p.p95)})"


def _probability(p: Probability) -> str:
    return f"{p.estimate:.1%}  ({p.confidence:.0%} CI {p.low:.1%} to {p.high:.1%}; {p.successes}/{p.trials})"


def _outcome(o: Outcome) -> str:
    style = _CATEGORY_STYLE[o.category]
    return f"{_km(o.range_at_threshold_payload_m)} [{style}]{o.category}[/]"


def print_monte_carlo(result: MonteCarloResult) -> None:
    t = result.thresholds
    table = Table(title=f"{escape(result.vehicle)}: Monte Carlo", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("file", escape(result.source))
    table.add_row(
        "thresholds",
        f"{t.payload_kg:,.0f} kg to {_km(t.range_m)} ({t.category_i_entry}); "
        f"{_km(t.category_ii_range_m)} with any payload ({t.category_ii_entry}); {t.regime}",
    )
    for item in result.inputs:
        table.add_row(f"  {escape(item.path)}", escape(item.distribution.describe()))
    table.add_row("samples, seed", f"{result.samples:,}, seed {result.seed}")
    nominal = result.nominal
    table.add_row(
        "nominal vehicle",
        f"{_km(nominal.range_at_threshold_payload_m)} with {t.payload_kg:,.0f} kg: "
        f"[{_CATEGORY_STYLE[nominal.category]}]{nominal.category}[/]",
    )
    table.add_row(f"P({Category.CATEGORY_I})", _probability(result.probability_category_i))
    table.add_row(f"P({Category.CATEGORY_II})", _probability(result.probability_category_ii))
    table.add_row(f"P({Category.BELOW})", _probability(result.probability_below))
    table.add_row(f"range with {t.payload_kg:,.0f} kg", _spread(result.range_at_threshold_payload_m, _km))
    if result.payload_to_threshold_range_kg is not None:
        table.add_row(f"payload to {_km(t.range_m)}", _spread(result.payload_to_threshold_range_kg, _kg))
    table.add_row(
        "method",
        f"{result.batched_points:,} design points by the batched kernels, "
        f"{result.scalar_points:,} by the scalar assessment; {result.trajectories:,} trajectories; "
        f"engine {escape(result.engine)}; mtcr physics {result.model_version}, "
        f"uncertainty {result.uncertainty_version}",
    )
    console.print(table)
    if result.sensitivity:
        tornado = Table(
            title="Sensitivity (each input at its 5th / 95th percentile, others nominal)", title_justify="left"
        )
        tornado.add_column("rank", justify="right")
        tornado.add_column("input")
        tornado.add_column("5th percentile -> range, verdict", justify="right")
        tornado.add_column("95th percentile -> range, verdict", justify="right")
        tornado.add_column("swing", justify="right")
        tornado.add_column("moves verdict")
        tornado.add_column("rank correlation", justify="right")
        for s in result.sensitivity:
            unit = f" {s.unit}" if s.unit else ""
            tornado.add_row(
                str(s.rank),
                escape(s.path),
                f"{s.low_value:,.4g}{unit} -> {_outcome(s.at_low)}",
                f"{s.high_value:,.4g}{unit} -> {_outcome(s.at_high)}",
                _km(s.swing_m),
                "yes" if s.moves_verdict else "no",
                "" if s.rank_correlation is None else f"{s.rank_correlation:+.2f}",
            )
        console.print(tornado)
