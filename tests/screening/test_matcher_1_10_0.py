"""Matcher 1.10.0: a Han or Hangul syllable is a word of the name even where its reading spells a Latin company
form or particle (사 "sa", 두 "du", 安 "an"); the Arabic article joined with another vowel (Amirolmomenin); Korean
ㅓ written e (Ryenha); 국방 and 国防, National Defence. Each with the pairs it must keep apart."""

from __future__ import annotations

import pytest

from mtcr.screening.matcher import DEFAULT_THRESHOLD, EO_WRITTEN_E, MATCHER_VERSION, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import name_form


def _score(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> float:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).score


def _reason(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> str:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).features[0].reason


def test_the_version_is_bumped() -> None:
    assert MATCHER_VERSION == "1.10.0"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("방위사업청", "sa"),  # 사업, business: no Société Anonyme
        ("두산에너빌리티 주식회사", "du"),  # Doosan: no French "du"
        ("淮安全通电子有限公司", "an"),  # Huai'an: no English "an"
    ],
)
def test_a_syllable_is_a_word_of_the_name_not_a_latin_form_or_particle(name: str, kept: str) -> None:
    assert kept in name_form(name).words


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("조선혁신무역회사", {"hoe", "sa"}),  # 회사, company, is still a company form
        ("Daewoo SA", {"sa"}),  # a Latin "SA" still is
        ("Gazprom SA 가스", {"sa"}),  # and so where the name has Hangul too
    ],
)
def test_company_forms_still_go(name: str, dropped: set[str]) -> None:
    assert dropped.isdisjoint(name_form(name).words)


def test_a_hangul_name_meets_its_own_romanisation() -> None:
    # 방위사업청, the Defense Acquisition Program Administration, as Revised Romanization writes it
    assert _score("방위사업청", "Bangwi Saeopcheong") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Amirolmomenin Industries", "Amir al-Mo'menin Industries"),  # Persian: the article written ol
        ("AMIROLMOMENIN FACTORIES", "AMIR AL MO'MENIN INDUSTRIES"),
        ("Abdulaziz University", "Abd al-Aziz University"),  # ul
        ("King Abd al-Aziz City for Science and Technology", "King Abdulaziz City for Science and Technology"),
    ],
)
def test_the_arabic_article_joined_with_another_vowel(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    assert _score(listed, query) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Amirolmomenin Industries", "Amir Momenin Industries"),  # no article to write otherwise
        ("Abdolkarim Trading", "Abd al-Rahim Trading"),  # the letters differ beyond the article
    ],
)
def test_the_article_is_no_licence_for_other_letters(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Korea Ryenha Machinery J/V Corporation", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION"),
        ("Ryungsong Trading Corporation", "Ryungseng Trading Corporation"),  # both published aliases
    ],
)
def test_korean_eo_written_e(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    assert EO_WRITTEN_E in _reason(query, listed)


@pytest.mark.parametrize(
    ("query", "listed", "entity_type"),
    [
        ("Kim Hyejin", "Kim Hyojin", EntityType.PERSON),  # 혜진 and 효진: two given names
        ("Hyejin Trading", "Hyojin Trading", EntityType.ORGANIZATION),  # both names of the lexicon
        ("Sejin Trading", "Sojin Trading", EntityType.ORGANIZATION),
        ("Mohsen Trading", "Mohson Trading", EntityType.ORGANIZATION),  # no Korean spelling
        ("Cheng Hong Trading", "Chong Hong Trading", EntityType.ORGANIZATION),  # pinyin Cheng
    ],
)
def test_e_and_o_stay_two_vowels_elsewhere(query: str, listed: str, entity_type: EntityType) -> None:
    assert EO_WRITTEN_E not in _reason(query, listed, entity_type)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("국방과학원", "Academy of National Defense Science"),
        ("대한민국 국방부", "Ministry of National Defense of the Republic of Korea"),
        ("国防部", "Ministry of National Defense"),
    ],
)
def test_national_defence_written_in_hangul_or_han(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


def test_the_ministry_after_national_defence_is_still_read() -> None:
    # 부 after 국방 is the Ministry, though 국방 reads as two English words
    assert name_form("국방부").core == ("national", "defence", "ministry")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Guojia Anquan Bu", "Ministry of State Security"),  # 国家安全部 in pinyin
        ("Zhongguo Guojia Hangtian Ju", "China National Space Administration"),  # 中国国家航天局
    ],
)
def test_a_chinese_name_in_pinyin_reads_as_its_characters_do(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    han = {"Guojia Anquan Bu": "国家安全部", "Zhongguo Guojia Hangtian Ju": "中国国家航天局"}[query]
    assert name_form(query).core == name_form(han).core


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Wang Anquan", ("wang", "anquan")),  # a person's name: two words, no glossary word
        ("Anquan Trading Company", ("anquan", "trading")),  # not all pinyin
        ("Li Ju", ("li", "ju")),
    ],
)
def test_pinyin_words_are_read_only_in_a_chinese_organisation_name(name: str, core: tuple[str, ...]) -> None:
    assert name_form(name).core == core
