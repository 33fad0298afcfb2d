"""Matcher 1.8.0: Russian names in French and German spelling, a long word slipped into a rare one, acronyms
that leave generic words out, more words read where written, and slips against the closed lists of words -
each rule with a pair it must keep apart, and the pairs its code review found."""

from __future__ import annotations

import pytest

from mtcr.screening.index import CandidateIndex
from mtcr.screening.lexicon import is_dropped_letter_slip
from mtcr.screening.matcher import DEFAULT_THRESHOLD, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import name_form, russian_in_western_spelling


def _score(query: str, listed: str, entity_type: EntityType = EntityType.ORGANIZATION) -> float:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).score


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("choigou", "shoigou"),  # French ch and ou
        ("chostakovitch", "shostakovitch"),  # French -itch; the tch stays
        ("tschemesow", "chemesov"),  # German tsch, -ow
        ("chruschtschow", "khrushchev"),  # German ch is х; -tschow is -чёв
        ("jewgeni", "jewgeni"),  # no sch: not read as German
        ("chang", "chang"),  # no French or German mark
        ("church", "church"),
    ],
)
def test_a_russian_name_in_french_or_german_spelling(written: str, read: str) -> None:
    assert russian_in_western_spelling(written) == read


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sergueï Choïgou", "Sergei Shoigu"),
        ("Sergej Tschemesow", "Sergei Chemezov"),
        ("Nikita Chruschtschow", "Nikita Khrushchev"),
        ("Dmitri Schostakowitsch", "Dmitri Shostakovich"),
        ("Chostakovitch", "Shostakovich"),
    ],
)
def test_russian_names_in_french_or_german_spelling_match(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.PERSON) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Deutsch Aerospace", "Dutch Aerospace"),  # a German word, not a Russian name
        ("Chang Trading", "Shang Trading"),  # English or pinyin ch: no French mark
        ("Chen Group", "Shen Group"),
    ],
)
def test_words_that_only_look_french_or_german_are_not_read_so(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_the_index_finds_a_russian_name_by_its_german_spelling() -> None:
    # the two spellings share no other key: not their starts, ends or sounds as written
    index = CandidateIndex([ListEntity("E1", EntityType.PERSON, ("Chemezov",))])
    assert [m.entity_id for m in index.screen(Party("Tschemesow"))] == ["E1"]


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("automaton", "automation", True),  # a letter dropped into a rare word
        ("goverment", "government", True),
        ("electrics", "electronics", False),  # two letters
        ("sepah", "sepahan", False),  # short
        ("researches", "researchers", False),  # the shorter is a common word in itself
        ("christophe", "christopher", False),
        ("australia", "australian", False),  # as common as each other
        ("heritage", "hermitage", False),  # the rarer is the longer: a letter added makes words
        ("peninsula", "peninsular", False),  # dropped at the end: another form of the word
        ("respirator", "respiratory", False),
    ],
)
def test_a_dropped_letter_slip_spells_a_rare_word(a: str, b: str, slip: bool) -> None:
    assert is_dropped_letter_slip(a, b) is slip


def test_a_long_word_slipped_into_a_rare_one_matches_in_an_otherwise_equal_name() -> None:
    assert _score("Shenyang Institute of Automaton", "Shenyang Institute of Automation") >= DEFAULT_THRESHOLD
    # alone, or with only generic words beside it, the slip is not read
    assert _score("Automaton", "Automation") < DEFAULT_THRESHOLD
    assert _score("Institute of Automaton", "Institute of Automation") < DEFAULT_THRESHOLD
    assert _score("Hong Kong Electrics", "Hong Kong Electronics") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("POSTECH", "Pohang University of Science and Technology"),  # University left out; TECH
        ("KMDB", "Kharkiv Morozov Machine Building Design Bureau"),  # Machine Building left out
        ("DTaQ", "Defense Agency for Technology and Quality"),  # Agency left out; a from "and"
    ],
)
def test_an_acronym_may_leave_generic_words_out(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    assert _score(listed, query) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("NATA", "National Defense Academy"),  # letters from two words only
        ("SHIG", "Shiraz Technical Group"),
        ("POST", "Pohang University of Science and Technology"),  # a word, not an acronym
        ("POSTECH", "Pohang University of Science"),  # the last word must give letters
        ("POSTECH", "Pyongyang University of Science and Technology"),  # no letter from "of" after a gap
        ("KMDB", "Kharkiv Malyshev Tractor Morozov Design Bureau"),  # a name of its own is never left out
    ],
)
def test_an_acronym_leaving_words_out_is_not_read_loosely(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("国家安全部", ("national", "security", "ministry")),
        ("中国地质大学", ("china", "geology", "university")),  # 地 read "de" by anyascii, joined first
        ("안보", ("security",)),
        ("淮安全通电子有限公司", ("huai", "quan", "tong", "electronics")),  # 淮安 Huaian: 安全 straddles it
        ("珠海洋航科技", ("zhu", "hai", "yang", "hang", "technology")),  # 珠海 Zhuhai, not 海洋 ocean
    ],
)
def test_words_read_where_written_and_where_they_do_not_straddle_a_name(name: str, core: tuple[str, ...]) -> None:
    assert name_form(name).core == core


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("淮安全通电子有限公司", "Huaian Quantong Electronics"),
        ("조선소재", "Korea Materials"),  # 조선 Korea, not 조선소 shipyard
        ("北京电力研究所", "Beijing Dian Li Yanjiusuo"),  # a native word of two English words, spaced pinyin
        ("中国集成电路", "Zhongguo Jicheng Dianlu"),
        ("航天固体运载火箭", "Hangtian Guti Yunzai Huojian"),
        ("中国精机公司", "China Jingji Company"),  # 精机 is left to the pinyin's reading
        ("조선상사무역회사", "Korea Sangsa Trading Company"),  # 상사 likewise
    ],
)
def test_native_words_keep_their_romanisation(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("国家安全部", "Ministry of State Security"),
        ("中国地质大学", "China University of Geosciences"),
        ("中国卫星导航系统管理办公室", "China Satellite Navigation Office"),
        ("國家太空中心", "National Space Center"),
        ("국가보위성", "Ministry of State Security"),
        ("Федеральная служба безопасности", "Federal Security Service"),
        ("وزارت اطلاعات", "Ministry of Intelligence"),
        ("هيئة التصنيع الحربي", "Military Industrialization Authority"),
        ("الهيئة العربية للتصنيع", "Arab Organization for Industrialization"),
        ("선전선동부", "Propaganda and Agitation Department"),
    ],
)
def test_more_words_are_read_where_written(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("公安部", "Ministry of State Security"),  # public security, not state security
        ("国家安全部", "Ministry of Public Security"),
        ("北京理工大学", "University of Science and Technology Beijing"),  # 理工 is still not read
        ("Weixing Trading", "Satellite Trading"),  # 卫星 is read only where written in Han
        ("대우상사", "DUT"),  # 상사 is not read as Trading, which gave D-U-T
    ],
)
def test_words_read_where_written_keep_these_apart(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("HESONG CRADING CORPORATION", "HESONG TRADING CORPORATION"),  # a slip on the first letter
        ("YA MAHDI INDUSTRIES LROUP", "YA MAHDI INDUSTRIES GROUP"),
        ("Beijing Eerospace Control Devices", "Beijing Aerospace Control Devices"),  # a glossary concept
        ("SHASID BABAIE INDUSTRIES", "SHAHID BABAIE INDUSTRIES"),  # a consonant differs, not a vowel
    ],
)
def test_slips_against_the_closed_lists_of_words(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hesong Grading Corporation", "Hesong Trading Corporation"),  # Grading is a word
        ("Dalia Carbon Co. Ltd.", "Dalian Carbon Co. Ltd."),  # Dalia is a name
        ("SHAHID KARAMI INDUSTRIES", "SHAHID KARIMI INDUSTRIES"),  # one vowel apart: two names
        ("Jilin University", "Jinan University"),  # two concepts are two places
        # places and persons' names are no closed list: a name one slip away is another name
        ("Shanghai Fudan Microelectronics Group", "Shanghai Fujian Microelectronics Group"),
        ("Korea Daesong Trading Corporation", "Korea Kaesong Trading Corporation"),
        ("Karun Petrochemical Company", "Karaj Petrochemical Company"),
        ("DULIAN CARBON CO. LTD.", "DALIAN CARBON CO. LTD."),
        ("Heritage Capital Management", "Hermitage Capital Management"),  # a letter added: two words
        ("Plantex Group", "Plant Group"),  # nothing else named beside the slip
    ],
)
def test_slips_against_the_closed_lists_keep_these_apart(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_a_given_name_one_slip_from_a_glossary_name_is_another_name() -> None:
    assert _score("Hessam Salami", "Hassan Salami", EntityType.PERSON) < DEFAULT_THRESHOLD
