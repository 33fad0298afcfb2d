"""What changed between two Annex editions or regimes, entry by entry."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mtcr.annex.loader import entry_sort_key
from mtcr.annex.model import Annex, Entry, iter_leaves


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class EntryChange:
    entry_id: str
    kind: ChangeKind
    title: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnexDiff:
    before: str
    after: str
    changes: tuple[EntryChange, ...]

    @property
    def unchanged(self) -> bool:
        return not self.changes


def _fields(entry: Entry) -> dict[str, str]:
    """The comparable face of an entry: what a licensing officer would care to see change."""
    fields = {
        "category": entry.category.value,
        "title": entry.title,
        "text": entry.text,
        "kinds": ", ".join(entry.kinds),
        "conditions": "; ".join(c.describe() for c in entry.conditions),
        "notes": " | ".join(entry.notes),
        "decontrols": " | ".join(d.text for d in entry.decontrols),
        "downgrades": " | ".join(d.text for d in entry.downgrades),
        "eu_refs": ", ".join(entry.eu_refs),
        "us_refs": ", ".join(entry.us_refs),
    }
    for leaf in iter_leaves(entry.criteria):
        fields[f"criterion {leaf.id}"] = leaf.describe()
    for index, downgrade in enumerate(entry.downgrades):
        for leaf in iter_leaves(downgrade.when):
            fields[f"downgrade[{index}] {leaf.id}"] = leaf.describe()
    for index, decontrol in enumerate(entry.decontrols):
        for leaf in iter_leaves(decontrol.when):
            fields[f"exclusion[{index}] {leaf.id}"] = leaf.describe()
    return fields


def diff(before: Annex, after: Annex) -> AnnexDiff:
    """Entries added, removed or changed (field by field, thresholds one by one) from ``before`` to ``after``."""
    old = {entry.id: entry for entry in before.entries}
    new = {entry.id: entry for entry in after.entries}
    changes: list[EntryChange] = []
    for entry_id in sorted(old.keys() | new.keys(), key=entry_sort_key):
        if entry_id not in new:
            changes.append(EntryChange(entry_id, ChangeKind.REMOVED, old[entry_id].title))
        elif entry_id not in old:
            changes.append(EntryChange(entry_id, ChangeKind.ADDED, new[entry_id].title))
        else:
            a, b = _fields(old[entry_id]), _fields(new[entry_id])
            fields = tuple(
                FieldChange(name, a.get(name, ""), b.get(name, ""))
                for name in sorted(a.keys() | b.keys())
                if a.get(name, "") != b.get(name, "")
            )
            if fields:
                changes.append(EntryChange(entry_id, ChangeKind.CHANGED, new[entry_id].title, fields))
    return AnnexDiff(before.id, after.id, tuple(changes))
