"""Explainable party-to-entity matching: a score per feature, each with a reason, and a versioned total.

Features:
- **name**: the best of the entity's names against the query, by weighted token alignment (each
  token matched exactly, by phonetic key across romanisations, or with a typo), by the names run
  together (spacing and punctuation never matter), and by acronym. Company forms never count;
  generic words (group, industrial, trading...) count little, so two different organisations that
  share only such words do not match.
- **country**, **identifiers**, **dates**, **address**: raise or lower the name score when both
  sides give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from mtcr.screening.lexicon import (
    are_different_words,
    is_dropped_letter_slip,
    is_english_word,
    is_known_word,
    is_korean_name,
    is_listed_name,
    is_proper_name,
)
from mtcr.screening.model import EntityType, Feature, FeatureScore, ListEntity, Match, Party
from mtcr.screening.name_variants import same_name_variant, variant_groups
from mtcr.screening.normalise import (
    ARABIC_SCRIPT,
    COMPANY_FORM_WORDS,
    GENERIC_WEIGHT,
    GENERIC_WORDS,
    GLOSSARY_CONCEPTS,
    RELATED_CONCEPTS,
    STOP_WORDS,
    NameForm,
    abjad_key,
    consonant_skeleton,
    english_loanword_consonants,
    english_loanword_sounds,
    is_korean_romanisation,
    korean_loanword_consonants,
    name_form,
    phonetic_key,
    th_dh_as_s_z,
    transliterate,
    yo_as_e,
)
from mtcr.screening.typos import most_edits, typo_similarity
from mtcr.screening.wadegiles import PINYIN_SYLLABLES, pinyin_split

MATCHER_VERSION = "1.11.0"  # bump whenever a change can move a score
DEFAULT_THRESHOLD = 0.70  # the best F1 on the main evaluation set (docs/benchmarks.md)

TYPO_SIMILARITY = 0.85  # a token within this normalised edit similarity counts as a typo of the other
RELATED_SCORE = 0.8  # a word of another language against the other concept it is also translated by
NAME_VARIANT_SCORE = 0.9  # a surname's spelling in another romanisation (Park / Pak)
MAX_TYPO_WORD = 64  # no word is longer; the typo distance is quadratic in length (a 20,000-letter "word": minutes)
GENERIC_TYPO_SIMILARITY = 0.7  # a slip in a generic word may be looser: it cannot make another name
LONE_SLIP_COST = 0.15  # the cost of a swap or a doubling in a name of one word (_finger_slip)
MIN_LONE_SLIP_WORD = 6  # shorter lone words are as often acronyms (USTC / UESTC)
CONTEXT_TYPO_SIMILARITY = 0.82  # the one word that differs between two names otherwise the same (_slip_in_context)
MIN_CONTEXT_WORDS = 2  # words of the two names that agree around the slip, one of them distinctive
MIN_CONTEXT_SLIP_WORD = 3  # a shorter word slipped is as likely another word
TYPO_COST = 0.25  # a typo counts less than an exact or same-sound token: one-letter differences also tell names apart
ACRONYM_SCORE = 0.9
SYLLABIC_ACRONYM_SCORE = 0.85  # starts of words are looser than initials
LOOSE_ACRONYM_SCORE = 0.8  # initials with one word left out
MIN_LOOSE_ACRONYM = 4  # three letters with one word left out fit too many names (CUC, MAI)
MAX_LOOSE_ACRONYM = 8
EXTRA_WORD_PENALTY = 0.05  # per word beside an acronym ("DRDL Hyderabad")
ABBREVIATION_SCORE = 0.9  # "Imp." for "Import", "Tech" for "Technologies"
MAX_ABBREVIATION = 4  # longer prefixes are more often another word (Sepah / Sepahan)
ABBREVIATION_ONLY_FACTOR = 0.6
# Both names keep a token the other lacks: a substitution ("Industry" for "Technology") says the names
# differ more than an omission does ("... Group" dropped).
SUBSTITUTION_FACTOR = 0.75
OMITTED_GENERIC_WEIGHT = 0.15  # a generic word one name leaves out (GENERIC_WEIGHT when it differs)
JOINED_SIMILARITY = 0.93  # names run together this similar are one name spaced differently
COUNTRY_MATCH_BONUS = 0.03
COUNTRY_MISMATCH_PENALTY = 0.12
IDENTIFIER_MATCH_SCORE = 0.99
DATE_MISMATCH_PENALTY = 0.1
TYPE_MISMATCH_PENALTY = 0.3  # a company against a listed person, or a person against a listed company
ADDRESS_BONUS = 0.03


# Words that say what kind of business a firm is and its reach, which one firm's names vary in
# (Rockside Trading, Rockside Enterprise; 总公司 "general corporation" for a National Corporation); not
# what it does or what kind of body it is (Electronics, Machinery, Research, Institute), which tell two
# bodies of one city or family apart.
BUSINESS_KINDS = frozenset(  # as the glossary reads them (Industries, Industrial: industry; Works, Plant: factory)
    ["group", "industry", "trading", "enterprise", "holding", "complex", "factory", "commercial", "general",
     "national", "international", "import", "export", "importexport"]
)  # fmt: skip
GENERIC_SLIP = "typo in a generic word"


# the words a slip is read against: the generic ones and the glossary's concepts that are common words
# (Aerospace, Trading, Satellite); not places or persons' names, which other names sit a slip away from
# (Dalian, Korea, Hassan: Dulian, Kaesong and Hessam are names of their own)
@cache
def closed_words() -> frozenset[str]:
    """Built on first use, not at import: it reads the English word list and the name lexicons."""
    return GENERIC_WORDS | frozenset(
        concept for concept in GLOSSARY_CONCEPTS if is_known_word(concept) and not is_listed_name(concept)
    )


REAL_WORDS = "real words"  # a near pair refused as a typo: both are real words or names
ABJAD_SIMILARITY = 0.9  # two words with one Arabic-script consonant spelling: vowels unwritten, not known
MAX_ACRONYM_LENGTH = 3  # a lone word this short is letters (MID, NTC); Tiba or SHIG may be a word
_TYPO_EDITS = tuple(most_edits(longest, TYPO_SIMILARITY) for longest in range(MAX_TYPO_WORD + 1))


NORTH_INITIAL_R = "same sound, the North's initial r"
MIN_INITIAL_R_WORD = 5  # shorter words so alike are as often two names (Rabi / Nabi, Raju / Naju)
# Vowels and endings of Korean romanisation that Arabic and Persian names seldom have (pinyin has ng and yu:
# two pinyin words are ruled out on their own)
_KOREAN_SPELLING = re.compile(r"eo|eu|ae|oe|wo|ng|yo|yu")


def _north_initial_r(a: str, b: str) -> bool:
    """Rodong / Nodong, Rason / Naseon: Korean ㄹ starting a word before a, o, u or e, which the North writes
    r and the South n. Only in words of five letters or more, both of Korean syllables, sounding alike after
    the first letter, neither an English word (Roman is not Noman), not both pinyin (Ronghua, Nonghua: two
    Chinese names), and one of them a Korean name or place of the lexicon or spelled as Korean is (eo, ae)
    (Nasim / Rasim, Nadim / Radim are two Arabic names). Before i, and before y but for yo and yeo, ㄹ drops
    in the South, which the phonetic key reads (Ryonha / Yonha); Ryugyong / Yugyeong and Ri / I are missed."""
    r_word, n_word = (a, b) if a[0] == "r" else (b, a)
    return (
        min(len(a), len(b)) >= MIN_INITIAL_R_WORD
        and r_word[1] in "aoue"
        and phonetic_key(r_word[1:].replace("eo", "o")) == phonetic_key(n_word[1:].replace("eo", "o"))
        and is_korean_romanisation(r_word)
        and is_korean_romanisation(n_word)
        and not (is_english_word(a) or is_english_word(b))
        and not (len(pinyin_split(a)) > 1 and len(pinyin_split(b)) > 1)
        and any(is_korean_name(word) or _KOREAN_SPELLING.search(word) for word in (a, b))
    )


def _token_similarity(
    a: str,
    b: str,
    key_a: str,
    key_b: str,
    abjad: bool,
    lone_a: bool = False,
    lone_b: bool = False,
    person: bool = False,
    latin_side: int = 0,
) -> tuple[float, str]:
    """How alike two words are, and why; ``lone_a``/``lone_b``: that word is the whole of its name;
    ``person``: the words are of a person's name; ``latin_side``: 1 or 2 where ``a`` or ``b`` is a
    Latin spelling compared with a word of a script that leaves vowels unwritten (Arabic, Devanagari)."""
    if a == b:
        return 1.0, "same"
    if (lone_a and len(a) <= MAX_ACRONYM_LENGTH) or (lone_b and len(b) <= MAX_ACRONYM_LENGTH):
        return 0.0, ""  # a short name on its own is an acronym: letters, not sounds (MID is not MIT)
    if a in GLOSSARY_CONCEPTS and b in GLOSSARY_CONCEPTS:
        # two of the glossary's concepts are two words however alike (Shanxi, Shaanxi), but one may be
        # short for the other (Air, Airlines; Pak, Pakistan)
        if 3 <= len(a) <= MAX_ABBREVIATION and len(b) >= len(a) + 2 and b.startswith(a):
            return ABBREVIATION_SCORE, "abbreviation"
        return 0.0, ""
    if key_a == key_b and len(key_a) >= 2:
        return 0.95, "same sound"
    # one word begins Eur-: the first letters first, as slicing every pair of words costs (Evr- or Yevr-)
    if (a[0] == "e" or b[0] == "e") and (euro := _euro_read(a, b, lone_a, lone_b, person, latin_side)):
        return euro
    if a[0] != b[0] and a[0] in "rn" and b[0] in "rn" and _north_initial_r(a, b):
        return 0.95, NORTH_INITIAL_R
    # Russian ё written yo or jo on one side only (Fyodor / Fedor); the first letters first: most pairs differ there
    if (
        a[0] == b[0]
        and ("yo" in a or "jo" in a) != ("yo" in b or "jo" in b)
        and phonetic_key(yo_as_e(a)) == phonetic_key(yo_as_e(b))
    ):
        return 0.95, "same sound, ё written yo or e"
    # Park / Pak, Zhang / Cheung: one surname in two romanisations, in a person's name only (Park
    # Electronics is not Pak Electronics). Two pinyin syllables are two characters, never one name
    # spelled twice (Liu / Liao, Deng / Tang: the table pairs them only through a dialect spelling).
    if person and same_name_variant(a, b) and not (a in PINYIN_SYLLABLES and b in PINYIN_SYLLABLES):
        return NAME_VARIANT_SCORE, "same name, another romanisation"
    if abjad:
        # as written, and after folding romanisations (q/gh/k: Baqeri is Bagheri)
        # (three consonants at least once folded: d/t and a dropped h make Hemmat, Ahmad and Mahdi "mt")
        # (once folded, a shade lower: سهند is Sahand before صنعتی, "snty", is)
        for skeleton_a, skeleton_b, shortest, similarity in (
            (consonant_skeleton(a), consonant_skeleton(b), 2, ABJAD_SIMILARITY),
            (abjad_key(a), abjad_key(b), 2, ABJAD_SIMILARITY),
            (consonant_skeleton(key_a), consonant_skeleton(key_b), 3, 0.89),
            # و read as a vowel, o or u, not as v (ذوالقدر, Zolghadr)
            (abjad_key(a).replace("v", ""), abjad_key(b).replace("v", ""), 3, 0.89),
        ):
            if len(skeleton_a) >= shortest and skeleton_a == skeleton_b:
                return similarity, "same consonants"
        # against a Latin spelling: the script's th and dh also as Persian says ث, ذ, ظ and ض, s and z
        # (ثابت Sabet, رضا Reza, کاظمی Kazemi); the Latin word also as the script writes an English
        # loanword's sounds (Aerospace एयरोस्पेस, National نیشنل, Complex کمپلیکس, Energy انرجی)
        if latin_side:
            latin, script = (a, b) if latin_side == 1 else (b, a)
            for consonants in (abjad_key, consonant_skeleton):  # the second drops h: ظاهر "dhhr", Zaher
                latin_consonants = {consonants(latin), consonants(english_loanword_sounds(latin))}
                for written in {consonants(script), consonants(th_dh_as_s_z(script))}:
                    if len(written) >= 2 and latin_consonants & {written, written.replace("v", "")}:
                        return ABJAD_SIMILARITY, "same consonants, as the script writes the sounds"
    longest = max(len(a), len(b))
    if (
        min(len(a), len(b)) >= 4
        and longest <= MAX_TYPO_WORD
        # most pairs are words too far apart for a typo: told by the plain distance, without the weighing
        and OSA.distance(a, b, score_cutoff=_TYPO_EDITS[longest]) <= _TYPO_EDITS[longest]
    ):
        similarity = typo_similarity(a, b, TYPO_SIMILARITY)  # slips weighed by how people mistype
        # two real words or names one letter apart (Hekmat / Hemmat, Haiyang / Haiying) are two names
        if similarity >= TYPO_SIMILARITY:
            if are_different_words(a, b, b_is_name=True):
                return 0.0, REAL_WORDS
            # a name of one long word with two letters swapped or one doubled (Lontke, Grafti, Sabalann): no
            # other word can agree, and such a slip makes no other name, as a letter changed may (Parchim)
            finger_slip = lone_a and lone_b and min(len(a), len(b)) >= MIN_LONE_SLIP_WORD and _finger_slip(a, b)
            return similarity - (LONE_SLIP_COST if finger_slip else TYPO_COST), "typo"
    # A slip in a generic word ("Ceeter", "Piant"): their list is closed, and a non-word this near one of
    # them is a slip of it, where two names as near may be two names. Needs the same first letter, or
    # else a single slip (Crading, Lroup).
    if (
        # the cheap tests first: this runs for every pair of words of every candidate; a single slip on
        # the first letter leaves the last one as it was
        (a[0] == b[0] or (a[-1] == b[-1] and _slip_at_the_start(a, b)))
        and abs(len(a) - len(b)) <= 2
        and min(len(a), len(b)) >= 4
        and max(len(a), len(b)) <= MAX_TYPO_WORD
        and (a in (closed := closed_words())) != (b in closed)
    ):
        similarity = typo_similarity(a, b, GENERIC_TYPO_SIMILARITY)
        if similarity >= GENERIC_TYPO_SIMILARITY and not is_known_word(b if a in closed else a):
            return similarity - TYPO_COST, GENERIC_SLIP
    # the party's word abbreviates the listed word ("Imp." for "Import"), not a listed acronym the party's word
    if 3 <= len(a) <= MAX_ABBREVIATION and len(b) >= len(a) + 2 and b.startswith(a):
        return ABBREVIATION_SCORE, "abbreviation"
    return 0.0, ""


RUSSIAN_EURO = "same word, Russian Евр- written Evr-"
# Russian writes Eur- as Евр- (Европа, Евразия), which transliterates to Evr- or Yevr-; in words of six
# letters or more (Evron is a name of its own)
_RUSSIAN_EURO = re.compile(r"^y?evr(?=[a-z]{3})")
MIN_EURO_SLIP_WORD = 8


def _euro_read(a: str, b: str, lone_a: bool, lone_b: bool, person: bool, latin_side: int) -> tuple[float, str] | None:
    """A word beginning Evr- or Yevr- against one beginning Eur- (Evropalas / Europalace), the rest
    compared as two words are, but a typo only in words of eight letters or more (Evreux is no slip of
    Eurex); None when neither begins so or the rest differs."""
    if a.startswith("eur") == b.startswith("eur"):
        return None
    euro_a, euro_b = _RUSSIAN_EURO.sub("eur", a), _RUSSIAN_EURO.sub("eur", b)
    if (euro_a, euro_b) == (a, b):
        return None
    similarity, kind = _token_similarity(
        euro_a, euro_b, phonetic_key(euro_a), phonetic_key(euro_b), False, lone_a, lone_b, person, latin_side
    )
    if not similarity or (kind not in ("same", "same sound") and min(len(a), len(b)) < MIN_EURO_SLIP_WORD):
        return None
    return min(similarity, 0.95), f"{RUSSIAN_EURO}, typo" if kind == "typo" else RUSSIAN_EURO


def _slip_at_the_start(a: str, b: str) -> bool:
    """One slip on the first letter: changed, dropped, added, or swapped with the second (Crading, Lroup)."""
    return a[1:] == b[1:] or a == b[1:] or a[1:] == b or (a[:2] == b[1::-1] and a[2:] == b[2:])


WESTERN_SPELLING = "same sound, a Russian name in French or German spelling"


def _western_spelling_of(form: NameForm, at: int, other_key: str) -> bool:
    """Is the word at ``at`` of ``form`` a French or German spelling of a Russian name with ``other_key``
    (Choïgou, Tschemesow)? Not a word of those languages or of English (Deutsch is no Russian name: Dutch)."""
    return bool(form.western_keys) and form.western_keys[at] == other_key and not is_known_word(form.core[at])


def _finger_slip(a: str, b: str) -> bool:
    """Two neighbouring letters swapped, or one letter doubled or a double typed single."""
    if len(a) == len(b):
        return sorted(a) == sorted(b) and OSA.distance(a, b) == 1
    shorter, longer = sorted((a, b), key=len)
    return len(longer) == len(shorter) + 1 and any(
        longer[at] == longer[at - 1] and longer[:at] + longer[at + 1 :] == shorter for at in range(1, len(longer))
    )


def _named_beside(form: NameForm, *pair: str) -> bool:
    """``form`` has a distinctive word besides the two of ``pair``: a name of its own that agrees elsewhere."""
    return any(
        weight > GENERIC_WEIGHT and word not in pair for word, weight in zip(form.core, form.weights, strict=True)
    )


MIN_INLINE_ACRONYM, MAX_INLINE_ACRONYM = 3, 6
MIN_LONE_INLINE_ACRONYM = 5  # RIAMB for Beijing Research Institute of Automation for Machine Building Industry


def _inline_acronyms(short: NameForm, long: NameForm) -> list[tuple[int, range]]:
    """Words of ``short`` that are the initials of a run of words of ``long`` ("IRGC Aerospace Force"
    against "Islamic Revolutionary Guard Corps Aerospace Force"): (word, run) pairs, runs disjoint."""
    found: list[tuple[int, range]] = []
    taken: set[int] = set()
    lone = len(short.words) < 2
    for position, token in enumerate(short.words):
        if lone and len(token) < MIN_LONE_INLINE_ACRONYM:
            break  # a short word alone fits a run of almost any long name (API, AND, The)
        if not MIN_INLINE_ACRONYM <= len(token) <= MAX_INLINE_ACRONYM or token in long.words or token.isdigit():
            continue
        # MoD: the capitals are the initials of the words (which leave "of" out), if the name has the small word
        capitals = [
            "".join(ch for ch in cased if ch.isupper()).lower()
            for cased in short.small_word_acronyms
            if cased.lower() == token and _small_words_spelled(cased, long.tokens)
        ]
        for spelling in (token, *capitals):
            run = _initials_run(spelling, long, short.words, taken, lone)
            if run is not None and spelling != token and not _closes_a_phrase(run, long, short.words):
                run = None  # MoF is not the Ministry of Foreign (Affairs): the phrase goes on
            # the initials of the long name's words, forms included, hold such a run's: a cheap test first
            if run is None and not lone and spelling == token and long.acronyms and token in long.acronyms[0]:
                run = _run_before_a_form(token, long, short.words, taken)
            if run is not None:
                found.append((position, run))
                taken.update(run)
                break
    return found


def _small_words_spelled(cased: str, tokens: tuple[str, ...]) -> bool:
    """Do consecutive ``tokens`` spell ``cased`` ("MoD"), its capitals by words and its small letters by
    stop words ("of")? Other stop words may go unspelled (MoDAFL: "and" is not in it)."""
    for start, first in enumerate(tokens):
        if first[0] != cased[0].lower() or first in STOP_WORDS:
            continue
        at = 1
        for token in tokens[start + 1 :]:
            if at == len(cased):
                break
            letter = cased[at]
            if token[0] == letter.lower() and (token in STOP_WORDS) == letter.islower():
                at += 1
            elif token not in STOP_WORDS:
                break
        if at == len(cased):
            return True
    return False


def _closes_a_phrase(run: range, long: NameForm, beside: tuple[str, ...]) -> bool:
    """Does ``run`` of ``long``'s words end a phrase: the name's end, a word the other name has, or a stop word
    next ("Ministry of Defence of Pakistan")?"""
    if run.stop >= len(long.words) or long.words[run.stop] in beside:
        return True
    last = long.words[run.stop - 1]
    if last in long.tokens:
        after = long.tokens.index(last) + 1
        return after < len(long.tokens) and long.tokens[after] in STOP_WORDS
    return False


def _run_before_a_form(token: str, long: NameForm, beside: tuple[str, ...], taken: set[int]) -> range | None:
    """A run of ``long``'s words spelled by ``token`` but its last letter, which is the initial of the company
    form next after the run (RSC Energia: Rocket and Space Corporation Energia), or None."""
    if not any(word[0] == token[-1] and word in COMPANY_FORM_WORDS for word in long.tokens):
        return None  # the cheap test first: most names have no such form
    run = _initials_run(token[:-1], long, beside, taken, lone=False)
    if run is None or long.words[run.stop - 1] not in long.tokens:
        return None
    after = long.tokens.index(long.words[run.stop - 1]) + 1
    following = long.tokens[after] if after < len(long.tokens) else ""
    return run if following in COMPANY_FORM_WORDS and following[0] == token[-1] else None


def _initials_run(spelling: str, long: NameForm, beside: tuple[str, ...], taken: set[int], lone: bool) -> range | None:
    """The first run of ``long``'s words, none taken, whose initials spell ``spelling``, or None."""
    size = len(spelling)
    for start in range(len(long.words) - size + 1):
        run = range(start, start + size)
        if lone and 2 * size < len(long.words):
            return None  # a name of one word stands for most of the other name, not a corner of it
        if (
            taken.isdisjoint(run)
            and "".join(long.words[i][0] for i in run) == spelling
            # spelled out on both sides, unless the long name has the word again outside the run (PLA Army
            # Engineering University: Army Engineering University of the People's Liberation Army)
            and not any(
                long.words[i] in beside and long.words.count(long.words[i]) <= beside.count(long.words[i]) for i in run
            )
        ):
            return run
    return None


def _alignment(
    query: NameForm, listed: NameForm, spelled_out: frozenset[str] = frozenset(), person: bool = False
) -> tuple[float, list[str]]:
    """Weighted Dice overlap of core tokens, each query token paired with its best list token."""
    used: set[int] = set()
    matched = 0.0
    # A matched pair counts at the lighter of its two weights on both sides: "Nationl" misspelt is
    # no more distinctive than "National", a generic word.
    excess = 0.0
    notes: list[str] = []
    abjad = query.abjad or listed.abjad
    arabic_query = not query.original.isascii() and bool(ARABIC_SCRIPT.search(query.original))
    arabic_listed = not listed.original.isascii() and bool(ARABIC_SCRIPT.search(listed.original))
    # which name is in Latin letters against one in a script that leaves vowels unwritten
    latin_side = 0
    if abjad:
        latin_side = 2 if query.abjad and listed.original.isascii() else 1 if query.original.isascii() else 0
    # a short word alone is an acronym, but not one written in Arabic script: سایپا is "syp", Saipa
    lone_query = query.is_single_token and not arabic_query
    lone_listed = listed.is_single_token and not arabic_listed
    kinds: set[str] = set()
    refused: list[tuple[int, int]] = []  # (query word, listed word) one letter apart, both real words
    done: set[int] = set()  # query words already matched as an acronym or by one
    # An acronym inside a name stands for its run of words; it counts with the run's weight.
    for position, run in _inline_acronyms(query, listed):
        run_weight = sum(listed.weights[i] for i in run)
        matched += ACRONYM_SCORE * run_weight
        excess += query.weights[position] - run_weight
        used.update(run)
        done.add(position)
        kinds.add("acronym")
        notes.append(f"{query.words[position].upper()}=" + " ".join(listed.words[i] for i in run) + " (acronym)")
    for index, run in _inline_acronyms(listed, query):
        if index in used or not done.isdisjoint(run) or listed.words[index] in spelled_out:
            continue
        run_weight = sum(query.weights[i] for i in run)
        matched += ACRONYM_SCORE * run_weight
        excess += listed.weights[index] - run_weight
        used.add(index)
        done.update(run)
        kinds.add("acronym")
        notes.append(f"{listed.words[index].upper()}=" + " ".join(query.words[i] for i in run) + " (acronym)")
    # A word of one name that is a run of words of the other, spaced differently ("Saengpil" / "Saeng Pil",
    # "Andindustrial" / "and Industrial"): it counts as that run, as an acronym does. Before the word by
    # word pairing, which would take "Kimpark" for an abbreviation of "Kim".
    # the query words matched so -> the listed words each covers: a run of dictionary words is no name ("Hightech")
    spaced_query: dict[int, tuple[int, ...]] = {}
    # then an English loanword written in Hangul, among the syllables left (Hanwha first, then Aerospace)
    finders = [(_spaced_runs, "spaced differently")]
    if not (query.original.isascii() and listed.original.isascii()):  # the cheap test first
        finders.append((_loanword_runs, "by consonants, as Hangul writes them"))
    for find_runs, how in finders:
        for side, side_taken, opposite, opposite_taken in ((query, done, listed, used), (listed, used, query, done)):
            for spaced in find_runs(side, side_taken, opposite, opposite_taken, abjad):
                covered_weight = sum(opposite.weights[i] for i in spaced.covered)
                matched += spaced.similarity * covered_weight
                excess += side.weights[spaced.at] - covered_weight
                side_taken.add(spaced.at)
                opposite_taken.update(spaced.covered)
                kinds.add("spacing")
                notes.append(f"{side.words[spaced.at]}={' '.join(spaced.window)} ({how})")
                if side is query:
                    spaced_query[spaced.at] = spaced.covered
    # the listed words as spoken and the translations they also meet, taken once, not once per query word
    listed_core, listed_words = listed.core, listed.words
    listed_spoken = [word if word.isascii() else transliterate(word) for word in listed_words]
    listed_related = [RELATED_CONCEPTS.get(word, ()) for word in listed_words]
    western = bool(query.western_keys or listed.western_keys)  # a French or German spelling of a Russian name
    for position, (token, key, weight) in enumerate(zip(query.core, query.phonetic, query.weights, strict=True)):
        if position in done:
            continue
        best, best_index, how = 0.0, -1, ""
        written = query.words[position]
        # a character kept as written (部 ending a name) is compared as it is read (bu / pu)
        spoken = written if written.isascii() else transliterate(written)
        spoken_key = phonetic_key(spoken)
        related = RELATED_CONCEPTS.get(written, ())
        for index, other in enumerate(listed_core):
            if index not in used and other == token:  # the common case, without scoring
                best, best_index, how = 1.0, index, "same"
                break
        else:
            for index, (other, other_key) in enumerate(zip(listed_core, listed.phonetic, strict=True)):
                if index in used:
                    continue
                similarity, kind = _token_similarity(
                    token, other, key, other_key, abjad, lone_query, lone_listed, person, latin_side
                )
                other_spoken = listed_spoken[index]
                if spoken != token or other_spoken != other:
                    # the words as written: a typo in a word the glossary would have translated
                    alternative = _token_similarity(
                        spoken,
                        other_spoken,
                        spoken_key,
                        phonetic_key(other_spoken),
                        abjad,
                        lone_query,
                        lone_listed,
                        person,
                        latin_side,
                    )
                    if alternative[0] > similarity:
                        similarity, kind = alternative
                if (
                    western
                    and similarity < 0.95
                    and (_western_spelling_of(query, position, other_key) or _western_spelling_of(listed, index, key))
                ):
                    similarity, kind = 0.95, WESTERN_SPELLING
                if similarity < RELATED_SCORE and (other in related or token in listed_related[index]):
                    similarity, kind = RELATED_SCORE, "related translation"  # 航天: Aerospace or Space
                if kind == GENERIC_SLIP and not _named_beside(
                    query if other in closed_words() else listed, token, other
                ):
                    similarity = 0.0  # "Plantex Group" is no slip of "Plant Group": its one name would be
                if kind == REAL_WORDS:
                    refused.append((position, index))
                if similarity > best:
                    best, best_index, how = similarity, index, kind
        if best_index >= 0:
            used.add(best_index)
            done.add(position)
            kinds.add(how)
            lighter = min(weight, listed.weights[best_index])
            matched += best * lighter
            excess += weight + listed.weights[best_index] - 2.0 * lighter
            if how != "same":
                notes.append(f"{token}~{listed.core[best_index]} ({how})")
    one_left_each = len(query.core) - len(done) == 1 == len(listed.core) - len(used)
    if one_left_each and (slip := _slip_in_context(query, listed, done, used)):
        position, index, similarity = slip
        done.add(position)
        used.add(index)
        kinds.add("typo")
        lighter = min(query.weights[position], listed.weights[index])
        matched += similarity * lighter
        excess += query.weights[position] + listed.weights[index] - 2.0 * lighter
        notes.append(f"{query.words[position]}~{listed.words[index]} (typo, the rest of the name the same)")
    # A syllable of a name in Han or Hangul that the other name, in Latin letters, writes but drops as a
    # company form (사진 / Sa Jin): written on both sides, it agrees.
    written_elsewhere = 0.0
    for native_side, taken, latin_side_form in ((query, done, listed), (listed, used, query)):
        if native_side.original.isascii() or not latin_side_form.original.isascii():
            continue
        for i, word in enumerate(native_side.core):
            if i not in taken and word in COMPANY_FORM_WORDS and word in latin_side_form.tokens:
                taken.add(i)
                matched += native_side.weights[i]
                written_elsewhere += native_side.weights[i]
    left_query = [i for i in range(len(query.core)) if i not in done]
    left_listed = [i for i in range(len(listed.core)) if i not in used]
    distinctive_matched = any(query.weights[i] > GENERIC_WEIGHT for i in done)
    if bool(left_query) != bool(left_listed) and distinctive_matched:
        # One name contains the other: an omitted descriptor ("... State Scientific Research
        # Institute") costs less than a word that differs; omitted distinctive words cost in full.
        # Names of generic words only ("Research Institute") get no such allowance.
        # So does a "named after" honorific that the other name leaves out, when the name leaves out nothing
        # else of its own (Optical Mechanical Plant is not Ural Optical Mechanical Plant named after Yalamov).
        form, left = (query, left_query) if left_query else (listed, left_listed)
        honoured = (
            set(form.honorific)
            if all(form.weights[i] <= GENERIC_WEIGHT or i in form.honorific for i in left)
            else set()
        )
        excess += sum(
            max(0.0, form.weights[i] - OMITTED_GENERIC_WEIGHT)
            for i in left
            if form.weights[i] == GENERIC_WEIGHT or i in honoured
        )
        if omitted_honour := [form.words[i] for i in left if i in honoured]:
            notes.append("left out of a 'named after' honorific: " + " ".join(omitted_honour))
    total = query.total_weight + listed.total_weight + written_elsewhere - excess
    score = 2.0 * matched / total if total else 0.0
    if used and kinds == {"abbreviation"}:
        score *= ABBREVIATION_ONLY_FACTOR  # "Nor" alone is not NORINCO
        notes.append("only abbreviations")
    if len(done) < len(query.core):
        notes.append("not in the listed name: " + " ".join(t for i, t in enumerate(query.core) if i not in done))
    if len(used) < len(listed.core):
        notes.append("unmatched: " + " ".join(t for i, t in enumerate(listed.core) if i not in used))
        # Rockside Trading is Rockside Enterprise: a name of its own agrees, only the kind of business
        # differs. Not when what agrees is dictionary words (CASC and CASIC: Technology/Industry).
        named = any(
            query.weights[i] > GENERIC_WEIGHT and is_proper_name(query.core[i]) for i in done if i not in spaced_query
        ) or any(is_proper_name(listed.core[j]) for covered in spaced_query.values() for j in covered)
        generic_only = named and all(
            form.core[i] in BUSINESS_KINDS for form, left in ((query, left_query), (listed, left_listed)) for i in left
        )
        if len(done) < len(query.core) and generic_only:
            notes.append("only generic words differ")
        elif len(done) < len(query.core):
            score *= SUBSTITUTION_FACTOR
            notes.append("different words on both sides")
            notes.extend(
                f"{query.core[i]}/{listed.core[j]}: both real words or names, not a typo"
                for i, j in refused
                if i not in done and j not in used
            )
    return score, notes


def _slip_in_context(
    query: NameForm, listed: NameForm, done: set[int], used: set[int]
) -> tuple[int, int, float] | None:
    """The one word left on each side (the caller counts them) when the rest of the two names agree, as a
    typo looser than a word alone may be (two slips in "Henjin" for Heungjin): (query word, listed word,
    similarity), or None. Only where two words of the names agree, one of them distinctive, the two words
    begin alike, and they are not two real words or names (Pars / Para, Huarui / Huarun; but a long word with
    a letter dropped into a rare word is a slip: Automaton) nor one vowel apart."""
    if len(done) < MIN_CONTEXT_WORDS or not any(query.weights[i] > GENERIC_WEIGHT for i in done):
        return None
    position = next(i for i in range(len(query.core)) if i not in done)
    index = next(j for j in range(len(listed.core)) if j not in used)
    a, b = query.words[position], listed.words[index]
    if (
        a[0] != b[0]
        or min(len(a), len(b)) < MIN_CONTEXT_SLIP_WORD
        or max(len(a), len(b)) > MAX_TYPO_WORD
        or not (a.isalpha() and b.isalpha())
        or (are_different_words(a, b, b_is_name=True) and not is_dropped_letter_slip(a, b))
        or (len(syllables := pinyin_split(a)) > 1 and len(syllables) == len(pinyin_split(b)))  # Huarui, Huarun
        # the same consonants, one vowel apart: two names (Nasiri / Nasari, Karimi / Karami)
        or (len(a) == len(b) and all(x in _VOWELS and y in _VOWELS for x, y in zip(a, b, strict=True) if x != y))
    ):
        return None
    similarity = typo_similarity(a, b, CONTEXT_TYPO_SIMILARITY)
    return (position, index, similarity - TYPO_COST) if similarity >= CONTEXT_TYPO_SIMILARITY else None


_VOWELS = frozenset("aeiouy")
MAX_SEARCHED_WORDS = 40  # no name has more words; the spaced-words and syllable-acronym searches are quadratic
MIN_SPACED_WORD = 6  # shorter words run together from two others are mostly other words (Pak / Pa K)
MIN_SPACED_CONSONANTS = 3  # the same in consonants, for a word in Arabic script (علیرضا, Ali Reza)
MAX_SPACED_RUN = 3
_SPACED_SLACK = 2  # a run that sounds like the word may be spelled this many letters longer or shorter


@dataclass(frozen=True, slots=True)
class SpacedRun:
    """A word of one name that is a run of the other's words run together."""

    at: int  # the word's position among its name's words
    covered: tuple[int, ...]  # the run's (core) word positions in the other name
    window: tuple[str, ...]  # the run as written, stop words included
    similarity: float


def _spaced_runs(
    one: NameForm, taken_one: set[int], other: NameForm, taken_other: set[int], abjad: bool = False
) -> list[SpacedRun]:
    """Unmatched words of ``one`` that are two or three consecutive words of ``other`` run together, as
    written or by sound, stop words included ("Almomenin" is "al Mo'menin"; by sound only where the run's
    words are the other name's core words); a word the other name also has as it is is left to the
    word-by-word alignment. ``abjad``: one name is in Arabic script, where a Persian given name of two
    is often one word (محمدجواد, Mohammad Javad): its consonants are compared."""
    found: list[SpacedRun] = []
    tokens = other.tokens
    if not 2 <= len(tokens) <= MAX_SEARCHED_WORDS or len(one.words) > MAX_SEARCHED_WORDS:
        return found
    unmatched = [
        (at, word)
        for at, word in enumerate(one.words)
        if (len(word) >= MIN_SPACED_WORD or (abjad and len(abjad_key(word)) >= MIN_SPACED_CONSONANTS))
        and len(word) <= MAX_TYPO_WORD
        and at not in taken_one
        and word not in other.words
    ]
    if not unmatched:
        return found
    # Only a word found in the other name run together, as written or by sound, can be one of its runs:
    # a test on whole strings that rules out almost every pair at once (it runs for every candidate).
    other_consonants = _abjad_readings(other.letters, other.abjad) if abjad else set()
    # Han and Hangul syllables that are stop words elsewhere (두 du, 安 an) are in no run-together form but this
    syllabic = not other.original.isascii() and _HANGUL_OR_HAN.search(other.original)
    syllables_sound = phonetic_key.__wrapped__(other.letters) if syllabic else ""
    # the other name's article may be written with another vowel, joined (al Momenin: Amirolmomenin)
    article = "al" in tokens or "el" in tokens
    letters = other.letters
    wanted = [
        (at, word)
        for at, word in unmatched
        if word in other.letters
        or (sound := phonetic_key(word)) in other.sounds
        or sound in other.joined_sound
        or (
            abjad
            and any(reading in letters for reading in _abjad_readings(word, one.abjad) for letters in other_consonants)
        )
        or (syllables_sound and sound in syllables_sound)
        or (article and any(respelled in letters for respelled in _article_respellings(word)))
    ]
    if not wanted:
        return found
    free = [i for i in range(len(other.words)) if i not in taken_other]
    for at, word in wanted:
        match = None
        for size in range(2, MAX_SPACED_RUN + 1):
            for start in range(len(tokens) - size + 1):
                window = tokens[start : start + size]
                if not abjad and abs(sum(map(len, window)) - len(word)) > _SPACED_SLACK:
                    continue  # the cheap test first
                joined = "".join(window)
                if joined == word:
                    similarity = 1.0
                # uncached: the runs of every pair of names would push real words out of the key cache
                elif phonetic_key.__wrapped__(joined) == phonetic_key(word) or (
                    article and ("al" in window or "el" in window) and joined in _article_respellings(word)
                ):
                    similarity = 0.95
                elif (  # its consonants (محمدجواد), and a final i or not on both sides (Alireza is not علیرضایی)
                    abjad
                    and _abjad_readings(joined, other.abjad) & _abjad_readings(word, one.abjad)
                    and joined.endswith(("i", "y")) == word.endswith(("i", "y"))
                ):
                    similarity = ABJAD_SIMILARITY
                else:
                    continue  # no typos on top: "Atlasmarine" is not "Atlas Marina"
                covered = _free_run(window, other.words, free)
                if covered:
                    match = SpacedRun(at, covered, window, similarity)
                    break
            if match:
                break
        if match:
            found.append(match)
            free = [i for i in free if i not in match.covered]
    return found


# The Arabic article as romanisations write it joined to the name: Amir al-Momenin is Amirolmomenin in Persian
# spelling, Abd al-Aziz Abdulaziz (the vowel follows the word before it).
_JOINED_ARTICLE = re.compile(r"(?<=[a-z])[aeiou]l(?=[a-z])")


@lru_cache(maxsize=200_000)
def _article_respellings(word: str) -> frozenset[str]:
    """``word`` with each vowel and l inside it written as the article al and as el: "amirolmomenin" ->
    "amiralmomenin", "amirelmomenin" (and the like for every other such pair of letters). Cached: asked of
    a word for every candidate and every run of its words."""
    return frozenset(
        word[: found.start()] + article + word[found.end() :]
        for found in _JOINED_ARTICLE.finditer(word)
        for article in ("al", "el")
    ) - {word}


MIN_LOANWORD_WORD = 5  # a Latin word this long or longer may be a loanword written in Hangul
MIN_LOANWORD_CONSONANTS = 3  # classes of consonants the two spellings share at least (Systems: s t m)
MAX_LOANWORD_SYLLABLES = 8  # 에어로스페이스, Aerospace: seven
LOANWORD_SIMILARITY = 0.85  # the consonants alone, in broad classes
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_OR_HAN = re.compile(r"[\uac00-\ud7a3\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")


def _loanword_runs(
    one: NameForm, taken_one: set[int], other: NameForm, taken_other: set[int], abjad: bool = False
) -> list[SpacedRun]:
    """Unmatched words of ``one``, in Latin letters, that a run of ``other``'s Hangul syllables writes as an
    English loanword (Hanwha Aerospace, 한화에어로스페이스; Hanwha Systems, 한화시스템), compared by consonants:
    the longest words first, each the first and shortest run whose consonants agree, starting on a vowel
    where the word does (e eo ro seu pe i seu), with the syllables after it that add no consonant (디스플레이).
    ``abjad`` is not asked: Hangul writes its vowels."""
    found: list[SpacedRun] = []
    if not one.original.isascii() or other.original.isascii() or not _HANGUL.search(other.original):
        return found
    tokens = other.tokens
    if len(tokens) > MAX_SEARCHED_WORDS:
        return found
    whole = korean_loanword_consonants("".join(tokens))
    free = [i for i in range(len(other.words)) if i not in taken_other]
    # the longest words first: Aerospace takes 에어 before Hanwha could run on into them
    for at, word in sorted(enumerate(one.words), key=lambda item: -len(item[1])):
        if at in taken_one or len(word) < MIN_LOANWORD_WORD or not word.isalpha():
            continue
        wanted = {
            consonants
            for consonants in english_loanword_consonants(word)
            if len(consonants) >= MIN_LOANWORD_CONSONANTS and consonants in whole
        }
        match = None
        starts_with_vowel = word[0] in "aeiou"
        for start in range(len(tokens) - 1) if wanted else ():
            if (tokens[start][0] in "aeiou") != starts_with_vowel:
                continue  # Aerospace begins at 에 e, Techwin at 테 te
            for size in range(2, min(MAX_LOANWORD_SYLLABLES, len(tokens) - start) + 1):
                window = tokens[start : start + size]
                if (consonants := korean_loanword_consonants("".join(window))) in wanted and (
                    covered := _free_run(window, other.words, free)
                ):
                    # and the syllables after it that add no consonant (디스플레이: peul le i)
                    while start + size < len(tokens):
                        longer = tokens[start : start + size + 1]
                        if korean_loanword_consonants("".join(longer)) != consonants:
                            break
                        if not (longer_covered := _free_run(longer, other.words, free)):
                            break
                        size, window, covered = size + 1, longer, longer_covered
                    match = SpacedRun(at, covered, window, LOANWORD_SIMILARITY)
                    break
            if match:
                break
        if match:
            found.append(match)
            free = [i for i in free if i not in match.covered]
    return found


def _abjad_readings(spelling: str, in_arabic_script: bool) -> set[str]:
    """The consonants of a spelling, and where it was read from Arabic script, with its th and dh as Persian
    says them too (علیرضا "lyrdh": Ali Reza)."""
    consonants = abjad_key.__wrapped__(spelling)
    return {consonants, abjad_key.__wrapped__(th_dh_as_s_z(spelling))} if in_arabic_script else {consonants}


def _free_run(window: tuple[str, ...], words: tuple[str, ...], free: list[int]) -> tuple[int, ...]:
    """Where the non-stop words of ``window`` stand, next to one another, among the still unmatched
    ``words``; empty when they do not (one already matched, or dropped as a company form)."""
    wanted = [token for token in window if token not in STOP_WORDS]
    if not wanted:
        return ()
    for start in free:
        run = tuple(range(start, start + len(wanted)))
        if run[-1] < len(words) and all(i in free and words[i] == t for i, t in zip(run, wanted, strict=True)):
            return run
    return ()


MAX_LETTERS_PER_WORD = 3  # an abbreviation takes at most the first three letters of each word


def _syllabic_acronym(token: str, words: tuple[str, ...]) -> bool:
    """Is ``token`` spelled by the starts (1 to 3 letters) of a run of consecutive words, at least three of
    them, with at least one word giving two letters or more (KOMID: KOrea MIning Development; NORINCO:
    NORth INdustries COrporation)? Plain initials are the acronym rule's; a word of the name never is."""
    if not 4 <= len(token) <= 10 or not 3 <= len(words) <= MAX_SEARCHED_WORDS or token in words:
        return False
    return any(_spells(token, words, first) for first in range(len(words)))


def _spells(token: str, words: tuple[str, ...], first: int) -> bool:
    # Dynamic programme over (position in token, next word): linear in their product, no backtracking blow-up.
    reachable: dict[tuple[int, int], bool] = {(0, first): False}  # (position, word) -> a 2+ letter part seen
    for word in range(first, len(words)):
        for position in range(len(token) + 1):
            if (position, word) not in reachable:
                continue
            long_part = reachable[(position, word)]
            candidate = words[word]
            for length in range(1, min(MAX_LETTERS_PER_WORD, len(candidate)) + 1):
                end = position + length
                if end > len(token) or candidate[:length] != token[position:end]:
                    break
                seen = long_part or length >= 2
                if end == len(token):
                    if word - first + 1 >= 3 and seen:
                        return True
                    continue
                key = (end, word + 1)
                reachable[key] = reachable.get(key, False) or seen
    return False


SKIPPING_ACRONYM_SCORE = 0.75  # looser still: the starts of most words, a generic word or two left out
MAX_SKIPPED_WORDS = 2
MIN_SKIPPING_ACRONYM = 4
MAX_PART = 4  # TECH in POSTECH
MIN_SPELLED_WORDS = 3  # words of the name the acronym takes letters from: fewer fit too many names (NATA)
SKIPPABLE_KINDS = frozenset(["university", "agency"])  # kinds of body an acronym often leaves out (POSTECH, DTaQ)


def _skipping_acronym(token: str, long: NameForm) -> bool:
    """Is ``token`` spelled by the starts (1 to 4 letters) of the words of ``long`` in order, from its first
    word to its last, leaving out at most two generic words in between (POSTECH: POhang [University] of
    Science and TECHnology; KMDB: Kharkiv Morozov [Machine Building] Design Bureau)? A small word may give
    its first letter (DTaQ: "and"). Not for a word of its own: a known word or name is read as a word."""
    if (
        not MIN_SKIPPING_ACRONYM <= len(token) <= MAX_LOOSE_ACRONYM
        or len(long.words) < MIN_SPELLED_WORDS
        or token[0] != long.words[0][0]  # the cheap tests first: most long names start otherwise
        or long.words[-1][0] not in token[1:]
        or not token.isalpha()
        or is_known_word(token)
    ):
        return False
    # the words in order, each: (as written, may be left out, is a content word)
    content = {word: weight for word, weight in zip(long.words, long.weights, strict=True)}
    words = [
        (word, word in STOP_WORDS or word not in content or content[word] <= GENERIC_WEIGHT or word in SKIPPABLE_KINDS)
        for word in long.tokens[:MAX_SEARCHED_WORDS]
    ]
    contents = [i for i, word in enumerate(long.tokens[:MAX_SEARCHED_WORDS]) if word in content]
    if len(contents) < MIN_SPELLED_WORDS:
        return False
    first, last = contents[0], contents[-1]
    # reachable[(position in token, next word)] -> (content words left out, content words spelled, whether the
    # last content word was left out) so far: a small word gives no letter after a word left out (PUST is not
    # POSTECH: Pyongyang [University] Of Science and TECHnology)
    reachable: dict[tuple[int, int], set[tuple[int, int, bool]]] = {(0, first): {(0, 0, False)}}
    for at in range(first, last + 1):
        word, skippable = words[at]
        is_content = word in content
        for position in range(len(token)):
            for skipped, spelled, after_a_gap in reachable.get((position, at), ()):
                left_out = skipped + is_content
                if at not in (first, last) and (skippable or not is_content) and left_out <= MAX_SKIPPED_WORDS:
                    gap = is_content or after_a_gap
                    reachable.setdefault((position, at + 1), set()).add((left_out, spelled, gap))
                if not is_content and after_a_gap:
                    continue
                longest = min(MAX_PART if is_content else 1, len(word), len(token) - position)
                for length in range(1, longest + 1):
                    if word[:length] != token[position : position + length]:
                        break
                    reachable.setdefault((position + length, at + 1), set()).add((skipped, spelled + is_content, False))
    return any(spelled >= MIN_SPELLED_WORDS for _, spelled, _ in reachable.get((len(token), last + 1), ()))


def _loose_initials(token: str, acronyms: tuple[str, ...]) -> str:
    """Initials with one word left out: the leading place (BRIAMB for Beijing Research Institute of
    Automation for Machine Building) or one inner word (CPMIEC, CALT); "" if none fits."""
    if not MIN_LOOSE_ACRONYM <= len(token) <= MAX_LOOSE_ACRONYM:
        return ""
    for initials in acronyms:
        if len(initials) != len(token) + 1:
            continue
        if initials[1:] == token:
            return "without its first word"
        if any(initials[:i] + initials[i + 1 :] == token for i in range(1, len(initials))):
            return "leaving out one word"
    return ""


def acronym_word(form: NameForm) -> tuple[str, tuple[str, ...]]:
    """The word a name may be an acronym as, and the words beside it, or ("", ()): initials written
    apart run together ("I. R. G. C."), or the first word, as written, of a name of one or two words
    (DPRK, "BSTU Voenmeh"). Three letters at least, and no stop word ("The" is no acronym of Tehran
    Heavy Engineering). The candidate index keys the same word."""
    rest: tuple[str, ...]
    if form.spelled:
        token, rest = form.spelled, ()
    elif 1 <= len(form.words) <= 2:
        token, rest = form.words[0], form.words[1:]
    else:
        return "", ()
    return (token, rest) if len(token) >= 3 and token not in STOP_WORDS else ("", ())


def _acronym(query: NameForm, listed: NameForm, spelled_out: frozenset[str] = frozenset()) -> tuple[float, str] | None:
    """One side abbreviates the other: initials, or the starts of its words; other words may follow.
    A listed acronym in ``spelled_out`` is one the entity also lists written out: the query is compared
    with that name instead (SHIG is Shahid Hemmat Industrial Group, not Shahid Hamedani Industrial Group)."""
    for short, long in ((query, listed), (listed, query)):
        token, rest = acronym_word(short)
        if not token or (short is listed and token in spelled_out):
            continue
        loose = _loose_initials(token, long.acronyms)
        if token in long.acronyms or token in long.own_acronyms:  # IFP, given in brackets by the name itself
            kind, base = "acronym", ACRONYM_SCORE
        elif loose:
            kind, base = f"acronym {loose}", LOOSE_ACRONYM_SCORE
        elif token not in long.tokens and _syllabic_acronym(
            token, tuple(t for t in long.tokens if t not in STOP_WORDS)
        ):
            kind, base = "abbreviation from the starts of its words", SYLLABIC_ACRONYM_SCORE
        elif token not in long.tokens and _skipping_acronym(token, long):
            kind, base = "abbreviation from the starts of its words, leaving out generic words,", SKIPPING_ACRONYM_SCORE
        else:
            continue
        score = base - EXTRA_WORD_PENALTY * len(rest)
        extra = f" (with {' '.join(rest)!r})" if rest else ""
        return score, f"{token.upper()}{extra} is the {kind} of {long.original!r}"
    return None


INITIALS_SCORE = 0.8  # "K. Lee" for Karl Lee: the surname agrees, the given names only by their first letters


def _initials_form(form: NameForm) -> tuple[str, int] | None:
    """A name written as initials and a surname ("F. W. Li", "A. Q. Khan"): the letters run together
    (stop words such as "A" and "D" are initials here) and the surname's position among the words."""
    letters = "".join(token for token in form.tokens if len(token) == 1)
    named = [i for i, word in enumerate(form.words) if len(word) > 1]
    if not letters or len(named) != 1:
        return None
    surname = form.words[named[0]]
    if not surname.isalpha() or form.weights[named[0]] <= GENERIC_WEIGHT:
        return None  # "M. Industries", "B. 52": no surname
    return letters, named[0]


def _given_name_readings(form: NameForm) -> list[tuple[int, set[str]]]:
    """For a person's name of two to four words: each way to read it as a surname (the last word, or the
    first, as Chinese and Korean write it) and the initials its given names may be written with: a letter
    per word (Karl Heinz: KH), or, for a Chinese name, a letter per pinyin syllable (Li Fangwei: F, FW)."""
    words = form.words
    if not 2 <= len(words) <= 4 or any(len(word) < 2 or not word.isalpha() for word in words):
        return []
    readings = []
    # the first word is read as a surname only where it is a Chinese or Korean one (Li, Pak, Kim)
    east_asian = words[0] in PINYIN_SYLLABLES or bool(variant_groups(words[0]))
    for position in dict.fromkeys((len(words) - 1, 0) if east_asian else (len(words) - 1,)):
        given = [word for i, word in enumerate(words) if i != position]
        initials = {"".join(word[0] for word in given)}
        if words[position] in PINYIN_SYLLABLES and all(pinyin_split(word) for word in given):
            initials.add("".join(part[0] for word in given for part in pinyin_split(word)))
        readings.append((position, initials))
    return readings


def initials_keys(form: NameForm) -> set[str]:
    """Index keys that bring "K. Lee" and Karl Lee together: the surname's phonetic key and the initials."""
    short = _initials_form(form)
    if short is not None:
        letters, position = short
        return {f"i:{form.phonetic[position]}:{letters}"}
    return {
        f"i:{form.phonetic[position]}:{letters}"
        for position, initials in _given_name_readings(form)
        for letters in initials
    }


def _initials_and_surname(query: NameForm, listed: NameForm) -> tuple[float, str] | None:
    """One name of a person is initials and a surname ("F. W. Li", "K. Lee"), the other the same
    surname, last or (Chinese, Korean) first, with given names those letters begin (Li Fangwei, Karl Lee)."""
    for short, long in ((query, listed), (listed, query)):
        found = _initials_form(short)
        if found is None:
            continue
        letters, named = found
        for position, initials in _given_name_readings(long):
            same = long.core[position] == short.core[named] or long.phonetic[position] == short.phonetic[named]
            if same and letters in initials:
                given = " ".join(word for i, word in enumerate(long.words) if i != position)
                written = ". ".join(letters.upper()) + "."
                return INITIALS_SCORE, f"{written} {short.words[named].title()}: initials of {given!r}, same surname"
    return None


def name_similarity(
    query: NameForm, listed: NameForm, spelled_out: frozenset[str] = frozenset(), person: bool = False
) -> tuple[float, str]:
    """Similarity in [0, 1] of two prepared names, and why (``spelled_out``: see ``_acronym``; ``person``:
    one side is known to be a person)."""
    initials, listed_initials = query.spelled, listed.spelled
    if initials and listed_initials and (initials == listed_initials or query.core == listed.core):
        return 1.0, "same initials"  # company forms aside: "E S" is "E. S. Co."
    if initials or listed_initials:
        # letters written apart ("E. S. P.") are initials: they match as an acronym or not at all
        acronym = _acronym(query, listed, spelled_out)
        return acronym if acronym is not None else (0.0, "initials that spell no name of the other")
    aligned, notes = _alignment(query, listed, spelled_out, person)
    # name the translations that made two different words meet (not "industrial" read as "industry" on both sides)
    translated = [
        f"{word}={concept}"
        for form, other in ((query, listed), (listed, query))
        for word, concept in form.translated
        if word not in other.words
    ]
    if translated:
        notes.append("translated " + ", ".join(dict.fromkeys(translated)))
    wade_giles = [f"{word}={pinyin}" for form in (query, listed) for word, pinyin in form.wade_giles]
    if wade_giles:
        notes.append("Wade-Giles read as pinyin " + ", ".join(wade_giles))
    best, reason = aligned, "tokens " + (", ".join(notes) if notes else "identical")
    split_otherwise = len(query.core) != len(listed.core) or query.native_split or listed.native_split
    if query.joined and listed.joined and split_otherwise:
        # only when the names are split into words differently ("Zhongguo" / "Zhong Guo"): over
        # whole names a one-letter difference would read as a near-perfect match. Run together as
        # written, and as translated ("Joseon Dan Gun Muyeok" is "Korea Dangun Trading").
        for mine, theirs, mine_sound, theirs_sound in (
            (query.joined, listed.joined, query.joined_sound, listed.joined_sound),
            (
                query.translated_joined,
                listed.translated_joined,
                query.translated_joined_sound,
                listed.translated_joined_sound,
            ),
        ):
            joined = Levenshtein.normalized_similarity(mine, theirs)
            if joined >= JOINED_SIMILARITY and joined > best:
                best, reason = joined, f"same letters, spaced differently ({joined:.2f})"
            if min(len(mine), len(theirs)) <= MAX_ACRONYM_LENGTH:
                continue  # initials run together ("M. I. T."): letters, not sounds
            sound = Levenshtein.normalized_similarity(mine_sound, theirs_sound)
            if sound >= JOINED_SIMILARITY and 0.95 * sound > best:
                best, reason = 0.95 * sound, f"same sound, spaced differently ({sound:.2f})"
    initials_match = _initials_and_surname(query, listed) if person else None
    for alternative in (_acronym(query, listed, spelled_out), initials_match):
        if alternative is not None and alternative[0] > best:
            best, reason = alternative
    return best, reason


def _best_name(party: Party, entity: ListEntity) -> tuple[float, str, str]:
    query = name_form(party.name)
    forms = [name_form(listed_name) for listed_name in entity.names]
    # the entity's acronyms that it also lists written out (initials of its longer names)
    spelled_out = (
        frozenset(a for form in forms if len(form.words) >= 2 for a in form.acronyms) if len(forms) > 1 else frozenset()
    )
    person = EntityType.PERSON in (party.entity_type, entity.entity_type)
    best = (-1.0, "", "")
    for listed_name, form in zip(entity.names, forms, strict=True):
        score, reason = name_similarity(query, form, spelled_out, person)
        if score > best[0]:
            best = (score, listed_name, reason)
    return best


PLACEHOLDER_IDENTIFIERS = frozenset({"NA", "NONE", "UNKNOWN", "NIL", "TBD", "0"})


def normalise_identifier(value: str) -> str:
    """Letters and digits only, upper case; placeholders ("N/A", "none") and very short values count as none."""
    text = "".join(ch for ch in value.upper() if ch.isalnum())
    return "" if text in PLACEHOLDER_IDENTIFIERS or len(text) < 4 else text


def compare(party: Party, entity: ListEntity) -> Match:
    """Score ``party`` against ``entity`` with the reason for every feature that counted."""
    name_score, matched_name, name_reason = _best_name(party, entity)
    features = [FeatureScore(Feature.NAME, name_score, f"{matched_name!r}: {name_reason}")]
    score = name_score
    wanted_ids = {normalise_identifier(i) for i in party.identifiers if normalise_identifier(i)}
    listed_ids = {normalise_identifier(i) for i in entity.identifiers} - {""}
    shared_ids = wanted_ids & listed_ids
    if shared_ids:
        score = max(score, IDENTIFIER_MATCH_SCORE)
        features.append(
            FeatureScore(Feature.IDENTIFIER, IDENTIFIER_MATCH_SCORE, f"same identifier {sorted(shared_ids)[0]}")
        )
    if party.country and entity.countries:
        country = party.country.upper()
        if country in entity.countries:
            score = min(1.0, score + COUNTRY_MATCH_BONUS)
            features.append(FeatureScore(Feature.COUNTRY, COUNTRY_MATCH_BONUS, f"same country {country}"))
        elif not shared_ids:
            score = max(0.0, score - COUNTRY_MISMATCH_PENALTY)
            listed = ", ".join(entity.countries)
            features.append(
                FeatureScore(Feature.COUNTRY, -COUNTRY_MISMATCH_PENALTY, f"country {country}, listed {listed}")
            )
    evidence = name_form(party.name).company_form
    party_type = party.entity_type or (EntityType.ORGANIZATION if evidence else None)
    known = (EntityType.PERSON, EntityType.ORGANIZATION)
    if party_type in known and entity.entity_type in known and party_type != entity.entity_type and not shared_ids:
        # "Naser Maleki Trading Company" is a company named after the listed person, not the person
        score = max(0.0, score - TYPE_MISMATCH_PENALTY)
        why = "given" if party.entity_type else f"its name has {evidence!r}"
        features.append(
            FeatureScore(
                Feature.TYPE,
                -TYPE_MISMATCH_PENALTY,
                f"{party_type.value} ({why}) against a listed {entity.entity_type.value}",
            )
        )
    if party.dates and entity.dates:
        years = {d[:4] for d in party.dates}
        listed_years = {d[:4] for d in entity.dates}
        if not years & listed_years and not shared_ids:
            score = max(0.0, score - DATE_MISMATCH_PENALTY)
            features.append(
                FeatureScore(Feature.DATE, -DATE_MISMATCH_PENALTY, f"no common year ({', '.join(sorted(years))})")
            )
        elif years & listed_years:
            features.append(FeatureScore(Feature.DATE, 0.0, f"same year {sorted(years & listed_years)[0]}"))
    if party.address and entity.addresses:
        wanted = set(transliterate(party.address).split())
        overlap = max(len(wanted & set(transliterate(a).split())) / max(len(wanted), 1) for a in entity.addresses)
        if overlap >= 0.5:
            score = min(1.0, score + ADDRESS_BONUS)
            features.append(FeatureScore(Feature.ADDRESS, ADDRESS_BONUS, f"address words in common ({overlap:.0%})"))
    return Match(entity.entity_id, entity.name, matched_name, round(score, 4), tuple(features), MATCHER_VERSION)
