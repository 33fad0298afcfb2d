"""Romanisation variants of personal names that no spelling rule derives.

Park / Pak / Bahk, Lee / Rhee, Zhang / Cheung / Teo, Huang / Wong / Ooi, Muhammad / Mohamed / Mehmet:
spellings of one name in different romanisation systems and dialects, listed by hand in
``data/screening/name_variants.yaml``. Two spellings are variants when they share a group. A spelling
may sit in several groups (Cantonese Wong is both Huang and Wang), so the relation is not transitive:
Huang and Wang are not variants of each other through Wong.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import yaml

FORMAT: Final = "mtcr-name-variants/1"
PATH: Final = Path(__file__).resolve().parent.parent / "data" / "screening" / "name_variants.yaml"
MIN_LENGTH: Final = 3  # one- and two-letter spellings (Li, Yi, Oh, Ng) are words and initials too often
_SPELLING: Final = re.compile(r"[a-z]+")  # tokens arrive transliterated and lower-cased: ASCII only


def load_name_variants(path: Path) -> dict[str, frozenset[int]]:
    """Read and check the table at ``path``: each spelling -> the ids of the groups it is in.

    Raises ValueError, naming the group and the spelling, on anything malformed: a table that silently
    dropped a bad entry would quietly stop matching a name."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} table (its 'format' must be {FORMAT!r})")
    kinds = data.get("groups")
    if not isinstance(kinds, dict) or not kinds:
        raise ValueError(f"{path}: 'groups' must map each kind of name to a list of groups")
    found: dict[str, set[int]] = {}
    group_id = 0
    for kind, groups in kinds.items():
        if not isinstance(groups, list):
            raise ValueError(f"{path}: groups of {kind!r} must be a list")
        for position, group in enumerate(groups):
            label = f"{kind}[{position}]"
            if not isinstance(group, list):
                raise ValueError(f"{path}: group {label} must be a list of spellings, not {group!r}")
            for spelling in group:
                # a YAML boolean (unquoted no/yes/on/off) or number arrives as a non-string: rejected here
                if not isinstance(spelling, str) or not _SPELLING.fullmatch(spelling) or len(spelling) < MIN_LENGTH:
                    raise ValueError(
                        f"{path}: group {label}: spelling {spelling!r} is not {MIN_LENGTH} or more"
                        " lower-case ASCII letters"
                    )
            if len(set(group)) != len(group):
                repeated = next(spelling for spelling in group if group.count(spelling) > 1)
                raise ValueError(f"{path}: group {label}: spelling {repeated!r} is listed twice")
            if len(group) < 2:
                raise ValueError(f"{path}: group {label} ({', '.join(group) or 'empty'}) needs two spellings or more")
            for spelling in group:
                found.setdefault(spelling, set()).add(group_id)
            group_id += 1
    return {spelling: frozenset(ids) for spelling, ids in found.items()}


# Loaded once, at import: a spelling's groups are then one dict look-up away.
_GROUPS: Final = load_name_variants(PATH)


def same_name_variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (lower-case tokens) are two different spellings of one name in the table."""
    if a == b:
        return False
    groups_a = _GROUPS.get(a)
    if groups_a is None:  # the common case: most tokens are in no group
        return False
    groups_b = _GROUPS.get(b)
    return groups_b is not None and not groups_a.isdisjoint(groups_b)


def variant_groups(word: str) -> frozenset[int]:
    """The ids of the groups a spelling is in (none for most words): the candidate index keys them."""
    return _GROUPS.get(word, frozenset())
