"""The values the policy engine works on: the facts of a transfer in, a recommendation with reasons out.

:class:`TransferFacts` is everything the MTCR Guidelines and a national policy look at: the items with
their Annex category, the destination, the parties and their screening status, the stated end use,
any knowledge of a WMD-delivery end use, the assurances obtained, the reviewer's answers to the
evaluation-factor checklist, matching denial notifications of partner governments, and whether the
technical assessment and regional-stability analysis are done.

:class:`PolicyResult` is a **recommendation only**. The licensing officer decides; the decision to
transfer remains the sovereign judgement of the exporting government (Guidelines, G17). The result
says which rules fired and why, what is still missing, and which policy versions were applied.

Facts can be built from the classifier's :class:`~mtcr.annex.classifier.Classification`
(:meth:`TransferItem.from_classification`) and the screening matcher's
:class:`~mtcr.screening.model.Match` list (:meth:`ScreeningStatus.from_matches`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from mtcr.annex.classifier import Classification, MatchStatus
from mtcr.annex.schema import Category
from mtcr.errors import InputError
from mtcr.screening.matcher import DEFAULT_THRESHOLD
from mtcr.screening.model import Match

POLICY_ENGINE_VERSION = "1.0.0"  # bump whenever a change can move a recommendation

_COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")


class ItemCategory(StrEnum):
    """An item's Annex category after downgrades, or not controlled by the Annex."""

    I = "I"  # noqa: E741  (the Annex's own name)
    II = "II"
    NOT_CONTROLLED = "NOT_CONTROLLED"

    @classmethod
    def from_annex(cls, category: Category | None) -> ItemCategory:
        if category is None:
            return cls.NOT_CONTROLLED
        return cls.I if category is Category.I else cls.II

    @classmethod
    def from_classification(cls, classification: Classification) -> ItemCategory:
        """The category a classification gives; one still needing confirmation counts as controlled."""
        if classification.status is MatchStatus.NOT_CONTROLLED:
            return cls.NOT_CONTROLLED
        return cls.from_annex(classification.category)


class SystemRole(StrEnum):
    """What a complete system is for; COMPONENT for anything that is not a complete system."""

    SHORT_RANGE_BALLISTIC = "SHORT_RANGE_BALLISTIC"
    BALLISTIC = "BALLISTIC"  # ballistic missiles beyond short range
    CRUISE = "CRUISE"
    ANTI_SHIP = "ANTI_SHIP"
    SPACE_LAUNCH = "SPACE_LAUNCH"
    SOUNDING_ROCKET = "SOUNDING_ROCKET"
    UAV = "UAV"
    COMPONENT = "COMPONENT"  # subsystems, components, equipment, materials, software, technology


class PartyRole(StrEnum):
    END_USER = "END_USER"
    CONSIGNEE = "CONSIGNEE"
    INTERMEDIARY = "INTERMEDIARY"
    PURCHASER = "PURCHASER"


class ScreeningStatus(StrEnum):
    """A party's standing after screening; only a reviewer confirms a match."""

    CLEAR = "CLEAR"
    POSSIBLE_MATCH = "POSSIBLE_MATCH"
    CONFIRMED_MATCH = "CONFIRMED_MATCH"

    @classmethod
    def from_matches(cls, matches: Sequence[Match], threshold: float = DEFAULT_THRESHOLD) -> ScreeningStatus:
        """POSSIBLE_MATCH when any match reaches ``threshold``; the matcher never confirms a match."""
        return cls.POSSIBLE_MATCH if any(match.is_hit(threshold) for match in matches) else cls.CLEAR


class WmdEndUse(StrEnum):
    """What is known of an intended use in delivery systems for weapons of mass destruction."""

    NONE = "NONE"
    SUSPECTED = "SUSPECTED"  # e.g. the exporter is aware of, or has grounds to suspect, such an end use
    KNOWN = "KNOWN"  # e.g. the authorities have informed the exporter (Guidelines catch-all)


class Assurance(StrEnum):
    GOVERNMENT_TO_GOVERNMENT = "GOVERNMENT_TO_GOVERNMENT"  # binding undertakings of the recipient government
    END_USER_UNDERTAKING = "END_USER_UNDERTAKING"  # end-use statement and location, no WMD-delivery use
    NO_RETRANSFER_WITHOUT_CONSENT = "NO_RETRANSFER_WITHOUT_CONSENT"  # items, replicas and derivatives
    END_USE_VERIFICATION = "END_USE_VERIFICATION"  # consent to post-shipment or on-site checks


class Analysis(StrEnum):
    TECHNICAL_ASSESSMENT = "TECHNICAL_ASSESSMENT"
    REGIONAL_STABILITY = "REGIONAL_STABILITY"


class FactorAnswer(StrEnum):
    YES = "YES"
    NO = "NO"
    UNANSWERED = "UNANSWERED"


class Effect(StrEnum):
    """What a rule does when its condition holds (precedence: see :mod:`mtcr.policy.engine`).

    The order of the members breaks ties between fired rules of the same precedence rank when the
    engine names the decisive effect.
    """

    NOT_TRANSFERRED = "NOT_TRANSFERRED"  # not authorised at all (Category I production facilities)
    DENY = "DENY"  # denial, e.g. known WMD-delivery end use, embargo
    DENY_PRESUMPTION = "DENY_PRESUMPTION"  # strong presumption of denial (Category I)
    REFER = "REFER"  # case-by-case referral; no approval recommended by the engine
    LICENCE_REQUIRED = "LICENCE_REQUIRED"  # a licence is needed; approval possible with provisos
    REQUIRE_CONSULTATION = "REQUIRE_CONSULTATION"  # consult the denying partner before any approval
    REQUIRE_ANALYSIS = "REQUIRE_ANALYSIS"  # analyses to be done before approval
    REQUIRE_CHECKLIST = "REQUIRE_CHECKLIST"  # evaluation factors to be answered
    REQUIRE_ASSURANCE = "REQUIRE_ASSURANCE"  # assurances to be obtained (provisos of an approval)


REQUIREMENT_EFFECTS = frozenset(
    {Effect.REQUIRE_CONSULTATION, Effect.REQUIRE_ANALYSIS, Effect.REQUIRE_CHECKLIST, Effect.REQUIRE_ASSURANCE}
)


class Recommendation(StrEnum):
    """The engine's recommendation to the officer, who decides."""

    DENY = "DENY"
    REFER_CASE_BY_CASE = "REFER_CASE_BY_CASE"
    APPROVE_WITH_PROVISOS = "APPROVE_WITH_PROVISOS"
    NO_LICENCE_REQUIRED = "NO_LICENCE_REQUIRED"


class RuleStatus(StrEnum):
    """How a fired rule stands against the facts."""

    APPLIES = "APPLIES"  # a decision rule (deny, refer, licence required)
    OUTSTANDING = "OUTSTANDING"  # a requirement not yet met: blocks an approval recommendation
    MET = "MET"  # a requirement met: it becomes a proviso of the approval


def _require(condition: bool, field_name: str, problem: str) -> None:
    if not condition:
        raise InputError(field_name, problem)


@dataclass(frozen=True, slots=True)
class TransferItem:
    """One line of an application."""

    description: str
    quantity: int
    category: ItemCategory
    entry_ids: tuple[str, ...] = ()  # the Annex entries that control it
    is_production_facility: bool = False  # a Category I "production facility" (1.B.1, 2.B.1)
    system_role: SystemRole = SystemRole.COMPONENT
    listed_category: ItemCategory | None = None  # the listed category when a downgrade note applied

    def __post_init__(self) -> None:
        _require(bool(self.description.strip()), "items.description", "must not be empty")
        _require(self.quantity > 0, "items.quantity", f"must be positive, got {self.quantity}")
        if self.is_production_facility:
            _require(
                self.category is ItemCategory.I,
                "items.is_production_facility",
                f"only Category I production facilities are marked; {self.description!r} is {self.category}",
            )

    @property
    def is_complete_system(self) -> bool:
        return self.system_role is not SystemRole.COMPONENT

    @property
    def effective_listed_category(self) -> ItemCategory:
        return self.listed_category or self.category

    def label(self) -> str:
        entries = f" [{', '.join(self.entry_ids)}]" if self.entry_ids else ""
        return f"{self.description!r} (x{self.quantity}){entries}"

    @classmethod
    def from_classification(
        cls,
        classification: Classification,
        description: str,
        quantity: int,
        *,
        is_production_facility: bool = False,
        system_role: SystemRole = SystemRole.COMPONENT,
    ) -> TransferItem:
        """An item line from a classifier record: its category, entries and any downgrade."""
        category = ItemCategory.from_classification(classification)
        entry_ids = tuple(match.entry_id for match in classification.matches)
        downgraded = category is ItemCategory.II and any(
            match.listed_category is Category.I and match.category is Category.II for match in classification.matches
        )
        return cls(
            description=description,
            quantity=quantity,
            category=category,
            entry_ids=entry_ids,
            is_production_facility=is_production_facility,
            system_role=system_role,
            listed_category=ItemCategory.I if downgraded else None,
        )


@dataclass(frozen=True, slots=True)
class TransferParty:
    name: str
    role: PartyRole
    screening: ScreeningStatus = ScreeningStatus.CLEAR
    country: str | None = None  # ISO 3166-1 alpha-2

    def __post_init__(self) -> None:
        _require(bool(self.name.strip()), "parties.name", "must not be empty")
        if self.country is not None:
            _require(
                bool(_COUNTRY_PATTERN.match(self.country)),
                "parties.country",
                f"{self.country!r} is not an ISO 3166-1 alpha-2 code (two capital letters)",
            )


@dataclass(frozen=True, slots=True)
class DenialNotificationMatch:
    """A partner government's denial notification resembling this application (no-undercut)."""

    notifying_government: str
    notification_id: str
    similarity: float  # 0..1, from whatever compared the application with the notification
    consultation_completed: bool = False

    def __post_init__(self) -> None:
        _require(bool(self.notifying_government.strip()), "denial_matches.notifying_government", "must not be empty")
        _require(bool(self.notification_id.strip()), "denial_matches.notification_id", "must not be empty")
        _require(
            math.isfinite(self.similarity) and 0.0 <= self.similarity <= 1.0,
            "denial_matches.similarity",
            f"must be between 0 and 1, got {self.similarity}",
        )


def _freeze_answers(answers: Mapping[str, FactorAnswer]) -> Mapping[str, FactorAnswer]:
    return MappingProxyType(dict(answers))


@dataclass(frozen=True, slots=True)
class TransferFacts:
    """Everything the policy rules look at for one application. Input only: no judgement here."""

    destination: str  # ISO 3166-1 alpha-2 of the destination country
    items: tuple[TransferItem, ...]
    end_use: str = ""  # the stated end use ("" when none is stated)
    end_use_location: str = ""
    parties: tuple[TransferParty, ...] = ()
    wmd_end_use: WmdEndUse = WmdEndUse.NONE
    assurances: frozenset[Assurance] = frozenset()
    checklist: Mapping[str, FactorAnswer] = field(default_factory=dict)  # factor id -> answer
    denial_matches: tuple[DenialNotificationMatch, ...] = ()
    technical_assessment_done: bool = False
    regional_stability_analysis_done: bool = False

    def __post_init__(self) -> None:
        _require(
            bool(_COUNTRY_PATTERN.match(self.destination)),
            "destination",
            f"{self.destination!r} is not an ISO 3166-1 alpha-2 code (two capital letters)",
        )
        _require(len(self.items) > 0, "items", "an application has at least one item")
        for factor, answer in self.checklist.items():
            _require(isinstance(answer, FactorAnswer), f"checklist.{factor}", f"{answer!r} is not a FactorAnswer")
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "parties", tuple(self.parties))
        object.__setattr__(self, "denial_matches", tuple(self.denial_matches))
        object.__setattr__(self, "assurances", frozenset(self.assurances))
        object.__setattr__(self, "checklist", _freeze_answers(self.checklist))

    @property
    def end_use_stated(self) -> bool:
        return bool(self.end_use.strip()) and bool(self.end_use_location.strip())

    def answer(self, factor_id: str) -> FactorAnswer:
        return self.checklist.get(factor_id, FactorAnswer.UNANSWERED)

    def analyses_done(self) -> frozenset[Analysis]:
        done: set[Analysis] = set()
        if self.technical_assessment_done:
            done.add(Analysis.TECHNICAL_ASSESSMENT)
        if self.regional_stability_analysis_done:
            done.add(Analysis.REGIONAL_STABILITY)
        return frozenset(done)


# --- the result ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """Which policy document was applied: its id, version and title."""

    policy_id: str
    version: str
    title: str

    def __str__(self) -> str:
        return f"{self.policy_id} {self.version}"


@dataclass(frozen=True, slots=True)
class ChecklistQuestion:
    """One evaluation factor the reviewer answers YES or NO."""

    factor_id: str
    question: str
    source: str
    concern_answer: FactorAnswer  # the answer that signals a concern (YES or NO)


@dataclass(frozen=True, slots=True)
class FiredRule:
    """A rule whose condition held, with the facts that made it hold."""

    rule_id: str
    title: str
    source: str  # the paragraph of the Guidelines or the national provision
    policy: PolicyVersion
    effect: Effect
    status: RuleStatus
    reason: str  # names the facts
    outstanding: tuple[str, ...] = ()  # what is still to be done, for requirements
    provisos: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RequiredConsultation:
    """A consultation with a partner that denied an essentially identical transfer."""

    notifying_government: str
    notification_id: str
    similarity: float
    rule_id: str


@dataclass(frozen=True, slots=True)
class PolicyResult:
    """The engine's recommendation with its reasons. **A recommendation only: the officer decides.**

    ``decisive_rule_ids`` are the fired rules that set the recommendation under the precedence of
    :mod:`mtcr.policy.engine`; ``fired`` lists every rule that fired, in document order.
    """

    facts: TransferFacts
    recommendation: Recommendation
    decisive_effect: Effect | None  # None when no rule fired
    decisive_rule_ids: tuple[str, ...]
    fired: tuple[FiredRule, ...]
    provisos: tuple[str, ...]  # what an approval would be subject to
    required_assurances: tuple[Assurance, ...]  # every assurance a fired rule asks for
    missing_assurances: tuple[Assurance, ...]
    missing_analyses: tuple[Analysis, ...]
    unanswered_questions: tuple[ChecklistQuestion, ...]
    concerns: tuple[ChecklistQuestion, ...]  # factors answered with their concern answer
    consultations_required: tuple[RequiredConsultation, ...]
    guidelines: PolicyVersion
    national: PolicyVersion
    engine_version: str
    summary: str

    @property
    def fired_rule_ids(self) -> frozenset[str]:
        return frozenset(rule.rule_id for rule in self.fired)

    def rule(self, rule_id: str) -> FiredRule | None:
        return next((rule for rule in self.fired if rule.rule_id == rule_id), None)


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` without repeats, first occurrence kept."""
    return tuple(dict.fromkeys(values))
