"""Real words and names, which the matcher never reads as typos of one another."""

from __future__ import annotations

import pytest

from mtcr.screening.lexicon import (
    are_different_words,
    chinese_syllables,
    is_known_word,
    is_proper_name,
)
from mtcr.screening.wadegiles import pinyin_split


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("haiyang", 2),  # hai-yang
        ("zhongguancun", 3),
        ("xian", 0),  # one syllable: a word of its own, not a name of several syllables
        ("babaie", 0),  # a syllable after the first never starts with a vowel
        ("katimi", 0),  # ka-ti-mi splits, but nothing in it is spelled as only Chinese names are
        ("banana", 0),
        ("mohammad", 0),
        ("industries", 0),
    ],
)
def test_chinese_names_split_into_standard_syllables(word: str, syllables: int) -> None:
    assert chinese_syllables(word) == syllables


@pytest.mark.parametrize("word", ["electronics", "karst", "tehran", "haiying"])
def test_common_words_and_names_are_known(word: str) -> None:
    assert is_known_word(word)


@pytest.mark.parametrize("word", ["idnustries", "spae", "tefhnology", "bakery1"])
def test_slips_and_rare_dictionary_entries_are_not(word: str) -> None:
    assert not is_known_word(word)


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        ("electrics", "electronics", True),
        ("metal", "medal", True),
        ("electronic", "electronics", False),  # one word, singular and plural
        ("wheel", "wheeled", False),
        ("rezaei", "rezaie", False),  # one Persian name: its vowels are not written in Persian script
        ("haiyang", "haiying", True),  # pinyin writes its vowels: two names
        ("idnustries", "industries", False),  # a slip: one side is no word
        ("marine", "marina", True),  # English words: a vowel makes another word
        ("naser", "nader", True),
        ("shanghaji", "shanghai", False),  # a syllable more is a slip, not another Chinese name
        ("defenre", "defence", False),  # "de-fen-re" splits into pinyin, but is no Chinese name
        # spellings of one word or name
        ("fibre", "fiber", False),
        ("programme", "program", False),
        ("valeriy", "valerij", False),
        ("jamalzade", "jamalzadeh", False),
        ("tsihanouskaya", "tsikhanouskaya", False),
        ("oleksandra", "aleksandra", False),
        ("yeonglim", "yeongrim", False),
    ],
)
def test_two_real_words_are_different_words(a: str, b: str, different: bool) -> None:
    assert are_different_words(a, b) is different


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("fangwei", ("fang", "wei")), ("zhongguo", ("zhong", "guo")), ("xian", ("xian",)), ("karl", ()), ("", ())],
)
def test_pinyin_split_gives_the_fewest_syllables(word: str, syllables: tuple[str, ...]) -> None:
    assert pinyin_split(word) == syllables


@pytest.mark.parametrize(
    ("word", "proper"),
    [("rockside", True), ("parchin", True), ("mahdi", True), ("minsk", True), ("china", False), ("aerospace", False)],
)
def test_a_proper_name_is_no_common_word(word: str, proper: bool) -> None:
    assert is_proper_name(word) is proper
