"""Matcher 1.7.0: letters of the Arabic script read as Persian and Urdu say them, Persian given names written as
one word, Russian ё written yo or e, and Chinese army and airline names - each rule with a pair it must keep
apart."""

from __future__ import annotations

import pytest

from mtcr.screening.index import CandidateIndex
from mtcr.screening.keys import blocking_keys
from mtcr.screening.matcher import DEFAULT_THRESHOLD, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import (
    english_loanword_consonants,
    korean_loanword_consonants,
    name_form,
    phonetic_key,
    transliterate,
    yo_as_e,
)


def _score(query: str, listed: str, entity_type: EntityType = EntityType.PERSON) -> float:
    return compare(Party(query), ListEntity("E1", entity_type, (listed,))).score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("کاظمی", "kdhmy"),  # ظ as anyascii writes it, dh
        ("رمضانی", "rmdhny"),  # ض written dh too: d as written, z as Persian says it
        ("ثابتی", "thbty"),
    ],
)
def test_arabic_letters_that_persian_says_otherwise_are_written_dh_and_th(text: str, expected: str) -> None:
    assert transliterate(text) == expected


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("کاظمی", "Kazemi"),
        ("رمضانی", "Ramezani"),
        ("مظفری", "Mozaffari"),
        ("ثابت", "Sabet"),  # ث read s
        ("ثابت", "Thabet"),
        ("ثابت", "Tabet"),
        ("هيثم", "Haitam"),
        ("منذر", "Munther"),
        ("ذياب", "Diab"),
        ("كاظم", "Kadim"),
        ("رضا", "Reza"),  # ض read z, with no Persian letter
        ("محمدرضا", "Mohammadreza"),
        ("رمضاني", "Ramezani"),  # Persian typed with the Arabic ي
        ("رمضان", "Ramadan"),
        ("فاضل", "Fazel"),
        ("ظاهر", "Zaher"),
        ("فتحی", "Fathi"),  # th here is ت and ه, as written
        ("عثمان", "Osman"),
        ("ذوالقدر", "Zolghadr"),  # و as the vowel o
        ("محمدجواد ظریف", "Mohammad Javad Zarif"),  # a given name of two written as one word
        ("علیرضا", "Ali Reza"),
        ("محمد باقر", "Mohammadbagher"),
        ("حاجی زاده", "Hajizadeh"),
        ("عبد الرحمن", "Abdul Rahman"),  # عبد and the name after it are one name
        ("عبد الرحمن", "Abd al-Rahman"),
        ("عبد القدیر خان", "Abdul Qadeer Khan"),
    ],
)
def test_persian_names_meet_their_romanisations(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("نادر", "Nazer"),  # د is d: Nader is not Nazer
        ("ناصر", "Nader"),
        ("محمد جواد", "Mohammad Jafar"),
        ("عبد الرحمن", "Abdul Karim"),
        ("ظاهر", "زاهر"),  # two names in one script are told by their letters
        ("علیرضایی کریمی", "Ali Reza Karimi"),  # a final ی is a name of its own (Alirezaei)
    ],
)
def test_persian_readings_keep_other_names_apart(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_thani_is_no_industry() -> None:
    assert _score("حمد بن جاسم آل ثاني", "Hamad bin Jassim Industries") < DEFAULT_THRESHOLD


def test_arabic_glossary_words_still_read_in_persian() -> None:
    assert "space" in name_form("سازمان فضایی ایران").core
    assert "aerospace" in name_form("سازمان صنایع هوافضا").core
    assert "space" in name_form("فضائية").core  # Arabic, read as before


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Fyodor Ivanov", "Fedor Ivanov"),
        ("Pyotr Petrov", "Petr Petrov"),
        ("Sergei Korolyov", "Sergei Korolev"),
        ("Semjon Orlov", "Semen Orlov"),
        ("Mikhail Gorbachyov", "Mikhail Gorbachev"),
        ("Фёдор Иванов", "Fyodor Ivanov"),  # anyascii reads ё as e
    ],
)
def test_russian_yo_meets_e(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


def test_russian_yo_in_an_organisation_name() -> None:
    assert _score("Zvyozdochka", "Zvezdochka", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Pyongyang Trading", "Pengyang Trading"),  # Korean ㅕ before ng
        ("Hyon Chol", "Hen Chol"),  # a short word: Korean 현
        ("Yoshida Taro", "Eshida Taro"),  # yo after no consonant
        ("Hyosung", "Haesung Heavy Industries"),  # Korean hyo
        ("Kyobo Life Insurance", "Kebo Life Insurance"),
        ("Tokyo Boeki", "Toke Boeki"),  # Japanese
        ("Bjorn Larsen", "Bern Larsen"),
    ],
)
def test_korean_and_initial_yo_are_not_russian(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD


def test_yo_as_e() -> None:
    assert yo_as_e("zvyozdochka") == "zvezdochka"
    assert yo_as_e("pjotr") == "petr"
    assert yo_as_e("kyong") == "kyong"
    assert yo_as_e("hyon") == "hyon"


def test_the_index_finds_the_other_spelling() -> None:
    assert "p:" + phonetic_key("zvezdochka") in blocking_keys(name_form("Zvyozdochka"))
    for latin in ("Sabet", "Thabet"):  # ث read s, and a Latin th as the matcher reads it
        assert any(key.startswith("s:") for key in blocking_keys(name_form("ثابت")) & blocking_keys(name_form(latin)))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("中国人民解放军火箭军", "PLA Rocket Force"),  # PLA written out; 军 ending a name is its army or force
        ("中国人民解放军", "People's Liberation Army"),
    ],
)
def test_chinese_army_and_airline_names(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_jun_in_a_given_name_is_no_army() -> None:
    assert _score("李军", "Li Army") < DEFAULT_THRESHOLD
    assert _score("李军", "Li Jun") >= DEFAULT_THRESHOLD


def test_a_looser_typo_where_the_rest_of_the_name_is_the_same() -> None:
    # two slips in one word (henjin, 0.825 alike): no typo alone, one where Korea ... Trading agree
    assert _score("Korea Henjin Trading Co.", "KOREA HEUNGJIN TRADING COMPANY", EntityType.ORGANIZATION) >= (
        DEFAULT_THRESHOLD
    )
    assert _score("Korea Henjin", "Heungjin", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Shahid Sattari Industries", "Shahid Shushtari Industries"),  # not alike enough
        ("Bank Sepahan International", "Bank Sepah International"),
        ("Shahid Mofatteh Industry", "Shahid Movahed Industry"),
        ("Dalian Sunny Industries", "Dalia Sunny Industries"),  # both real names
        ("Dalian Huarui Heavy Industry", "Dalian Huarun Heavy Industry"),  # two pinyin names
        ("Shenzhen Huawei Technologies", "Shenzhen Huawen Technologies"),
        ("Mohammad Ali Nasiri", "Mohammad Ali Nasari"),  # one vowel apart
    ],
)
def test_one_word_apart_names_stay_apart(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


def test_a_one_word_name_with_two_letters_swapped() -> None:
    assert _score("Lontke", "Lontek", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD
    assert _score("Grafti", "Grafit", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_a_one_word_name_one_slip_from_another_is_no_typo_of_it() -> None:
    assert _score("Parchim", "Parchin", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD  # a town; the Iranian site
    assert _score("Sinotec", "Sinopec", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    assert _score("USTC", "UESTC", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ryonha Machinery Jointt Venture Corporation", "Ryonha Machinery Joint Venture Corporation"),
        ("Minsk Wheel Tractor Plant Open Jount Stock Company", "Minsk Wheel Tractor Plant OJSC"),
        ("Akhtar and Sons Private Limites", "Akhtar and Sons Pvt Ltd"),
    ],
)
def test_a_slip_in_a_company_form_of_several_words(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_a_real_word_before_a_form_is_no_slip_of_it() -> None:
    assert name_form("National Stock Company").core == ("national", "stock")  # stock alone is no form
    assert name_form("Alpha Joints Company").words == ("alpha", "joints")  # a real word, not "joint"


def test_an_inline_acronym_may_spell_the_form_after_its_run() -> None:
    assert _score("RSC Energia", "Rocket and Space Corporation Energia", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD
    assert _score("RSL Energia", "Rocket and Space Corporation Energia", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    # the word after the run must be a company form: Trading is none
    assert _score("KTC Bank", "Korea Tangun Trading Company Bank", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


def test_a_compass_point_of_two_gives_two_initials() -> None:
    assert "nwpu" in name_form("Northwestern Polytechnical University").acronyms
    assert _score("NWPU", "Northwestern Polytechnical University", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD
    assert _score("NPU", "Northwestern Polytechnical University", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tulskiy oruzheyniy zavod", "Tula Arms Plant"),
        ("Kazanskogo vertoletnogo zavoda", "Kazan Helicopter Plant"),  # the genitive, by the stem
        ("KBP imeni akademika A. G. Shipunova", "KBP named after Academician A.G. Shipunov"),
        ("Goskorporatsiya Rostec", "State Corporation Rostec"),
    ],
)
def test_more_russian_words_of_defence_industry_names(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("صنایع هواپیماسازی ایران", "Iran Aircraft Manufacturing Industries"),
        ("شرکت ملی نفت ایران", "National Iranian Oil Company"),
        ("کشتیرانی جمهوری اسلامی ایران", "Islamic Republic of Iran Shipping Lines"),
    ],
)
def test_more_persian_words_of_organisation_names(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_a_persian_plural_is_its_singular() -> None:
    assert name_form("سازمان پژوهش‌های نوین دفاعی").words[1] == "pzhwhsh"


def test_oil_is_not_petroleum() -> None:
    # Bharat Petroleum is not Indian Oil: the two words are two firms' names
    assert _score("Bharat Petroleum Corporation Limited", "Indian Oil Corporation Limited", EntityType.ORGANIZATION) < (
        DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ब्रह्मोस एयरोस्पेस", "BrahMos Aerospace"),  # soft c
        ("پاکستان اٹامک انرجی کمیشن", "Pakistan Atomic Energy Commission"),  # soft g
        ("نیشنل ڈویلپمنٹ کمپلیکس", "National Development Complex"),  # -tion, x
        ("پاکستان آرڈیننس فیکٹریز", "Pakistan Ordnance Factories"),
        ("سپارکو", "SUPARCO"),  # a hard c, the last و a vowel
    ],
)
def test_english_loanwords_in_urdu_and_hindi(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_loanword_sounds_keep_other_words_apart() -> None:
    assert _score("نیشنل کمپلیکس", "National Compass", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


def test_vikas_is_development_only_in_devanagari() -> None:
    assert _score("रक्षा अनुसंधान एवं विकास संगठन", "Defence Research and Development Organisation") >= (DEFAULT_THRESHOLD)
    assert _score("Vikas Kumar", "Development Kumar") < DEFAULT_THRESHOLD  # a given name in Latin letters


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("한화에어로스페이스", "Hanwha Aerospace"),
        ("한화시스템", "Hanwha Systems"),
        ("삼성테크윈", "Samsung Techwin"),
        ("두산에너빌리티", "Doosan Enerbility"),  # 두 du is a syllable, not the French du
        ("대한트레이딩", "Daehan Trading"),
    ],
)
def test_english_loanwords_written_in_hangul(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_a_hangul_loanword_is_that_word_only() -> None:
    assert _score("한화에어로스페이스", "Hanwha Systems", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    assert _score("한화시스템", "Hanwha Aerospace", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


def test_loanword_consonants() -> None:
    assert korean_loanword_consonants("eeoroseupeiseu") in english_loanword_consonants("aerospace")
    assert korean_loanword_consonants("tekeuwin") in english_loanword_consonants("techwin")  # ch as k
    assert korean_loanword_consonants("hanhwa") not in english_loanword_consonants("aerospace")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Московский институт теплотехники", "Moscow Institute of Thermal Technology"),
        (
            "Федеральная служба по военно-техническому сотрудничеству",
            "Federal Service for Military-Technical Cooperation",
        ),
        ("Объединённая авиастроительная корпорация", "United Aircraft Corporation"),
    ],
)
def test_more_russian_words_in_cyrillic(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_fgup_is_a_company_form() -> None:
    assert "fgup" not in name_form("ФГУП «Центральный научно-исследовательский институт машиностроения»").core


def test_shanxi_is_not_shaanxi() -> None:
    assert _score("Shanxi Machinery", "Shaanxi Machinery", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    assert _score("Shensi Aircraft Industry", "Shaanxi Aircraft Industry", EntityType.ORGANIZATION) >= (
        DEFAULT_THRESHOLD
    )  # the postal spelling


def test_bureau_and_office_translate_one_word() -> None:
    assert _score("Bureau 39", "Office 39", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD
    assert _score("Bureau 39", "Office 38", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("text", "expected"),
    [("第十四研究所", "14th yan jiu suo"), ("第二研究院", "2nd yan jiu yuan"), ("第一百零五厂", "105th chang")],
)
def test_a_numbered_chinese_body_is_its_english_ordinal(text: str, expected: str) -> None:
    assert transliterate(text) == expected


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("中国航天科工集团第二研究院", "Second Academy of China Aerospace Science and Industry Corporation"),
        ("中国人民解放军战略支援部队", "PLA Strategic Support Force"),
        ("中国商用飞机有限责任公司", "Commercial Aircraft Corporation of China"),
    ],
)
def test_more_chinese_words_of_defence_names(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


def test_numbered_institutes_stay_apart() -> None:
    assert _score("第十四研究所", "24th Research Institute", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Iran Air", "Iran Airlines"),  # two glossary concepts, one short for the other
        ("Pak Ordnance Factories", "Pakistan Ordnance Factories"),
        ("삼성디스플레이", "Samsung Display"),  # the loanword's last syllables add no consonant
    ],
)
def test_review_of_1_7_0_same_entities(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Iran Aircraft Industries", "Iran Aviation Industries Organization"),  # two listed entities
        ("中国航空集团公司", "China Airlines Co. Ltd"),  # Air China's parent, not Taiwan's airline
        ("Kirin Holdings", "Jilin Holdings"),
        ("Thermal Power", "سرمل پاور کمپنی"),  # a Latin th is not read s
    ],
)
def test_review_of_1_7_0_different_entities(query: str, listed: str) -> None:
    assert _score(query, listed, EntityType.ORGANIZATION) < DEFAULT_THRESHOLD


def test_a_first_korean_liquid_before_yo_is_not_russian() -> None:
    assert _score("Ryonha", "Renha Machinery", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    assert _score("Lyons", "Lens Technology", EntityType.ORGANIZATION) < DEFAULT_THRESHOLD
    assert _score("Alyona Ivanova", "Alena Ivanova") >= DEFAULT_THRESHOLD


def test_urdu_air_force_is_not_arabic_space() -> None:
    assert _score("پاک فضائیہ", "Pakistan Air Force", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD
    assert _score("وكالة الفضائية", "Space Agency", EntityType.ORGANIZATION) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("سپارکو", "SUPARCO"),  # و a vowel
        ("ذوالقدر", "Zolghadr"),  # dh read z
        ("ثابت", "Sabet"),
        ("एयरोस्पेस", "Aerospace"),  # a soft c
        ("Zvyozdochka", "Zvezdochka"),
    ],
)
def test_the_index_finds_what_the_1_7_0_readings_match(query: str, listed: str) -> None:
    noise = [ListEntity(f"N{i}", EntityType.ORGANIZATION, (f"{word} Trading",)) for i, word in enumerate(_NOISE)]
    index = CandidateIndex([ListEntity("E1", EntityType.ORGANIZATION, (listed,)), *noise])
    assert "E1" in {match.entity_id for match in index.screen(Party(query))}


_NOISE = ["Sapir", "Zolfa", "Sabri", "Aero", "Zvezda", "Parsa", "Qadr", "Sepahan", "Rostam", "Tabesh"] * 20
