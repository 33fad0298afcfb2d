"""Plots of a capability assessment: the trajectory profile and the range-payload curve."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a window

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from mtcr.errors import InputError
from mtcr.physics.assessment import Assessment
from mtcr.physics.optimize import MaxRange

PLOT_FORMATS = (".png", ".svg", ".pdf")


def _profile(axis: Axes, result: MaxRange, label: str, style: str) -> None:
    samples = result.trajectory.samples
    if not samples:
        return
    axis.plot([s[1] / 1e3 for s in samples], [s[2] / 1e3 for s in samples], style, label=label)


def plot_assessment(assessment: Assessment, path: Path) -> Path:
    """Write the trajectory profile and the range-payload curve, with the threshold lines, to ``path``."""
    if path.suffix.lower() not in PLOT_FORMATS:
        raise InputError("--plot", f"{path.name!r}: the file name must end in {', '.join(PLOT_FORMATS)}")
    t = assessment.thresholds
    figure, (profile, curve) = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained")
    figure.suptitle(f"{assessment.vehicle.name}: {assessment.category} ({t.regime})")

    _profile(profile, assessment.nominal, f"nominal payload {assessment.nominal.payload_kg:,.0f} kg", "-")
    if assessment.at_threshold_payload.payload_kg != assessment.nominal.payload_kg:
        _profile(profile, assessment.at_threshold_payload, f"{t.payload_kg:,.0f} kg", "--")
    profile.axvline(t.range_m / 1e3, color="tab:red", linewidth=1, label=f"{t.range_m / 1e3:,.0f} km")
    profile.set_xlabel("ground range (km)")
    profile.set_ylabel("altitude (km)")
    profile.set_title("Range-maximising trajectory")
    profile.set_ylim(bottom=0)
    profile.set_xlim(left=0)
    profile.legend(loc="upper right")
    profile.grid(alpha=0.3)

    suborbital = [p for p in assessment.curve if not p.orbital and p.range_m is not None]
    curve.plot(
        [p.payload_kg for p in suborbital],
        [(p.range_m or 0) / 1e3 for p in suborbital],
        "o-",
        markersize=3,
        label="maximum range",
    )
    orbital = [p for p in assessment.curve if p.orbital]
    if orbital:
        top = max([(p.range_m or 0) / 1e3 for p in suborbital] + [t.range_m / 1e3 * 2])
        curve.plot(
            [p.payload_kg for p in orbital], [top] * len(orbital), "^", color="tab:purple", label="reaches orbit"
        )
    curve.axhline(t.range_m / 1e3, color="tab:red", linewidth=1, label=f"{t.range_m / 1e3:,.0f} km")
    curve.axvline(t.payload_kg, color="tab:red", linestyle="--", linewidth=1, label=f"{t.payload_kg:,.0f} kg")
    curve.fill_between(
        [t.payload_kg, max(p.payload_kg for p in assessment.curve)],
        t.range_m / 1e3,
        curve.get_ylim()[1],
        color="tab:red",
        alpha=0.08,
        label=f"{t.category_i_entry} region",
    )
    nominal = assessment.nominal
    if nominal.range_m is not None:
        curve.plot([nominal.payload_kg], [nominal.range_m / 1e3], "s", color="black", label="nominal")
    curve.set_xlabel("payload (kg)")
    curve.set_ylabel("maximum range (km)")
    curve.set_title("Range-payload curve")
    curve.set_xlim(left=0)
    curve.set_ylim(bottom=0)
    curve.legend(loc="upper right")
    curve.grid(alpha=0.3)
    try:
        figure.savefig(path)
    except OSError as exc:
        raise InputError("--plot", f"cannot write {str(path)!r}: {exc.strerror or exc}") from exc
    finally:
        plt.close(figure)
    return path
