"""Screening domain values: list entities, the parties screened against them, formats, and match results.

Plain Python classes, kept out of the modules ``make compiled`` builds with mypyc: results are pickled
(Dask workers send them back) and stored, which mypyc's frozen classes do not allow."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"
    OTHER = "other"  # vessels, aircraft, unknown


class ListFormat(StrEnum):
    CSL_CSV = "csl-csv"  # US Consolidated Screening List, CSV download
    CSL_JSON = "csl-json"  # US Consolidated Screening List, JSON download ({"results": [...]}) or API page
    FTM = "ftm"  # OpenSanctions FollowTheMoney entities, one JSON object per line
    CSV = "csv"  # mtcr's simple CSV (docs/screening.md)


@dataclass(frozen=True, slots=True)
class ListEntity:
    """One listed party. ``names[0]`` is the primary name; the rest are aliases (any script)."""

    entity_id: str  # stable within its source list
    entity_type: EntityType
    names: tuple[str, ...]
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, upper case
    addresses: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()  # registration, tax, passport numbers...
    dates: tuple[str, ...] = ()  # ISO 8601 dates or years (birth, incorporation)
    programs: tuple[str, ...] = ()  # sanction programmes / authorities
    sources: tuple[str, ...] = ()  # URLs or citations
    remarks: str = ""

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class Party:
    """A party to a transfer, as screened: a name and whatever else is known."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    address: str | None = None
    identifiers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    entity_type: EntityType | None = None


class Feature(StrEnum):
    NAME = "name"
    COUNTRY = "country"
    IDENTIFIER = "identifier"
    DATE = "date"
    ADDRESS = "address"
    TYPE = "type"


@dataclass(frozen=True, slots=True)
class FeatureScore:
    feature: Feature
    score: float  # the feature's own score (name: similarity; others: the adjustment applied)
    reason: str


@dataclass(frozen=True, slots=True)
class Match:
    """A party compared with one listed entity."""

    entity_id: str
    entity_name: str
    matched_name: str  # the entity's name (or alias) that matched best
    score: float
    features: tuple[FeatureScore, ...]
    matcher_version: str  # the matcher's version (MATCHER_VERSION when it was scored)

    def is_hit(self, threshold: float) -> bool:
        return self.score >= threshold
