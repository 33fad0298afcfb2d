"""Matcher 1.6.0: names read as their scripts and languages write them (Devanagari, Hangul ㄹ, Russian and
Ukrainian grammar, Arabic lil-, acronyms of translations), each rule with a case it must not merge."""

from __future__ import annotations

import pytest

from mtcr.screening.matcher import DEFAULT_THRESHOLD, compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.screening.normalise import name_form, transliterate


def _score(query: str, listed: str) -> float:
    return compare(Party(query), ListEntity("E1", EntityType.ORGANIZATION, (listed,))).score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("कोचीन शिपयार्ड लिमिटेड", "kochin shipyard limited"),  # च ch, श sh
        ("भारतीय रिज़र्व बैंक", "bhartiy rizrv baink"),  # a nukta letter, the anusvara n
        ("रक्षा अनुसंधान", "rksha anusndhan"),  # ष sh
        ("मुंबई संपर्क", "mumbi smprk"),  # the anusvara before a labial is m
    ],
)
def test_devanagari_is_written_as_indian_names_are(text: str, expected: str) -> None:
    assert transliterate(text) == expected


def test_devanagari_and_is_no_word() -> None:
    assert "end" not in name_form("गार्डन रीच शिपबिल्डर्स एंड इंजीनियर्स").core  # एंड, the English loan
    assert name_form("End Point Shipyard").core[0] == "end"  # in Latin letters, a word
    assert _score("Cochin Shipyard Limited", "कोचीन शिपयार्ड लिमिटेड") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("현대로템", "hyeon dae ro tem"),  # ㄹ before a vowel is r
        ("로동신문", "ro dong sin mun"),
        ("벨라루스", "bel la ru seu"),  # after a ㄹ, ll
        ("물류", "mul lyu"),
    ],
)
def test_hangul_rieul_before_a_vowel_is_r(text: str, expected: str) -> None:
    assert transliterate(text) == expected


def test_hangul_r_meets_the_romanised_name() -> None:
    assert _score("Hyundai Rotem Company", "현대로템 주식회사") >= DEFAULT_THRESHOLD
    assert _score("Korea Ryonbong General Corporation", "조선련봉총회사") >= DEFAULT_THRESHOLD


def test_russian_and_ukrainian_small_words_are_no_words() -> None:
    assert name_form("Федеральная служба по техническому и экспортному контролю").core == (
        "federal",
        "service",
        "technology",
        "export",
        "control",
    )
    # an initial keeps its letter, and the "with" of a company form goes with the form
    assert name_form("Завод имени В. И. Ленина").core[-3:-1] == ("v", "i")
    assert name_form("Общество с ограниченной ответственностью «Ромашка»").core == ("romashka",)
    assert name_form("V Tech Trading").core[0] == "v"  # in Latin letters, a word
    # only between two words of three letters or more: a Chinese name, initials, В/О, a name alone stay
    assert _score("Ли На", "Li Na") >= DEFAULT_THRESHOLD
    assert _score("Иванов И И", "Ivanov A B") < DEFAULT_THRESHOLD
    assert _score("ООО По", "Po Company") >= DEFAULT_THRESHOLD
    assert _score("В/О Машиноэкспорт", "V/O Mashinoexport") >= DEFAULT_THRESHOLD


def test_a_russian_adjective_is_read_in_any_case() -> None:
    assert name_form("техническому").core == ("technology",)  # dative; the glossary lists tekhnicheskiy
    assert name_form("Федеральной").core == ("federal",)
    assert name_form("Investigation Economy").core == ("investigation", "economic")  # English words stay
    assert name_form("Shangyi Kuangyi").core == ("shangyi", "kuangyi")  # pinyin names, not shangye, kuangye


def test_a_name_after_imeni_is_read_in_the_nominative() -> None:
    assert name_form("Завод імені В. О. Малишева").core[-1] == "malishev"
    assert name_form("Київський політехнічний інститут імені Ігоря Сікорського").core[-2:] == ("igor", "sikorsky")
    assert _score("ДП «Завод імені В. О. Малишева»", "Malyshev Plant") >= DEFAULT_THRESHOLD
    # in English the name is as it is; and a word after the honoured name keeps its ending
    assert name_form("Plant named after Kirova").core[-1] == "kirova"
    assert name_form("Zavod imeni Lenina Moskva").core[-2:] == ("lenin", "moscow")
    assert name_form("Universitet imeni Shota Rustaveli").core[-2] == "shota"  # not every -a is a genitive


def test_arabic_lil_goes_only_before_a_longer_word() -> None:
    assert _score("لليان", "Lilian") >= DEFAULT_THRESHOLD  # a name
    assert _score("شركة لليث", "Laith Company") >= DEFAULT_THRESHOLD  # li + Laith: the lam is the word's


def test_arabic_lil_goes_as_the_article_does() -> None:
    assert name_form("المؤسسة العامة للصناعات الدفاعية").core == ("institute", "general", "industry", "defence")
    assert _score("General Authority for Atomic Energy", "الهيئة العامة للطاقة الذرية") >= DEFAULT_THRESHOLD


def test_persian_words_of_the_revolutionary_guard() -> None:
    assert _score("Islamic Revolutionary Guard Corps", "سپاه پاسداران انقلاب اسلامی") >= DEFAULT_THRESHOLD
    assert _score("Atomic Energy Organization of Iran", "سازمان انرژی اتمی ایران") >= DEFAULT_THRESHOLD
    assert name_form("TMY Trading").core[0] == "tmy"  # اتمی's letters, in Latin, are an acronym


def test_a_consonant_match_as_written_comes_before_a_folded_one() -> None:
    # Sahand meets سهند as written; صنعتی ("snty") only once d is folded to t
    assert _score("Sahand University of Technology", "دانشگاه صنعتی سهند") >= DEFAULT_THRESHOLD


def test_a_word_an_acronym_covers_may_be_spelled_out_again() -> None:
    # the long name has Army twice: PLA covers one, the other meets the short name's Army
    assert (
        _score("PLA Army Engineering University", "Army Engineering University of the People's Liberation Army")
        >= DEFAULT_THRESHOLD
    )
    # initials are of the words as written, never of a translation: CAT is not 中国航天科技 (China Aerospace Technology)
    assert _score("CAT Group", "中国航天科技集团") < DEFAULT_THRESHOLD


def test_gun_after_a_glossary_word_is_the_army() -> None:
    assert _score("Strategic Force", "전략군") >= DEFAULT_THRESHOLD  # 전략 strategic, 군 army or force
    assert name_form("김정군").core[-1] != "army"  # a personal name's last syllable stays a syllable


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("State Academy of Sciences", "국가과학원"),  # 국가: national or state
        ("Reconnaissance General Bureau", "정찰총국"),
        ("Korean Revolutionary Armed Forces", "조선혁명무력"),
        ("Beijing Institute of Control Engineering", "北京控制工程研究所"),
        ("China Academy of Aerospace Aerodynamics", "中国航天空气动力技术研究院"),
        ("Marine Industries Organization", "سازمان صنایع دریایی"),
        ("Khatam al-Anbiya Construction Headquarters", "قرارگاه سازندگی خاتم الانبیاء"),
        ("Higher Institute for Applied Sciences and Technology", "المعهد العالي للعلوم التطبيقية والتكنولوجيا"),
        (
            "Central Research Institute of Chemistry and Mechanics",
            "Центральный научно-исследовательский институт химии и механики",
        ),
        ("Makeyev State Rocket Centre", "Государственный ракетный центр имени академика В. П. Макеева"),
    ],
)
def test_more_words_of_missile_programmes_names(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


def test_an_honorific_may_start_with_its_title() -> None:
    # akademika V. P. Makeeva: the title, the initials, the name
    assert name_form("Центр имени академика В. П. Макеева").honorific == (1, 2, 3, 4)


def test_words_of_an_organisation_type_are_generic() -> None:
    # Research and Production (НПК), Machine Building: what kind of body, not which
    assert _score("Uralvagonzavod", "Research and Production Corporation Uralvagonzavod") >= DEFAULT_THRESHOLD
    assert _score("NPK Uralvagonzavod", "Scientific Production Corporation Uralvagonzavod") >= DEFAULT_THRESHOLD
    assert _score("Morozov Design Bureau", "Kharkiv Morozov Machine Building Design Bureau") >= DEFAULT_THRESHOLD
    assert _score("Alfa Production Association", "Beta Production Association") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("native", "romanised"),
    [("中南建设", "Zhongnan Construction"), ("长征", "Changzheng"), ("조선로동당", "Choson Rodongdang")],
)
def test_a_native_word_two_in_english_still_meets_its_romanisation(native: str, romanised: str) -> None:
    assert _score(native, romanised) >= DEFAULT_THRESHOLD


def test_a_short_word_in_arabic_script_is_no_acronym() -> None:
    assert _score("شرکت سایپا", "SAIPA") >= DEFAULT_THRESHOLD  # سایپا is "syp" in consonants
    assert _score("سایپا", "SAP") < DEFAULT_THRESHOLD  # SAP alone is letters


def test_ri_is_li() -> None:
    # 리 (the North's spelling) and 李 are one surname
    assert _score("리영호", "Li Yong Ho") >= DEFAULT_THRESHOLD
    assert _score("Ri Yong Ho", "Li Yong Ho") >= DEFAULT_THRESHOLD


def test_native_words_stay_names_in_latin_letters() -> None:
    assert name_form("Zhongnan Trading").core == ("zhongnan", "trading")  # 中南 is read only where written
    assert name_form("中南大学").core == ("central", "south", "university")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Islamic Revolutionary Guard Corps", "Islamic Republic Guard Corps Trading"),
        ("Korea Bank", "고려은행"),  # Koryo Bank: 고려 is a name, not Korea
        ("Devi Shipyard", "गोवा शिपयार्ड लिमिटेड"),
        ("ДП «Завод імені В. О. Малишева»", "Malysh Plant"),
    ],
)
def test_the_1_6_0_rules_do_not_merge_these(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD
