from __future__ import annotations

import pytest

from mtcr.annex import Annex, search
from mtcr.errors import InputError


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("heat shield", "2.A.1.b.1"),
        ("heat shields", "2.A.1.b.1"),
        ("solid rocket motor total impulse", "2.A.1.c.1"),
        ("guidance sets", "2.A.1.d"),
        ("2.A.1.c.1", "2.A.1.c.1"),
        ("thrust vector control", "2.A.1.e"),
        ("radial ball bearings", "3.A.7"),
        ("isostatic presses", "6.B.3"),
        ("maraging steel", "6.C.8"),
        ("gyro-astro compass", "9.A.2"),
        ("thermal batteries", "12.A.6"),
        ("aerosol dispensing", "19.A.3"),
        ("hydrazine", "4.C.2.a"),
    ],
)
def test_best_hit_first(annex: Annex, query: str, first: str) -> None:
    hits = search(annex, query)
    assert hits, query
    assert hits[0].entry_id == first, [h.entry_id for h in hits[:5]]


def test_scores_are_ranked(annex: Annex) -> None:
    hits = search(annex, "rocket motor", limit=10)
    assert len(hits) == 10
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_nothing_found_is_empty(annex: Annex) -> None:
    assert search(annex, "zeppelin bicycle") == []


def test_words_with_quotes_or_operators_are_safe(annex: Annex) -> None:
    hits = search(annex, 'heat "shield" AND OR NEAR( *')
    assert hits and hits[0].entry_id == "2.A.1.b.1"


def test_empty_query_is_an_error(annex: Annex) -> None:
    with pytest.raises(InputError, match="query"):
        search(annex, "  ")
