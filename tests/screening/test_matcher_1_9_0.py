"""Matcher 1.9.0: a slip on the first letter of a word where the rest of the name agrees, and the North Korean
initial r the South writes n - each with the pairs it must keep apart."""

from __future__ import annotations

import pytest

from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import DEFAULT_THRESHOLD, MATCHER_VERSION, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import is_korean_romanisation


def _score(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> float:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).score


def test_the_version_is_bumped() -> None:
    assert MATCHER_VERSION == "1.9.0"


@pytest.mark.parametrize(
    ("query", "listed", "entity_type"),
    [
        ("Shahid Mhushtari Industries", "Shahid Shushtari Industries", EntityType.ORGANIZATION),  # changed
        ("Hahid Shustari Industries", "Shahid Shustari Industries", EntityType.ORGANIZATION),  # dropped
        ("Phahid Karimi Industries", "Shahid Karimi Industries", EntityType.ORGANIZATION),
        ("Dalian Fhenghua Maoyi Youxian Gongsi", "Dalian Zhenghua Maoyi Youxian Gongsi", EntityType.ORGANIZATION),
        ("Eahmad Vahid Dastjerdi", "Ahmad Vahid Dastjerdi", EntityType.PERSON),  # added
    ],
)
def test_a_slip_on_the_first_letter_in_a_name_otherwise_the_same(
    query: str, listed: str, entity_type: EntityType
) -> None:
    assert _score(query, listed, entity_type) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Beijing Tower Electronics", "Beijing Power Electronics"),  # two real words: two firms
        ("Shahid Nazem Industries", "Shahid Kazem Industries"),  # five letters: as often another name
        ("Mhushtari Industries", "Shushtari Industries"),  # nothing distinctive agrees around it
        ("Shahid Mhushtari Group", "Shahid Shushtari Industries"),  # two words differ
    ],
)
def test_first_letter_slips_the_rule_keeps_apart(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_the_index_finds_a_name_slipped_on_a_first_letter() -> None:
    others = [ListEntity(f"S{n}", EntityType.ORGANIZATION, (f"Shahid Karimi Trading {n}",)) for n in range(50)]
    listed = ListEntity("E1", EntityType.ORGANIZATION, ("Shahid Shushtari Industries",))
    hits = CandidateIndex([*others, listed]).screen(Party("Shahid Mhushtari Industries"))
    assert hits and hits[0].entity_id == "E1"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nodong Sinmun", "Rodong Sinmun"),
        ("Nodong", "Rodong"),  # one word alone
        ("Naseon Port Company", "Rason Port Company"),  # and the South's eo for the North's o
        ("Najin Shipping", "Rajin Shipping"),
        ("Nangnim Trading Corporation", "Rangnim Trading Corporation"),
    ],
)
def test_the_north_s_initial_r_is_the_south_s_n(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Roman Trading", "Noman Trading"),  # an English word on one side
        ("Rose Trading", "Nose Trading"),
        ("Rabi Industries", "Nabi Industries"),  # short: two names as often
        ("Rada Trading", "Nata Trading"),  # other consonants differ too
        ("Rayon Trading", "Nayeon Trading"),
    ],
)
def test_initial_r_and_n_kept_apart(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("word", "korean"),
    [
        ("rodong", True),
        ("kumryong", True),
        ("nyongbyon", True),
        ("kkotjebi", True),
        ("strength", False),
        ("shahid", False),  # sh is no Korean initial
        ("x" * 40, False),
        ("ra" * 20, False),  # longer than any word of a name: not tried
    ],
)
def test_korean_romanisation(word: str, korean: bool) -> None:
    assert is_korean_romanisation(word) is korean


def test_the_index_finds_the_north_s_spelling() -> None:
    others = [ListEntity(f"S{n}", EntityType.ORGANIZATION, (f"Sinmun Trading {n}",)) for n in range(50)]
    listed = ListEntity("E1", EntityType.ORGANIZATION, ("Rodong Sinmun",))
    hits = CandidateIndex([*others, listed]).screen(Party("Nodong Sinmun"))
    assert hits and hits[0].entity_id == "E1"
