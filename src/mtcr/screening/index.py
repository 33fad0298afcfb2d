"""A candidate index: find the few listed entities worth comparing without scanning the list.

Every name of every entity is reduced to blocking keys: the phonetic key of each core token (folds
romanisations), its first and last four letters (a typo leaves one of them intact in any token of
five letters or more), numbers, the name's acronyms, and the start of the name run together (spacing)
and the whole of it (a name's own entry ranks first among thousands that differ in one short word).
Persons' names (and a query's) also get keys for their surname groups and initials (Park / Pak,
"K. Lee"), which the matcher reads only in persons' names. A
query's keys are looked up in an inverted index (compressed-sparse-row arrays: one sorted array of
entity numbers per key); candidates are ranked by the summed inverse document frequency of the keys
they share with the query, and only the best few are compared in full by the matcher.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mtcr.screening.keys import blocking_keys, identifier_keys, person_keys, query_keys
from mtcr.screening.matcher import DEFAULT_THRESHOLD, compare
from mtcr.screening.model import EntityType, ListEntity, Match, Party
from mtcr.screening.normalise import name_form

MAX_CANDIDATES = 10
ACRONYM_POSTINGS = 20  # an acronym key shared by more entities than this tells nothing
MAX_PROBED = 50  # entities brought in by acronym probes, beyond the ranked candidates
POOL_TARGET = 2_000  # candidates gathered from the rarest keys before ranking
# Keys shared by more than this fraction of entities (e.g. the phonetic key of "china") bring in
# candidates only when the query has no rarer key.
COMMON_KEY_FRACTION = 0.02
MIN_COMMON_KEY_POSTINGS = 200


@dataclass(frozen=True, slots=True)
class _Postings:
    keys: dict[str, int]  # key -> row
    offsets: np.ndarray  # int64, len(keys) + 1
    entities: np.ndarray  # int32: entity numbers, grouped by key
    idf: np.ndarray  # float64 per key


def _unique_with_inverse(pool: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(pool, return_inverse=True)``, two to three times faster on a pool of posting lists.

    The pool is a few runs each sorted already (a key's entities are in entity order): a stable sort
    (a merge of runs) finds them, where np.unique's quicksort sorts afresh. Same arrays, same totals after.
    """
    order = pool.argsort(kind="stable")
    ordered = pool[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(ordered), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


class CandidateIndex:
    """An inverted index over ``entities``; ``screen`` compares a party with its best candidates only."""

    def __init__(self, entities: Sequence[ListEntity], *, progress: Callable[[int], None] | None = None) -> None:
        self.entities = tuple(entities)
        key_rows: dict[str, int] = {}
        pair_keys: list[int] = []
        pair_entities: list[int] = []
        for number, entity in enumerate(self.entities):
            keys = identifier_keys(entity.identifiers)
            person = entity.entity_type is not EntityType.ORGANIZATION  # the matcher's rules for persons
            for name in entity.names:
                form = name_form(name)
                keys |= blocking_keys(form) | (person_keys(form) if person else set())
            for key in keys:
                pair_keys.append(key_rows.setdefault(key, len(key_rows)))
                pair_entities.append(number)
            if progress is not None and number % 10_000 == 9_999:
                progress(10_000)
        key_array = np.asarray(pair_keys, dtype=np.int64)
        entity_array = np.asarray(pair_entities, dtype=np.int32)
        order = np.argsort(key_array, kind="stable")
        counts = np.bincount(key_array, minlength=len(key_rows)) if len(key_rows) else np.zeros(0, np.int64)
        offsets = np.zeros(len(key_rows) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        total = max(len(self.entities), 1)
        self._postings = _Postings(
            keys=key_rows,
            offsets=offsets,
            entities=entity_array[order],
            idf=np.log1p(total / np.maximum(counts, 1)),
        )
        self._common = max(MIN_COMMON_KEY_POSTINGS, int(COMMON_KEY_FRACTION * total))

    def __len__(self) -> int:
        return len(self.entities)

    def candidates(self, party: Party, limit: int = MAX_CANDIDATES) -> list[int]:
        """Entity numbers most likely to match ``party``, best first.

        The query's keys are taken rarest first (the most telling), until the pool of entities they
        bring in is large enough; entities are ranked by the summed IDF of the keys they share.
        """
        postings = self._postings
        wanted, probes = query_keys(name_form(party.name), party.identifiers)
        rows = [row for row in (postings.keys.get(key) for key in wanted) if row is not None]
        ranked = self._ranked(rows, limit) if rows else []
        # probed entities, from the rarest key up, at most MAX_PROBED of them
        probed = sorted(
            (size, row)
            for row in (postings.keys.get(key) for key in probes)
            if row is not None and (size := int(postings.offsets[row + 1] - postings.offsets[row])) <= ACRONYM_POSTINGS
        )
        extra: list[int] = []
        for _, row in probed:
            extra.extend(int(n) for n in postings.entities[postings.offsets[row] : postings.offsets[row + 1]])
            if len(extra) >= MAX_PROBED:
                break
        return list(dict.fromkeys(ranked + extra[:MAX_PROBED]))

    def _ranked(self, rows: list[int], limit: int) -> list[int]:
        postings = self._postings
        sizes = postings.offsets[1:][rows] - postings.offsets[:-1][rows]
        found: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        pooled = 0
        for position in np.argsort(sizes, kind="stable"):
            row, size = rows[position], int(sizes[position])
            if found and (pooled >= POOL_TARGET or size > self._common):
                break
            start = postings.offsets[row]
            entries = postings.entities[start : start + min(size, POOL_TARGET * 4)]
            found.append(entries)
            weights.append(np.full(len(entries), postings.idf[row]))
            pooled += len(entries)
        pool = np.concatenate(found)
        unique, inverse = _unique_with_inverse(pool)
        totals = np.bincount(inverse, weights=np.concatenate(weights))
        if len(unique) > limit:
            best = np.argpartition(-totals, limit)[:limit]
            best = best[np.argsort(-totals[best], kind="stable")]
        else:
            best = np.argsort(-totals, kind="stable")
        return [int(unique[i]) for i in best]

    def screen(self, party: Party, threshold: float = DEFAULT_THRESHOLD, limit: int = MAX_CANDIDATES) -> list[Match]:
        """Matches at or above ``threshold``, best first."""
        matches = [compare(party, self.entities[number]) for number in self.candidates(party, limit)]
        hits = [m for m in matches if m.score >= threshold]
        return sorted(hits, key=lambda m: (-m.score, m.entity_id))


def brute_force(party: Party, entities: Iterable[ListEntity], threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
    """Compare with every entity: the reference the index is tested against."""
    hits = [m for m in (compare(party, e) for e in entities) if m.score >= threshold]
    return sorted(hits, key=lambda m: (-m.score, m.entity_id))
