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

from mtcr.screening.matcher import (
    DEFAULT_THRESHOLD,
    MAX_INLINE_ACRONYM,
    MAX_LOOSE_ACRONYM,
    MIN_INLINE_ACRONYM,
    MIN_LONE_INLINE_ACRONYM,
    MIN_LOOSE_ACRONYM,
    acronym_word,
    compare,
    initials_keys,
    normalise_identifier,
)
from mtcr.screening.model import EntityType, ListEntity, Match, Party
from mtcr.screening.name_variants import variant_groups
from mtcr.screening.normalise import (
    RELATED_CONCEPTS,
    NameForm,
    consonant_skeleton,
    english_loanword_sounds,
    name_form,
    phonetic_key,
    th_dh_as_s_z,
    yo_as_e,
)

MAX_CANDIDATES = 10
ACRONYM_POSTINGS = 20  # an acronym key shared by more entities than this tells nothing
MAX_PROBED = 50  # entities brought in by acronym probes, beyond the ranked candidates
POOL_TARGET = 2_000  # candidates gathered from the rarest keys before ranking
# Keys shared by more than this fraction of entities (e.g. the phonetic key of "china") bring in
# candidates only when the query has no rarer key.
COMMON_KEY_FRACTION = 0.02
MIN_COMMON_KEY_POSTINGS = 200


def _short_words(form: NameForm) -> list[str]:
    """The word ``matcher._acronym`` may read as an acronym, if any (see ``acronym_word``)."""
    word, _ = acronym_word(form)
    return [word] if word else []


def _script_skeleton_keys(token: str) -> set[str]:
    """More consonant keys of a word read from a script that leaves vowels unwritten, as the matcher also
    reads it: th and dh as s and z (ثابت is found by Sabet, ذوالقدر by Zolghadr) and و as a vowel (سپارکو
    by SUPARCO)."""
    spellings = {token, th_dh_as_s_z(token)}
    spellings |= {spelling.replace("w", "") for spelling in spellings}
    skeletons = {consonant_skeleton(phonetic_key.__wrapped__(spelling)) for spelling in spellings - {token}}
    return {"s:" + skeleton for skeleton in skeletons if len(skeleton) >= 3}


def blocking_keys(form: NameForm) -> set[str]:
    """The keys of one name, for ranking candidates. Acronyms have three kinds of key: "a:" for the
    initials of a name of several words, "r:" for the initials of a long run of its words, "w:" for
    a short word that may be an acronym; ``acronym_probes`` are the keys a query looks them up by."""
    keys: set[str] = set()
    for token, phonetic in zip(form.core, form.phonetic, strict=True):
        if len(token) >= 2:
            keys.add("p:" + phonetic)
            if ("yo" in token or "jo" in token) and (written_e := yo_as_e(token)) != token:
                keys.add("p:" + phonetic_key(written_e))  # Fyodor is found by Fedor, as the matcher reads ё
            skeleton = consonant_skeleton(phonetic)
            if len(skeleton) >= 3:
                keys.add("s:" + skeleton)  # names written without vowels (Persian, Arabic, Hindi)
            if form.abjad:
                keys.update(_script_skeleton_keys(token))
            elif "ce" in token or "ci" in token or "cy" in token:  # Aerospace is found by एयरोस्पेस, "rsps"
                keys.add("s:" + consonant_skeleton(phonetic_key(english_loanword_sounds(token))))
        if len(token) >= 5:
            keys.add("b:" + token[:4])
            keys.add("e:" + token[-4:])
        elif len(token) >= 2 or token.isdigit():  # a number tells numbered plants apart (Plant No. 5)
            keys.add("t:" + token)
    keys.update("p:" + key for key in form.western_keys if key)  # Tschemesow is found by Chemezov
    keys.update(related_keys(form))  # 航天 keyed as Space too, on both sides, as the matcher reads it
    keys.update("a:" + acronym for acronym in form.acronyms if len(acronym) >= 3)
    keys.update("w:" + word for word in _short_words(form))
    words = form.words
    # a short word inside a longer name may stand for a run of the query's words ("SHIG Department 7500")
    keys.update("w:" + word for word in words if MIN_INLINE_ACRONYM <= len(word) <= MAX_INLINE_ACRONYM)
    if MIN_LONE_INLINE_ACRONYM <= len(words) <= 2 * MAX_INLINE_ACRONYM:
        # a one-word name may stand for a run covering half this name or more (RIAMB)
        for size in range(max(MIN_LONE_INLINE_ACRONYM, (len(words) + 1) // 2), MAX_INLINE_ACRONYM + 1):
            keys.update("r:" + "".join(w[0] for w in words[at : at + size]) for at in range(len(words) - size + 1))
    if len(form.joined) >= 6:
        keys.add("j:" + form.joined[:6])
        # the whole name too: among thousands of names that differ in one short word, its own ranks first
        keys.add("n:" + form.joined)
    elif len(form.joined) >= 2:
        keys.add("j:" + form.joined)  # short names and initials ("E. S."), whose words give no key
    return keys


def person_keys(form: NameForm) -> set[str]:
    """Keys for what the matcher links only in persons' names, where no spelling key does: a surname in
    another romanisation (Park / Pak) and initials with a surname ("K. Lee" / Karl Lee)."""
    return {f"v:{group}" for word in form.words for group in variant_groups(word)} | initials_keys(form)


def related_keys(form: NameForm) -> set[str]:
    """The keys of the other concepts a word of the name is also translated by (航天: Aerospace or
    Space), as the matcher reads it: the other name may share no other telling key."""
    return {"p:" + phonetic_key(concept) for word in form.words for concept in RELATED_CONCEPTS.get(word, ())}


_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def acronym_probes(form: NameForm) -> set[str]:
    """Keys by which a query finds the names an acronym links it to, whatever the ranking says (an
    acronym shares a single key with its name):

    - a query that is (or starts with) one short word finds the names with those initials ("a:"):
      CALT, "BSTU Voenmeh"; with one letter added anywhere, for initials with one word left out
      (CPMIEC: the initials of China National Precision Machinery Import Export Corporation are
      "cnpmiec"); and the long names a run of whose words it abbreviates ("r:", RIAMB);
    - a query of several words finds the listed short words spelled by its initials ("w:"), by the
      initials of a run of its words (MAI in "Moscow Aviation Institute (National Research
      University)"), or by its initials less one letter.
    """
    probes: set[str] = set()
    for word in _short_words(form):
        probes.add("a:" + word)
        if MIN_LONE_INLINE_ACRONYM <= len(word) <= MAX_INLINE_ACRONYM:
            probes.add("r:" + word)
        if MIN_LOOSE_ACRONYM <= len(word) <= MAX_LOOSE_ACRONYM:
            for at in range(len(word) + 1):
                probes.update(f"a:{word[:at]}{letter}{word[at:]}" for letter in _LETTERS)
    words = form.words
    # a four-letter word may abbreviate a longer listed word ("Sino" / "Sinotech"): its "b:" key
    probes.update("b:" + word for word in words if len(word) == 4)
    for size in range(MIN_INLINE_ACRONYM, min(len(words), MAX_INLINE_ACRONYM) + 1):
        probes.update("w:" + "".join(w[0] for w in words[at : at + size]) for at in range(len(words) - size + 1))
    for initials in form.acronyms:
        if len(initials) >= 3:
            probes.add("w:" + initials)
        if MIN_LOOSE_ACRONYM < len(initials) <= MAX_LOOSE_ACRONYM + 1:
            probes.update(f"w:{initials[:at]}{initials[at + 1 :]}" for at in range(len(initials)))
    return probes


def identifier_keys(identifiers: tuple[str, ...]) -> set[str]:
    """Registration, tax or passport numbers as keys: a shared identifier finds the entity whatever its name."""
    keys = set()
    for identifier in identifiers:
        digits = normalise_identifier(identifier)
        if len(digits) >= 5:
            keys.add("id:" + digits)
    return keys


@dataclass(frozen=True, slots=True)
class _Postings:
    keys: dict[str, int]  # key -> row
    offsets: np.ndarray  # int64, len(keys) + 1
    entities: np.ndarray  # int32: entity numbers, grouped by key
    idf: np.ndarray  # float64 per key


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
        form = name_form(party.name)
        probes = acronym_probes(form)
        # the query's own acronym keys also rank (the "a:" key of a short word, "w:" of its initials)
        own = {"a:" + word for word in _short_words(form)} | {"w:" + initials for initials in form.acronyms}
        # a query's type is seldom given: its person keys find listed persons whatever it is
        wanted = blocking_keys(form) | person_keys(form) | identifier_keys(party.identifiers) | (probes & own)
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
        unique, inverse = np.unique(pool, return_inverse=True)
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
