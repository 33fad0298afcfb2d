"""The keys a name is indexed and looked up by: see ``mtcr.screening.index``.

Apart from the index so that mypyc compiles them (``make compiled``), which the index module is not (it
would box every key number anew): finding a query's candidates, these keys among it, took close to half
of a query's time in the compiled build, and every listed name is keyed when an index is built.
"""

from __future__ import annotations

from mtcr.screening.matcher import (
    MAX_INLINE_ACRONYM,
    MAX_LOOSE_ACRONYM,
    MIN_INLINE_ACRONYM,
    MIN_LONE_INLINE_ACRONYM,
    MIN_LOOSE_ACRONYM,
    acronym_word,
    initials_keys,
    normalise_identifier,
)
from mtcr.screening.name_variants import variant_groups
from mtcr.screening.normalise import (
    RELATED_CONCEPTS,
    NameForm,
    consonant_skeleton,
    english_loanword_sounds,
    phonetic_key,
    th_dh_as_s_z,
    yo_as_e,
)


def short_words(form: NameForm) -> list[str]:
    """The word ``matcher._acronym`` may read as an acronym, if any (see ``acronym_word``)."""
    word, _ = acronym_word(form)
    return [word] if word else []


def _script_skeleton_keys(token: str) -> set[str]:
    """More consonant keys of a word read from a script that leaves vowels unwritten, as the matcher also
    reads it: th and dh as s and z (ثابت is found by Sabet, ذوالقدر by Zolghadr) and و as a vowel (سپارکو
    by SUPARCO)."""
    spellings = {token, th_dh_as_s_z(token)}
    spellings |= {spelling.replace("w", "") for spelling in spellings}
    skeletons = {consonant_skeleton(phonetic_key.__wrapped__(spelling)) for spelling in spellings - {token}}
    return {"s:" + skeleton for skeleton in skeletons if len(skeleton) >= 3}


def blocking_keys(form: NameForm) -> set[str]:
    """The keys of one name, for ranking candidates. Acronyms have three kinds of key: "a:" for the
    initials of a name of several words, "r:" for the initials of a long run of its words, "w:" for
    a short word that may be an acronym; ``acronym_probes`` are the keys a query looks them up by."""
    keys: set[str] = set()
    for token, phonetic in zip(form.core, form.phonetic, strict=True):
        if len(token) >= 2:
            keys.add("p:" + phonetic)
            if ("yo" in token or "jo" in token) and (written_e := yo_as_e(token)) != token:
                keys.add("p:" + phonetic_key(written_e))  # Fyodor is found by Fedor, as the matcher reads ё
            skeleton = consonant_skeleton(phonetic)
            if len(skeleton) >= 3:
                keys.add("s:" + skeleton)  # names written without vowels (Persian, Arabic, Hindi)
            if form.abjad:
                keys.update(_script_skeleton_keys(token))
            elif "ce" in token or "ci" in token or "cy" in token:  # Aerospace is found by एयरोस्पेस, "rsps"
                keys.add("s:" + consonant_skeleton(phonetic_key(english_loanword_sounds(token))))
        if len(token) >= 5:
            keys.add("b:" + token[:4])
            keys.add("e:" + token[-4:])
        elif len(token) >= 2 or token.isdigit():  # a number tells numbered plants apart (Plant No. 5)
            keys.add("t:" + token)
    keys.update("p:" + key for key in form.western_keys if key)  # Tschemesow is found by Chemezov
    keys.update(related_keys(form))  # 航天 keyed as Space too, on both sides, as the matcher reads it
    keys.update("a:" + acronym for acronym in form.acronyms if len(acronym) >= 3)
    keys.update("w:" + word for word in short_words(form))
    words = form.words
    # a short word inside a longer name may stand for a run of the query's words ("SHIG Department 7500")
    keys.update("w:" + word for word in words if MIN_INLINE_ACRONYM <= len(word) <= MAX_INLINE_ACRONYM)
    if MIN_LONE_INLINE_ACRONYM <= len(words) <= 2 * MAX_INLINE_ACRONYM:
        # a one-word name may stand for a run covering half this name or more (RIAMB)
        for size in range(max(MIN_LONE_INLINE_ACRONYM, (len(words) + 1) // 2), MAX_INLINE_ACRONYM + 1):
            keys.update("r:" + "".join(w[0] for w in words[at : at + size]) for at in range(len(words) - size + 1))
    if len(form.joined) >= 6:
        keys.add("j:" + form.joined[:6])
        # the whole name too: among thousands of names that differ in one short word, its own ranks first
        keys.add("n:" + form.joined)
    elif len(form.joined) >= 2:
        keys.add("j:" + form.joined)  # short names and initials ("E. S."), whose words give no key
    return keys


def person_keys(form: NameForm) -> set[str]:
    """Keys for what the matcher links only in persons' names, where no spelling key does: a surname in
    another romanisation (Park / Pak) and initials with a surname ("K. Lee" / Karl Lee)."""
    return {f"v:{group}" for word in form.words for group in variant_groups(word)} | initials_keys(form)


def related_keys(form: NameForm) -> set[str]:
    """The keys of the other concepts a word of the name is also translated by (航天: Aerospace or
    Space), as the matcher reads it: the other name may share no other telling key."""
    return {"p:" + phonetic_key(concept) for word in form.words for concept in RELATED_CONCEPTS.get(word, ())}


_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def acronym_probes(form: NameForm) -> set[str]:
    """Keys by which a query finds the names an acronym links it to, whatever the ranking says (an
    acronym shares a single key with its name):

    - a query that is (or starts with) one short word finds the names with those initials ("a:"):
      CALT, "BSTU Voenmeh"; with one letter added anywhere, for initials with one word left out
      (CPMIEC: the initials of China National Precision Machinery Import Export Corporation are
      "cnpmiec"); and the long names a run of whose words it abbreviates ("r:", RIAMB);
    - a query of several words finds the listed short words spelled by its initials ("w:"), by the
      initials of a run of its words (MAI in "Moscow Aviation Institute (National Research
      University)"), or by its initials less one letter.
    """
    probes: set[str] = set()
    for word in short_words(form):
        probes.add("a:" + word)
        if MIN_LONE_INLINE_ACRONYM <= len(word) <= MAX_INLINE_ACRONYM:
            probes.add("r:" + word)
        if MIN_LOOSE_ACRONYM <= len(word) <= MAX_LOOSE_ACRONYM:
            for at in range(len(word) + 1):
                probes.update(f"a:{word[:at]}{letter}{word[at:]}" for letter in _LETTERS)
    words = form.words
    # a four-letter word may abbreviate a longer listed word ("Sino" / "Sinotech"): its "b:" key
    probes.update("b:" + word for word in words if len(word) == 4)
    for size in range(MIN_INLINE_ACRONYM, min(len(words), MAX_INLINE_ACRONYM) + 1):
        probes.update("w:" + "".join(w[0] for w in words[at : at + size]) for at in range(len(words) - size + 1))
    for initials in form.acronyms:
        if len(initials) >= 3:
            probes.add("w:" + initials)
        if MIN_LOOSE_ACRONYM < len(initials) <= MAX_LOOSE_ACRONYM + 1:
            probes.update(f"w:{initials[:at]}{initials[at + 1 :]}" for at in range(len(initials)))
    return probes


def identifier_keys(identifiers: tuple[str, ...]) -> set[str]:
    """Registration, tax or passport numbers as keys: a shared identifier finds the entity whatever its name."""
    keys = set()
    for identifier in identifiers:
        digits = normalise_identifier(identifier)
        if len(digits) >= 5:
            keys.add("id:" + digits)
    return keys


def query_keys(form: NameForm, identifiers: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """A query's keys: those that rank candidates, and its acronym probes (``acronym_probes``)."""
    probes = acronym_probes(form)
    # the query's own acronym keys also rank (the "a:" key of a short word, "w:" of its initials)
    own = {"a:" + word for word in short_words(form)} | {"w:" + initials for initials in form.acronyms}
    # a query's type is seldom given: its person keys find listed persons whatever it is
    wanted = blocking_keys(form) | person_keys(form) | identifier_keys(identifiers) | (probes & own)
    return wanted, probes
