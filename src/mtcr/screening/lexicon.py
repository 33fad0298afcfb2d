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
- Chinese names of two or more pinyin syllables, with zh, x, q or ng (every syllable a standard one).

Spellings of one word or name are not two words: plurals and other endings, British and American
spelling, and names whose romanisations differ only in vowels, glides, h and l/r.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

from mtcr.screening.normalise import spelling_skeleton
from mtcr.screening.wadegiles import pinyin_split

_LEXICON = Path(__file__).resolve().parent.parent / "data" / "screening" / "lexicon"


@cache  # _names and _korean_names share the Korean file
def _read(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _names() -> frozenset[str]:
    return frozenset().union(*(_read(path) for path in sorted(_LEXICON.glob("*.txt"))))


def is_listed_name(word: str) -> bool:
    """A name or place of the lexicon's lists (lower case, romanised): Huaian, Zhuhai, Minsk, Nader."""
    return word in _names()


@cache
def _korean_names() -> frozenset[str]:
    return _read(_LEXICON / "korean_names.txt")


def is_korean_name(word: str) -> bool:
    """A Korean name or place of the lexicon (lower case, romanised): Rajin, Najin, Kaesong, Pak."""
    return word in _korean_names()


MIN_ENGLISH_ZIPF = 2.5


@cache
def _english() -> frozenset[str]:
    least = 10 ** (MIN_ENGLISH_ZIPF - 9)  # Zipf frequency is log10 of occurrences per billion words
    frequencies = get_frequency_dict("en")
    return frozenset(
        word for word, share in frequencies.items() if share >= least and word.isascii() and word.isalpha()
    )


def pinyin_syllables(word: str) -> int:
    """How many standard pinyin syllables ``word`` splits into (the fewest), 0 when it does not split."""
    return len(pinyin_split(word))


# Letters that pinyin has and most other languages seldom write so: many strings of consonants and vowels
# split into pinyin syllables (banana, katimi, defenre), Chinese names mostly carry one of these.
_CHINESE_MARK = re.compile(r"zh|x|q|ng")


def chinese_syllables(word: str) -> int:
    """Syllables of a Chinese name in pinyin (two at least, with zh, x, q or ng: "haiyang"), else 0."""
    count = pinyin_syllables(word)
    return count if count >= 2 and _CHINESE_MARK.search(word) else 0


# Countries and capitals (China, Korea, Beijing) and words such as Park and Song are names, but as
# common in English as dictionary words: they tell one organisation from another no better than
# "Aerospace" does.
MAX_PROPER_NAME_ZIPF = 4.0


@lru_cache(maxsize=100_000)
def is_common_word(word: str) -> bool:
    """A word as common in English text as a country's name (lower case): Park, Song, China, Aerospace."""
    return zipf_frequency(word, "en") >= MAX_PROPER_NAME_ZIPF


def is_proper_name(word: str) -> bool:
    """A name of its own (Parchin, Rockside, Mahdi, Minsk; lower case): not a common English word, or a
    listed name or place rarer in English than a country is."""
    if word not in _english():
        return word.isalpha()
    return word in _names() and not is_common_word(word)


def is_english_word(word: str) -> bool:
    """A word of English text (lower case), names as common as Rose and Rana included."""
    return word in _english()


def is_known_word(word: str) -> bool:
    """A real word or name, as written in Latin letters (lower case)."""
    return word in _english() or word in _names() or chinese_syllables(word) > 0


MIN_DROPPED_LETTER_WORD = 8  # shorter English words one letter apart are as often two words (Sepah / Sepahan)
SLIP_RARITY = 1.0  # Zipf units: the slipped spelling is at least ten times rarer in English than the word
MAX_SLIP_ZIPF = 3.0  # and rare in itself (not Researches for Researchers, Christophe for Christopher)


def is_dropped_letter_slip(a: str, b: str) -> bool:
    """Two English words of eight letters or more, the shorter one the longer with a letter inside it
    dropped, and far rarer (Automaton for Automation): in a name otherwise the same, a slip of the hand that
    happens to spell a rare word, not another name. A letter added, or dropped at either end, more often
    makes a word of its own (Hermitage / Heritage, Peninsular / Peninsula, Respiratory / Respirator)."""
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < MIN_DROPPED_LETTER_WORD:
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if not any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1)):
        return False
    rare, common = zipf_frequency(shorter, "en"), zipf_frequency(longer, "en")
    return rare < MAX_SLIP_ZIPF and common - rare >= SLIP_RARITY


# Endings that make another form of one word (Electronic / Electronics, Wheel / Wheeled), not another word
_INFLECTIONS = ("s", "es", "d", "ed", "ing")


def _inflected(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and longer[len(shorter) :] in _INFLECTIONS


# British to American spelling: Fibre/Fiber, Programme/Program, Aluminium/Aluminum are one word
_AMERICAN = ((re.compile(r"isation"), "ization"), (re.compile(r"ise$"), "ize"), (re.compile(r"our"), "or"))
_AMERICAN_ENDINGS = (("mme", "m"), ("re", "er"), ("ence", "ense"), ("ium", "um"), ("llery", "lry"))


def _american(word: str) -> str:
    for pattern, replacement in _AMERICAN:
        word = pattern.sub(replacement, word)
    for ending, replacement in _AMERICAN_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def are_different_words(a: str, b: str, b_is_name: bool = False) -> bool:
    """``a`` and ``b`` are two real words, not two forms or spellings of one: neither is a typo of the other.

    Two Chinese names are different when they have as many syllables (Haiyang/Haiying: one syllable
    differs); a syllable gained or lost is a slip (Shanghaji). Two English words are different even when
    only a vowel differs (Marine/Marina). Other names are different only when their consonants differ
    (Naser/Nader), as romanisations of one name differ in their vowels.

    ``b_is_name``: ``b`` is a name whether the lexicons know it or not (a listed entity's word: Movahed).
    Then a name of the lexicons (Mojahed) is another name, unless the two differ only as romanisations
    of one name do (Jalili / Djalili, Alekseev / Alexeev); an English word is not enough, as a list may
    misspell one (Electonics).
    """
    if _inflected(a, b) or _american(a) == _american(b):
        return False
    chinese_a, chinese_b = chinese_syllables(a), chinese_syllables(b)
    if chinese_a and chinese_b:
        return chinese_a == chinese_b
    english = _english()
    if chinese_a or chinese_b:
        # a pinyin reading of a word one slip from an English word is chance ("tading" for trading):
        # a slip, unless the word is a listed name as well
        pinyin_only, other = (a, b) if chinese_a else (b, a)
        if other in english and pinyin_only not in english and pinyin_only not in _names():
            return False
    if a in english and b in english:
        return True
    if spelling_skeleton(a) == spelling_skeleton(b) or not is_known_word(a):
        return False
    if is_known_word(b):
        return True
    return b_is_name and a in _names() and _romanised_skeleton(a) != _romanised_skeleton(b)


# Letters that romanisations of one name write differently: French dj and tch, German tsch and w, x for ks,
# dh and zh for z, q for g (Persian and Arabic q/gh), -ow for Russian -ov, Belarusian Łacinka c for ts
_ROMANISATIONS = (
    ("dj", "j"),
    ("tsch", "ch"),
    ("dch", "ch"),
    ("tch", "ch"),
    ("sh", "ch"),
    ("ts", "c"),
    ("x", "ks"),
    ("dh", "z"),
    ("zh", "z"),
    ("q", "g"),
    ("ow", "ov"),
    ("w", "v"),
)


def _romanised_skeleton(word: str) -> str:
    """The consonants of a name with the letters romanisations differ in folded (Hadjizadeh, Hajizadeh)."""
    for letters, common in _ROMANISATIONS:
        word = word.replace(letters, common)
    return spelling_skeleton(word)
