"""The annotation of which main-set positives need knowledge of the entity stays true to the set."""

from __future__ import annotations

import csv
from pathlib import Path

EVAL = Path(__file__).parent / "eval"


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def test_every_annotated_pair_is_a_positive_of_the_main_set_with_a_class_and_a_reason() -> None:
    with (EVAL / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        positives = {(_key(r["query"]), _key(r["list_name"])) for r in csv.DictReader(handle) if r["label"] == "1"}
    with (EVAL / "needs_knowledge.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert (_key(row["query"]), _key(row["list_name"])) in positives, row
        assert row["class"] in {"string", "knowledge"}, row
        assert row["why"].strip(), row
