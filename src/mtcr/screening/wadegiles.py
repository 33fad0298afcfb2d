"""Wade–Giles to Hanyu Pinyin, one word at a time, so that a name written "Ta-lien" or "Kung-ssu" in an older US
notice, a 1990s sanctions list or Taiwanese usage can also be compared as "dalian" or "gongsi".

Use the result only as an extra matching key beside the name as written, never in its place: short English words
("Man", "Ten") and some Korean syllables ("Sung", "Chang") are also valid Wade–Giles syllables and will convert.

Rules for a word:

* Hyphenated ("Ta-lien", "Kuo-min-tang"): every hyphen-separated part must be exactly one Wade–Giles syllable.
* One syllable with no hyphen ("Teng", "Hsü"): converted.
* Several syllables run together ("Kaohsiung"): converted only if (a) the word splits into Wade–Giles syllables in
  exactly one way, where a syllable after the first must begin with a consonant, y or w (Wade–Giles has no
  apostrophe to separate syllables, so a vowel-initial one needs a hyphen: "Hsi-an", "Yen-an"), and (b) at least
  one syllable has a spelling that only Wade–Giles uses (an aspiration mark, hs-, tz-, ss-, -ih, -ieh, -ien, -ung,
  -uei, j- before a/e/o, chi-/chü- ...; see _WADE_GILES_ONLY). Rule (b) keeps "Panama", "Machine", "Tofu", "Ali" and
  "Lenin" out; its price is that run-together names with no such spelling ("Chengtu", "Kuomintang") give None.
  "Taipei" is kept as a conventional whole word.
* A few conventional postal spellings ("Peking", "Canton") are recognised as whole words only.

Choices where Wade–Giles is ambiguous or loosely written:

* Aspiration apostrophes are often dropped ("Changan" for Ch'ang-an); a missing one reads as unaspirated (zhang-an).
* Umlauts are often dropped: a bare "u" reads as u where that makes a real syllable ("chu" is zhu), else as ü
  ("hsu" is xu, "chueh" is jue). "yu" is you and "yü" is yu.
* Standalone "o" / "ê" / "e" are pinyin e (O-mei is Emei), never the interjection o.
* Pinyin lü, nü, lüe, nüe are written lu, nu, lue, nue in the result (ASCII, the usual form in lists and passports).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The standard pinyin syllables without tones (Hanyu Pinyin syllable table, leaving out the interjections ê, ng, m,
# hm, n and the rare dialect syllables). ü is kept where pinyin writes it (after l and n).
_PINYIN_TABLE = """
    a o e ai ei ao ou an en ang eng er
    yi ya yo ye yao you yan yin yang ying yong yu yue yuan yun
    wu wa wo wai wei wan wen wang weng
    ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
    pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu
    ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu
    fa fo fei fou fan fen fang feng fu
    da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding du duo dui duan dun
    ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun
    na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo nuan nü nüe
    la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lü lüe
    ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang
    ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang
    ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang
    ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun
    qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun
    xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun
    zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang
    cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang
    sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang
    re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run
    za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun
    ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun
    sa se si sai sao sou san sen sang seng song su suo sui suan sun
"""
PINYIN_SYLLABLES: frozenset[str] = frozenset(_PINYIN_TABLE.split())
_LONGEST_PINYIN = max(map(len, PINYIN_SYLLABLES))  # zhuang, chuang, shuang


@lru_cache(maxsize=100_000)
def pinyin_split(word: str) -> tuple[str, ...]:
    """``word`` split into the fewest standard pinyin syllables ("fangwei" -> fang, wei); () when it does
    not split."""
    # best[i]: the fewest syllables that spell word[:i], as (count, start of the last syllable)
    best: list[tuple[int, int] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_PINYIN), end):
            syllable = word[start:end]
            reached = best[start]
            # a syllable after the first never starts with a vowel: pinyin writes Xi'an, not Xian
            if reached is None or syllable not in PINYIN_SYLLABLES or (start > 0 and syllable[0] in "aeo"):
                continue
            current = best[end]
            if current is None or reached[0] + 1 < current[0]:
                best[end] = (reached[0] + 1, start)
    if best[-1] is None or not word:
        return ()
    syllables: list[str] = []
    end = len(word)
    while end:
        step = best[end]
        assert step is not None  # every end on the path was reached
        syllables.append(word[step[1] : end])
        end = step[1]
    return tuple(reversed(syllables))


# The tables below are re-typed from the Wade–Giles romanisation tables (e.g. Library of Congress pinyin conversion
# guidelines). Spellings are normalised first: lower case, ' for every aspiration mark, ê/ĕ -> e, ŭ -> u, ü kept.

# Wade–Giles initial -> (pinyin before a final without i/ü medial, pinyin before one with it); None: not spelled so.
# ch/ch' split into zh/ch and j/q; hs appears only before i/ü; j is r; ts/ts' are z/c.
_INITIALS: dict[str, tuple[str | None, str | None]] = {
    "p": ("b", "b"),
    "p'": ("p", "p"),
    "m": ("m", "m"),
    "f": ("f", None),
    "t": ("d", "d"),
    "t'": ("t", "t"),
    "n": ("n", "n"),
    "l": ("l", "l"),
    "k": ("g", None),
    "k'": ("k", None),
    "h": ("h", None),
    "ch": ("zh", "j"),
    "ch'": ("ch", "q"),
    "hs": (None, "x"),
    "sh": ("sh", None),
    "j": ("r", None),
    "ts": ("z", None),
    "ts'": ("c", None),
    "s": ("s", None),
}

# tz, tz', ss and sz are written only in tzŭ, tz'ŭ, ssŭ and szŭ: pinyin zi, ci, si.
_APICAL_SYLLABLES = {"tzu": "zi", "tz'u": "ci", "ssu": "si", "szu": "si"}

# -ih is written only after ch, ch', sh and j: chih zhi, ch'ih chi, shih shi, jih ri.
_IH_INITIALS = ("ch", "ch'", "sh", "j")

# A written -o is o after labials (po bo), e after k/k'/h (ko ge, k'o ke, ho he) and uo elsewhere (to duo, lo luo,
# cho zhuo, jo ruo, tso zuo, so suo).
_O_FINALS = {
    "p": "o",
    "p'": "o",
    "m": "o",
    "f": "o",
    "k": "e",
    "k'": "e",
    "h": "e",
    "t": "uo",
    "t'": "uo",
    "n": "uo",
    "l": "uo",
    "ch": "uo",
    "ch'": "uo",
    "j": "uo",
    "ts": "uo",
    "ts'": "uo",
    "s": "uo",
}

# Written final after an initial -> readings tried in order: (pinyin final, whether it has an i/ü medial).
# The first reading that makes a real pinyin syllable wins, so a bare u is ü only where u cannot be.
_FINALS: dict[str, tuple[tuple[str, bool], ...]] = {
    "a": (("a", False),),
    "ai": (("ai", False),),
    "ao": (("ao", False),),
    "an": (("an", False),),
    "ang": (("ang", False),),
    "e": (("e", False),),
    "ei": (("ei", False),),
    "en": (("en", False),),
    "eng": (("eng", False),),
    "ou": (("ou", False),),
    "i": (("i", True),),
    "ia": (("ia", True),),
    "iao": (("iao", True),),
    "ieh": (("ie", True),),
    "iu": (("iu", True),),
    "ien": (("ian", True),),
    "in": (("in", True),),
    "iang": (("iang", True),),
    "ing": (("ing", True),),
    "iung": (("iong", True),),
    "u": (("u", False), ("ü", True)),
    "ua": (("ua", False),),
    "uo": (("uo", False),),
    "uai": (("uai", False),),
    "uei": (("ui", False),),
    "ui": (("ui", False),),
    "uan": (("uan", False), ("üan", True)),
    "un": (("un", False), ("ün", True)),
    "uang": (("uang", False),),
    "ung": (("ong", False),),
    "ueh": (("üe", True),),
    "ü": (("ü", True),),
    "üeh": (("üe", True),),
    "üan": (("üan", True),),
    "ün": (("ün", True),),
}

# Syllables with no initial, spelled with y/w or a bare vowel. i is yi, yu is you, yü is yu, yung is yong.
_ZERO_INITIAL = {
    "a": "a",
    "ai": "ai",
    "ao": "ao",
    "an": "an",
    "ang": "ang",
    "o": "e",
    "e": "e",
    "ei": "ei",
    "en": "en",
    "eng": "eng",
    "erh": "er",
    "ou": "ou",
    "i": "yi",
    "ya": "ya",
    "yao": "yao",
    "yeh": "ye",
    "yu": "you",
    "yen": "yan",
    "yin": "yin",
    "yang": "yang",
    "ying": "ying",
    "yung": "yong",
    "yü": "yu",
    "yüeh": "yue",
    "yueh": "yue",
    "yüan": "yuan",
    "yuan": "yuan",
    "yün": "yun",
    "yun": "yun",
    "wu": "wu",
    "wa": "wa",
    "wo": "wo",
    "wai": "wai",
    "wei": "wei",
    "wan": "wan",
    "wen": "wen",
    "wang": "wang",
    "weng": "weng",
}

# Whole words only. Chinese postal romanisation, plus Taipei (Wade–Giles run together, which the general rule
# refuses because both syllables also look like pinyin).
CONVENTIONAL_SPELLINGS = {
    "peking": "beijing",
    "canton": "guangzhou",
    "tientsin": "tianjin",
    "nanking": "nanjing",
    "amoy": "xiamen",
    "sian": "xian",
    "chungking": "chongqing",
    "tsingtao": "qingdao",
    "taipei": "taibei",
}


def _syllable_table() -> dict[str, str]:
    """Every Wade–Giles syllable (normalised spelling) with its pinyin, built from the tables and checked against
    PINYIN_SYLLABLES so that no invented syllable can come out."""
    table = dict(_ZERO_INITIAL)
    for initial, (back, front) in _INITIALS.items():
        for written, readings in _FINALS.items():
            for final, has_medial in readings:
                pinyin_initial = front if has_medial else back
                if pinyin_initial is None:
                    continue
                if pinyin_initial in {"j", "q", "x"}:
                    final = final.replace("ü", "u")  # pinyin writes ü as u after j, q, x
                if pinyin_initial + final in PINYIN_SYLLABLES:
                    table[initial + written] = pinyin_initial + final
                    break
        if initial in _O_FINALS and back is not None:
            table[initial + "o"] = back + _O_FINALS[initial]
        if initial in _IH_INITIALS and back is not None:
            table[initial + "ih"] = back + "i"
    table.update(_APICAL_SYLLABLES)
    invalid = sorted(f"{written}->{pinyin}" for written, pinyin in table.items() if pinyin not in PINYIN_SYLLABLES)
    if invalid:
        raise AssertionError(f"Wade–Giles table yields non-pinyin syllables: {invalid}")
    return table


WADE_GILES_SYLLABLES: dict[str, str] = _syllable_table()
# Spellings pinyin never uses, and English seldom: an aspiration mark, hs-, tz-, ss-/sz-, -ih, -ieh/-üeh, -ien,
# -ung, -uei, erh, j- before a/e/o, ch before i/ü, yeh, yen, yü. A bare -o (to, lo, ko, ho) is Wade–Giles too but
# common in other languages ("Tofu", "Potato"), so it does not count.
_WADE_GILES_ONLY = re.compile(r"'|^hs|^tz|^s[sz]|ih$|[iuü]eh$|ien$|ung$|uei$|^erh$|^j[aeo]|^ch(?:i.|ü)|^ye[hn]$|^yü")
_LONGEST_SYLLABLE = max(map(len, WADE_GILES_SYLLABLES))
_VOWELS = frozenset("aeiouü")
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzü'-")
_NORMALISE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʻ": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "ê": "e",
        "ĕ": "e",
        "ŭ": "u",
    }
)


def _normalise(word: str) -> str | None:
    text = unicodedata.normalize("NFC", word).strip().lower().translate(_NORMALISE)
    if not text or not _ALLOWED.issuperset(text):
        return None
    return text


def _segmentations(text: str) -> list[tuple[str, ...]]:
    """Up to two ways to split a run-together word into syllables; two is enough to know it is ambiguous."""
    ways: list[list[tuple[str, ...]]] = [[] for _ in range(len(text))] + [[()]]
    for start in range(len(text) - 1, -1, -1):
        found: list[tuple[str, ...]] = []
        for end in range(start + 1, min(len(text), start + _LONGEST_SYLLABLE) + 1):
            piece = text[start:end]
            if piece not in WADE_GILES_SYLLABLES or (start > 0 and piece[0] in _VOWELS):
                continue
            found.extend((piece, *rest) for rest in ways[end])
            if len(found) >= 2:
                break
        ways[start] = found[:2]
    return ways[0]


@lru_cache(maxsize=65_536)
def wade_giles_to_pinyin(word: str) -> str | None:
    """The word in toneless pinyin, lower case, as one word ("Ta-lien" -> "dalian"), or None when it is not a
    Wade–Giles syllable sequence under the rules in the module docstring."""
    text = _normalise(word)
    if text is None:
        return None
    if text in CONVENTIONAL_SPELLINGS:
        return CONVENTIONAL_SPELLINGS[text]
    syllables: tuple[str, ...]
    if "-" in text:
        syllables = tuple(text.split("-"))
        if not all(part in WADE_GILES_SYLLABLES for part in syllables):
            return None
    elif text in WADE_GILES_SYLLABLES:
        syllables = (text,)
    else:
        found = _segmentations(text)
        if len(found) != 1 or not any(_WADE_GILES_ONLY.search(syllable) for syllable in found[0]):
            return None
        syllables = found[0]
    return "".join(WADE_GILES_SYLLABLES[syllable] for syllable in syllables).replace("ü", "u")
