"""Plots of a Monte Carlo assessment: verdict probabilities, the spread of range at the threshold
payload, and the tornado chart of one-at-a-time sensitivities."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a window

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from mtcr.errors import InputError
from mtcr.physics.assessment import Category
from mtcr.physics.uncertainty import MonteCarloResult

PLOT_FORMATS = (".png", ".svg", ".pdf")
_COLOURS = {Category.CATEGORY_I: "tab:red", Category.CATEGORY_II: "tab:orange", Category.BELOW: "tab:green"}
TORNADO_ROWS = 12  # the inputs with the largest swings; the rest are in --json


def _probabilities(axis: Axes, result: MonteCarloResult) -> None:
    rows = [
        (Category.CATEGORY_I, result.probability_category_i),
        (Category.CATEGORY_II, result.probability_category_ii),
        (Category.BELOW, result.probability_below),
    ]
    names = [str(category) for category, _ in rows]
    estimates = [p.estimate for _, p in rows]
    errors = [[p.estimate - p.low for _, p in rows], [p.high - p.estimate for _, p in rows]]
    axis.bar(names, estimates, color=[_COLOURS[c] for c, _ in rows], yerr=errors, capsize=6)
    for index, (_, p) in enumerate(rows):
        axis.text(index, min(p.high + 0.03, 1.02), f"{p.estimate:.1%}", ha="center", va="bottom")
    axis.set_ylim(0, 1.12)
    axis.set_ylabel("probability")
    confidence = result.probability_category_i.confidence
    axis.set_title(
        f"Verdict over {result.samples:,} samples ({confidence:.0%} {result.probability_category_i.interval_method})"
    )
    axis.grid(axis="y", alpha=0.3)


def _histogram(axis: Axes, result: MonteCarloResult) -> None:
    t = result.thresholds
    ranges = [r / 1e3 for r in result.table.range_at_threshold_payload_m]
    axis.hist(ranges, bins=min(50, max(10, len(ranges) // 20)), color="tab:blue", alpha=0.75)
    axis.axvline(t.range_m / 1e3, color="tab:red", linewidth=1.5, label=f"{t.range_m / 1e3:,.0f} km")
    spread = result.range_at_threshold_payload_m
    for value, style, label in (
        (spread.p5, ":", "5th / 95th percentile"),
        (spread.p95, ":", None),
        (spread.p50, "--", "median"),
    ):
        if value is not None:
            axis.axvline(value / 1e3, color="black", linestyle=style, linewidth=1, label=label)
    axis.axvline(result.nominal.range_at_threshold_payload_m / 1e3, color="tab:purple", linewidth=1, label="nominal")
    axis.set_xlabel(f"maximum range with {t.payload_kg:,.0f} kg (km)")
    axis.set_ylabel("samples")
    axis.set_title(f"Range with {t.payload_kg:,.0f} kg")
    axis.legend(loc="upper right", fontsize="small")
    axis.grid(alpha=0.3)


def _tornado(axis: Axes, result: MonteCarloResult) -> None:
    t = result.thresholds
    rows = list(result.sensitivity[:TORNADO_ROWS])[::-1]  # largest swing on top
    base = result.nominal.range_at_threshold_payload_m / 1e3
    if not rows:
        axis.text(0.5, 0.5, "no sensitivity run", ha="center", va="center", transform=axis.transAxes)
        axis.set_axis_off()
        return
    for index, row in enumerate(rows):
        low = row.at_low.range_at_threshold_payload_m / 1e3 - base
        high = row.at_high.range_at_threshold_payload_m / 1e3 - base
        axis.barh(
            index, low, left=base, color="tab:blue", alpha=0.8, label="input at 5th percentile" if index == 0 else None
        )
        axis.barh(
            index,
            high,
            left=base,
            color="tab:orange",
            alpha=0.8,
            label="input at 95th percentile" if index == 0 else None,
        )
    labels = [f"{r.path}{' *' if r.moves_verdict else ''}" for r in rows]
    axis.set_yticks(range(len(rows)), labels)
    axis.axvline(base, color="black", linewidth=1)
    axis.axvline(t.range_m / 1e3, color="tab:red", linewidth=1.5, label=f"{t.range_m / 1e3:,.0f} km")
    axis.set_xlabel(f"maximum range with {t.payload_kg:,.0f} kg (km)")
    axis.set_title("Sensitivity (one at a time; * moves the verdict)")
    axis.legend(loc="lower right", fontsize="small")
    axis.grid(axis="x", alpha=0.3)


def plot_monte_carlo(result: MonteCarloResult, path: Path) -> Path:
    """Write the verdict probabilities, the range histogram and the tornado chart to ``path``."""
    if path.suffix.lower() not in PLOT_FORMATS:
        raise InputError("--plot", f"{path.name!r}: the file name must end in {', '.join(PLOT_FORMATS)}")
    figure, axes = plt.subplots(1, 3, figsize=(18, 5.2), layout="constrained")
    figure.suptitle(
        f"{result.vehicle}: Monte Carlo, {result.samples:,} samples, seed {result.seed} ({result.thresholds.regime})"
    )
    _probabilities(axes[0], result)
    _histogram(axes[1], result)
    _tornado(axes[2], result)
    try:
        figure.savefig(path)
    except OSError as exc:
        raise InputError("--plot", f"cannot write {str(path)!r}: {exc.strerror or exc}") from exc
    finally:
        plt.close(figure)
    return path
