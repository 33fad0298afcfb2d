"""Quality of the screening name matcher on the labelled pair set ``tests/screening/eval/pairs.csv``.

Run: .venv/bin/python benchmarks/bench_screening_quality.py [--pairs PATH] [--threshold T] [--worst N]

Each pair is scored as ``compare(Party(query), ListEntity(..., names=(list_name,))).score``: a name-only
comparison (no country, address or identifiers). The listed side has the type (person or organisation)
that the bundled list gives that name, as it would in a real screening; names not in the bundled list
are typed organisations (``--untyped`` types every listed name an organisation). ``--entities`` scores each
pair instead against the whole bundled-list entity that the listed name belongs to (the listed name and
the entity's other names and aliases, less any other spelled like the query), as a real screening does. A pair is
predicted a match when the score is at or above the threshold (``DEFAULT_THRESHOLD`` unless given).

Printed: precision, recall and F1 overall; for a set annotated beside it (``needs_knowledge.csv``: the main
and the held-out set), how many positives need knowledge of the entity and the recall a matcher of names
alone could reach; recall per positive
category and false-positive rate per negative category; precision/recall at thresholds 0.50 to 0.95; the
worst false negatives and false positives with their scores. See tests/screening/eval/README.md for what
the categories mean.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.matcher import DEFAULT_THRESHOLD, MATCHER_VERSION, compare
from mtcr.screening.model import EntityType, ListEntity, ListFormat, Party

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "screening" / "eval" / "pairs.csv"
# positives annotated as needing knowledge of the entity (tests/screening/eval/README.md), beside each set
KNOWLEDGE = PAIRS.parent / "needs_knowledge.csv"
THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.50 .. 0.95


@dataclass(frozen=True, slots=True)
class Scored:
    query: str
    list_name: str
    label: int
    category: str
    score: float


def load(path: Path) -> list[tuple[str, str, int, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["query"], r["list_name"], int(r["label"]), r["category"]) for r in csv.DictReader(handle)]


def listed_types() -> dict[str, EntityType]:
    """The type the bundled list gives each of its names (persons and organisations), by name."""
    types: dict[str, EntityType] = {}
    for entity in parse_list(bundled_list_path(), ListFormat.CSV):
        for name in entity.names:
            types.setdefault(name.casefold(), entity.entity_type)
    return types


def score_all(pairs: list[tuple[str, str, int, str]], typed: bool = True) -> list[Scored]:
    types = listed_types() if typed else {}
    out = []
    for query, list_name, label, category in pairs:
        entity_type = types.get(list_name.casefold(), EntityType.ORGANIZATION)
        entity = ListEntity(entity_id="x", entity_type=entity_type, names=(list_name,))
        out.append(Scored(query, list_name, label, category, compare(Party(query), entity).score))
    return out


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def score_entities(pairs: list[tuple[str, str, int, str]]) -> list[Scored]:
    """Each pair whose listed name belongs to one entity of the bundled list, scored against that whole
    entity (all its names and aliases, its type) as a real screening scores it: the pair's listed name
    and the entity's other names, less any other name spelled like the query (leave-one-out: a query
    the list carries as an alias would measure nothing)."""
    owners: dict[str, set[str]] = {}
    entities = {e.entity_id: e for e in parse_list(bundled_list_path(), ListFormat.CSV)}
    for entity in entities.values():
        for name in entity.names:
            owners.setdefault(_key(name), set()).add(entity.entity_id)
    out = []
    for query, list_name, label, category in pairs:
        owner = owners.get(_key(list_name), set())
        if len(owner) != 1:
            continue
        entity = entities[next(iter(owner))]
        names = tuple(n for n in entity.names if n == list_name or _key(n) != _key(query))
        whole = ListEntity(entity.entity_id, entity.entity_type, names)
        out.append(Scored(query, list_name, label, category, compare(Party(query), whole).score))
    return out


def confusion(scored: list[Scored], threshold: float) -> tuple[int, int, int, int]:
    tp = sum(1 for s in scored if s.label == 1 and s.score >= threshold)
    fn = sum(1 for s in scored if s.label == 1 and s.score < threshold)
    fp = sum(1 for s in scored if s.label == 0 and s.score >= threshold)
    tn = sum(1 for s in scored if s.label == 0 and s.score < threshold)
    return tp, fp, fn, tn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def load_knowledge(path: Path) -> set[tuple[str, str]]:
    """The (query, list name) pairs annotated ``knowledge`` in ``path``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {(_key(r["query"]), _key(r["list_name"])) for r in csv.DictReader(handle) if r["class"] == "knowledge"}


def report(scored: list[Scored], threshold: float, worst: int, knowledge: set[tuple[str, str]]) -> None:
    tp, fp, fn, tn = confusion(scored, threshold)
    precision, recall, f1 = prf(tp, fp, fn)
    positives = tp + fn
    negatives = fp + tn
    print(f"matcher {MATCHER_VERSION}; {len(scored)} pairs ({positives} positive, {negatives} negative)")
    print(f"threshold {threshold:.2f}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"  TP {tp}  FP {fp}  FN {fn}  TN {tn}  (false-positive rate {fp / negatives if negatives else 0:.3f})")

    by_category: dict[tuple[int, str], list[Scored]] = defaultdict(list)
    for s in scored:
        by_category[(s.label, s.category)].append(s)
    print("\n| positive category | pairs | recall | mean score |")
    print("| --- | ---: | ---: | ---: |")
    for (label, category), items in sorted(by_category.items()):
        if label == 1:
            hit = sum(1 for s in items if s.score >= threshold)
            mean = sum(s.score for s in items) / len(items)
            print(f"| {category} | {len(items)} | {hit / len(items):.3f} | {mean:.3f} |")
    print("\n| negative category | pairs | false-positive rate | mean score |")
    print("| --- | ---: | ---: | ---: |")
    for (label, category), items in sorted(by_category.items()):
        if label == 0:
            hit = sum(1 for s in items if s.score >= threshold)
            mean = sum(s.score for s in items) / len(items)
            print(f"| {category} | {len(items)} | {hit / len(items):.3f} | {mean:.3f} |")

    print("\n| threshold | precision | recall | F1 | FP | FN |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for t in THRESHOLDS:
        ttp, tfp, tfn, _ = confusion(scored, t)
        p, r, f = prf(ttp, tfp, tfn)
        print(f"| {t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} | {tfp} | {tfn} |")

    if knowledge:
        needed = [s for s in scored if s.label == 1 and (_key(s.query), _key(s.list_name)) in knowledge]
        caught = sum(1 for s in needed if s.score >= threshold)
        ceiling = (positives - len(needed) + caught) / positives
        print(
            f"\n{len(needed)} positives ({len(needed) / positives:.1%}) are annotated as needing knowledge of the"
            f" entity; {caught} of them are matched. Recall if every other positive were matched: {ceiling:.3f}"
        )

    false_negatives = sorted((s for s in scored if s.label == 1 and s.score < threshold), key=lambda s: s.score)
    false_positives = sorted((s for s in scored if s.label == 0 and s.score >= threshold), key=lambda s: -s.score)
    for title, items in (("false negatives (lowest scores)", false_negatives), ("false positives", false_positives)):
        print(f"\nWorst {min(worst, len(items))} of {len(items)} {title}:")
        for s in items[:worst]:
            print(f"  {s.score:.3f}  [{s.category}]  {clip(s.query, 50)!r}  vs  {clip(s.list_name, 50)!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument(
        "--untyped", action="store_true", help="type every listed name an organisation (matcher 1.0.0's benchmark)"
    )
    parser.add_argument(
        "--entities",
        action="store_true",
        help="score each pair against the whole bundled-list entity its listed name belongs to, less other "
        "names spelled like the query (pairs whose listed name is not on the bundled list are left out)",
    )
    args = parser.parse_args(argv)

    pairs = load(args.pairs)
    started = time.perf_counter()
    scored = score_entities(pairs) if args.entities else score_all(pairs, typed=not args.untyped)
    elapsed = time.perf_counter() - started
    # each set's annotation lies beside it (the main set's and the held-out set's); another set has none
    annotation = args.pairs.parent / KNOWLEDGE.name
    knowledge = load_knowledge(annotation) if annotation.is_file() else set()
    report(scored, args.threshold, args.worst, knowledge)
    print(f"\nscored {len(scored)} pairs in {elapsed:.2f} s ({1e6 * elapsed / max(len(scored), 1):.0f} µs/pair)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
