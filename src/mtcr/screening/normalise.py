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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from anyascii import anyascii
from wordfreq import zipf_frequency

from mtcr.screening.typos import typo_similarity
from mtcr.screening.wadegiles import pinyin_split, wade_giles_to_pinyin

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
    "aktsionernoye obshchestvo",
    # open, closed and public joint-stock companies (OAO, ZAO, PAO) written out, BGN/PCGN and simplified
    "otkrytoe aktsionernoe obshchestvo",
    "otkrytoye aktsionernoye obshchestvo",
    "zakrytoe aktsionernoe obshchestvo",
    "zakrytoye aktsionernoye obshchestvo",
    "publichnoe aktsionernoe obshchestvo",
    "publichnoye aktsionernoye obshchestvo",
    "open joint stock company",
    "private limited",
    "pvt ltd",
    "sdn bhd",
    "you xian gong si",
    "you xian ze ren gong si",
    "gu fen you xian gong si",
    "zong gong si",  # 总公司, head company, as the characters are written apart
    "gong si",
    "ju sik hoe sa",
    "chong hoe sa",  # 총회사, general company (as 总公司 "zonggongsi")
    "hoe sa",  # 회사, company
    "gong sa",  # 공사, public corporation
    "sang sa",  # 상사, trading company
    "ko peo re i syeon",  # 코퍼레이션, Corporation written in Hangul
    "ko po re i syeon",  # 코포레이션
    "ju sig hoe sa",
    "jusik hoesa",
    "chusik hoesa",
    "joint venture",
    "j v",
)
COMPANY_FORM_WORDS = frozenset(
    [
        "zonggongsi",  # 总公司, head company, run together
        "shrkt",  # شرکت (Persian) as anyascii writes it
        "shrkh",  # شركة (Arabic)
        "co",
        "company",
        "companies",
        # French, Spanish, Italian, Portuguese, German and Russian words for company: left in, each would
        # be a distinctive word the English name lacks ("Societe X" / "X Company")
        "societe",
        "compagnie",
        "compania",
        "compagnia",
        "companhia",
        "gesellschaft",
        "korporatsiya",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "lp",
        "gmbh",
        "mbh",
        "ag",
        "kg",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "jsc",
        "ojsc",
        "cjsc",
        "pjsc",
        "ooo",
        "oao",
        "zao",
        "pao",
        "fgup",  # ФГУП, a federal state unitary enterprise
        "gup",  # ГУП, a state unitary enterprise
        "tov",
        "pte",
        "pvt",
        "pty",
        "kft",
        "ab",
        "oy",
        "as",
        "aps",
        "sro",
        "doo",
        "ad",
        "hoesa",
        "hoe",
        "sa",
        "sherkat",
        "sharikat",
        "shirkat",
        "sharekat",
        "sherkate",
        "youxian",
        "gongsi",
        "gufen",
        "jv",
        "kompaniya",  # компания
        "kompaniia",
    ]
)
# Words so common in organisation names that they say little about which organisation it is.
GENERIC_WORDS = frozenset(
    [
        "group",
        "industries",
        "industrial",
        "industry",
        "trading",
        "production",
        "association",
        "building",
        "trade",
        "general",
        "international",
        "import",
        "export",
        "importexport",
        "imports",
        "exports",
        "national",
        "state",
        "center",
        "studies",
        "research",
        "institute",
        "science",
        "technology",
        "machinery",
        "electronics",
        "engineering",
        "equipment",
        "materials",
        "metal",
        "chemical",
        "factory",
        "organization",
        "administration",
        "ministry",
        "defence",
        "development",
        "development",
        "corporation",
        "enterprise",
        "enterprises",
        "holding",
        "holdings",
        "services",
        "service",
        "center",
        "centre",
        "organization",
        "organisation",
        "national",
        "state",
        "factory",
        "works",
        "plant",
        "complex",
        "bureau",
        "institute",
        "research",
        "academy",
        "technology",
        "technologies",
        "science",
        "sciences",
        "engineering",
        "manufacturing",
        "products",
        "equipment",
        "co-operation",
        "cooperation",
        "commercial",
        "store",
        "stores",
    ]
)
STOP_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "de",
        "del",
        "la",
        "le",
        "des",
        "du",
        "et",
        "und",
        "d",
        "l",
        "al",
        "el",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "gen",
        "va",  # Persian "and" (Sazman-e Gostaresh va Nowsazi)
    ]
)
# Company forms as they end a name run together, once spaces are gone ("...zonggongsi").
JOINED_COMPANY_SUFFIXES = ("gufenyouxiangongsi", "youxiangongsi", "gongsi", "jusikhoesa", "hoesa", "coltd", "ltd")

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Apostrophes join rather than split: Wade-Giles aspiration (Ch'ang), soft signs (ost'yu), Xi'an.
_APOSTROPHES = re.compile(r"['`\u2019\u02bc\u02b9]")
_PHRASES_LONGEST_FIRST = tuple(sorted(COMPANY_FORM_PHRASES, key=len, reverse=True))
_PHRASE_STARTS = frozenset(phrase.split()[0] for phrase in COMPANY_FORM_PHRASES)


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
    translated: tuple[tuple[str, str], ...] = ()  # (word as written, glossary concept) pairs
    abjad: bool = False  # written in Arabic script: vowels were not written, compare consonants
    words: tuple[str, ...] = ()  # the core words as written (before the glossary)
    company_form: str = ""  # a company form that only a company carries (Ltd, LLC, 公司, ООО), as written
    own_acronyms: tuple[str, ...] = ()  # words that abbreviate the name's other words ("... (ISRO)")
    spelled: str = ""  # a name written as initials ("E. S. Co."): the letters run together, forms included
    # the name run together as translated ("koreadanguntrading"), and the phonetic keys of both run-together
    # forms: computed once per name, as every comparison with a name split differently needs them
    translated_joined: str = ""
    joined_sound: str = ""
    translated_joined_sound: str = ""
    wade_giles: tuple[tuple[str, str], ...] = ()  # (word as written, pinyin) pairs read from Wade-Giles
    # every token run together, and the core words' phonetic keys run together: where a word of another
    # name spaced differently is looked for (computed once per name: every candidate pair asks)
    letters: str = ""
    sounds: str = ""
    small_word_acronyms: tuple[str, ...] = ()  # as written, "MoD": Ministry of Defence
    honorific: tuple[int, ...] = ()  # core positions of a "named after" honorific's words (im. D. I. Mendeleeva)
    # a native word was read as two or more English words (电力: electric power): as many words as the
    # other name's may still be split differently (Dian Li)
    native_split: bool = False
    # the phonetic keys of the words read as French or German spellings of Russian names ("" for the
    # others), or () when no word is (computed once per name: the matcher asks only where one is)
    western_keys: tuple[str, ...] = ()

    @property
    def is_single_token(self) -> bool:
        return len(self.core) == 1


def _is_syllabic(character: str) -> bool:
    """Han ideographs and Hangul syllables: one character is one syllable."""
    code = ord(character)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF


# Devanagari letters that anyascii writes as scholars do (श s, च c, anusvara m) where Indian names and
# English loanwords are written sh, ch and n (शिपयार्ड shipyard, कोचीन Cochin, बैंक bank); a nukta letter
# (NFKC splits it off) as the sound it marks (रिज़र्व reserve, not rij'rv).
_DEVANAGARI_SPELLINGS = {
    "श": "sh", "ष": "sh", "च": "ch", "छ": "chh", "ं": "n", "ँ": "n", "ॉ": "o",
    "ज\u093c": "z", "फ\u093c": "f", "ड\u093c": "r", "ढ\u093c": "rh", "क\u093c": "q", "ख\u093c": "kh",
    "ग\u093c": "gh",
}  # fmt: skip
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_ANUSVARA_BEFORE_LABIAL = re.compile(r"[ंँ](?=[पफबभम])")  # मुंबई Mumbai, संपर्क Sampark
_DEVANAGARI_AND = frozenset(["aur", "evn", "end"])
_DEVANAGARI_LETTER = re.compile("|".join(sorted(_DEVANAGARI_SPELLINGS, key=len, reverse=True)))

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
# ض (dad) read dh, as ذ (dhal) and ظ (za) are: Arabic romanises it d or dh (Ramadan, Riyadh), Persian and
# Urdu z (رمضانی Ramezani, رضا Reza); dh meets d as written, and z as ذ, ظ and ض are compared (dh_as_z)
_DAD_AS_DHAL = str.maketrans({"\u0636": "\u0630"})


_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_HANGUL_RIEUL_FIRST, _HANGUL_RIEUL_LAST = 5, 8  # ㄹ's index as a syllable's first sound and as its last


def _is_hangul(character: str) -> bool:
    return _HANGUL_FIRST <= ord(character) <= _HANGUL_LAST


def _hangul_with_r(syllable: str, before: str) -> str:
    """A Hangul syllable romanised, ㄹ before its vowel as r (로동 Rodong, 라선 Rason, 로템 Rotem), as the
    Revised and North Korean romanisations write it and anyascii does not; ll after a ㄹ (벨라루스)."""
    romanised = anyascii(syllable)
    if (ord(syllable) - _HANGUL_FIRST) // 588 != _HANGUL_RIEUL_FIRST:
        return romanised
    if _is_hangul(before) and (ord(before) - _HANGUL_FIRST) % 28 == _HANGUL_RIEUL_LAST:
        return romanised
    return "R" + romanised[1:]


# A numbered body in Chinese (第十四研究所, the 14th Research Institute; 第二研究院, the Second Academy): the
# ordinal as English writes it in figures, which the glossary reads as First, Second, Third.
_HAN_ORDINAL = re.compile("第([零〇一二两三四五六七八九十百]+)")
_HAN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))


def _han_number(numeral: str) -> int:
    """十四 -> 14, 二十 -> 20, 一百零五 -> 105."""
    total, digit = 0, 0
    for character in numeral:
        if character == "百":
            total, digit = total + (digit or 1) * 100, 0
        elif character == "十":
            total, digit = total + (digit or 1) * 10, 0
        else:
            digit = _HAN_DIGITS[character]
    return total + digit


def _english_ordinal(found: re.Match[str]) -> str:
    number = _han_number(found.group(1))
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f" {number}{suffix} "


def transliterate(text: str) -> str:
    """ASCII, lower case, punctuation to spaces: 'Общество «Ромашка»' -> 'obshchestvo romashka'."""
    if text.isascii():  # the common case, without the per-character work
        return " ".join(_NON_WORD.split(_APOSTROPHES.sub("", text.lower()))).strip()
    folded = unicodedata.normalize("NFKC", text)
    if _DEVANAGARI.search(folded):
        folded = _ANUSVARA_BEFORE_LABIAL.sub("m", folded)
        folded = _DEVANAGARI_LETTER.sub(lambda letter: _DEVANAGARI_SPELLINGS[letter.group(0)], folded)
    elif ARABIC_SCRIPT.search(folded):
        folded = folded.translate(_DAD_AS_DHAL)
    if "第" in folded:
        folded = _HAN_ORDINAL.sub(_english_ordinal, folded)
    spaced = "".join(
        f" {_hangul_with_r(ch, before) if _is_hangul(ch) else anyascii(ch)} " if _is_syllabic(ch) else ch
        for before, ch in zip(" " + folded, folded, strict=False)
    )
    return " ".join(_NON_WORD.split(_APOSTROPHES.sub("", anyascii(spaced).lower()))).strip()


def _remove_company_forms(text: str) -> str:
    if not _PHRASE_STARTS.intersection(text.split()):
        return text  # the common case: no multi-word company form can be present
    padded = f" {text} "
    for phrase in _PHRASES_LONGEST_FIRST:
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


# Ordered rewrites that fold romanisation differences into one spelling (applied to a single token):
# aspirated/unaspirated and voiced/voiceless consonants merge (Wade-Giles k'/k vs pinyin k/g,
# McCune-Reischauer vs Revised Korean, Persian gh/q/k), and vowels fold into three classes (a; e/i;
# o/u), which keeps Karami apart from Karimi while Hemmat meets Himmat.
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("ow", "o"),  # Persian "ow" / "o" (Jowza / Joza), before w becomes a consonant
    ("tch", "ch"),
    ("sch", "sh"),
    ("hs", "sh"),
    ("kh", "k"),
    ("gh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "j"),
    ("ch", "j"),
    ("ts", "s"),
    ("tz", "s"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("x", "sh"),
    # Korean: ㄹ after ㅇ is said and often written n (Sungrisan / Sungnisan); before g becomes k
    ("ngr", "ngn"),
    ("g", "k"),
    ("b", "p"),
    ("d", "t"),
    ("z", "s"),
    ("w", "v"),
    ("v", "f"),
    ("eo", "o"),
    ("eu", "u"),  # Korean ㅡ: Revised "eu", McCune-Reischauer "ŭ" (Heungjin / Hŭngjin / Hungjin)
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ea", "i"),
    ("ae", "e"),
    ("y", "i"),
    ("e", "i"),
    ("o", "u"),
)
_REPEATS = re.compile(r"(.)\1+")
# Korean initial ㄹ/ㄴ before ㅕ/ㅛ: the North writes Ryonbong, the South Yonbong, others Lyonbong or
# Nyonbong (the initial-sound rule). Only before "yo"/"yeo", the Korean syllables: Ryan, Lyudmila and
# Ryazan keep their first letter, and pinyin never starts a syllable so (Liang is not Yang).
_KOREAN_INITIAL_LIQUID = re.compile(r"^[rln]y(?=e?o)")
# A word of Korean syllables as romanised (Revised and McCune-Reischauer, whose ŏ and ŭ are o and u once
# folded): an initial, a vowel and a final each, Rodong, Kumryong, Nyongbyon. Many short English words are
# too (Rose, Nose): callers ask it only of words that are not both English.
_KOREAN_WORD = re.compile(
    r"(?:(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjh])?(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|[aeiou])"
    r"(?:ng|[knltmp])?)+"
)
MAX_KOREAN_WORD = 16  # no name's word of Korean syllables is longer; the pattern backtracks on long words


def is_korean_romanisation(word: str) -> bool:
    """Is ``word`` (lower case, Latin letters) a run of romanised Korean syllables?"""
    return len(word) <= MAX_KOREAN_WORD and _KOREAN_WORD.fullmatch(word) is not None


# A name ending in Allah, written -ollah, -ullah, -olah, -ulah as often (Hezbollah / Hizballah, Ruhollah /
# Ruhullah, Ansarullah / Ansarallah): one ending, as its vowel is the Arabic article's.
_ALLAH_ENDING = re.compile(r"^([a-z]*?)[aou]ll?ah$")


def _one_allah(found: re.Match[str]) -> str:
    """-allah for the ending after a name of three letters or more with a vowel (Hezb-, Ruh-, Ansar-); not
    after a consonant cluster (Kholah) or a short word (Mollah / Moullah keep their own keys)."""
    before = found.group(1)
    return before + "allah" if len(before) >= 3 and any(v in before for v in "aeiou") else found.group(0)


# Russian й, я, ю written with j (scientific and ISO-style: Poljus, Minskij, Valerij) where English
# writes y: after l (not after t or s: Persian Dastjerdi, Masjed) and as the ending -ij, -yj, -ej of a
# word of seven letters or more (not Haj, Basij, Manoj, Khalij). A j that starts a word stays (Jamal is
# not Yamal); Tjagachej keeps its tj.
_SLAVIC_J = re.compile(r"(?<=l)j(?=[aeiouy])|(?<=[a-z]{5}[iye])j$")
_H_AFTER_CONSONANT = re.compile(r"(?<=[^aiu])h")


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """A key that romanisations of one word share: Shaheed/Shahid, Hemmat/Himmat, Chosun/Joseon,
    Kukpang/Gukbang, Bagheri/Bakeri each give one key. Digits are kept as they are."""
    if token.isdigit():
        return token
    if token == "ri":
        token = "li"  # 리, the North's spelling of 李 (Ri Pyong Chol): Li, as the South's 이 is Yi
    key = _SLAVIC_J.sub("y", _KOREAN_INITIAL_LIQUID.sub("y", token.replace("'", "")))
    key = _ALLAH_ENDING.sub(_one_allah, key)
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    key = _H_AFTER_CONSONANT.sub("", key)
    return _REPEATS.sub(r"\1", key)


# Russian ё is written yo (Fyodor, Korolyov, Zvyozdochka), jo (Pjotr, Semjon) or, as Russian print mostly
# writes it and anyascii reads it, e (Fedor, Korolev): after a consonant, in a word of five letters or
# more, and not before ng (Korean Pyongyang). Not after h, k, g, b or j, where yo is most often Korean
# ㅛ/ㅕ or Japanese (Hyosung, Kyobo, Tokyo) or Nordic jo (Bjorn); ch, sh and zh stay (Gorbachyov). Not
# after a first r, l or n, Korean's initial ㄹ/ㄴ (Ryonha, 련하) as often as anything Russian (Lyons).
_RUSSIAN_YO = re.compile(r"(?:(?<=[cdflmnprstvz])|(?<=[csz]h))(?<!^[rln])[yj]o(?!ng)")
_MIN_YO_WORD = 5


def yo_as_e(token: str) -> str:
    """``token`` with a Russian ё written yo or jo written e, as the other spelling of it has it."""
    if len(token) < _MIN_YO_WORD or ("yo" not in token and "jo" not in token):
        return token  # the common case, without the pattern
    return _RUSSIAN_YO.sub("e", token)


# Russian names as French and German write them: French ch for ш (Choïgou, Chostakovitch: Shoigu,
# Shostakovich), German tsch for ч and -ow, -ew for -ов, -ев (Tschemesow, Gorbatschow: Chemezov,
# Gorbachev). Read so only in a word that shows its language: French by its "ou" (the only way French
# writes у) or its -itch (-вич), and a ch not after t; German by its "sch". English ch (Chang,
# Chemical) is left alone.
_MIN_WESTERN_WORD = 6
_FRENCH_CH = re.compile(r"(?<!t)ch")
_GERMAN_CH = re.compile(r"t?sch|ch")
_GERMAN_SOUNDS = {"tsch": "ch", "sch": "sh", "ch": "kh"}  # German ch is Russian х (Chruschtschow)
_GERMAN_SIBILANT_O = re.compile(r"(?<=[cs]h)ow$")  # -tschow, -schow: ё after ч, ш is -ev in English (Gorbachev)
_GERMAN_J = re.compile(r"(?:^|(?<=[aeiou]))j(?=[aeiou])")


def russian_in_western_spelling(token: str) -> str:
    """``token`` as English transliterates Russian, where it is a French or German spelling of a Russian
    name (choigou -> shoigou, tschemesow -> chemesov); otherwise ``token`` itself."""
    if len(token) < _MIN_WESTERN_WORD:
        return token
    if "sch" in token:
        german = _GERMAN_CH.sub(lambda found: _GERMAN_SOUNDS[found.group(0)], token)
        german = _GERMAN_SIBILANT_O.sub("ev", german).replace("w", "v")  # German w is v (Schostakowitsch)
        return _GERMAN_J.sub("y", german)
    if ("ou" in token or token.endswith("itch")) and "ch" in token:
        return _FRENCH_CH.sub("sh", token)
    return token


_ABJAD_DROPPED = re.compile(r"[aeiouyhw]+")


_ABJAD_DIGRAPHS = (("kh", "x"), ("gh", "q"), ("sh", "$"), ("ch", "c"), ("zh", "j"), ("ph", "f"), ("th", "t"))


def th_dh_as_s_z(token: str) -> str:
    """A word read from Arabic script with th and dh as Persian, Urdu and Turkish say ث and ذ, ظ, ض: s and
    z (ثابت "thbt" is Sabet as well as Thabet, کاظمی "kdhmy" Kazemi, عثمان Osman, رضا Reza). Only ever an
    alternative: th and dh are also ت or د before ه (زاده "zdh")."""
    return token.replace("th", "s").replace("dh", "z")


# English spellings whose sounds Urdu, Hindi and Persian write otherwise in a loanword: soft c (Aerospace
# एयरोस्पेस), -tion (National نیشنل), x (Complex کمپلیکس), a hard c (Suparco سپارکو), soft g (Energy انرجی)
_LOANWORD_SOUNDS = (
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ti(?=[aou])"), "sh"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"g(?=[eiy])"), "j"),
)


# An English word written in Hangul (에어로스페이스 Aerospace, 시스템 System, 에너빌리티 Enerbility): Korean writes
# each consonant of a cluster with the vowel ㅡ (스 seu), no f, v, z or th, one letter for l and r, and no r
# after a vowel. Compared by classes of consonants (h one of them: 한화 is no part of Aerospace), as the two
# spellings share nothing else.
_KOREAN_EPENTHETIC_EU = re.compile(r"(?<=[bcdghjkmnpst])eu")
_ENGLISH_AS_KOREAN = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "s"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"gh"), ""),
    (re.compile(r"ck"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=[aeiou])r(?![aeiouy])"), ""),  # Enerbility: 에너빌리티, no r
)
_CONSONANT_CLASSES = str.maketrans("bpfvdtgkcqjzslrmnh", "ppppttkkkkjjsrrmnh", "aeiouywx'")


def _consonant_classes(spelling: str) -> str:
    return _REPEATS.sub(r"\1", spelling.translate(_CONSONANT_CLASSES))


def korean_loanword_consonants(romanised: str) -> str:
    """The consonants of Hangul syllables run together, as read for an English loanword ("eeoroseupeiseu",
    에어로스페이스: "rsps")."""
    return _consonant_classes(_KOREAN_EPENTHETIC_EU.sub("", romanised))


def english_loanword_consonants(word: str) -> set[str]:
    """The consonants Hangul would write for an English word, in the classes ``korean_loanword_consonants``
    gives: Aerospace "rsps"; ch read both ways (Techwin, 테크윈; Church), a plural s also without."""
    for pattern, sound in _ENGLISH_AS_KOREAN:
        word = pattern.sub(sound, word)
    spellings = {word.replace("ch", "k"), word.replace("ch", "j")}
    spellings |= {spelling[:-1] for spelling in spellings if spelling.endswith("s")}
    return {_consonant_classes(spelling) for spelling in spellings}


def english_loanword_sounds(token: str) -> str:
    """A Latin word as Urdu, Hindi or Persian write an English loanword's sounds: its soft c, -tion, x,
    hard c and soft g (compared by consonants only)."""
    for pattern, sound in _LOANWORD_SOUNDS:
        token = pattern.sub(sound, token)
    return token


_ABJAD_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=200_000)
def abjad_key(token: str) -> str:
    """The consonants an Arabic-script spelling writes, from either script: Latin digraphs read as one
    letter (kh, gh, sh), q and gh as one (Baqeri / Bagheri), w as v (Vahid / وحید), h kept (a written
    letter there: Hemmat is not Ahmad), d and t kept apart; vowels and y dropped."""
    key = token.replace("'", "")
    for digraph, letter in _ABJAD_DIGRAPHS:
        key = key.replace(digraph, letter)
    key = key.replace("q", "k").replace("w", "v")
    return _REPEATS.sub(r"\1", _ABJAD_VOWELS.sub("", key))


# Romanisations of one name differ in vowels, glides and h (Valeriy/Valerij, Morteza/Mortaza,
# Jamalzade/Jamalzadeh, Tsikhanouskaya/Tsihanouskaya, Oleksandra/Aleksandra), in l/r (Korean ㄹ:
# Yeonglim/Yeongrim) and in doubled letters; what is left are the consonants a name is told by.
_SPELLING_DIGRAPHS = (("kh", "h"), ("ph", "f"), ("gh", "g"), ("th", "t"), ("ck", "k"), ("l", "r"))
_SPELLING_DROPPED = re.compile(r"[aeiouyjhw]+")


def spelling_skeleton(token: str) -> str:
    """The consonants that romanisations of one name share (Valeriy and Valerij: "vrr" -> "vr")."""
    for digraph, letter in _SPELLING_DIGRAPHS:
        token = token.replace(digraph, letter)
    return _REPEATS.sub(r"\1", _SPELLING_DROPPED.sub("", token))


@lru_cache(maxsize=200_000)
def consonant_skeleton(token: str) -> str:
    """Consonants only, repeats collapsed (vowels, h, w and y dropped): how Arabic-script names compare,
    their short vowels unwritten and long ones written with w/y. No Latin digraph rules: sph is s-p-h."""
    return _REPEATS.sub(r"\1", _ABJAD_DROPPED.sub("", token.replace("q", "k")))


def _variants(concepts: dict[str, list[str]]) -> dict[str, str]:
    return {str(word): str(concept) for concept, words in concepts.items() for word in words}


def _load_glossary() -> tuple[
    dict[str, str], dict[str, tuple[str, ...]], dict[str, frozenset[str]], dict[str, tuple[str, str]]
]:
    path = Path(__file__).resolve().parent.parent / "data" / "screening" / "glossary.yaml"
    # libyaml's loader: the pure-Python one took half a second of every start-up on this file
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    expansions = {str(short): tuple(str(long).split()) for short, long in data.get("expansions", {}).items()}
    related = {str(word): frozenset(str(c) for c in concepts) for word, concepts in data.get("related", {}).items()}
    native = {
        str(written): ("".join(transliterate(str(written)).split()), str(concept))
        for written, concept in data.get("native", {}).items()
    }
    return _variants(data["concepts"]), expansions, related, native


# RELATED_CONCEPTS: a word (as written) that is translated either way -> the other concepts it meets;
# NATIVE_WORDS: a word as written in its script (物理, 정보, جامعة) -> its syllables run together as
# transliterated ("wuli") and its concept, read only where it is written
GLOSSARY, EXPANSIONS, RELATED_CONCEPTS, NATIVE_WORDS = _load_glossary()
GLOSSARY_CONCEPTS = frozenset(GLOSSARY.values())
_NO_WORDS: dict[str, str] = {}


def _native_glossary(name: str) -> dict[str, str]:
    """The native words written in ``name``, keyed by their syllables run together as transliterated
    ("wuli" where 物理 is written, not where 吴力, read the same, is), and their concepts; in a Chinese
    organisation's name written in pinyin, the Han words as pinyin (see ``_pinyin_name``)."""
    if name.isascii():
        return _pinyin_native_words() if _pinyin_name(name) else _NO_WORDS
    return {read: concept for written, (read, concept) in NATIVE_WORDS.items() if written in name}


@lru_cache(maxsize=1)
def _pinyin_native_words() -> dict[str, str]:
    """The Han words of the glossary's ``native:`` by their pinyin run together ("anquan": security), where
    one reading has one concept, of one word: a pinyin word stays as written, for the glossary's other
    readings of it (guojia: national, and State)."""
    concepts: dict[str, set[str]] = {}
    for written, (read, concept) in NATIVE_WORDS.items():
        if " " not in concept and all(_is_syllabic(ch) and not _is_hangul(ch) for ch in written):
            concepts.setdefault(read, set()).add(concept)
    return {read: next(iter(found)) for read, found in concepts.items() if len(found) == 1}


_MIN_PINYIN_NAME = 3  # words: a person's name in pinyin has two or three


@lru_cache(maxsize=1)
def _pinyin_glossary_words() -> frozenset[str]:
    """The glossary's words in pinyin of two syllables or more (guojia, zhongguo, hangtian), not English ones."""
    return frozenset(word for word, concept in GLOSSARY.items() if word != concept and len(pinyin_split(word)) >= 2)


def _pinyin_name(name: str) -> bool:
    """Is ``name`` (Latin letters) a Chinese organisation's name written in pinyin, so that the glossary's
    Han words may be read in it as where written (Guojia Anquan Bu, 国家安全部)? Three words at least, every
    one of them pinyin, one a glossary word of two syllables or more, and a sign of a body, not a person (Zong
    Weixing, Dongfang Haiyang): a company form (gongsi), a last syllable for a kind of body after a word of two
    syllables or more (Anquan Bu, Hangtian Ju), or two such glossary words (Zhongguo Hangtian)."""
    lowered = name.lower().split()
    if len(lowered) < _MIN_PINYIN_NAME or _pinyin_glossary_words().isdisjoint(lowered):
        return False  # the cheap tests first: this runs for every name in Latin letters
    text = transliterate(name)
    without_forms = _remove_company_forms(text).split()
    words = [w for w in without_forms if w not in COMPANY_FORM_WORDS]
    if len(words) < _MIN_PINYIN_NAME or not all(pinyin_split(word) for word in words):
        return False
    has_form = len(words) < len(text.split())
    glossary_words = [w for w in words if w in _pinyin_glossary_words()]
    kind_last = words[-1] in PINYIN_KIND_SUFFIXES and len(pinyin_split(words[-2])) >= 2
    return has_form or kind_last or len(glossary_words) >= 2


def _expand(tokens: list[str]) -> list[str]:
    """Abbreviations that stand for several words of an organisation's type ("NII", Russian for
    scientific research institute) are written out."""
    if not EXPANSIONS.keys() & set(tokens):
        return tokens
    return [word for token in tokens for word in EXPANSIONS.get(token, (token,))]


_MAX_SYLLABLES = 4
_MAX_SYLLABLE_LENGTH = 6  # "zhuang", "chuang": the longest pinyin and Korean syllables


def _ends_a_name(merged: list[str], tokens: list[str], at: int) -> bool:
    """Does the syllable at ``at`` end a name begun by the syllable before it, left alone (淮安 Huaian in
    淮安全通, 珠海 Zhuhai in 珠海洋航)? Then a native word read from it would straddle two words."""
    if at == 0 or not merged or merged[-1] != tokens[at - 1]:
        return False
    from mtcr.screening.lexicon import is_listed_name  # lexicon imports this module

    return is_listed_name(tokens[at - 1] + tokens[at])


def _merge_syllables(tokens: list[str], native: dict[str, str] = _NO_WORDS) -> list[str]:
    """Join runs of syllables that together spell a glossary word ("gong ye" -> "gongye")."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        if len(tokens[i]) > _MAX_SYLLABLE_LENGTH:  # not a syllable: most Latin-script words
            merged.append(tokens[i])
            i += 1
            continue
        for size in range(_MAX_SYLLABLES, 1, -1):
            candidate = "".join(tokens[i : i + size])
            if i + size <= len(tokens) and (
                candidate in GLOSSARY or (candidate in native and not _ends_a_name(merged, tokens, i))
            ):
                merged.append(candidate)
                i += size
                break
        else:
            merged.append(tokens[i])
            i += 1
    return merged


# Scripts that leave (short) vowels unwritten: Arabic and Persian (abjads), and Devanagari, whose
# transliteration drops the inherent "a" (भारत -> "bhart"). Their names compare by consonants.
_VOWELS_UNWRITTEN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u0900-\u097F]")
_ARABIC_ARTICLE = re.compile(
    r"(?<![\u0600-\u06FF])(?:\u0648)?(?:\u0627\u0644(?=[\u0600-\u06FF]{2})|\u0644\u0644(?=[\u0600-\u06FF]{4}))"
)


# Wade-Giles (Ta-lien, K'o-chi, Yu-hsien): written syllable by syllable, joined by hyphens and with
# apostrophes for aspiration. A name is read as Wade-Giles only when one of its hyphenated words is all
# Wade-Giles syllables, one of them spelled as neither pinyin nor Korean romanisation spells a syllable
# (hs-, ss-, sz-, tz-, ts-, -ieh, -ien, chih, shih, jih): Korean given names (Sung-min, Chang-ho),
# Ssang-yong and English words (Cross-Border) leave a name as written. A name so marked is read in
# pinyin, on both sides of a comparison alike.
_WADE_GILES_SYLLABLE = re.compile(r"^(?:hs|ss|sz|tz|ts)|ieh$|ien$|^[cs]hih$|^jih$")
_HYPHENATED_EDGES = '.,;:!?()[]{}"«»“”'


def _hyphenated_words(name: str) -> list[str]:
    return [word.strip(_HYPHENATED_EDGES) for word in name.split() if "-" in word]


def _wade_giles_as_pinyin(name: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``name`` with its Wade-Giles words in pinyin ("Ta-lien Cheng-hua" -> "dalian zhenghua"), and the
    (word as written, pinyin) pairs."""
    readings = [(word, wade_giles_to_pinyin(word)) for word in _hyphenated_words(name)]
    read = tuple((word, pinyin) for word, pinyin in readings if pinyin is not None)
    if not any(_WADE_GILES_SYLLABLE.search(part) for word, _ in read for part in word.lower().split("-")):
        return name, ()
    for word, pinyin in read:
        name = name.replace(word, pinyin, 1)
    return name, read


# Prepared names are cached: every listed name is prepared when an index is built, and again each
# time it is a candidate. Large enough for a list of two million names; beyond that, recomputed.
NAME_CACHE_SIZE = 2_000_000


# The last character of a name written in Han or Hangul when it says what kind of body it is (局 bureau,
# 部 ministry, 院 institute, 军 army; 국, 부, 성, 원, 소, 군). The glossary leaves single syllables out, as
# alone they are as often part of a personal name; at the end of a word of five characters or more they are the kind of
# body (a personal name has two to four: 선우정원, 欧阳建院, with a two-character surname), and so they are
# after a glossary word of the same word's characters (국방부, 国防部: defence ministry).
NATIVE_KIND_SUFFIXES = {
    "ju": "bureau",  # 局
    "bu": "ministry",  # 部 (and 부)
    "yuan": "institute",  # 院
    "suo": "institute",  # 所
    "gug": "bureau",  # 국
    "seong": "ministry",  # 성
    "won": "institute",  # 원
    "gun": "army",  # 군 (전략군, Strategic Force)
    "jun": "army",  # 军 (中国人民解放军, People's Liberation Army; 火箭军, Rocket Force)
    "so": "institute",  # 소
}
_MIN_NATIVE_NAME = 5
# the Han characters of those kinds, as pinyin writes them
PINYIN_KIND_SUFFIXES = {"ju": "局", "bu": "部", "yuan": "院", "suo": "所"}  # not jun: a given name as often


def _after_a_word(native: list[str], plain: list[str], native_words: dict[str, str]) -> bool:
    """Are the characters before the last of a word of three or more a glossary word, the name's last but one
    (国防 before 部)? A personal name is no glossary word."""
    if len(native) < 3 or len(plain) < 2:
        return False
    before = "".join(transliterate("".join(native[:-1])).split())
    return before == plain[-2] and (before in GLOSSARY or before in native_words)


# "I/E" (I&E, I.E.) in Chinese trading-company names is Import/Export: as letters it would be two initials
_SLASHED_ABBREVIATIONS = re.compile(r"(?<![\w/&.])I\s?[/&]\s?E(?![\w/&])|(?<![\w.])I\.\s?E\.(?!\w)", re.IGNORECASE)

# A slip in a long company form ("Comapny", "Coporation", "Jointt Venture") is that form: set aside as the
# form would be.
_SLIPPED_FORMS = ("company", "corporation", "limited", "incorporated", "joint", "private", "stock", "venture")
_FORM_SLIP_SIMILARITY = 0.85
_MIN_FORM_SLIP = 5
_REAL_WORD_ZIPF = 2.0  # a word used at least this often in English (wordfreq's Zipf scale) is no slip
_SLIP_INITIALS = frozenset(form[0] for form in _SLIPPED_FORMS)  # a slip keeps the first letter: a cheap filter
# the Latin words of several-word forms ("open joint stock company"): the search for slips goes on past them
_FORM_PHRASE_WORDS = frozenset(word for phrase in COMPANY_FORM_PHRASES if phrase.isascii() for word in phrase.split())


def _without_form_slips(words: list[str]) -> list[str]:
    """``words`` with a slip in a long company form written as the form (in place). Only where forms stand,
    at the end of the name and never its first word, and never a real word (Coronation, Limits)."""
    for at in range(len(words) - 1, 0, -1):
        word = words[at]
        if word in COMPANY_FORM_WORDS or word in _FORM_PHRASE_WORDS:
            continue
        form = _slipped_form(word)
        if not form:
            break  # forms end a name: the first word that is none ends the search
        words[at] = form
    return words


def _slipped_form(word: str) -> str:
    if len(word) < _MIN_FORM_SLIP or word[0] not in _SLIP_INITIALS or word in GLOSSARY:
        return ""
    for form in _SLIPPED_FORMS:
        if (
            word[0] == form[0]
            and abs(len(word) - len(form)) <= 1
            and typo_similarity(word, form, _FORM_SLIP_SIMILARITY) >= _FORM_SLIP_SIMILARITY
            and zipf_frequency(word, "en") < _REAL_WORD_ZIPF
        ):
            return form
    return ""


# The Persian ezafe written as a hyphenated ending (Sazman-e, Nowsazi-ye): a grammatical link, not a word.
# After a word of five letters or more not ending in -ng or -eon: Korean given names (Ji-ye, Jeong-ye,
# Hyeon-ye) and Wade-Giles (Chih-e) have shorter syllables.
_PERSIAN_EZAFE = re.compile(r"(?<=[A-Za-z]{5})(?<![Nn][Gg])(?<![Ee][Oo][Nn])-y?e(?=[\s,]|$)")
# Arabic li- with the article written as a hyphenated prefix (al-Hay'a al-Arabiya lil-Tasnee): "for the".
_ARABIC_LIL = re.compile(r"(?<![\w-])[Ll]il-(?=\w)")
# Company forms in Cyrillic whose letters, transliterated, are other words elsewhere (Chinese Ao): АО is a
# joint-stock company, ДП (Ukrainian) a state enterprise.
_CYRILLIC_COMPANY_FORMS = re.compile(r"(?<![\w])(?:АО|ДП)(?![\w])")
# Russian and Ukrainian conjunctions and prepositions (и, і, та "and"; по, з, с, в, для "for", "of", "with",
# "in"), which English names leave out or write as "of"; as written in Cyrillic, where their letters are no
# initials: only spaced between two words of three letters or more (not Ли На, Иванов И И, В/О, С-Терра, an
# initial with its full stop), and not the "with" of a company form (Общество с ограниченной
# ответственностью), which goes with the form.
_CYRILLIC_SMALL_WORDS = re.compile(
    r"(?<=[\w»\"”]{3}\s)(?:и|і|й|та|по|з|із|зі|с|со|в|во|у|для|на|при|к)(?=\s[«\"„“]?\w{3})(?!\s+(?:ограничен|обмежен))",
    re.IGNORECASE,
)

# "named after X": an honorific that Russian and Soviet institutions carry (имени, им., "named after") and
# lists often leave out. Its words are kept, and cost little when the other name lacks them. "im" is the
# marker only written with its dot (Korean Im is a surname).
_HONORIFIC_MARKERS = (("named", "after"), ("imeni",), ("imeny",))
# Titles before the honoured name (named after Admiral Kuznetsov); the honorific is the initials, a title,
# and one name: what follows is the name's own again (a branch, a city).
_HONORIFIC_TITLES = frozenset(
    ["academician", "admiral", "marshal", "general", "professor", "hero", "akademika", "akademik"]
)
_NOT_IMENI = frozenset(["ex", "exp", "export"])  # "Im. & Ex." is Import & Export
_HONORIFIC_FIRST_WORDS = frozenset({"im", *(marker[0] for marker in _HONORIFIC_MARKERS)})
_ABBREVIATED_IMENI = re.compile(r"(?<!\w)(?:im|им|ім)\.", re.IGNORECASE)


# An acronym whose small letters stand for small words (MoD: Ministry of Defence; MoFA; DoD): read too as
# its capitals alone, the initials of the name's words, as the name's words leave the small ones out.
_SMALL_WORD_ACRONYMS = re.compile(r"(?<![\w'])(?:[A-Z]+[a-z])+[A-Z]+(?![\w'])")


def _small_word_acronyms(written: str) -> tuple[str, ...]:
    """The acronyms of ``written`` with small letters for small words, as written ("MoD")."""
    return tuple(found for found in _SMALL_WORD_ACRONYMS.findall(written) if 3 <= len(found) <= 6)


def _honorific_start(tokens: list[str], written: str) -> tuple[int, int]:
    """Where a "named after" honorific's marker starts among ``tokens`` and how many tokens it has, or
    (-1, 0). Never the first word (Imeni alone is no name of a body), and a name must follow."""
    if _HONORIFIC_FIRST_WORDS.isdisjoint(tokens):
        return -1, 0  # the common case, without the search
    for at in range(1, len(tokens) - 1):
        for marker in _HONORIFIC_MARKERS:
            if tuple(tokens[at : at + len(marker)]) == marker and at + len(marker) < len(tokens):
                return at, len(marker)
        if tokens[at] == "im" and tokens[at + 1] not in _NOT_IMENI and _ABBREVIATED_IMENI.search(written):
            return at, 1
    return -1, 0


def _span(part: list[str], whole: list[str]) -> tuple[int, ...]:
    """The positions of the last run of ``whole`` that is ``part`` (never all of it), or ()."""
    size = len(part)
    for start in range(len(whole) - size, 0, -1):
        if whole[start : start + size] == part:
            return tuple(range(start, start + size))
    return ()


# The genitive endings of a Russian or Ukrainian name after imeni ("of"), as transliterated: the -a of a
# surname in -ov, -ev, -in (Malysheva, Lenina: Malyshev, Lenin), -ya (-ia) after a consonant (Yangelya,
# Igorya: Yangel, Igor) and an adjective's -kogo (Sikorskogo: Sikorsky); not any -a (Shota Rustaveli).
_GENITIVE_ENDING = re.compile(r"(?<=[a-z]{2}(?:ov|ev|in|yn))a$|(?<=[a-z]{3}[^aeiouy])[yi]a$")


def _nominative(word: str) -> str:
    """A Russian or Ukrainian name after imeni, in the nominative: "malysheva" -> "malyshev"."""
    if word.endswith("kogo") and len(word) > 6:
        return word[:-3] + "y"
    return _GENITIVE_ENDING.sub("", word) if len(word) >= 5 else word


def _honour_length(after: list[str]) -> int:
    """How many of the words ``after`` a "named after" marker are the honorific: initials and a title, in
    either order (Admiral N. G. Kuznetsov, akademika V. P. Makeeva), and one name."""
    at = 1 if after and after[0] in _HONORIFIC_TITLES else 0
    while at < len(after) and len(after[at]) == 1:
        at += 1
    if at < len(after) and after[at] in _HONORIFIC_TITLES:
        at += 1
    return min(at + 1, len(after))


# The Persian plural written after a zero-width non-joiner (پژوهش‌های, researches): the word is its singular.
_PERSIAN_PLURAL = re.compile("\u200c\u0647\u0627(?:\u06cc\u06cc?)?(?![\u0600-\u06ff])")

# States' formal names as a name's last words (stop words aside), and the one word an acronym may give the
# state instead: CBI, the Central Bank of the Islamic Republic of Iran. The state is never left out: MOD
# would be every ministry of defence. Longest first, so that "Democratic People's Republic of Korea" is
# not read as the "Republic of Korea".
_STATE_FORMAL_NAMES = {
    ("democratic", "peoples", "republic", "korea"): "korea",
    ("islamic", "republic", "iran"): "iran",
    ("islamic", "republic", "pakistan"): "pakistan",
    ("peoples", "republic", "china"): "china",
    ("syrian", "arab", "republic"): "syria",
    ("arab", "republic", "egypt"): "egypt",
    ("russian", "federation"): "russia",
    ("republic", "belarus"): "belarus",
    ("republic", "korea"): "korea",
    ("republic", "india"): "india",
    ("republic", "iraq"): "iraq",
}
_STATE_FORMAL_LENGTHS = sorted({len(formal) for formal in _STATE_FORMAL_NAMES}, reverse=True)


def _with_state_as_a_word(words: Sequence[str]) -> list[str]:
    """``words`` with a state's formal name at their end as the state's one word ("central", "bank",
    "iran"), or [] for names that end otherwise or have fewer than two words before it."""
    if "republic" not in words and "federation" not in words:  # the cheap test first: most names name no state
        return []
    kept = [i for i, word in enumerate(words) if word not in STOP_WORDS]
    for length in _STATE_FORMAL_LENGTHS:
        if len(kept) < length + 2:
            continue
        state = _STATE_FORMAL_NAMES.get(tuple(words[i] for i in kept[-length:]))
        if state is not None:
            head = list(words[: kept[-length - 1] + 1])
            return [*head, state] if not any(word.isdigit() for word in head) else []
    return []


# A compass point of two (Northwestern, 西北) gives both initials to an acronym (NWPU, SEU).
_COMPASS_INITIALS = {"northwest": "nw", "northeast": "ne", "southwest": "sw", "southeast": "se"}

# عبد and the name of God after it are one name, whose article stays (عبد الرحمن, Abdul Rahman, Abd al-Rahman,
# Abdelrahman): written apart, they are joined, as they are as often written.
_ABD_AL = re.compile(r"(?<![\u0600-\u06FF])\u0639\u0628\u062f\s+(?=\u0627\u0644[\u0600-\u06FF]{2})")


_DROPPED_WORDS = COMPANY_FORM_WORDS | STOP_WORDS


def _syllables_read_as_forms(name: str) -> frozenset[str]:
    """The readings of the Han and Hangul syllables in ``name`` that spell a Latin company form and that no Latin
    word of it spells too: one syllable alone is a word of the name (사 "sa" in 방위사업청: business), never the
    form (Société Anonyme). Not the stop words a syllable reads as (안 "an", 杜 "du", 德 "de"): as surnames
    (An, Du) names in Latin letters write them, and drop them, as the same words."""
    syllables = {transliterate(ch) for ch in name if _is_syllabic(ch)} & COMPANY_FORM_WORDS
    if not syllables:
        return frozenset()
    latin = set(transliterate("".join(ch if not _is_syllabic(ch) else " " for ch in name)).split())
    return frozenset(syllables - latin)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def name_form(name: str) -> NameForm:
    """Prepare ``name`` for comparison (cached: list names are prepared once)."""
    # The Arabic article is written joined to its word (الشهيد, al-shahid; والبحوث, wa-al-buhuth): it goes,
    # as "al" and "the" do in Latin script, and so does lil- "for the" before a word of four letters or more
    # (للصناعات, lil-sina'at; not لليان, Lilian, or لليث, li-Laith, whose own lam would go); a word that
    # merely starts with lam (لیبارٹریز) stays.
    wade_giles: tuple[tuple[str, str], ...] = ()
    arabic_script = bool(ARABIC_SCRIPT.search(name))
    if arabic_script:
        written = _ARABIC_ARTICLE.sub("", _ABD_AL.sub("\u0639\u0628\u062f", _PERSIAN_PLURAL.sub("", name)))
    elif "-" in name:
        written, wade_giles = _wade_giles_as_pinyin(_ARABIC_LIL.sub("", _PERSIAN_EZAFE.sub("", name)))
    else:
        written = name
    if not written.isascii():
        written = _CYRILLIC_SMALL_WORDS.sub(" ", _CYRILLIC_COMPANY_FORMS.sub(" ", written))
    text = transliterate(_SLASHED_ABBREVIATIONS.sub(" import export ", written))
    if arabic_script:  # a lone و is "and"
        text = " ".join(t for t in text.split() if t != "w")
    elif not name.isascii() and _DEVANAGARI.search(name):  # और, एवं and the English loan एंड are "and"
        text = " ".join(t for t in text.split() if t not in _DEVANAGARI_AND)
    split = _without_form_slips(text.split())
    honour: list[str] = []
    marker_at, marker_length = _honorific_start(split, written)
    if marker_at > 0:
        after = split[marker_at + marker_length :]
        honour_length = _honour_length(after)
        if split[marker_at] != "named":  # imeni: the honoured name is in the genitive (Malysheva, Yangelya)
            after = [
                _nominative(word) if at < honour_length or (at == honour_length and word.endswith("kogo")) else word
                for at, word in enumerate(after)
            ]  # and a surname after the given name (Igorya Sikorskogo)
        honour = after[:honour_length]
        split = split[:marker_at] + after
    text = " ".join(split)
    tokens = tuple(split)
    without_forms = _remove_company_forms(text).split()
    native_words = _native_glossary(name)
    stripped = _merge_syllables(_expand(without_forms), native_words)
    unsplit = stripped  # run together as romanised, the name still meets Zhongnan and Changzheng
    if any(" " in native_words.get(word, "") for word in stripped):  # 华南, joined from "hua nan", is South China
        stripped = [part for word in stripped for part in native_words.get(word, word).split()]
    abjad = bool(_VOWELS_UNWRITTEN.search(name))
    dropped = _DROPPED_WORDS - _syllables_read_as_forms(name) if not name.isascii() else _DROPPED_WORDS
    plain = [t for t in stripped if t not in dropped] or list(tokens)
    own: tuple[str, ...] = ()
    if name.isascii() or not any(_is_syllabic(ch) for ch in name):  # Han and Hangul syllables are not words
        kept = _without_own_acronyms(plain)
        own = tuple(word for word in plain if word not in kept)
        plain = kept
    core = tuple(native_words.get(t) or _concept(t) for t in plain)
    honoured = (
        [t for t in _merge_syllables(_expand(honour)) if t not in COMPANY_FORM_WORDS and t not in STOP_WORDS]
        if honour
        else []
    )
    honorific = _span(honoured, plain)
    written_words = tuple(plain)
    native = [ch for ch in (name.split() or [""])[-1] if _is_syllabic(ch)]  # the last word's characters
    if (
        plain
        and plain[-1] in NATIVE_KIND_SUFFIXES
        # after a native word of two English words, the word as it is written (국방, not "national defence")
        and (
            len(native) >= _MIN_NATIVE_NAME
            or _after_a_word(native, [t for t in unsplit if t not in dropped], native_words)
        )
    ):
        # kept as the character, written: its other translations (局: administration) are the glossary's
        core = (*core[:-1], NATIVE_KIND_SUFFIXES[plain[-1]])
        written_words = (*plain[:-1], native[-1])
    elif (
        name.isascii()
        and native_words
        and len(plain) >= _MIN_PINYIN_NAME
        and plain[-1] in PINYIN_KIND_SUFFIXES
        and (plain[-2] in GLOSSARY or plain[-2] in native_words)
    ):
        # the same in pinyin, after a glossary word (Guojia Anquan Bu): read as the character
        core = (*core[:-1], NATIVE_KIND_SUFFIXES[plain[-1]])
        written_words = (*plain[:-1], PINYIN_KIND_SUFFIXES[plain[-1]])
    translated = tuple((word, concept) for word, concept in zip(written_words, core, strict=True) if concept != word)
    words = [t for t in tokens if t not in STOP_WORDS]
    # run together, a native word that is two in English stays as romanised (中南建设: "zhongnanjianshe")
    unsplit_plain = plain if unsplit is stripped else [t for t in unsplit if t not in dropped]
    joined = _strip_suffixes("".join(unsplit_plain))
    acronyms: list[str] = []
    for group in (words, core, plain, tokens):  # tokens: "of" and forms spelled too (MoRI, CETC)
        if len(group) > 1 and not any(t.isdigit() for t in group):
            initials = "".join([t[0] for t in group])
            if initials not in acronyms:
                acronyms.append(initials)
    for group in (words, tokens):  # Central Bank of the Islamic Republic of Iran: CBI, as well as CBIRI
        shorter = _with_state_as_a_word(group)
        if shorter and (initials := "".join([t[0] for t in shorter])) not in acronyms:
            acronyms.append(initials)
    if len(core) > 1 and _COMPASS_INITIALS.keys() & set(core):  # Northwestern Polytechnical University: NWPU
        compass = "".join(_COMPASS_INITIALS.get(t, t[0]) for t in core)
        if compass not in acronyms:
            acronyms.append(compass)
    phonetic = tuple(phonetic_key(t) for t in core)
    western = tuple(russian_in_western_spelling(t) for t in core)
    western_keys = tuple(phonetic_key(w) if w != t else "" for w, t in zip(western, core, strict=True))
    return NameForm(
        original=name,
        tokens=tokens,
        core=core,
        phonetic=phonetic,
        western_keys=western_keys if any(western_keys) else (),
        joined=joined,
        acronyms=tuple(acronyms),
        weights=tuple(token_weight(t) for t in core),
        total_weight=sum(token_weight(t) for t in core),
        translated=translated,
        wade_giles=wade_giles,
        abjad=abjad,
        words=written_words,
        company_form=_company_evidence(tokens, len(without_forms) < len(tokens)),
        own_acronyms=own,
        spelled="".join(t[0] for t in tokens) if len(tokens) >= 2 and all(len(t) == 1 for t in core) else "",
        translated_joined="".join(core)
        if unsplit is stripped
        else "".join(
            word if " " in native_words.get(word, "") else native_words.get(word) or _concept(word)
            for word in unsplit_plain
        ),
        joined_sound=phonetic_key(joined),
        translated_joined_sound=phonetic_key("".join(core)),
        letters="".join(tokens),
        sounds="".join(phonetic),
        honorific=honorific,
        native_split=unsplit is not stripped,
        small_word_acronyms=_small_word_acronyms(name) if name.isascii() else (),
    )


# Company forms that only companies carry. Short forms that are also particles of personal names
# (Ag, as-, ad-, Sa, Oy, Tov) or initials (J. V.) say nothing about the kind of party.
UNAMBIGUOUS_COMPANY_FORMS = frozenset(
    [
        "co", "company", "companies", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
        "llp", "plc", "gmbh", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "pte", "pvt", "pty", "sarl", "srl",
        "gongsi", "zonggongsi", "youxian", "hoesa", "shrkt", "shrkh", "sherkat", "sharikat", "kompaniya",
    ]
)  # fmt: skip


def _company_evidence(tokens: tuple[str, ...], phrase_removed: bool) -> str:
    """The company form that shows a name is a company's, or "" (a multi-word form such as "joint
    stock company" or 有限公司 counts; a short form that is also a name particle does not)."""
    found = next((t for t in tokens if t in UNAMBIGUOUS_COMPANY_FORMS), "")
    return found or ("company form" if phrase_removed and "j" not in tokens else "")


def _without_own_acronyms(words: list[str]) -> list[str]:
    """Drop a word that abbreviates a run of the name's other words ("Indian Space Research Organisation
    (ISRO)"): it repeats the name and would count as a word the other side lacks. Linear in the name:
    each candidate (3 to 6 letters) is looked for in the initials of the words before and after it."""
    initials = "".join(w[0] for w in words)
    kept = [
        word
        for position, word in enumerate(words)
        if not (
            MIN_OWN_ACRONYM <= len(word) <= MAX_OWN_ACRONYM
            and (word in initials[:position] or word in initials[position + 1 :])
        )
    ]
    return kept or words


MIN_OWN_ACRONYM, MAX_OWN_ACRONYM = 3, 6


# j written for y: Russian in the scientific (ISO 9-like) style (ja, ju, jo after a consonant:
# "tjagachej"; between vowels: "akademija", "mashinostroenija"), and Persian and Arabic in German or Dutch
# spelling ("sanaje" for sanaye); and h for kh at the end of a Russian adjective ("kolesnyh"). The
# glossary lists the y forms, so a word not in it is looked up again so spelled. Not a word's first j (Joo,
# Josef), not a j before i or u between vowels (pinyin and Korean ji, ju, jin: Guojing is a name), and not
# a short word (Mujok).
_J_FOR_Y = (
    (re.compile(r"(?<=[bcdfgklmnprstvz])j(?=[aou])"), "y"),
    (re.compile(r"(?<=[aeiou])j(?=[aeo])"), "y"),
    (re.compile(r"(?<=[yi])h$"), "kh"),
)
_MIN_J_FOR_Y = 6


# A Russian adjective in a case the glossary does not list (Федеральная служба по техническому ...
# контролю: "tekhnicheskomu", the dative) is looked up by its stem, the stems being those of the
# adjectives the glossary lists (tekhnicheskiy, tekhnicheskaya: "tekhnichesk"), kept where one concept has
# the stem. Only words of seven letters or more: an English word rarely ends so and shares a stem.
_RUSSIAN_LISTED_ENDING = re.compile(r"(?:[iy][yij]|yi|a[yij]a|oy?e|ogo|o[yij]|y?ye|[yi]kh)$")
_RUSSIAN_CASE_ENDING = re.compile(
    r"[iy][yij]|yi|a[yij]a|oy?e|[oe]go|[oe]ho|[oe]mu|o[yij]|e[yij]|y?ye|iye|[yi]kh|[yi]mi?|[uy]yu|oyu"
)
_MIN_RUSSIAN_ADJECTIVE = 7
_RUSSIAN_ENDING_LENGTHS = (2, 3, 4)


def _russian_stems(glossary: dict[str, str]) -> dict[str, str]:
    stems: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word, concept in glossary.items():
        if pinyin_split(word):
            continue  # shangye, kuangye: pinyin, whose "ye" is no Russian ending
        if len(word) >= _MIN_RUSSIAN_ADJECTIVE and (ending := _RUSSIAN_LISTED_ENDING.search(word)):
            stem = word[: ending.start()]
            if stems.setdefault(stem, concept) != concept:
                ambiguous.add(stem)
    return {stem: concept for stem, concept in stems.items() if stem not in ambiguous}


RUSSIAN_STEMS = _russian_stems(GLOSSARY)


def _concept(token: str) -> str:
    """The glossary concept of ``token``, or ``token`` itself."""
    found = GLOSSARY.get(token) or GLOSSARY.get(_singular(token))
    if found:
        return found
    if len(token) < _MIN_J_FOR_Y:
        return token
    bgn = token
    for pattern, replacement in _J_FOR_Y:
        bgn = pattern.sub(replacement, bgn)
    if bgn != token and bgn in GLOSSARY:
        return GLOSSARY[bgn]
    if len(token) >= _MIN_RUSSIAN_ADJECTIVE:
        for length in _RUSSIAN_ENDING_LENGTHS:  # a stem looked up first: most words have none
            if bgn[:-length] in RUSSIAN_STEMS and _RUSSIAN_CASE_ENDING.fullmatch(bgn[-length:]):
                return token if pinyin_split(bgn) else RUSSIAN_STEMS[bgn[:-length]]  # Shangyi is a name
    return token


def _singular(word: str) -> str:
    """English plural to singular, for the glossary only: factories -> factory, labs -> lab."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _strip_suffixes(joined: str) -> str:
    for suffix in JOINED_COMPANY_SUFFIXES:
        if joined.endswith(suffix) and len(joined) > len(suffix) + 2:
            return joined[: -len(suffix)]
    return joined


GENERIC_WEIGHT = 0.35


def token_weight(token: str) -> float:
    """How much a token says about identity: generic organisation words and initials say little."""
    if token in GENERIC_WORDS:
        return GENERIC_WEIGHT
    if len(token) == 1:
        return 0.2
    if len(token) == 2:
        return 0.6
    return 1.0
