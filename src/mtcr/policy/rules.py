"""Policy rules as immutable values: conditions, rules and the documents that hold them.

Built from validated files by :mod:`mtcr.policy.loader`; evaluated by :mod:`mtcr.policy.engine`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mtcr.annex.schema import Confidence
from mtcr.policy.model import (
    Analysis,
    Assurance,
    ChecklistQuestion,
    Effect,
    FactorAnswer,
    ItemCategory,
    PartyRole,
    PolicyVersion,
    ScreeningStatus,
    SystemRole,
    WmdEndUse,
)
from mtcr.policy.schema import GroupConcern, PolicyKind


@dataclass(frozen=True, slots=True)
class DestinationGroup:
    group_id: str
    title: str
    concern: GroupConcern
    countries: frozenset[str]


@dataclass(frozen=True, slots=True)
class AllOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    condition: Condition


@dataclass(frozen=True, slots=True)
class ItemIs:
    """At least one item meets every test given (None: not tested)."""

    categories: frozenset[ItemCategory] | None = None
    listed_categories: frozenset[ItemCategory] | None = None
    production_facility: bool | None = None
    complete_system: bool | None = None
    system_roles: frozenset[SystemRole] | None = None
    entry_prefixes: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class DestinationIn:
    groups: tuple[DestinationGroup, ...]


@dataclass(frozen=True, slots=True)
class WmdEndUseIs:
    levels: frozenset[WmdEndUse]


@dataclass(frozen=True, slots=True)
class PartyIs:
    roles: frozenset[PartyRole] | None
    statuses: frozenset[ScreeningStatus]


@dataclass(frozen=True, slots=True)
class DenialMatchExists:
    consultation_completed: bool | None = None


@dataclass(frozen=True, slots=True)
class EndUseStated:
    stated: bool


@dataclass(frozen=True, slots=True)
class FactorIs:
    factor_id: str
    answers: frozenset[FactorAnswer]


Condition = (
    AllOf | AnyOf | Not | ItemIs | DestinationIn | WmdEndUseIs | PartyIs | DenialMatchExists | EndUseStated | FactorIs
)


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    title: str
    source: str
    confidence: Confidence
    effect: Effect
    when: Condition
    assurances: tuple[Assurance, ...] = ()
    analyses: tuple[Analysis, ...] = ()
    checklist: tuple[str, ...] = ()  # REQUIRE_CHECKLIST: factor ids; empty = every factor
    provisos: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """One validated policy file: the Guidelines or a national policy."""

    policy_id: str
    kind: PolicyKind
    title: str
    version: str
    source: str
    path: Path
    checklist: tuple[ChecklistQuestion, ...]
    destination_groups: tuple[DestinationGroup, ...]
    rules: tuple[Rule, ...]

    @property
    def policy_version(self) -> PolicyVersion:
        return PolicyVersion(self.policy_id, self.version, self.title)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.rule_id == rule_id), None)


def factor_references(condition: Condition) -> tuple[str, ...]:
    """Every checklist factor id a condition refers to."""
    if isinstance(condition, AllOf | AnyOf):
        return tuple(ref for child in condition.conditions for ref in factor_references(child))
    if isinstance(condition, Not):
        return factor_references(condition.condition)
    if isinstance(condition, FactorIs):
        return (condition.factor_id,)
    return ()
