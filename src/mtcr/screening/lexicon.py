"""Real words, to tell a different name from a mistyped one.

Two words one letter apart are a typo only when at most one of them is a real word: "Idnustries" is
a slip, but Hekmat and Hemmat, Nader and Naser, Haiyang and Haiying, Karst and Karat are each real
names or words, so a party called by one is not the listed entity called by the other. This is
how spelling checkers decide: a word found in the dictionary is not corrected.

The dictionary is the union of
- words common in English text (Zipf frequency of at least 2.5, about once in three million words,
  in ``wordfreq``'s English list: some 51,000 words, names such as Nader and Tehran among them; rarer
  entries of full dictionaries, such as "spae", are typos more often than they are names);
- personal and place names as written in Latin letters (``data/screening/lexicon/*.txt``: Persian
  and Arabic, Korean, Chinese places, Russian, Indian);
- Chinese words of two or more pinyin syllables (every syllable a standard pinyin syllable).
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from wordfreq import get_frequency_dict

from mtcr.screening.normalise import abjad_key
from mtcr.screening.wadegiles import PINYIN_SYLLABLES

_LONGEST_SYLLABLE = 6  # zhuang, chuang, shuang


_LEXICON = Path(__file__).resolve().parent.parent / "data" / "screening" / "lexicon"
ABJAD_NAMES_FILE = "persian_arabic_names.txt"


def _read(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _names() -> frozenset[str]:
    return frozenset().union(*(_read(path) for path in sorted(_LEXICON.glob("*.txt"))))


@cache
def _abjad_names() -> frozenset[str]:
    return _read(_LEXICON / ABJAD_NAMES_FILE)


MIN_ENGLISH_ZIPF = 2.5


@cache
def _english() -> frozenset[str]:
    least = 10 ** (MIN_ENGLISH_ZIPF - 9)  # Zipf frequency is log10 of occurrences per billion words
    frequencies = get_frequency_dict("en")
    return frozenset(
        word for word, share in frequencies.items() if share >= least and word.isascii() and word.isalpha()
    )


@lru_cache(maxsize=100_000)
def is_pinyin(word: str) -> bool:
    """``word`` splits into two or more standard pinyin syllables ("haiyang": hai-yang; not "babaie")."""
    reachable = [False] * (len(word) + 1)  # reachable[i]: word[:i] splits into syllables
    syllables = [0] * (len(word) + 1)  # the fewest syllables that reach i
    reachable[0] = True
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            syllable = word[start:end]
            # a syllable after the first never starts with a vowel: pinyin writes Xi'an, not Xian
            if reachable[start] and syllable in PINYIN_SYLLABLES and (start == 0 or syllable[0] not in "aeo"):
                count = syllables[start] + 1
                if not reachable[end] or count < syllables[end]:
                    reachable[end], syllables[end] = True, count
    return reachable[-1] and syllables[-1] >= 2


def is_known_word(word: str) -> bool:
    """A real word or name, as written in Latin letters (lower case)."""
    return word in _english() or word in _names() or is_pinyin(word)


# Endings that make another form of one word (Electronic / Electronics, Wheel / Wheeled), not another word
_INFLECTIONS = ("s", "es", "d", "ed", "ing")


def _inflected(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and longer[len(shorter) :] in _INFLECTIONS


def _one_name_in_arabic_script(a: str, b: str) -> bool:
    """Persian and Arabic names leave short vowels unwritten, so Latin spellings of one name differ in
    their vowels (Morteza/Mortaza, Babaei/Babaie): such names with the same consonants may be one."""
    abjad = _abjad_names()
    return a in abjad and b in abjad and abjad_key(a) == abjad_key(b)


def are_different_words(a: str, b: str) -> bool:
    """``a`` and ``b`` are two real words, not two forms or spellings of one: neither is a typo of the other."""
    return not _inflected(a, b) and not _one_name_in_arabic_script(a, b) and is_known_word(a) and is_known_word(b)
