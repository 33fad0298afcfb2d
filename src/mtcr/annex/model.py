"""The Annex as immutable domain values: editions, items, entries and their criteria.

Threshold values are held twice: as written in the Annex (value and unit, for people) and in the SI
unit of the parameter (for comparison), so a regime override or a diff can show both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from mtcr.annex.schema import Category, Comparator, ConditionType, Confidence, ParameterKind


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: ParameterKind
    unit: str
    description: str
    minimum: float | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemKind:
    name: str
    description: str
    parameters: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Threshold:
    """A number as the Annex states it, and the same number in SI."""

    value: float
    unit: str
    si_value: float

    def describe(self) -> str:
        return f"{format_number(self.value)} {self.unit}".strip()


@dataclass(frozen=True, slots=True)
class Leaf:
    id: str
    parameter: str
    op: Comparator
    threshold: Threshold | None  # numeric comparisons
    choices: tuple[str, ...] = ()  # op "in"
    equals: str | bool | None = None  # op "==" on a categorical or boolean parameter
    note: str = ""

    def describe(self) -> str:
        if self.threshold is not None:
            return f"{self.parameter} {self.op.value} {self.threshold.describe()}"
        if self.op is Comparator.IN:
            return f"{self.parameter} in {{{', '.join(self.choices)}}}"
        return f"{self.parameter} == {_format_scalar(self.equals)}"


@dataclass(frozen=True, slots=True)
class RangePayload:
    """Capable of delivering at least ``payload`` to at least ``range`` (any payload when None)."""

    id: str
    range: Threshold
    payload: Threshold | None
    note: str = ""

    def describe(self) -> str:
        if self.payload is None:
            return f"range >= {self.range.describe()} (any payload)"
        return f"payload >= {self.payload.describe()} to range >= {self.range.describe()}"


@dataclass(frozen=True, slots=True)
class AllOf:
    children: tuple[Criterion, ...]

    def describe(self) -> str:
        return "all of: " + "; ".join(child.describe() for child in self.children)


@dataclass(frozen=True, slots=True)
class AnyOf:
    children: tuple[Criterion, ...]

    def describe(self) -> str:
        return "any of: " + "; ".join(child.describe() for child in self.children)


Criterion = Leaf | RangePayload | AllOf | AnyOf


def iter_leaves(node: Criterion | None) -> Iterator[Leaf | RangePayload]:
    """Every threshold in a criteria tree, depth first."""
    if node is None:
        return
    if isinstance(node, (AllOf, AnyOf)):
        for child in node.children:
            yield from iter_leaves(child)
    else:
        yield node


@dataclass(frozen=True, slots=True)
class Condition:
    type: ConditionType
    targets: tuple[str, ...]
    text: str = ""

    def describe(self) -> str:
        label = self.type.value.replace("_", " ")
        return f"{label} {', '.join(self.targets)}" + (f" ({self.text})" if self.text else "")


@dataclass(frozen=True, slots=True)
class Downgrade:
    to: Category
    text: str
    when: Criterion | None
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Decontrol:
    text: str
    when: Criterion | None


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    ref: str
    confidence: Confidence

    def describe(self) -> str:
        return f"{self.key}{' ' + self.ref if self.ref else ''} [{self.confidence.value}]"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    item: int
    category: Category
    title: str
    text: str
    kinds: tuple[str, ...] = ()
    criteria: Criterion | None = None
    conditions: tuple[Condition, ...] = ()
    notes: tuple[str, ...] = ()
    decontrols: tuple[Decontrol, ...] = ()
    downgrades: tuple[Downgrade, ...] = ()
    eu_refs: tuple[str, ...] = ()
    us_refs: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    origin: str = ""  # the file (and regime) this entry came from

    @property
    def group(self) -> str | None:
        """The Annex group letter: A equipment, B test/production, C materials, D software, E technology."""
        parts = self.id.split(".")
        return parts[1] if len(parts) > 1 else None

    @property
    def parent_id(self) -> str | None:
        parts = self.id.split(".")
        return ".".join(parts[:-1]) if len(parts) > 1 else None


@dataclass(frozen=True, slots=True)
class Item:
    number: int
    title: str
    category: Category | None
    reserved: bool = False


@dataclass(frozen=True, slots=True)
class Definition:
    term: str
    text: str
    notes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


# eq=False: an Annex is compared and hashed by identity. It is large, and caches (the search
# index) key on it; hashing every entry on each lookup would cost more than the search itself.
@dataclass(frozen=True, slots=True, eq=False)
class Annex:
    """One edition of a control list, or a regime derived from one."""

    id: str
    regime: str
    title: str
    document: str
    date: str
    items: tuple[Item, ...]
    entries: tuple[Entry, ...]
    definitions: tuple[Definition, ...]
    parameters: tuple[Parameter, ...]
    kinds: tuple[ItemKind, ...]
    source_titles: tuple[tuple[str, str], ...] = ()
    base: str | None = None  # the edition a regime was derived from
    _by_id: dict[str, Entry] = field(init=False, repr=False)
    _parameters: dict[str, Parameter] = field(init=False, repr=False)
    _kinds: dict[str, ItemKind] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Fresh lookup tables per record, so dataclasses.replace() never shares (and corrupts) one.
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})
        object.__setattr__(self, "_parameters", {p.name: p for p in self.parameters})
        object.__setattr__(self, "_kinds", {k.name: k for k in self.kinds})

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def parameter(self, name: str) -> Parameter | None:
        return self._parameters.get(name)

    def kind(self, name: str) -> ItemKind | None:
        return self._kinds.get(name)

    def item(self, number: int) -> Item | None:
        return next((i for i in self.items if i.number == number), None)

    def entries_of_item(self, number: int) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.item == number)

    def children(self, entry_id: str) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.parent_id == entry_id)


def format_number(value: float) -> str:
    """A number as people read it in a control list: 1 100 000, 0.15, 3.33, 5e-07."""
    if value != 0 and not 1e-3 <= abs(value) < 1e12:
        return f"{value:.7g}"
    rounded = float(f"{value:.7g}")
    if rounded == int(rounded):
        text = f"{int(rounded):,}".replace(",", " ") if abs(rounded) >= 10000 else str(int(rounded))
        return text
    return f"{rounded:.7g}" if abs(rounded) < 10000 else f"{rounded:,.7g}".replace(",", " ")


def _format_scalar(value: str | bool | None) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
