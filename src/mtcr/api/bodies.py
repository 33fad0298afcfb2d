"""Constrained field types shared by the request bodies (the trust boundary).

Limits follow the database columns, so that a long or odd value is a 422 naming the field, never a
database error: PostgreSQL rejects NUL characters in text and enforces VARCHAR lengths.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mtcr.casework import markings

MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL


def storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise ValueError("must not contain lone surrogates")
    return value


Text40 = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(storable)]
Text64 = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(storable)]
Text100 = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(storable)]
Text200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(storable)]
Text500 = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(storable)]
Text2000 = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(storable)]
LongText = Annotated[str, Field(min_length=1, max_length=10_000), AfterValidator(storable)]
Proviso = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(storable)]
Provisos = Annotated[tuple[Proviso, ...], Field(max_length=20)]


def _banner_pattern() -> str:
    """The level of the marking scheme, then optionally a caption (checked in full by Marking.parse)."""
    levels = "|".join(re.escape(level) for level in markings.default_scheme().levels)
    return rf"^(?:{levels})(?://.{{1,150}})?$"


BannerText = Annotated[
    str,
    Field(
        max_length=200,
        pattern=_banner_pattern(),
        description="A security marking banner: LEVEL, LEVEL//NOFORN or LEVEL//REL TO CODE, CODE",
        examples=["SECRET", "SECRET//NOFORN", "CONFIDENTIAL//REL TO FRA-SGDSN"],
    ),
    AfterValidator(storable),
]
Country = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. PK")]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
