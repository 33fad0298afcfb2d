"""How likely one word is a mistyping of another: an edit distance that weighs each slip by how often
people make it at a keyboard. A doubled or dropped double letter, two neighbouring letters swapped or
a key next to the intended one cost less than a letter that has nothing to do with the one it
replaces (in a short word: Karimi / Karami are different names, Idnustries a slip).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

# QWERTY rows; neighbours are the keys left and right, and the keys touching above and below.
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_OFFSETS = (0.0, 0.5, 0.75, 1.25)  # how far each row is shifted right, in keys


def _neighbours() -> dict[str, frozenset[str]]:
    position = {key: (row, column + _OFFSETS[row]) for row, keys in enumerate(_ROWS) for column, key in enumerate(keys)}
    return {
        key: frozenset(
            other
            for other, (other_row, other_x) in position.items()
            if other != key and abs(other_row - row) <= 1 and abs(other_x - x) <= 1.0
        )
        for key, (row, x) in position.items()
    }


NEIGHBOURS = _neighbours()

DOUBLING_COST = 0.3  # "Batery" for "Battery", "Parchiin" for "Parchin"
SWAP_COST = 0.5  # "Idnustries"
NEAR_KEY_COST = 0.5  # a key touching the intended one
OTHER_INSERT_DELETE_COST = 0.7  # a dropped or added letter
OTHER_SUBSTITUTION_COST = 1.0  # another letter altogether
FIRST_LETTER_FACTOR = 1.5  # people seldom mistype the first letter of a name


@lru_cache(maxsize=100_000)
def _extra_letters(word: str) -> tuple[float, ...]:
    """The cost of each letter of ``word`` if the other word lacks it: a double typed or dropped is
    cheap, a key touching its neighbours less dear than another letter, the first letter dearer."""
    costs = []
    for at, letter in enumerate(word):
        beside = {word[k] for k in (at - 1, at + 1) if 0 <= k < len(word)}
        if letter in beside:
            costs.append(DOUBLING_COST)
            continue
        cost = NEAR_KEY_COST if beside & NEIGHBOURS.get(letter, frozenset()) else OTHER_INSERT_DELETE_COST
        costs.append(cost * (FIRST_LETTER_FACTOR if at == 0 else 1.0))
    return tuple(costs)


_CHEAPEST_SLIP = min(DOUBLING_COST, SWAP_COST, NEAR_KEY_COST, OTHER_INSERT_DELETE_COST)


def most_edits(longest: int, at_least: float) -> int:
    """The most plain edits two words, the longer of ``longest`` letters, can be apart and still be
    ``at_least`` alike once weighed: the test ``typo_similarity`` starts with, for callers that make it
    first, without a call per pair."""
    edits = 0
    while edits < longest and 1.0 - (edits + 1) * _CHEAPEST_SLIP / longest >= at_least:
        edits += 1
    return edits


@lru_cache(maxsize=200_000)
def typo_similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """1 minus the weighted cost of the slips that turn ``a`` into ``b`` (optimal string alignment:
    swaps of neighbours count once), per letter of the longer word; 0.0 when it must be below
    ``at_least`` (known from the plain edit distance, without the weighted one)."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    if 1.0 - OSA.distance(a, b) * _CHEAPEST_SLIP / longest < at_least:
        return 0.0
    extra_a, extra_b = _extra_letters(a), _extra_letters(b)
    # three rows of the dynamic programme: i-2 (for swaps), i-1 and i
    before: list[float] = []
    previous = [0.0]
    for j in range(len(b)):
        previous.append(previous[-1] + extra_b[j])
    for i in range(1, len(a) + 1):
        letter, near = a[i - 1], NEIGHBOURS.get(a[i - 1], frozenset())
        current = [previous[0] + extra_a[i - 1]]
        for j in range(1, len(b) + 1):
            other = b[j - 1]
            if letter == other:
                replace = previous[j - 1]
            else:
                slip = NEAR_KEY_COST if other in near else OTHER_SUBSTITUTION_COST
                replace = previous[j - 1] + (slip * FIRST_LETTER_FACTOR if i == 1 and j == 1 else slip)
            best = min(previous[j] + extra_a[i - 1], current[j - 1] + extra_b[j - 1], replace)
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other and letter != a[i - 2]:
                best = min(best, before[j - 2] + SWAP_COST)
            current.append(best)
        before, previous = previous, current
    return max(0.0, 1.0 - previous[-1] / longest)
