"""How likely one word is a mistyping of another: an edit distance that weighs each slip by how often
people make it at a keyboard. A doubled or dropped double letter, two neighbouring letters swapped or
a key next to the intended one cost less than a letter that has nothing to do with the one it
replaces (Karimi / Karami, Movahed / Mojahed are different names, not slips).
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


def _substitution(a: str, b: str, i: int, j: int) -> float:
    if a[i] == b[j]:
        return 0.0
    cost = NEAR_KEY_COST if b[j] in NEIGHBOURS.get(a[i], frozenset()) else OTHER_SUBSTITUTION_COST
    return cost * (FIRST_LETTER_FACTOR if i == 0 and j == 0 else 1.0)


def _extra_letter(word: str, at: int) -> float:
    """The cost of ``word[at]``, a letter the other word lacks: a double typed or dropped is cheap."""
    letter = word[at]
    beside = {word[k] for k in (at - 1, at + 1) if 0 <= k < len(word)}
    if letter in beside:
        return DOUBLING_COST
    cost = NEAR_KEY_COST if beside & NEIGHBOURS.get(letter, frozenset()) else OTHER_INSERT_DELETE_COST
    return cost * (FIRST_LETTER_FACTOR if at == 0 else 1.0)


_CHEAPEST_SLIP = min(DOUBLING_COST, SWAP_COST, NEAR_KEY_COST, OTHER_INSERT_DELETE_COST)


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
    rows, columns = len(a) + 1, len(b) + 1
    cost = [[0.0] * columns for _ in range(rows)]
    for i in range(1, rows):
        cost[i][0] = cost[i - 1][0] + _extra_letter(a, i - 1)
    for j in range(1, columns):
        cost[0][j] = cost[0][j - 1] + _extra_letter(b, j - 1)
    for i in range(1, rows):
        for j in range(1, columns):
            best = min(
                cost[i - 1][j] + _extra_letter(a, i - 1),
                cost[i][j - 1] + _extra_letter(b, j - 1),
                cost[i - 1][j - 1] + _substitution(a, b, i - 1, j - 1),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and a[i - 1] != a[i - 2]:
                best = min(best, cost[i - 2][j - 2] + SWAP_COST)
            cost[i][j] = best
    return max(0.0, 1.0 - cost[-1][-1] / longest)
