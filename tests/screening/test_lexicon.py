"""Real words and names, which the matcher never reads as typos of one another."""

from __future__ import annotations

import pytest

from mtcr.screening.lexicon import are_different_words, is_known_word, is_pinyin


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("haiyang", True),  # hai-yang
        ("zhongguancun", True),
        ("xian", False),  # one syllable: a word of its own, not a name of several syllables
        ("babaie", False),  # a syllable after the first never starts with a vowel
        ("mohammad", False),
        ("industries", False),
    ],
)
def test_pinyin_words_split_into_standard_syllables(word: str, expected: bool) -> None:
    assert is_pinyin(word) is expected


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
    ],
)
def test_two_real_words_are_different_words(a: str, b: str, different: bool) -> None:
    assert are_different_words(a, b) is different
