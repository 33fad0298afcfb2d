"""The candidate index finds what comparing with every entity finds, without comparing with every entity."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.index import CandidateIndex, _unique_with_inverse, brute_force
from mtcr.screening.matcher import DEFAULT_THRESHOLD
from mtcr.screening.model import EntityType, ListEntity, ListFormat, Party
from mtcr.screening.normalise import name_form

PAIRS = Path(__file__).parent / "eval" / "pairs.csv"


@pytest.fixture(scope="module")
def listed() -> list[ListEntity]:
    return parse_list(bundled_list_path(), ListFormat.CSV)


def _noise(count: int) -> list[ListEntity]:
    """Plausible organisation names that are on no list, to bury the listed ones."""
    rng = random.Random(5)
    syllables = [
        "ka",
        "ri",
        "to",
        "mo",
        "na",
        "sa",
        "ze",
        "vi",
        "lo",
        "pe",
        "tu",
        "ra",
        "ne",
        "ha",
        "shi",
        "ko",
        "yu",
        "an",
        "el",
        "or",
        "in",
        "us",
        "ar",
        "en",
    ]
    generic = ["industrial", "trading", "technology", "engineering", "electronics", "machinery", "group", "research"]
    places = ["beijing", "tehran", "pyongyang", "moscow", "karachi", "mumbai", "dubai", "minsk", "shenzhen", "isfahan"]
    return [
        ListEntity(
            f"N{i}",
            EntityType.ORGANIZATION,
            (f"{rng.choice(places)} {''.join(rng.sample(syllables, 3))} {rng.choice(generic)} co ltd",),
        )
        for i in range(count)
    ]


def test_index_finds_every_hit_that_brute_force_finds(listed: list[ListEntity]) -> None:
    entities = listed + _noise(20_000)
    index = CandidateIndex(entities)
    with PAIRS.open(encoding="utf-8") as handle:
        queries = sorted({row["query"] for row in csv.DictReader(handle) if row["label"] == "1"})
    assert len(queries) > 700
    missed = []
    for query in queries:
        party = Party(query)
        expected = {m.entity_id: m for m in brute_force(party, listed, DEFAULT_THRESHOLD)}
        found = {m.entity_id for m in index.screen(party)}
        missed += [
            (query, match.features[0].reason)
            for entity_id, match in expected.items()
            # acronyms from the starts of words (KOMID, NORINCO) have no key of their own
            if entity_id not in found and "from the starts of its words" not in match.features[0].reason
        ]
    assert missed == []


def _acronym_queries(listed: list[ListEntity]) -> list[str]:
    """Acronyms of the list's own names, as a party might write them: the initials, with a place
    after them, spelled with full stops, and with the first or last letter dropped."""
    queries: set[str] = set()
    for entity in listed:
        for name in entity.names:
            for initials in name_form(name).acronyms:
                if len(initials) < 3:
                    continue
                upper = initials.upper()
                queries.update({upper, f"{upper} Tehran", ". ".join(upper) + "."})
                if len(initials) >= 5:
                    queries.update({upper[1:], upper[:-1]})
    return sorted(queries)


def test_index_finds_every_acronym_hit_that_brute_force_finds(listed: list[ListEntity]) -> None:
    # the list alone: among a million names a three-letter acronym is shared by hundreds, and the
    # index then compares the best-ranked of them, not all
    index = CandidateIndex(listed)
    queries = _acronym_queries(listed)
    assert len(queries) > 1000
    missed = []
    for query in queries:
        found = {m.entity_id for m in index.screen(Party(query))}
        missed += [
            (query, match.entity_id, match.features[0].reason)
            for match in brute_force(Party(query), listed, DEFAULT_THRESHOLD)
            if match.entity_id not in found and "from the starts of its words" not in match.features[0].reason
        ]
    assert missed == []


def test_screen_returns_hits_best_first_with_reasons(listed: list[ListEntity]) -> None:
    hits = CandidateIndex(listed).screen(Party("KOMID"))
    assert hits and hits[0].entity_name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].features[0].reason


def test_no_hits_for_an_unrelated_name(listed: list[ListEntity]) -> None:
    assert CandidateIndex(listed).screen(Party("Acme Garden Furniture Supplies")) == []


def test_an_empty_index() -> None:
    assert CandidateIndex([]).screen(Party("anything")) == []


def test_a_shared_identifier_finds_the_entity_whatever_its_name(listed: list[ListEntity]) -> None:
    ship = ListEntity("V1", EntityType.OTHER, ("Ocean Trader",), identifiers=("IMO 9123456",))
    index = CandidateIndex([*listed, ship, *_noise(2_000)])
    hits = index.screen(Party("Completely Renamed Shipping", identifiers=("IMO9123456",)))
    assert [h.entity_id for h in hits] == ["V1"] and hits[0].score >= 0.99
    assert index.screen(Party("Completely Renamed Shipping", identifiers=("N/A",))) == []


def test_short_names_and_initials_are_indexed() -> None:
    entity = ListEntity("E1", EntityType.ORGANIZATION, ("E. S. Co.",))
    hits = CandidateIndex([entity, *_noise(500)]).screen(Party("E S"))
    assert [h.entity_id for h in hits] == ["E1"]


def test_index_finds_initials_and_other_romanisations_among_namesakes() -> None:
    # many persons share the surname: the shared words alone would not rank the right one in
    given = ["Adam", "Brian", "Colin", "Derek", "Ethan", "Felix", "Gavin", "Henry", "Isaac", "James"] * 3
    namesakes = [f"{name}{i} Lee" for i, name in enumerate(given)] + [f"Li Xiao{i}" for i in range(30)]
    namesakes += [f"Kim{i} To Chun" for i in range(20)]
    people = [ListEntity(f"N{i}", EntityType.PERSON, (name,)) for i, name in enumerate(namesakes)]
    people += [
        ListEntity("KL", EntityType.PERSON, ("Karl Lee",)),
        ListEntity("LF", EntityType.PERSON, ("Li Fangwei",)),
        ListEntity("PT", EntityType.PERSON, ("Pak To Chun",)),
    ]
    index = CandidateIndex(people + _noise(2_000))
    for query, wanted in (("K. Lee", "KL"), ("F. W. Li", "LF"), ("Park Do-chun", "PT")):
        assert wanted in {m.entity_id for m in index.screen(Party(query))}, query


@pytest.fixture(scope="module")
def numbered_plants() -> CandidateIndex:
    # lists name many numbered plants and units: their own number, or the whole name, must rank them first
    return CandidateIndex(
        [
            ListEntity(f"F{i}", EntityType.ORGANIZATION, (f"State Machine-Building Plant No. {i}",))
            for i in range(1, 20_001)
        ]
    )


@pytest.mark.parametrize("number", [5, 12, 1999])
def test_a_numbered_plant_among_thousands_is_found(numbered_plants: CandidateIndex, number: int) -> None:
    hits = numbered_plants.screen(Party(f"State Machine-Building Plant No. {number}"))
    assert hits and hits[0].entity_id == f"F{number}"
    assert hits[0].score == 1.0


@pytest.mark.parametrize("runs", [[[5]], [[1, 4, 9], [0, 4, 9, 12], [9]], [[3, 3, 7], [2, 3], [7, 8, 8]]])
def test_the_pool_is_counted_as_numpy_unique_counts_it(runs: list[list[int]]) -> None:
    rng = np.random.default_rng(len(runs))
    runs = runs + [sorted(rng.integers(0, 500, 300).tolist()) for _ in range(3)]
    pool = np.concatenate([np.asarray(run, dtype=np.int32) for run in runs])
    for counted in (pool, rng.permutation(pool), pool[:0]):  # runs, no order at all, nothing
        unique, inverse = _unique_with_inverse(counted)
        expected_unique, expected_inverse = np.unique(counted, return_inverse=True)
        assert np.array_equal(unique, expected_unique) and np.array_equal(inverse, expected_inverse)
        assert unique.dtype == expected_unique.dtype
