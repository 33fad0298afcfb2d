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


def test_a_party_word_in_no_lexicon_is_still_a_slip_of_a_listed_lexicon_name() -> None:
    # the rule asks the party's word to be a name of the lexicons: Movahed, in none, against a listed
    # Mojahed is read as a slip, as before
    assert _score("SHAHID MOVAHED INDUSTRIES", "SHAHID MOJAHED INDUSTRIES") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "entity_type"),
    [
        # the list writes a name another way than the lexicon: romanisations, not two names
        ("Amir Ali Hajizadeh", "Amir Ali Hadjizadeh", EntityType.PERSON),  # French dj
        ("Saeed Jalili", "Saeed Djalili", EntityType.PERSON),
        ("Reza Shojaei", "Reza Shodjaei", EntityType.PERSON),
        ("Vladimir Alekseev", "Vladimir Alexeev", EntityType.PERSON),  # x for ks
        ("Igor Maksimenko", "Igor Maximenko", EntityType.PERSON),
        ("Nikolai Ryzhkov", "Nikolai Ryzhkow", EntityType.PERSON),  # German -ow
        ("Viktor Medvedchuk", "Viktor Medvetchuk", EntityType.PERSON),  # French tch
        ("Alexander Lukashenko", "Alexander Lukachenko", EntityType.PERSON),  # French ch
        ("Abdolreza Mousavi", "Abdolredha Mousavi", EntityType.PERSON),  # ض written dh
        ("Jafari Trading", "Djafari Trading", EntityType.ORGANIZATION),
        ("Ales Bialiatskaia", "Ales Bialiackaia", EntityType.PERSON),  # Belarusian Łacinka c for ts
        # an English word the list misspells, and a pinyin word that is no name of the lexicons
        ("Pars Electronics Company", "PARS ELECTONICS COMPANY", EntityType.ORGANIZATION),
        (
            "Zhongguo Jingmi Jixie Jingchukou Zonggongsi",
            "ZHONGGUO JINGMI JIXIE JINCHUKOU ZONGGONGSI",
            EntityType.ORGANIZATION,
        ),
    ],
)
def test_a_lexicon_name_still_meets_another_romanisation_or_a_slip_in_the_list(
    query: str, listed: str, entity_type: EntityType
) -> None:
    assert compare(Party(query), ListEntity("E1", entity_type, (listed,))).score >= DEFAULT_THRESHOLD


def test_the_cost_a_consonant_the_list_adds_to_a_lexicon_name_is_another_name() -> None:
    # as Toksong is not Tosong: a list's slip that adds or drops a consonant of a lexicon name is missed
    assert _score("Tanchon Commercial Bank", "TANGCHON COMMERCIAL BANK") < DEFAULT_THRESHOLD


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
        ("Evreux Industries", "Eurex Industries"),  # Évreux, a French city: short words need the same sound
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
        ("MODR", "Ministry of Defence of the Russian Federation"),  # "of" spelled
        ("SMCS", "State Military Command of the Syrian Arab Republic"),
        ("MNDK", "Ministry of National Defence of the Democratic People's Republic of Korea"),
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
        # the state is never left out: these are other bodies' acronyms (the UK's MoD, MIT)
        ("MOD", "Ministry of Defence of the Russian Federation"),
        ("MIT", "Ministry of Industry and Trade of the Russian Federation"),
        ("MOI", "Ministry of Interior of the Islamic Republic of Iran"),
    ],
)
def test_other_letters_are_still_refused(acronym: str, listed: str) -> None:
    assert _score(acronym, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "acronyms"),
    [
        # matcher 1.10.0's acronyms, unchanged
        ("Central Bank of the Republic", ("cbr", "cbotr")),  # no state
        ("Central Bank of Iran", ("cbi", "cboi")),  # a state without its formal name
        ("Trade Union Federation of Russia", ("tufr", "tufor")),  # a federation, not the Russian Federation
        ("Central Bank of the Republic AS", ("cbra", "cbr", "cbotra")),  # "AS" is no state here
        ("Bank 1 of the Russian Federation", ()),  # numbers make no acronym
        ("Academy of the Republic of Korea", ("ark", "aotrok")),  # one word before the state: too short
        ("Russian Federation", ("rf",)),
    ],
)
def test_only_a_state_formal_name_after_two_words_is_shortened(name: str, acronyms: tuple[str, ...]) -> None:
    assert name_form(name).acronyms == acronyms


def test_the_state_is_one_letter_of_the_shortened_acronyms() -> None:
    assert name_form("Central Bank of the Islamic Republic of Iran").acronyms[-1] == "cbi"
    assert name_form("Ministry of Defence of the Russian Federation").acronyms[-2:] == ("mdr", "modr")
    # the longest formal name first: the DPRK, not the Republic of Korea
    assert "mndk" in name_form("Ministry of National Defence of the Democratic People's Republic of Korea").acronyms
    assert "cbs" in name_form("Central Bank of the Syrian Arab Republic").acronyms


def test_the_index_finds_the_entity_by_the_shortened_acronym() -> None:
    bank = ListEntity("CBI", EntityType.ORGANIZATION, ("Central Bank of the Islamic Republic of Iran",))
    others = [ListEntity(f"O{n}", EntityType.ORGANIZATION, (f"Central Trading Bank No {n}",)) for n in range(200)]
    hits = CandidateIndex([*others, bank]).screen(Party("CBI"))
    assert [hit.entity_id for hit in hits][:1] == ["CBI"]


# --- the glossary --------------------------------------------------------------------------------------


def test_machine_building_in_bgn_romanisation() -> None:
    # машиностроения in BGN/PCGN, е after a vowel written ye: NPO Mashinostroyeniya, the cruise missile maker
    assert _score("NPO Mashinostroyeniya", "Scientific and Production Association of Machine-Building") >= 0.85
