"""Speed and memory of the Annex layer, measured side by side in one run.

Run: .venv/bin/python benchmarks/bench_annex.py   (prints a Markdown table for docs/benchmarks.md)

Compared:
- loading and validating the edition from YAML (cold) with libyaml and with the pure-Python parser,
  and the cached load;
- classifying a batch of items;
- ranked FTS5 search against a naive baseline (lower-cased substring scan over the same fields,
  ranked by hit count), which is what a list kept as codes and free text allows.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

from mtcr.annex import describe, load, loader, search
from mtcr.annex.classifier import classify
from mtcr.annex.loader import BUNDLED_DATA, load_edition
from mtcr.annex.model import Annex

QUERIES = ["heat shield", "solid rocket motor", "gyro drift", "isostatic press", "maraging steel", "thermal batteries"]


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds per call over ``repeat`` calls, and peak traced memory in MiB of one call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(samples), peak


def naive_search(annex: Annex, query: str) -> list[str]:
    words = query.lower().split()
    scored = []
    for entry in annex.entries:
        haystack = " ".join([entry.id, entry.title, entry.text, *entry.notes]).lower()
        hits = sum(haystack.count(word) for word in words)
        if hits:
            scored.append((hits, entry.id))
    return [entry_id for _, entry_id in sorted(scored, reverse=True)]


def main() -> None:
    annex = load("mtcr-2024")
    items = [
        describe(annex, "solid_rocket_motor", {"total_impulse": f"{0.5 + i * 0.01} MN*s"}, confirmed=["usable_in"])
        for i in range(100)
    ] + [
        describe(annex, "complete_rocket_system", {"range": f"{100 + i * 5} km", "payload": "800 kg"})
        for i in range(100)
    ]
    search(annex, "warm up")  # build the index once, as a long-running process would
    edition = Path(BUNDLED_DATA / "mtcr-2024")
    rows = [("load edition from YAML (cold, validated), libyaml parser", *timed(lambda: load_edition(edition), 5))]
    chosen = loader._SAFE_LOADER
    loader._SAFE_LOADER = yaml.SafeLoader
    rows.append(
        ("load edition from YAML (cold, validated), pure-Python parser", *timed(lambda: load_edition(edition), 5))
    )
    loader._SAFE_LOADER = chosen
    rows += [
        ("load edition (cached)", *timed(lambda: load("mtcr-2024"), 50)),
        ("classify 200 items", *timed(lambda: [classify(annex, item) for item in items], 5)),
        ("search, FTS5 BM25 (6 queries)", *timed(lambda: [search(annex, q) for q in QUERIES], 50)),
        ("search, naive substring scan (6 queries)", *timed(lambda: [naive_search(annex, q) for q in QUERIES], 50)),
    ]
    fts_first = [search(annex, q)[0].entry_id for q in QUERIES]
    naive_first = [naive_search(annex, q)[0] for q in QUERIES]
    print("| measurement | median time | peak memory |")
    print("|---|---:|---:|")
    for name, seconds, peak in rows:
        print(f"| {name} | {seconds * 1000:.2f} ms | {peak:.2f} MiB |")
    print()
    print("| query | FTS5 first hit | naive first hit |")
    print("|---|---|---|")
    for query, fts, naive in zip(QUERIES, fts_first, naive_first, strict=True):
        print(f"| {query} | {fts} | {naive} |")


if __name__ == "__main__":
    main()
