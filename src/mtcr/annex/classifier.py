"""The explainable classifier: which Annex entries control an item, and why.

Each criterion is judged three-valued (met, not met, unknown when a parameter is missing); conditions
the data cannot decide ("usable in", "specially designed for") are reported as needing analyst
confirmation unless the analyst has confirmed or ruled them out. Nothing is decided silently: every
verdict carries its reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from mtcr.annex.describe import ItemDescription, RangePayloadPoint
from mtcr.annex.model import (
    AllOf,
    Annex,
    AnyOf,
    Condition,
    Criterion,
    Entry,
    Leaf,
    RangePayload,
    Threshold,
    format_number,
)
from mtcr.annex.schema import Category, Comparator, ConditionType
from mtcr.units import ureg

CLASSIFIER_VERSION = "1.0.0"
# Threshold comparisons treat values within this relative distance as equal, so "at the threshold"
# survives unit conversion (1.1 MN*s is 1100000.0000000002 N*s in floating point).
RELATIVE_TOLERANCE = 1e-9


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not met"
    UNKNOWN = "unknown"


class ConditionStatus(StrEnum):
    CONFIRMED = "confirmed"
    RULED_OUT = "ruled out"
    NEEDS_CONFIRMATION = "needs analyst confirmation"


class MatchStatus(StrEnum):
    CONTROLLED = "controlled"
    NEEDS_CONFIRMATION = "needs analyst confirmation"
    NOT_CONTROLLED = "not controlled"


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion_id: str
    description: str  # the threshold as the Annex states it
    value: str  # the item's value, in the threshold's unit ("not given" when missing)
    verdict: Verdict
    reason: str


@dataclass(frozen=True, slots=True)
class ConditionResult:
    condition: str
    status: ConditionStatus
    reason: str


@dataclass(frozen=True, slots=True)
class NoteResult:
    """A decontrol or downgrade note and whether it applies."""

    text: str
    verdict: Verdict
    reason: str
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntryMatch:
    entry_id: str
    title: str
    listed_category: Category
    category: Category  # after downgrades that apply
    status: MatchStatus
    logic: Verdict
    criteria: tuple[CriterionResult, ...]
    conditions: tuple[ConditionResult, ...]
    decontrols: tuple[NoteResult, ...]
    downgrades: tuple[NoteResult, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Incorporation:
    component: str
    entry_id: str
    applies: bool
    status: MatchStatus  # of the component's Category I match
    reason: str


@dataclass(frozen=True, slots=True)
class Classification:
    """The record of one classification: input, rules applied, versions and the verdict with reasons."""

    item: ItemDescription
    annex_id: str
    annex_document: str
    annex_base: str | None  # the edition a regime derives from
    classifier_version: str
    status: MatchStatus
    category: Category | None
    matches: tuple[EntryMatch, ...]  # controlled or needing confirmation
    rejected: tuple[EntryMatch, ...]  # candidates of the item's kind that do not control it
    incorporations: tuple[Incorporation, ...]
    components: tuple[Classification, ...]
    summary: str


def classify(annex: Annex, item: ItemDescription) -> Classification:
    """Classify ``item`` against every entry of ``annex`` that covers its kind."""
    candidates = [entry for entry in annex.entries if item.kind in entry.kinds]
    judged = [judge_entry(annex, entry, item) for entry in candidates]
    matches = tuple(m for m in judged if m.status is not MatchStatus.NOT_CONTROLLED)
    rejected = tuple(m for m in judged if m.status is MatchStatus.NOT_CONTROLLED)
    components = tuple(classify(annex, component.item) for component in item.components)
    incorporations = tuple(_incorporations(item, components))
    status, category = _overall(matches, incorporations)
    return Classification(
        item=item,
        annex_id=annex.id,
        annex_document=annex.document,
        annex_base=annex.base,
        classifier_version=CLASSIFIER_VERSION,
        status=status,
        category=category,
        matches=matches,
        rejected=rejected,
        incorporations=incorporations,
        components=components,
        summary=_summary(item, status, category, matches, incorporations, candidates),
    )


def judge_entry(annex: Annex, entry: Entry, item: ItemDescription) -> EntryMatch:
    """Judge one entry against an item; the result says why, criterion by criterion."""
    results: list[CriterionResult] = []
    logic = _evaluate(annex, entry.criteria, item, results) if entry.criteria is not None else Verdict.MET
    conditions = tuple(_condition(condition, item) for condition in entry.conditions)
    decontrols = tuple(NoteResult(d.text, *_note_verdict(annex, d.when, item)) for d in entry.decontrols)
    downgrades = tuple(
        NoteResult(d.text, *_note_verdict(annex, d.when, item), requires=d.requires) for d in entry.downgrades
    )
    category = entry.category
    for note, downgrade in zip(downgrades, entry.downgrades, strict=True):
        if note.verdict is Verdict.MET:
            category = downgrade.to
    status, reason = _entry_status(logic, results, conditions, decontrols)
    return EntryMatch(
        entry_id=entry.id,
        title=entry.title,
        listed_category=entry.category,
        category=category,
        status=status,
        logic=logic,
        criteria=tuple(results),
        conditions=conditions,
        decontrols=decontrols,
        downgrades=downgrades,
        reason=reason,
    )


def _entry_status(
    logic: Verdict,
    results: list[CriterionResult],
    conditions: tuple[ConditionResult, ...],
    decontrols: tuple[NoteResult, ...],
) -> tuple[MatchStatus, str]:
    if logic is Verdict.NOT_MET:
        failed = [r.description for r in results if r.verdict is Verdict.NOT_MET]
        return MatchStatus.NOT_CONTROLLED, "below the technical thresholds: " + "; ".join(failed)
    ruled_out = [c for c in conditions if c.status is ConditionStatus.RULED_OUT]
    if ruled_out:
        return MatchStatus.NOT_CONTROLLED, "condition ruled out: " + "; ".join(c.condition for c in ruled_out)
    excluded = [d for d in decontrols if d.verdict is Verdict.MET]
    if excluded:
        return MatchStatus.NOT_CONTROLLED, "excluded by note: " + excluded[0].text
    open_items: list[str] = []
    if logic is Verdict.UNKNOWN:
        open_items.append(
            "thresholds undecided: " + "; ".join(r.reason for r in results if r.verdict is Verdict.UNKNOWN)
        )
    open_items += [f"{c.condition} ({c.reason})" for c in conditions if c.status is ConditionStatus.NEEDS_CONFIRMATION]
    open_items += [f"exclusion may apply: {d.text} ({d.reason})" for d in decontrols if d.verdict is Verdict.UNKNOWN]
    if open_items:
        return MatchStatus.NEEDS_CONFIRMATION, "; ".join(open_items)
    met = [r.description for r in results if r.verdict is Verdict.MET]
    return MatchStatus.CONTROLLED, ("meets " + "; ".join(met)) if met else "the item is of a kind this entry lists"


# --- criteria ------------------------------------------------------------------------------------


def _evaluate(annex: Annex, node: Criterion, item: ItemDescription, out: list[CriterionResult]) -> Verdict:
    if isinstance(node, AllOf):
        verdicts = [_evaluate(annex, child, item, out) for child in node.children]
        if Verdict.NOT_MET in verdicts:
            return Verdict.NOT_MET
        return Verdict.UNKNOWN if Verdict.UNKNOWN in verdicts else Verdict.MET
    if isinstance(node, AnyOf):
        verdicts = [_evaluate(annex, child, item, out) for child in node.children]
        if Verdict.MET in verdicts:
            return Verdict.MET
        return Verdict.UNKNOWN if Verdict.UNKNOWN in verdicts else Verdict.NOT_MET
    result = _range_payload(node, item) if isinstance(node, RangePayload) else _leaf(annex, node, item)
    out.append(result)
    return result.verdict


def _leaf(annex: Annex, leaf: Leaf, item: ItemDescription) -> CriterionResult:
    description = leaf.describe()
    value = item.value(leaf.parameter)
    if value is None:
        return CriterionResult(leaf.id, description, "not given", Verdict.UNKNOWN, f"{leaf.parameter} not given")
    if leaf.threshold is not None:
        if not isinstance(value, float):  # pragma: no cover - describe() converts quantities to floats
            return CriterionResult(leaf.id, description, str(value), Verdict.UNKNOWN, "not a number")
        parameter = annex.parameter(leaf.parameter)
        shown = _in_unit(value, parameter.unit if parameter else "", leaf.threshold)
        met = compare(value, leaf.op, leaf.threshold.si_value)
        relation = "meets" if met else "does not meet"
        return CriterionResult(
            leaf.id,
            description,
            shown,
            Verdict.MET if met else Verdict.NOT_MET,
            f"{leaf.parameter} = {shown} {relation} {leaf.op.value} {leaf.threshold.describe()}",
        )
    if leaf.op is Comparator.IN:
        met = str(value) in leaf.choices
        relation = "is one of" if met else "is not one of"
        reason = f"{leaf.parameter} = {value} {relation} {', '.join(leaf.choices)}"
    else:
        met = value == leaf.equals
        reason = f"{leaf.parameter} = {_show(value)} {'equals' if met else 'differs from'} {_show(leaf.equals)}"
    return CriterionResult(leaf.id, description, _show(value), Verdict.MET if met else Verdict.NOT_MET, reason)


def compare(value: float, op: Comparator, threshold: float) -> bool:
    """Compare with a relative tolerance so a value at the threshold counts as equal to it."""
    equal = abs(value - threshold) <= RELATIVE_TOLERANCE * max(abs(value), abs(threshold))
    if op is Comparator.GE:
        return equal or value > threshold
    if op is Comparator.GT:
        return not equal and value > threshold
    if op is Comparator.LE:
        return equal or value < threshold
    if op is Comparator.LT:
        return not equal and value < threshold
    if op is Comparator.EQ:
        return equal
    raise ValueError(f"{op} is not a numeric comparison")  # pragma: no cover


def _range_payload(node: RangePayload, item: ItemDescription) -> CriterionResult:
    """Complete-system capability, taking the range/payload trade-off into account.

    Range never increases with payload. Every known capability point (the declared payload and
    range, and the points of a range-payload curve from physics) therefore bounds the range at the
    threshold payload: from below when the point carries more, from above when it carries less.
    The verdict is decided when the bounds decide it, and is unknown (with the reason) otherwise.
    """
    description = node.describe()
    range_t = node.range
    if node.payload is None:
        return _range_only(node, item, description)
    payload_t = node.payload
    max_range = item.value("max_range")
    if isinstance(max_range, float) and not compare(max_range, Comparator.GE, range_t.si_value):
        shown = _length(max_range, range_t)
        return CriterionResult(
            node.id,
            description,
            f"maximum range {shown}",
            Verdict.NOT_MET,
            f"maximum range {shown} is below {range_t.describe()}, with any payload",
        )
    points = capability_points(item)
    if not points:
        rng, payload = item.value("range"), item.value("payload")
        missing = [n for n, v in (("range", rng), ("payload", payload)) if not isinstance(v, float)]
        return CriterionResult(node.id, description, "not given", Verdict.UNKNOWN, f"{' and '.join(missing)} not given")
    estimate = range_at_payload(points, payload_t.si_value)
    source = "the range-payload curve" if item.range_payload_curve else "the declared figures"
    if estimate.kind is EstimateKind.EXACT:
        met = compare(estimate.range_m, Comparator.GE, range_t.si_value)
        shown = f"{_length(estimate.range_m, range_t)} with {payload_t.describe()}"
        return CriterionResult(
            node.id,
            description,
            shown,
            Verdict.MET if met else Verdict.NOT_MET,
            f"range with {payload_t.describe()} is {_length(estimate.range_m, range_t)} ({source}"
            f"{', interpolated' if estimate.interpolated else ''}), "
            f"{'at or above' if met else 'below'} {range_t.describe()}",
        )
    bound = _length(estimate.range_m, range_t)
    anchor = f"{_mass(estimate.payload_kg, payload_t)} to {bound}"
    if estimate.kind is EstimateKind.AT_LEAST:
        if compare(estimate.range_m, Comparator.GE, range_t.si_value):
            return CriterionResult(
                node.id,
                description,
                anchor,
                Verdict.MET,
                f"{anchor} ({source}) meets both thresholds: "
                f"with only {payload_t.describe()} the range is at least {bound}",
            )
        return CriterionResult(
            node.id,
            description,
            anchor,
            Verdict.UNKNOWN,
            f"trade-off: {anchor} ({source}); with the payload reduced to {payload_t.describe()} the range may reach "
            f"{range_t.describe()} - assess the range-payload curve (mtcr assess)",
        )
    if not compare(estimate.range_m, Comparator.GE, range_t.si_value):
        return CriterionResult(
            node.id,
            description,
            anchor,
            Verdict.NOT_MET,
            f"{anchor} ({source}): with {payload_t.describe()} the range cannot exceed {bound}, "
            f"below {range_t.describe()}, because range never grows with a heavier payload",
        )
    return CriterionResult(
        node.id,
        description,
        anchor,
        Verdict.UNKNOWN,
        f"{anchor} ({source}): whether it can carry {payload_t.describe()} to {range_t.describe()} "
        "needs the range-payload curve up to that payload (mtcr assess)",
    )


def _range_only(node: RangePayload, item: ItemDescription, description: str) -> CriterionResult:
    range_t = node.range
    max_range = item.value("max_range")
    points = capability_points(item)
    if isinstance(max_range, float):
        basis, value = "maximum range", max_range
    elif points:
        lightest = points[0]
        value = lightest.range_m
        basis = (
            f"range with the lightest known payload ({format_number(lightest.payload_kg)} kg), taken as the "
            "maximum range (an even lighter payload may fly further; give max_range to settle it)"
        )
    else:
        return CriterionResult(node.id, description, "not given", Verdict.UNKNOWN, "range or max_range not given")
    met = compare(value, Comparator.GE, range_t.si_value)
    shown = _length(value, range_t)
    return CriterionResult(
        node.id,
        description,
        shown,
        Verdict.MET if met else Verdict.NOT_MET,
        f"{basis}: {shown}, {'at or above' if met else 'below'} {range_t.describe()}",
    )


class EstimateKind(StrEnum):
    EXACT = "exact"  # on the curve (or interpolated between two points)
    AT_LEAST = "at least"  # lighter than every known point: range at least that of the lightest
    AT_MOST = "at most"  # heavier than every known point: range at most that of the heaviest


@dataclass(frozen=True, slots=True)
class RangeEstimate:
    kind: EstimateKind
    range_m: float
    payload_kg: float  # the known point the estimate rests on
    interpolated: bool = False


def capability_points(item: ItemDescription) -> list[RangePayloadPoint]:
    """The curve points and the declared (payload, range) pair, lightest payload first."""
    points = list(item.range_payload_curve)
    rng, payload = item.value("range"), item.value("payload")
    if isinstance(rng, float) and isinstance(payload, float):
        points.append(RangePayloadPoint(payload, rng))
    return sorted(points, key=lambda p: (p.payload_kg, -p.range_m))


def range_at_payload(points: Sequence[RangePayloadPoint], payload_kg: float) -> RangeEstimate:
    """Range at ``payload_kg`` from known capability points (linear between neighbours).

    Outside the known payloads only a bound follows from monotonicity, and that is what is returned.
    """
    if not points:
        raise ValueError("no capability points")  # pragma: no cover - callers check
    ordered = sorted(points, key=lambda p: p.payload_kg)
    lightest, heaviest = ordered[0], ordered[-1]
    if payload_kg < lightest.payload_kg and not _close(payload_kg, lightest.payload_kg):
        return RangeEstimate(EstimateKind.AT_LEAST, lightest.range_m, lightest.payload_kg)
    if payload_kg > heaviest.payload_kg and not _close(payload_kg, heaviest.payload_kg):
        return RangeEstimate(EstimateKind.AT_MOST, heaviest.range_m, heaviest.payload_kg)
    for point in ordered:
        if _close(point.payload_kg, payload_kg):
            return RangeEstimate(EstimateKind.EXACT, point.range_m, point.payload_kg)
    for low, high in itertools.pairwise(ordered):
        if low.payload_kg <= payload_kg <= high.payload_kg:
            fraction = (payload_kg - low.payload_kg) / (high.payload_kg - low.payload_kg)
            return RangeEstimate(
                EstimateKind.EXACT, low.range_m + fraction * (high.range_m - low.range_m), low.payload_kg, True
            )
    raise AssertionError("unreachable: payload lies within the known points")  # pragma: no cover


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


# --- conditions and notes ------------------------------------------------------------------------


def _condition(condition: Condition, item: ItemDescription) -> ConditionResult:
    description = condition.describe()
    # The analyst's own decision comes first, whatever was declared.
    if condition.type in item.denied:
        return ConditionResult(description, ConditionStatus.RULED_OUT, "ruled out by the analyst")
    if condition.type in item.confirmed:
        return ConditionResult(description, ConditionStatus.CONFIRMED, "confirmed by the analyst")
    within = [e for e in item.for_entries if _within(e, condition.targets)]
    broader = [e for e in item.for_entries if _broader(e, condition.targets)]
    if condition.type is ConditionType.FOR_ITEMS and item.for_entries:
        if within:
            return ConditionResult(description, ConditionStatus.CONFIRMED, f"declared for {', '.join(within)}")
        if broader:
            # "for 2" does not say the software serves 2.A.1.c in particular.
            return ConditionResult(
                description,
                ConditionStatus.NEEDS_CONFIRMATION,
                f"declared for {', '.join(broader)}, broader than {', '.join(condition.targets)}; "
                "an analyst must confirm",
            )
        return ConditionResult(
            description,
            ConditionStatus.RULED_OUT,
            f"declared for {', '.join(item.for_entries)}, not {', '.join(condition.targets)}",
        )
    if within:
        evidence = f"declared end system {', '.join(within)} supports it; an analyst must confirm"
    elif item.for_entries:
        wording = condition.type.value.replace("_", " ")
        evidence = (
            f"declared for {', '.join(item.for_entries)}; "
            f"whether it is {wording} {', '.join(condition.targets)} is for an analyst"
        )
    else:
        evidence = "the data cannot decide this; an analyst must confirm"
    return ConditionResult(description, ConditionStatus.NEEDS_CONFIRMATION, evidence)


def _within(declared: str, targets: tuple[str, ...]) -> bool:
    """The declared entry is one of the targets or lies inside one (2.A.1.c.1 within 2.A)."""
    return any(declared == t or declared.startswith(t + ".") for t in targets)


def _broader(declared: str, targets: tuple[str, ...]) -> bool:
    """The declared entry contains a target (2 contains 2.A.1.c) without saying which part."""
    return any(t.startswith(declared + ".") for t in targets)


def _note_verdict(annex: Annex, when: Criterion | None, item: ItemDescription) -> tuple[Verdict, str]:
    if when is None:
        return Verdict.UNKNOWN, "an analyst decides whether this note applies"
    results: list[CriterionResult] = []
    verdict = _evaluate(annex, when, item, results)
    return verdict, "; ".join(r.reason for r in results)


# --- incorporation and the overall verdict -------------------------------------------------------


def _incorporations(item: ItemDescription, components: tuple[Classification, ...]) -> list[Incorporation]:
    """Category I items inside the components, at any depth (a module holding a Category I motor)."""
    findings: list[Incorporation] = []
    for component, result in zip(item.components, components, strict=True):
        label = component.item.name or component.item.kind
        for entry_id, status in _category_one_sources(result):
            if component.inseparable:
                reason = (
                    f"{label} ({entry_id}, Category I) is declared inseparable: it cannot be separated, removed or "
                    "duplicated, so the incorporation rule does not apply"
                )
            else:
                reason = (
                    f"incorporates {label}, which is or holds a Category I item ({entry_id}, {status.value}): "
                    "a system incorporating a Category I item is itself Category I"
                )
            findings.append(Incorporation(label, entry_id, not component.inseparable, status, reason))
    return findings


def _category_one_sources(result: Classification) -> list[tuple[str, MatchStatus]]:
    sources = [(m.entry_id, m.status) for m in result.matches if m.category is Category.I]
    sources += [(i.entry_id, i.status) for i in result.incorporations if i.applies]
    return sources


_RANK = {MatchStatus.CONTROLLED: 2, MatchStatus.NEEDS_CONFIRMATION: 1, MatchStatus.NOT_CONTROLLED: 0}


def _ranked(
    matches: tuple[EntryMatch, ...], incorporations: tuple[Incorporation, ...]
) -> list[tuple[MatchStatus, Category, str]]:
    ranked = [(m.status, m.category, m.entry_id) for m in matches]
    ranked += [(i.status, Category.I, i.entry_id) for i in incorporations if i.applies]
    return ranked


def _overall(
    matches: tuple[EntryMatch, ...], incorporations: tuple[Incorporation, ...]
) -> tuple[MatchStatus, Category | None]:
    """The strongest status among the matches and applicable incorporations, and its category."""
    ranked = _ranked(matches, incorporations)
    if not ranked:
        return MatchStatus.NOT_CONTROLLED, None
    status = max((status for status, _, _ in ranked), key=lambda s: _RANK[s])
    categories = {category for s, category, _ in ranked if s is status}
    return status, Category.I if Category.I in categories else Category.II


def _summary(
    item: ItemDescription,
    status: MatchStatus,
    category: Category | None,
    matches: tuple[EntryMatch, ...],
    incorporations: tuple[Incorporation, ...],
    candidates: list[Entry],
) -> str:
    label = item.name or item.kind
    if not candidates and not incorporations:
        return f"{label}: no Annex entry covers items of kind {item.kind}"
    if status is MatchStatus.NOT_CONTROLLED or category is None:
        return f"{label}: not controlled by any of the {len(candidates)} entries for its kind"
    ranked = _ranked(matches, incorporations)
    ids = ", ".join(dict.fromkeys(e for s, c, e in ranked if s is status and c is category))
    via = " by incorporation" if not any(m.status is status and m.category is category for m in matches) else ""
    cat = f"Category {category.value}"
    if status is MatchStatus.CONTROLLED:
        text = f"{label}: controlled, {cat} ({ids}){via}"
        pending = [e for s, c, e in ranked if s is MatchStatus.NEEDS_CONFIRMATION and c is Category.I]
        if category is Category.II and pending:
            text += f"; Category I if confirmed ({', '.join(dict.fromkeys(pending))})"
        return text
    return f"{label}: possibly controlled, {cat} if confirmed ({ids}){via}; needs analyst confirmation"


# --- display helpers ----------------------------------------------------------------------------


def _in_unit(si_value: float, si_unit: str, threshold: Threshold) -> str:
    converted = ureg.Quantity(si_value, si_unit or "dimensionless").to(threshold.unit or "dimensionless").magnitude
    return f"{format_number(float(converted))} {threshold.unit}".strip()


def _length(meters: float, like: Threshold) -> str:
    return _in_unit(meters, "m", like)


def _mass(kilograms: float, like: Threshold) -> str:
    return _in_unit(kilograms, "kg", like)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
