"""Pydantic models of the Annex data files: the trust boundary between YAML and the domain model.

Every model forbids unknown keys so a typo in a data file fails loudly, naming the field.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

ENTRY_ID_PATTERN = re.compile(r"^(?:[1-9]|1[0-9]|20)(?:\.[A-E](?:\.[0-9]+(?:\.[a-z](?:\.[0-9]+(?:\.[a-z])?)?)?)?)?$")
PARAMETER_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(StrEnum):
    I = "I"  # noqa: E741  (the Annex's own name)
    II = "II"


class Comparator(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    IN = "in"


class ConditionType(StrEnum):
    """Conditions the data alone cannot decide; an analyst confirms them."""

    USABLE_IN = "usable_in"
    SPECIALLY_DESIGNED_FOR = "specially_designed_for"
    DESIGNED_OR_MODIFIED_FOR = "designed_or_modified_for"
    # Software, technology and production items: "for the development/production/use of" items.
    # Decided from the declared related entries when given.
    FOR_ITEMS = "for_items"


class Confidence(StrEnum):
    """How sure we are of an entry's facts (see shared/reference/mtcr-regime.md)."""

    CONFIRMED = "C"
    SECONDARY = "S"
    RECALLED = "R"


class ParameterKind(StrEnum):
    QUANTITY = "quantity"
    CATEGORICAL = "categorical"
    BOOLEAN = "boolean"


class LeafFile(Strict):
    """One technical threshold: ``parameter op value unit``."""

    id: str | None = None
    parameter: str
    op: Comparator
    value: float | bool | str | list[str]
    unit: str = ""
    note: str = ""

    @field_validator("parameter")
    @classmethod
    def _parameter_name(cls, value: str) -> str:
        if not PARAMETER_NAME_PATTERN.match(value):
            raise ValueError(f"parameter name {value!r} must be snake_case")
        return value

    @model_validator(mode="before")
    @classmethod
    def _numbers_written_as_text(cls, raw: object) -> object:
        # YAML 1.1 reads "1.1e6" (no sign in the exponent) as text; accept it as the number it is.
        if isinstance(raw, dict) and raw.get("op") in (">=", ">", "<=", "<") and isinstance(raw.get("value"), str):
            try:
                return {**raw, "value": float(raw["value"])}
            except ValueError:
                return raw
        return raw

    @model_validator(mode="after")
    def _value_fits_op(self) -> LeafFile:
        if self.op is Comparator.IN and not isinstance(self.value, list):
            raise ValueError("op 'in' needs a list value")
        numeric = self.op in (Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT)
        if numeric and isinstance(self.value, (bool, str, list)):
            raise ValueError(f"op {self.op.value!r} needs a number value, got {self.value!r}")
        return self


class ThresholdFile(Strict):
    value: float
    unit: str


class RangePayloadFile(Strict):
    """Complete-system capability: at least ``payload`` delivered to at least ``range``.

    With no payload threshold, the criterion is range alone (with any payload).
    """

    id: str = "range_payload"
    range: ThresholdFile
    payload: ThresholdFile | None = None
    note: str = ""


class AllOfFile(Strict):
    all: list[CriterionFile] = Field(min_length=1)


class AnyOfFile(Strict):
    any: list[CriterionFile] = Field(min_length=1)


class RangePayloadNodeFile(Strict):
    range_payload: RangePayloadFile


def _criterion_shape(raw: object) -> str:
    """Pick the criterion model from its keys, so a validation error names the real problem."""
    if isinstance(raw, dict):
        for key in ("all", "any", "range_payload"):
            if key in raw:
                return key
        return "leaf"
    if isinstance(raw, AllOfFile):
        return "all"
    if isinstance(raw, AnyOfFile):
        return "any"
    if isinstance(raw, RangePayloadNodeFile):
        return "range_payload"
    return "leaf"


CriterionFile = Annotated[
    Annotated[AllOfFile, Tag("all")]
    | Annotated[AnyOfFile, Tag("any")]
    | Annotated[RangePayloadNodeFile, Tag("range_payload")]
    | Annotated[LeafFile, Tag("leaf")],
    Discriminator(_criterion_shape),
]


class ConditionFile(Strict):
    type: ConditionType
    targets: list[str] = Field(min_length=1)
    text: str = ""

    @field_validator("targets")
    @classmethod
    def _targets_are_entry_ids(cls, value: list[str]) -> list[str]:
        for target in value:
            if not ENTRY_ID_PATTERN.match(target):
                raise ValueError(f"target {target!r} is not an Annex entry id such as 1.A or 2.A.1.c")
        return value


class DowngradeFile(Strict):
    """An Annex note allowing a Category I entry to be treated as Category II."""

    to: Category = Category.II
    text: str
    when: CriterionFile | None = None
    requires: list[str] = Field(default_factory=list)


class DecontrolFile(Strict):
    """An exclusion note: when ``when`` holds, the entry does not control the item."""

    text: str
    when: CriterionFile | None = None


class SourceFile(Strict):
    key: str
    ref: str = ""
    confidence: Confidence


class EntryFile(Strict):
    id: str
    title: str = Field(min_length=3)
    text: str = Field(min_length=3)
    category: Category | None = None
    kinds: list[str] = Field(default_factory=list)
    criteria: CriterionFile | None = None
    conditions: list[ConditionFile] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    decontrols: list[DecontrolFile] = Field(default_factory=list)
    downgrades: list[DowngradeFile] = Field(default_factory=list)
    eu_refs: list[str] = Field(default_factory=list)
    us_refs: list[str] = Field(default_factory=list)
    sources: list[SourceFile] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _entry_id(cls, value: str) -> str:
        if not ENTRY_ID_PATTERN.match(value):
            raise ValueError(f"{value!r} is not an Annex entry id such as 2.A.1.c.1")
        return value


class ItemFile(Strict):
    item: int = Field(ge=1, le=20)
    category: Category | None = None
    title: str
    reserved: bool = False
    entries: list[EntryFile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _entries_belong_to_item(self) -> ItemFile:
        if self.reserved and self.entries:
            raise ValueError("a reserved item has no entries")
        if not self.reserved and self.category is None:
            raise ValueError("category is required for an item that is not reserved")
        return self


class ParameterFile(Strict):
    name: str
    kind: ParameterKind = ParameterKind.QUANTITY
    unit: str = ""  # SI unit of the dimension; values are stored in it
    description: str
    minimum: float | None = None
    values: list[str] = Field(default_factory=list)  # categorical vocabulary

    @field_validator("name")
    @classmethod
    def _parameter_name(cls, value: str) -> str:
        if not PARAMETER_NAME_PATTERN.match(value):
            raise ValueError(f"parameter name {value!r} must be snake_case")
        return value


class KindFile(Strict):
    name: str
    description: str
    parameters: list[str] = Field(default_factory=list)  # parameters typically given for this kind

    @field_validator("name")
    @classmethod
    def _kind_name(cls, value: str) -> str:
        if not PARAMETER_NAME_PATTERN.match(value):
            raise ValueError(f"kind name {value!r} must be snake_case")
        return value


class VocabularyFile(Strict):
    parameters: list[ParameterFile] = Field(default_factory=list)
    kinds: list[KindFile] = Field(default_factory=list)


class DefinitionFile(Strict):
    term: str
    text: str
    notes: list[str] = Field(default_factory=list)
    sources: list[SourceFile] = Field(min_length=1)


class DefinitionsFile(Strict):
    definitions: list[DefinitionFile]


class SourceKeyFile(Strict):
    key: str
    title: str
    url: str = ""


class EditionFile(Strict):
    format: Literal["mtcr-annex-edition/1"]
    id: str
    regime: str
    title: str
    document: str
    date: str
    sources: list[SourceKeyFile] = Field(default_factory=list)


class OverrideScope(StrEnum):
    """Which criteria tree of an entry an override changes."""

    CRITERIA = "criteria"
    DOWNGRADE = "downgrade"
    DECONTROL = "decontrol"


class ThresholdPart(StrEnum):
    VALUE = "value"  # the threshold of an ordinary criterion
    RANGE = "range"  # the range of a range/payload criterion
    PAYLOAD = "payload"  # the payload of a range/payload criterion


class OverrideFile(Strict):
    """Change one threshold of a base edition in a regime file."""

    entry: str
    scope: OverrideScope = OverrideScope.CRITERIA
    index: int = Field(default=0, ge=0)  # which downgrade or exclusion note, for those scopes
    criterion: str
    threshold: ThresholdPart = ThresholdPart.VALUE
    value: float
    unit: str
    op: Comparator | None = None

    @field_validator("op")
    @classmethod
    def _numeric_op(cls, value: Comparator | None) -> Comparator | None:
        if value in (Comparator.IN, Comparator.EQ):
            raise ValueError("an override changes a numeric threshold: use >=, >, <= or <")
        return value


class RegimeFile(Strict):
    format: Literal["mtcr-regime/1"]
    id: str
    title: str
    base: str
    description: str = ""
    overrides: list[OverrideFile] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    items: list[ItemFile] = Field(default_factory=list)  # entries added, grouped by item


AllOfFile.model_rebuild()
AnyOfFile.model_rebuild()
DowngradeFile.model_rebuild()
DecontrolFile.model_rebuild()
EntryFile.model_rebuild()
