"""Matcher 1.11.0: a listed word is a name by being listed, so a party's word that is a real name one letter
from it is another name (Mojahed is not Movahed), as a spelling checker leaves a dictionary word alone;
Russian Евр- written Evr- is Eur- (Evropalas, Europalace); a state's formal name ending a name is one letter
of its acronym, or none (CBI, Central Bank of the Islamic Republic of Iran). Each with the pairs it must keep
apart."""

from __future__ import annotations

import pytest

from mtcr.screening.index import CandidateIndex
from mtcr.screening.lexicon import are_different_words, is_known_word
from mtcr.screening.matcher import DEFAULT_THRESHOLD, MATCHER_VERSION, RUSSIAN_EURO, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import name_form


def _score(query: str, listed: str) -> float:
    return compare(Party(query), ListEntity("E1", EntityType.ORGANIZATION, (listed,))).score


def _reason(query: str, listed: str) -> str:
    return compare(Party(query), ListEntity("E1", EntityType.ORGANIZATION, (listed,))).features[0].reason


def test_the_version_is_bumped() -> None:
    assert MATCHER_VERSION == "1.11.0"


# --- a listed word is a name ---------------------------------------------------------------------------


def test_the_listed_words_below_are_in_no_lexicon() -> None:
    # the rule is for them: a word may be listed without being a word of the lexicon
    assert not any(is_known_word(word) for word in ("movahed", "hemmat", "ahad", "tosong"))
    assert all(is_known_word(word) for word in ("mojahed", "hekmat", "ahmad", "toksong"))


def test_a_listed_word_counts_as_a_name_only_where_asked() -> None:
    assert not are_different_words("mojahed", "movahed")  # neither known as both: no refusal
    assert are_different_words("mojahed", "movahed", b_is_name=True)
    assert not are_different_words("movahd", "movahed", b_is_name=True)  # the party's word is no word
    assert not are_different_words("movahhed", "movahed", b_is_name=True)  # one spelling of one name


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SHAHID MOJAHED INDUSTRIES", "SHAHID MOVAHED INDUSTRIES"),
        ("SHAHID HAJ ALI MOJAHED RESEARCH CENTER", "SHAHID HAJ ALI MOVAHED RESEARCH CENTER"),  # the rest the same
        ("SHAHID HEKMAT INDUSTRIAL GROUP", "SHAHID HEMMAT INDUSTRIAL GROUP"),
        ("AHMAD INTERNATIONAL", "AHAD INTERNATIONAL"),
        ("TOKSONG TECHNOLOGY TRADING CORPORATION", "TOSONG TECHNOLOGY TRADING CORPORATION"),
    ],
)
def test_a_real_name_one_letter_from_a_listed_name_is_another_name(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SHAHID MOVAHD INDUSTRIES", "SHAHID MOVAHED INDUSTRIES"),  # a letter dropped
        ("SHAHID MOAVHED INDUSTRIES", "SHAHID MOVAHED INDUSTRIES"),  # two swapped
        ("SHAHID MOVAHHED INDUSTRIES", "SHAHID MOVAHED INDUSTRIES"),  # doubled: a romanisation
        ("Hemat Industrial Group", "SHAHID HEMMAT INDUSTRIAL GROUP"),
        ("AHHAD INTERNATIONAL", "AHAD INTERNATIONAL"),
        # a listed word that is a known name: unchanged, a slip of it still meets it
        ("SHAHID HEKMAAT INDUSTRIES", "SHAHID HEKMAT INDUSTRIES"),
    ],
)
def test_a_slip_that_makes_no_name_still_meets_the_listed_name(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


def test_a_listed_name_slipped_in_the_list_is_still_found_by_its_right_spelling() -> None:
    # the other way round the party's word is the known one only when it is a name: Movahed (no lexicon
    # word) against a listed Mojahed (a lexicon word) is still read as a slip, as it was
    assert _score("SHAHID MOVAHED INDUSTRIES", "SHAHID MOJAHED INDUSTRIES") >= DEFAULT_THRESHOLD


# --- Russian Евр- ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Evropalas 2000", "EUROPALACE 2000"),
        ("YEVROPALAS 2000", "EUROPALACE 2000"),
        ("Европалас-2000", "EUROPALACE 2000"),  # anyascii writes Е as E
        ("Evraziya Group", "Eurasia Group"),
        ("Europa Trading", "Yevropa Trading"),  # either side
    ],
)
def test_russian_evr_is_eur(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    assert RUSSIAN_EURO in _reason(query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Evron Systems", "Euron Systems"),  # Evron, a name of its own: too short for the rule
        ("Evrasia Trading", "Europa Trading"),  # Eurasia is not Europe
        ("Evrokhim", "Eurotech"),
    ],
)
def test_evr_read_as_eur_still_needs_the_rest_of_the_word(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_evr_as_eur_is_never_a_perfect_match() -> None:
    assert _score("Evropa", "Europa") == pytest.approx(0.95)


# --- a state's formal name in acronyms ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "listed"),
    [
        ("CBI", "Central Bank of the Islamic Republic of Iran"),
        ("CBIRI", "Central Bank of the Islamic Republic of Iran"),  # every word, as before
        ("MOD", "Ministry of Defence of the Russian Federation"),  # the state left out, "of" spelled
        ("MoD", "Ministry of Defence of the Russian Federation"),
        ("SMCS", "State Military Command of the Syrian Arab Republic"),
    ],
)
def test_a_state_formal_name_is_one_letter_of_an_acronym_or_none(acronym: str, listed: str) -> None:
    assert _score(acronym, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("acronym", "listed"),
    [
        ("CBR", "Central Bank of the Islamic Republic of Iran"),  # another state's letter
        ("CBS", "Central Bank of the Islamic Republic of Iran"),
        ("KCS", "Korean Committee for Space Technology"),  # no state's formal name: every word counts
    ],
)
def test_other_letters_are_still_refused(acronym: str, listed: str) -> None:
    assert _score(acronym, listed) < DEFAULT_THRESHOLD


def test_only_a_state_formal_name_is_shortened() -> None:
    # "the Republic" with no state, and a state named without its formal words, keep their acronyms as before
    assert set(name_form("Central Bank of the Republic").acronyms) == {"cbr", "cbotr"}
    assert set(name_form("Central Bank of Iran").acronyms) == {"cbi", "cboi"}
    assert "cbi" in name_form("Central Bank of the Islamic Republic of Iran").acronyms
    assert "mod" in name_form("Ministry of Defence of the Russian Federation").acronyms


def test_the_index_finds_the_entity_by_the_shortened_acronym() -> None:
    bank = ListEntity("CBI", EntityType.ORGANIZATION, ("Central Bank of the Islamic Republic of Iran",))
    others = [ListEntity(f"O{n}", EntityType.ORGANIZATION, (f"Central Trading Bank No {n}",)) for n in range(200)]
    hits = CandidateIndex([*others, bank]).screen(Party("CBI"))
    assert [hit.entity_id for hit in hits][:1] == ["CBI"]
