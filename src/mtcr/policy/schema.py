"""Pydantic models of the policy files (``format: mtcr-policy/1``): the trust boundary between YAML and rules.

Every model forbids unknown keys, so a typo fails loudly and names the field. Conditions are a small
structured vocabulary (docs/policy.md): a mapping with exactly one key. Nothing is ever evaluated as
code.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from mtcr.annex.schema import Confidence
from mtcr.policy.model import (
    Analysis,
    Assurance,
    Effect,
    FactorAnswer,
    ItemCategory,
    PartyRole,
    ScreeningStatus,
    SystemRole,
    WmdEndUse,
)

FORMAT = "mtcr-policy/1"
RULE_ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Za-z0-9]+)+$")  # MTCR-G-4, MTCR-G-14b, NAT-EX-3
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # group and factor ids, policy ids
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")


class PolicyKind(StrEnum):
    GUIDELINES = "GUIDELINES"  # the multilateral Guidelines: one per evaluation
    NATIONAL = "NATIONAL"  # a national policy applied on top of the Guidelines


class GroupConcern(StrEnum):
    """Why a national policy names a group of destinations."""

    EMBARGO = "EMBARGO"
    REGIONAL_STABILITY = "REGIONAL_STABILITY"
    ARMS_RACE_PAIR = "ARMS_RACE_PAIR"  # exactly two states
    PARTNER = "PARTNER"
    OTHER = "OTHER"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _yaml_boolean_as_answer(value: object) -> object:
    # YAML 1.1 reads unquoted YES / NO as booleans.
    if value is True:
        return FactorAnswer.YES.value
    if value is False:
        return FactorAnswer.NO.value
    return value


# --- conditions ---------------------------------------------------------------------------------------


class ItemPredicateFile(Strict):
    """Holds when at least one item meets every field given."""

    category: list[ItemCategory] | None = Field(default=None, min_length=1)
    listed_category: list[ItemCategory] | None = Field(default=None, min_length=1)
    production_facility: bool | None = None
    complete_system: bool | None = None
    system_role: list[SystemRole] | None = Field(default=None, min_length=1)
    entry_prefix: list[str] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _something_to_test(self) -> ItemPredicateFile:
        if all(getattr(self, name) is None for name in type(self).model_fields):
            raise ValueError("an item condition needs at least one field")
        return self


class PartyPredicateFile(Strict):
    """Holds when at least one party has one of ``role`` (any role when omitted) and one of ``screening``."""

    role: list[PartyRole] | None = Field(default=None, min_length=1)
    screening: list[ScreeningStatus] = Field(min_length=1)


class DenialPredicateFile(Strict):
    """Holds when a denial-notification match exists (with the consultation state, when given)."""

    consultation_completed: bool | None = None


class FactorPredicateFile(Strict):
    """Holds when the reviewer's answer to checklist factor ``id`` is one of ``answer``."""

    id: str
    answer: list[FactorAnswer] = Field(min_length=1)

    @field_validator("answer", mode="before")
    @classmethod
    def _booleans(cls, value: object) -> object:
        return [_yaml_boolean_as_answer(v) for v in value] if isinstance(value, list) else value


class AllNode(Strict):
    all: list[ConditionFile] = Field(min_length=1)


class AnyNode(Strict):
    any: list[ConditionFile] = Field(min_length=1)


class NotNode(Strict):
    negated: ConditionFile = Field(alias="not")


class ItemNode(Strict):
    item: ItemPredicateFile


class DestinationNode(Strict):
    destination_in: list[str] = Field(min_length=1)  # destination group ids of the same file


class WmdNode(Strict):
    wmd_end_use: list[WmdEndUse] = Field(min_length=1)


class PartyNode(Strict):
    party: PartyPredicateFile


class DenialNode(Strict):
    denial_match: DenialPredicateFile


class EndUseNode(Strict):
    end_use_stated: bool


class FactorNode(Strict):
    factor: FactorPredicateFile


CONDITION_KEYS = (
    "all",
    "any",
    "not",
    "item",
    "destination_in",
    "wmd_end_use",
    "party",
    "denial_match",
    "end_use_stated",
    "factor",
)
_NODES: dict[object, str] = {
    AllNode: "all",
    AnyNode: "any",
    NotNode: "not",
    ItemNode: "item",
    DestinationNode: "destination_in",
    WmdNode: "wmd_end_use",
    PartyNode: "party",
    DenialNode: "denial_match",
    EndUseNode: "end_use_stated",
    FactorNode: "factor",
}


def _condition_shape(raw: object) -> str | None:
    """The condition's single key; None (an error naming the vocabulary) when there is not exactly one."""
    if isinstance(raw, dict):
        keys = [key for key in raw if key in CONDITION_KEYS]
        return keys[0] if len(keys) == 1 and len(raw) == 1 else None
    return _NODES.get(type(raw))


ConditionFile = Annotated[
    Annotated[AllNode, Tag("all")]
    | Annotated[AnyNode, Tag("any")]
    | Annotated[NotNode, Tag("not")]
    | Annotated[ItemNode, Tag("item")]
    | Annotated[DestinationNode, Tag("destination_in")]
    | Annotated[WmdNode, Tag("wmd_end_use")]
    | Annotated[PartyNode, Tag("party")]
    | Annotated[DenialNode, Tag("denial_match")]
    | Annotated[EndUseNode, Tag("end_use_stated")]
    | Annotated[FactorNode, Tag("factor")],
    Discriminator(
        _condition_shape,
        custom_error_type="condition_shape",
        custom_error_message="a condition is a mapping with exactly one key, one of: " + ", ".join(CONDITION_KEYS),
    ),
]

for _node in (AllNode, AnyNode, NotNode):
    _node.model_rebuild()


# --- documents ----------------------------------------------------------------------------------------


class ChecklistQuestionFile(Strict):
    id: str
    question: str = Field(min_length=1)
    source: str = Field(min_length=1)
    concern_answer: Literal["YES", "NO"]

    @field_validator("concern_answer", mode="before")
    @classmethod
    def _booleans(cls, value: object) -> object:
        return _yaml_boolean_as_answer(value)

    @field_validator("id")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_PATTERN.match(value):
            raise ValueError(f"factor id {value!r} must be lower-case letters, digits and hyphens")
        return value


class DestinationGroupFile(Strict):
    id: str
    title: str = Field(min_length=1)
    concern: GroupConcern
    countries: list[str] = Field(min_length=1)
    note: str = ""

    @field_validator("id")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_PATTERN.match(value):
            raise ValueError(f"group id {value!r} must be lower-case letters, digits and hyphens")
        return value

    @field_validator("countries", mode="before")
    @classmethod
    def _norway(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted NO (Norway) as false.
        return ["NO" if v is False else v for v in value] if isinstance(value, list) else value

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not COUNTRY_PATTERN.match(code):
                raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 code (two capital letters)")
        if len(set(value)) != len(value):
            raise ValueError("a country is listed twice")
        return value

    @model_validator(mode="after")
    def _pair(self) -> DestinationGroupFile:
        if self.concern is GroupConcern.ARMS_RACE_PAIR and len(self.countries) != 2:
            raise ValueError(f"an ARMS_RACE_PAIR names exactly two countries, got {len(self.countries)}")
        return self


class RuleFile(Strict):
    id: str
    title: str = Field(min_length=1)
    source: str = Field(min_length=1)  # paragraph of the Guidelines or national provision
    confidence: Confidence = Confidence.CONFIRMED
    effect: Effect
    when: ConditionFile
    assurances: list[Assurance] = Field(default_factory=list)
    analyses: list[Analysis] = Field(default_factory=list)
    checklist: list[str] = Field(default_factory=list)  # REQUIRE_CHECKLIST: factor ids; empty = every factor
    provisos: list[str] = Field(default_factory=list)
    note: str = ""

    @field_validator("id")
    @classmethod
    def _rule_id(cls, value: str) -> str:
        if not RULE_ID_PATTERN.match(value):
            raise ValueError(f"rule id {value!r} must look like MTCR-G-4 (capitals, digits, hyphens)")
        return value


class PolicyFile(Strict):
    format: Literal["mtcr-policy/1"]
    id: str
    kind: PolicyKind
    title: str = Field(min_length=1)
    version: str = Field(min_length=1)
    source: str = Field(min_length=1)
    note: str = ""
    checklist: list[ChecklistQuestionFile] = Field(default_factory=list)
    destination_groups: list[DestinationGroupFile] = Field(default_factory=list)
    rules: list[RuleFile] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_PATTERN.match(value):
            raise ValueError(f"policy id {value!r} must be lower-case letters, digits and hyphens")
        return value
