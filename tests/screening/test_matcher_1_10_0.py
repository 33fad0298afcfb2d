"""Matcher 1.10.0: a Han or Hangul syllable is a word of the name even where its reading spells a Latin company
form (사 "sa"); the Arabic article joined with another vowel (Amirolmomenin); 국방 and 国防, National Defence;
Chinese organisations' names in pinyin read as their characters. Each with the pairs it must keep apart."""

from __future__ import annotations

import pytest

from mtcr.errors import InputError
from mtcr.screening.matcher import DEFAULT_THRESHOLD, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import name_form
from mtcr.screening.parties import country_code


def _score(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> float:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).score


def _reason(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> str:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).features[0].reason


def test_a_syllable_is_a_word_of_the_name_not_a_latin_company_form() -> None:
    assert "sa" in name_form("방위사업청").words  # 사업, business: no Société Anonyme


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the stop words a syllable reads as stay dropped on both sides: surnames An and Du
        ("안두일", "An Du Il"),
        ("杜德明", "Du De Ming"),
        ("安根生", "An Gensheng"),
        ("안정호", "Ahn Jong Ho"),
        ("김안철", "Kim Ahn Cheol"),
    ],
)
def test_persons_named_with_syllables_that_are_stop_words_elsewhere(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.PERSON) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("한국가스공사", "Korea Gas Corporation"),  # 공사, public corporation: a company form
        ("조선광명상사", "Korea Kwangmyong Trading Company"),  # 상사, trading company
        ("두산중공업", "Doosan Heavy Industries & Construction"),
        ("北京安德科技有限公司", "Beijing An De Technology Co Ltd"),
        ("사진 Trading", "Sa Jin Trading"),  # 사 here, Sa there: dropped in Latin letters, written on both sides
    ],
)
def test_korean_and_chinese_company_names_still_meet_their_english(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("조선혁신무역회사", {"hoe", "sa"}),  # 회사, company, is still a company form
        ("한국가스공사", {"gong", "sa"}),  # and 공사, public corporation
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
    # and the romanised spellings read as the written word does
    assert name_form("Kukpang Kwahakwon").core == name_form("국방과학원").core


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
        ("Zong Wei Xing", ("general", "wei", "xing")),  # a person's name: no sign of a body
        ("Zong Hai Yang", ("general", "hai", "yang")),
    ],
)
def test_pinyin_words_are_read_only_in_a_chinese_organisation_name(name: str, core: tuple[str, ...]) -> None:
    assert name_form(name).core == core


@pytest.mark.parametrize("code", ["XX", "ZZ", "EU"])
def test_a_party_country_must_be_a_country(code: str) -> None:
    with pytest.raises(InputError, match="no country's ISO 3166 code"):
        country_code(code, "--country")
