"""Load and validate policy files (``format: mtcr-policy/1``).

Two bundled files: ``mtcr-guidelines.yaml`` (the MTCR Guidelines as rules) and ``national-example.yaml``
(an example national policy). Any problem raises :class:`~mtcr.errors.DataFileError` naming the file,
the rule (or group, or factor) id and the field path, e.g.
``national.yaml, entry NAT-EX-4, field rules.3.analyses: REQUIRE_ANALYSIS needs at least one analysis``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from mtcr.annex.loader import read_yaml
from mtcr.errors import DataFileError
from mtcr.policy import schema as s
from mtcr.policy.model import ChecklistQuestion, Effect, FactorAnswer
from mtcr.policy.rules import (
    AllOf,
    AnyOf,
    Condition,
    DenialMatchExists,
    DestinationGroup,
    DestinationIn,
    EndUseStated,
    FactorIs,
    ItemIs,
    Not,
    PartyIs,
    PolicyDocument,
    Rule,
    WmdEndUseIs,
    factor_references,
)
from mtcr.policy.schema import PolicyKind

BUNDLED_DATA = Path(str(resources.files("mtcr.data") / "policy"))
BUNDLED_GUIDELINES = BUNDLED_DATA / "mtcr-guidelines.yaml"
BUNDLED_NATIONAL_EXAMPLE = BUNDLED_DATA / "national-example.yaml"


def load_policy(path: Path | str) -> PolicyDocument:
    """Load and validate one policy file of either kind (references to other files are not checked)."""
    return _load(str(Path(path).resolve()))


def load_guidelines(path: Path | str | None = None) -> PolicyDocument:
    """The Guidelines rules: the bundled file, or ``path``, which must be of kind GUIDELINES."""
    document = load_policy(path or BUNDLED_GUIDELINES)
    if document.kind is not PolicyKind.GUIDELINES:
        raise DataFileError(str(document.path), f"kind is {document.kind}, expected GUIDELINES", field="kind")
    return document


def load_national(path: Path | str | None = None, guidelines: PolicyDocument | None = None) -> PolicyDocument:
    """A national policy: the bundled example, or ``path``, which must be of kind NATIONAL.

    With ``guidelines`` given, its references to the Guidelines' checklist are checked now (the engine
    checks them again on every evaluation).
    """
    document = load_policy(path or BUNDLED_NATIONAL_EXAMPLE)
    if document.kind is not PolicyKind.NATIONAL:
        raise DataFileError(str(document.path), f"kind is {document.kind}, expected NATIONAL", field="kind")
    if guidelines is not None:
        check_compatible(guidelines, document)
    return document


def check_compatible(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    """Check that two documents can be applied together: kinds, unique ids, checklist references."""
    if guidelines.kind is not PolicyKind.GUIDELINES:
        raise DataFileError(str(guidelines.path), f"kind is {guidelines.kind}, expected GUIDELINES", field="kind")
    if national.kind is not PolicyKind.NATIONAL:
        raise DataFileError(str(national.path), f"kind is {national.kind}, expected NATIONAL", field="kind")
    path = str(national.path)
    guideline_rules = {rule.rule_id for rule in guidelines.rules}
    for index, rule in enumerate(national.rules):
        if rule.rule_id in guideline_rules:
            raise DataFileError(path, "rule id is also used by the Guidelines", rule.rule_id, f"rules.{index}.id")
    guideline_factors = {q.factor_id for q in guidelines.checklist}
    for index, question in enumerate(national.checklist):
        if question.factor_id in guideline_factors:
            problem = "factor id is also used by the Guidelines checklist"
            raise DataFileError(path, problem, question.factor_id, f"checklist.{index}.id")
    known = guideline_factors | {q.factor_id for q in national.checklist}
    for index, rule in enumerate(national.rules):
        _check_factor_ids(path, rule, index, known)


# --- internals ----------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int) -> PolicyDocument:
    raw = read_yaml(Path(path))
    try:
        parsed = s.PolicyFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = _clean_location(tuple(first["loc"]))
        field = ".".join(str(part) for part in location) or None
        raise DataFileError(path, first["msg"], entry_id=_id_at(raw, location), field=field) from exc
    return _build(parsed, Path(path))


def _load(path: str) -> PolicyDocument:
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError:
        mtime = -1  # read_yaml reports the missing file
    return _load_cached(path, mtime)


def _clean_location(location: tuple[object, ...]) -> tuple[object, ...]:
    """Drop the condition-shape tags pydantic repeats in locations (``when.item.item.category``)."""
    cleaned: list[object] = []
    for index, part in enumerate(location):
        following = location[index + 1] if index + 1 < len(location) else None
        if part in s.CONDITION_KEYS and following == part:
            continue
        cleaned.append(part)
    return tuple(cleaned)


_SECTIONS = ("rules", "checklist", "destination_groups")


def _id_at(raw: object, location: Sequence[object]) -> str | None:
    """The id of the rule, checklist factor or destination group a location points into."""
    if len(location) < 2 or location[0] not in _SECTIONS or not isinstance(location[1], int):
        return None
    section = raw.get(location[0]) if isinstance(raw, dict) else None
    if not isinstance(section, list) or not 0 <= location[1] < len(section):
        return None
    node = section[location[1]]
    return node["id"] if isinstance(node, dict) and isinstance(node.get("id"), str) else None


def _duplicates(path: str, ids: Iterable[str], section: str) -> None:
    seen: set[str] = set()
    for index, name in enumerate(ids):
        if name in seen:
            raise DataFileError(path, f"id {name!r} is used twice", name, f"{section}.{index}.id")
        seen.add(name)


def _build(parsed: s.PolicyFile, path: Path) -> PolicyDocument:
    path_text = str(path)
    _duplicates(path_text, (q.id for q in parsed.checklist), "checklist")
    _duplicates(path_text, (g.id for g in parsed.destination_groups), "destination_groups")
    _duplicates(path_text, (r.id for r in parsed.rules), "rules")
    checklist = tuple(
        ChecklistQuestion(q.id, q.question, q.source, FactorAnswer(q.concern_answer)) for q in parsed.checklist
    )
    groups = {
        g.id: DestinationGroup(g.id, g.title, g.concern, frozenset(g.countries)) for g in parsed.destination_groups
    }
    rules = tuple(_rule(raw, index, path_text, groups) for index, raw in enumerate(parsed.rules))
    if parsed.kind is PolicyKind.GUIDELINES:
        known = {q.factor_id for q in checklist}
        for index, rule in enumerate(rules):
            _check_factor_ids(path_text, rule, index, known)
    return PolicyDocument(
        policy_id=parsed.id,
        kind=parsed.kind,
        title=parsed.title,
        version=parsed.version,
        source=parsed.source,
        path=path,
        checklist=checklist,
        destination_groups=tuple(groups.values()),
        rules=rules,
    )


_FIELDS_BY_EFFECT = {
    "assurances": Effect.REQUIRE_ASSURANCE,
    "analyses": Effect.REQUIRE_ANALYSIS,
    "checklist": Effect.REQUIRE_CHECKLIST,
}


def _rule(raw: s.RuleFile, index: int, path: str, groups: dict[str, DestinationGroup]) -> Rule:
    where = f"rules.{index}"
    for name, effect in _FIELDS_BY_EFFECT.items():
        if getattr(raw, name) and raw.effect is not effect:
            raise DataFileError(
                path, f"{name} belongs only to {effect} rules, not {raw.effect}", raw.id, f"{where}.{name}"
            )
    if raw.effect is Effect.REQUIRE_ASSURANCE and not raw.assurances:
        raise DataFileError(path, "REQUIRE_ASSURANCE needs at least one assurance", raw.id, f"{where}.assurances")
    if raw.effect is Effect.REQUIRE_ANALYSIS and not raw.analyses:
        raise DataFileError(path, "REQUIRE_ANALYSIS needs at least one analysis", raw.id, f"{where}.analyses")
    return Rule(
        rule_id=raw.id,
        title=raw.title,
        source=raw.source,
        confidence=raw.confidence,
        effect=raw.effect,
        when=_condition(raw.when, path, raw.id, f"{where}.when", groups),
        assurances=tuple(dict.fromkeys(raw.assurances)),
        analyses=tuple(dict.fromkeys(raw.analyses)),
        checklist=tuple(dict.fromkeys(raw.checklist)),
        provisos=tuple(raw.provisos),
        note=raw.note,
    )


def _condition(
    node: s.ConditionFile, path: str, rule_id: str, where: str, groups: dict[str, DestinationGroup]
) -> Condition:
    if isinstance(node, s.AllNode):
        return AllOf(tuple(_condition(c, path, rule_id, f"{where}.all.{i}", groups) for i, c in enumerate(node.all)))
    if isinstance(node, s.AnyNode):
        return AnyOf(tuple(_condition(c, path, rule_id, f"{where}.any.{i}", groups) for i, c in enumerate(node.any)))
    if isinstance(node, s.NotNode):
        return Not(_condition(node.negated, path, rule_id, f"{where}.not", groups))
    if isinstance(node, s.ItemNode):
        item = node.item
        return ItemIs(
            categories=frozenset(item.category) if item.category is not None else None,
            listed_categories=frozenset(item.listed_category) if item.listed_category is not None else None,
            production_facility=item.production_facility,
            complete_system=item.complete_system,
            system_roles=frozenset(item.system_role) if item.system_role is not None else None,
            entry_prefixes=tuple(item.entry_prefix) if item.entry_prefix is not None else None,
        )
    if isinstance(node, s.DestinationNode):
        resolved: list[DestinationGroup] = []
        for i, group_id in enumerate(node.destination_in):
            if group_id not in groups:
                known = ", ".join(sorted(groups)) or "none defined"
                problem = f"unknown destination group {group_id!r} (groups of this file: {known})"
                raise DataFileError(path, problem, rule_id, f"{where}.destination_in.{i}")
            resolved.append(groups[group_id])
        return DestinationIn(tuple(resolved))
    if isinstance(node, s.WmdNode):
        return WmdEndUseIs(frozenset(node.wmd_end_use))
    if isinstance(node, s.PartyNode):
        roles = frozenset(node.party.role) if node.party.role is not None else None
        return PartyIs(roles, frozenset(node.party.screening))
    if isinstance(node, s.DenialNode):
        return DenialMatchExists(node.denial_match.consultation_completed)
    if isinstance(node, s.EndUseNode):
        return EndUseStated(node.end_use_stated)
    return FactorIs(node.factor.id, frozenset(node.factor.answer))


def _check_factor_ids(path: str, rule: Rule, index: int, known: set[str]) -> None:
    for factor_id in rule.checklist:
        if factor_id not in known:
            problem = f"unknown checklist factor {factor_id!r} (known: {', '.join(sorted(known)) or 'none'})"
            raise DataFileError(path, problem, rule.rule_id, f"rules.{index}.checklist")
    for factor_id in factor_references(rule.when):
        if factor_id not in known:
            problem = f"unknown checklist factor {factor_id!r} (known: {', '.join(sorted(known)) or 'none'})"
            raise DataFileError(path, problem, rule.rule_id, f"rules.{index}.when")
