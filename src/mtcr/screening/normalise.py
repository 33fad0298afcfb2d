"""Names to comparable forms: one script, no punctuation, company forms set aside, phonetic keys.

Transliteration: ``anyascii`` takes Cyrillic, Greek, Arabic, Persian and the rest to ASCII; Han and
Hangul go syllable by syllable (pinyin and Revised Romanisation), spaced, so that spacing never
decides a match (names are also compared run together). Company-form words
(legal forms in many languages, including transliterated forms such as "gong si" for 公司 and
"ooo" for ООО) are kept apart: they never decide a match. Phonetic keys fold the spelling
differences that romanisation systems make (Shaheed/Shahid, Hemmat/Himmat, Ch'ongjin/Cheongjin,
Bagheri/Bakeri), so such variants compare equal token by token.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# Legal-form and company-form words, after transliteration and lower-casing. Multi-word forms are
# matched as whole phrases first. Sources: ISO 20275 entity legal forms (common abbreviations),
# and the usual romanisations of 公司/有限/股份 (Chinese), 회사/주식회사 (Korean), شرکت (Persian),
# ООО/ОАО/ЗАО/ПАО (Russian).
COMPANY_FORM_PHRASES: tuple[str, ...] = (
    "company limited",
    "co ltd",
    "limited liability company",
    "joint stock company",
    "public joint stock company",
    "closed joint stock company",
    "obshchestvo s ogranichennoi otvetstvennostiu",
    "obshchestvo s ogranichennoy otvetstvennostyu",
    "aktsionernoe obshchestvo",
    "open joint stock company",
    "private limited",
    "pvt ltd",
    "sdn bhd",
    "you xian gong si",
    "you xian ze ren gong si",
    "gu fen you xian gong si",
    "gong si",
    "ju sik hoe sa",
    "jusik hoesa",
    "chusik hoesa",
)
COMPANY_FORM_WORDS = frozenset(
    """co company companies corp corporation inc incorporated ltd limited llc llp plc lp gmbh mbh ag kg sa sas sarl
    srl spa bv nv jsc ojsc cjsc pjsc ooo oao zao pao tov pte pvt pty kft ab oy as aps sro doo ad
    hoesa hoe sa sherkat sharikat shirkat sharekat sherkate youxian gongsi gufen""".split()
)
# Words so common in organisation names that they say little about which organisation it is.
GENERIC_WORDS = frozenset(
    """group industries industrial industry trading trade general international import export imports exports
    development corporation enterprise enterprises holding holdings services service center centre organization
    organisation national state factory works plant complex bureau institute research academy
    technology technologies science sciences engineering manufacturing products equipment
    co-operation cooperation commercial store stores""".split()
)
STOP_WORDS = frozenset("the of and for a an de del la le des du et und dr mr mrs ms prof gen".split())
# Company forms as they end a name run together, once spaces are gone ("...zonggongsi").
JOINED_COMPANY_SUFFIXES = ("gufenyouxiangongsi", "youxiangongsi", "gongsi", "jusikhoesa", "hoesa", "coltd", "ltd")

_NON_WORD = re.compile(r"[^a-z0-9]+")
_PHRASES_LONGEST_FIRST = tuple(sorted(COMPANY_FORM_PHRASES, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class NameForm:
    """One name, prepared for comparison."""

    original: str
    tokens: tuple[str, ...]  # every token, transliterated and lower-case
    core: tuple[str, ...]  # without company forms and stop words (falls back to all tokens)
    phonetic: tuple[str, ...]  # phonetic key of each core token
    joined: str  # core tokens run together: "zhongguojingmi" - spacing never matters
    acronyms: tuple[str, ...]  # initials, with and without company forms: ("cpmiec", "cpmie")
    weights: tuple[float, ...]  # token_weight of each core token
    total_weight: float

    @property
    def is_single_token(self) -> bool:
        return len(self.core) == 1


def _is_syllabic(character: str) -> bool:
    """Han ideographs and Hangul syllables: one character is one syllable."""
    code = ord(character)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF


def transliterate(text: str) -> str:
    """ASCII, lower case, punctuation to spaces: 'Общество «Ромашка»' -> 'obshchestvo romashka'."""
    if text.isascii():  # the common case, without the per-character work
        return " ".join(_NON_WORD.split(text.lower())).strip()
    folded = unicodedata.normalize("NFKC", text)
    spaced = "".join(f" {anyascii(ch)} " if _is_syllabic(ch) else ch for ch in folded)
    return " ".join(_NON_WORD.split(anyascii(spaced).lower())).strip()


def _remove_company_forms(text: str) -> str:
    padded = f" {text} "
    for phrase in _PHRASES_LONGEST_FIRST:
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


# Ordered rewrites that fold romanisation differences into one spelling (applied to a single token).
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("tch", "ch"),
    ("sch", "sh"),
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "j"),
    ("q", "k"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("eo", "o"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ea", "i"),
    ("ie", "i"),
    ("ae", "e"),
    ("y", "i"),
)
_VOWELS = re.compile(r"[aeiou]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """A spelling-insensitive key: Shaheed/Shahid -> 'shd', Hemmat/Himmat -> 'hmt', Ryonbong -> 'rnbng'.

    After the rewrites, double letters collapse and vowels go, except a leading one; 'h' after a
    consonant goes too. Digits are kept as they are.
    """
    if token.isdigit():
        return token
    key = token
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    key = _REPEATS.sub(r"\1", key)
    first, rest = key[:1], key[1:]
    rest = re.sub(r"(?<=[^aeiou])h", "", rest)
    rest = _VOWELS.sub("", rest)
    if first == "h" and rest:
        return "h" + rest
    return first + rest


@lru_cache(maxsize=200_000)
def name_form(name: str) -> NameForm:
    """Prepare ``name`` for comparison (cached: list names are prepared once)."""
    text = transliterate(name)
    tokens = tuple(text.split())
    stripped = _remove_company_forms(text).split()
    core = tuple(t for t in stripped if t not in COMPANY_FORM_WORDS and t not in STOP_WORDS) or tokens
    words = [t for t in tokens if t not in STOP_WORDS]
    acronyms = tuple(
        dict.fromkeys(
            "".join(t[0] for t in group)
            for group in (words, core)
            if len(group) > 1 and not any(t.isdigit() for t in group)
        )
    )
    return NameForm(
        original=name,
        tokens=tokens,
        core=core,
        phonetic=tuple(phonetic_key(t) for t in core),
        joined=_strip_suffixes("".join(core)),
        acronyms=acronyms,
        weights=tuple(token_weight(t) for t in core),
        total_weight=sum(token_weight(t) for t in core),
    )


def _strip_suffixes(joined: str) -> str:
    for suffix in JOINED_COMPANY_SUFFIXES:
        if joined.endswith(suffix) and len(joined) > len(suffix) + 2:
            return joined[: -len(suffix)]
    return joined


def token_weight(token: str) -> float:
    """How much a token says about identity: generic organisation words and initials say little."""
    if token in GENERIC_WORDS:
        return 0.35
    if len(token) == 1:
        return 0.2
    if len(token) == 2:
        return 0.6
    return 1.0
