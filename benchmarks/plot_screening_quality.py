"""Precision and recall of the screening matcher against the threshold, drawn: one picture to choose a threshold by.

Run: .venv/bin/python benchmarks/plot_screening_quality.py [--out docs/images/screening-quality.png] [--with-holdout]

Left: precision (solid) and recall (dashed) of each evaluation set at every threshold from 0.30 to 1.00, the
default threshold marked, and the issue's targets (recall 0.95, precision 0.90) as grey lines. Right: how
the scores of the main set's positive and negative pairs spread, the same default threshold marked: what
lies left of it among the positives is missed, what lies right of it among the negatives is a false alarm.
The sets are scored as ``bench_screening_quality.py`` scores them (the main set both pair by pair and
against whole entities). ``--with-holdout`` adds the held-out set: score it only when the matcher is done.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server
import matplotlib.pyplot as plt
from bench_screening_quality import PAIRS, Scored, confusion, load, prf, score_all, score_entities

from mtcr.screening.matcher import DEFAULT_THRESHOLD, MATCHER_VERSION

OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "screening-quality.png"
DEV = PAIRS.parent / "dev" / "pairs.csv"
HOLDOUT = PAIRS.parent / "holdout" / "pairs.csv"
THRESHOLDS = [round(0.30 + 0.01 * i, 2) for i in range(71)]  # 0.30 .. 1.00
TARGET_RECALL, TARGET_PRECISION = 0.95, 0.90  # issue 5


def curves(scored: list[Scored]) -> tuple[list[float], list[float]]:
    """Precision and recall at each of THRESHOLDS."""
    precision, recall = [], []
    for threshold in THRESHOLDS:
        tp, fp, fn, _ = confusion(scored, threshold)
        p, r, _ = prf(tp, fp, fn)
        precision.append(p)
        recall.append(r)
    return precision, recall


def draw(sets: dict[str, list[Scored]], main: list[Scored], out: Path) -> None:
    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), width_ratios=(3, 2))
    for (label, scored), colour in zip(sets.items(), plt.rcParams["axes.prop_cycle"].by_key()["color"], strict=False):
        precision, recall = curves(scored)
        left.plot(THRESHOLDS, precision, color=colour, label=f"{label}: precision")
        left.plot(THRESHOLDS, recall, color=colour, linestyle="--", label=f"{label}: recall")
    for axis in (left, right):
        axis.axvline(DEFAULT_THRESHOLD, color="black", linewidth=0.8)
    left.axhline(TARGET_RECALL, color="grey", linewidth=0.8, linestyle=":")
    left.axhline(TARGET_PRECISION, color="grey", linewidth=0.8, linestyle=":")
    left.annotate(
        f"default {DEFAULT_THRESHOLD:.2f}", (DEFAULT_THRESHOLD, 0.42), xytext=(4, 0), textcoords="offset points"
    )
    left.set(xlabel="threshold", ylabel="precision, recall", ylim=(0.4, 1.01), xlim=(0.3, 1.0))
    left.set_title(f"Matcher {MATCHER_VERSION}: precision and recall by threshold")
    left.legend(fontsize="small", loc="lower left")
    bins = [i / 40 for i in range(41)]
    right.hist([s.score for s in main if s.label == 0], bins=bins, alpha=0.6, label="different entities")
    right.hist([s.score for s in main if s.label == 1], bins=bins, alpha=0.6, label="same entity")
    right.set(xlabel="score", ylabel="pairs", yscale="log")
    right.set_title("Main set: scores of its pairs")
    right.legend(fontsize="small", loc="upper center")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=110)
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--with-holdout", action="store_true", help="add the held-out set (only when the matcher is done)"
    )
    args = parser.parse_args(argv)
    main_pairs = load(PAIRS)
    main_scored = score_all(main_pairs)
    sets = {
        "main": main_scored,
        "main, whole entities": score_entities(main_pairs),
        "development": score_all(load(DEV)),
    }
    if args.with_holdout:
        sets["held-out"] = score_all(load(HOLDOUT))
    draw(sets, main_scored, args.out)
    for label, scored in sets.items():
        tp, fp, fn, _ = confusion(scored, DEFAULT_THRESHOLD)
        p, r, f = prf(tp, fp, fn)
        print(f"{label}: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f} at {DEFAULT_THRESHOLD:.2f}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
