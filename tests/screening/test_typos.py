"""The typo weighing's quick test: no pair that ``typo_similarity`` accepts is ruled out by ``most_edits``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from mtcr.screening.typos import most_edits, typo_similarity

WORDS = st.text(alphabet="abcdehkmnorst", min_size=4, max_size=12)


@settings(max_examples=400, deadline=None)
@given(WORDS, st.lists(st.tuples(st.integers(0, 2), st.integers(0, 11), st.sampled_from("aehkrs")), max_size=4))
def test_a_pair_alike_enough_is_within_the_edit_budget(word: str, edits: list[tuple[int, int, str]]) -> None:
    other = list(word)
    for kind, at, letter in edits:  # substitute, insert or delete a letter
        at = min(at, len(other))
        if kind == 0 and at < len(other):
            other[at] = letter
        elif kind == 1:
            other.insert(at, letter)
        elif at < len(other):
            del other[at]
    typed = "".join(other)
    for at_least in (0.7, 0.85):
        if typo_similarity(word, typed, at_least) >= at_least:
            assert OSA.distance(word, typed) <= most_edits(max(len(word), len(typed)), at_least)


def test_the_budget_grows_with_the_word() -> None:
    assert [most_edits(n, 0.85) for n in (4, 6, 8, 10)] == [2, 3, 4, 5]
    assert most_edits(3, 1.0) == 0
