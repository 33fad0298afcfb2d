"""Parties to screen, from a CSV with a header: name (required), country, address, id and dates (the
last two ';'-separated) and type (person or organization). Shared by ``mtcr screen-file`` and the web
page's batch screening."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from rigour.territories import get_territory

from mtcr.errors import DataFileError, InputError
from mtcr.screening.importers import is_iso_date
from mtcr.screening.model import EntityType, Party

PARTY_TYPES = {
    "person": EntityType.PERSON,
    "organization": EntityType.ORGANIZATION,
    "organisation": EntityType.ORGANIZATION,
}
MAX_NAME_LENGTH = 500  # as the API and the web form allow; no party's name is longer
PARTY_COLUMNS = ("name", "country", "address", "id", "dates", "type")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Text without control characters (tabs and newlines become spaces)."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\n", " ")).strip()


def country_code(value: str | None, field: str = "country") -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, or None when not given; InputError naming ``field``."""
    if value is None or value.strip() == "":
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InputError(field, f"expected a two-letter ISO 3166 code such as CN, got {value!r}")
    territory = get_territory(code.lower())
    if territory is None or not territory.alpha3:  # XX; and ZZ, EU: a placeholder or a region, no country
        raise InputError(field, f"{code} is no country's ISO 3166 code (expected one such as CN)")
    return code


def party_date(value: str, field: str = "date") -> str:
    """A date of birth or incorporation as ISO 8601 writes it (1961-04-12, 1961-04 or 1961); InputError naming
    ``field`` for anything else, or a day no calendar has (1999-13-45)."""
    text = value.strip()
    if not is_iso_date(text):
        raise InputError(field, f"expected a date such as 1961-04-12 (or 1961-04, 1961), got {value!r}")
    return text


def party_identifier(value: str, field: str = "id") -> str:
    """A registration, tax or passport number as given; InputError naming ``field`` when it has no letter
    or digit ("!!!" would be kept and match nothing, so the party would be screened without it)."""
    text = clean_text(value)
    if not any(ch.isalnum() for ch in text):
        raise InputError(field, f"expected a registration, tax or passport number, got {value!r}")
    return text


def party_type(value: str | None, field: str = "type") -> EntityType | None:
    """A party's type (person or organization; organisation too), or None when not given."""
    if value is None or value.strip() == "":
        return None
    kind = PARTY_TYPES.get(value.strip().lower())
    if kind is None:
        raise InputError(field, f"expected person or organization, got {value!r}")
    return kind


def parse_parties(text: str, source: str) -> list[Party]:
    """Parties from CSV text; errors name the line as the file counts it."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader, [])]
        if "name" not in header:
            raise DataFileError(source, "expected a header with a 'name' column", field="line 1")
        # a misspelt column would drop its evidence without a word ("countries", the lists' "identifiers")
        if unknown := [column for column in header if column not in PARTY_COLUMNS]:
            raise DataFileError(
                source,
                f"unknown column {', '.join(repr(c) for c in unknown)} (the columns are {', '.join(PARTY_COLUMNS)})",
                field="line 1",
            )
        parties: list[Party] = []
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(header):
                raise DataFileError(
                    source, f"{len(fields)} fields but the header has {len(header)} columns", field=f"line {line}"
                )
            row = dict(zip(header, fields, strict=False))
            name = clean_text(row.get("name") or "")
            if not name:
                raise DataFileError(source, "empty name", field=f"line {line}, column name")
            if not any(ch.isalnum() for ch in name):  # as `mtcr screen` refuses it: "..." names nobody
                raise DataFileError(source, "a name with no letters or digits", field=f"line {line}, column name")
            if len(name) > MAX_NAME_LENGTH:
                raise DataFileError(
                    source,
                    f"a name of {len(name)} characters (at most {MAX_NAME_LENGTH})",
                    field=f"line {line}, column name",
                )
            try:
                country = country_code(row.get("country"))
            except InputError as exc:
                raise DataFileError(source, exc.problem, field=f"line {line}, column country") from exc
            try:
                kind = party_type(row.get("type"))
            except InputError as exc:
                raise DataFileError(source, exc.problem, field=f"line {line}, column type") from exc
            try:
                identifiers = tuple(party_identifier(i) for i in (row.get("id") or "").split(";") if i.strip())
            except InputError as exc:
                raise DataFileError(source, exc.problem, field=f"line {line}, column id") from exc
            try:
                dates = tuple(party_date(d) for d in (row.get("dates") or "").split(";") if d.strip())
            except InputError as exc:
                raise DataFileError(source, exc.problem, field=f"line {line}, column dates") from exc
            address = clean_text(row.get("address") or "") or None
            parties.append(Party(name, country, address, identifiers, dates, entity_type=kind))
    except csv.Error as exc:  # an unclosed quote runs to the end: the line where the reader stopped
        raise DataFileError(source, f"not a readable CSV: {exc}", field=f"line {reader.line_num}") from exc
    if not parties:
        raise DataFileError(source, "no parties in the file")
    return parties


def read_parties(path: Path) -> list[Party]:
    """Parties from a CSV file (UTF-8, with or without a byte-order mark)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), "not a UTF-8 text file") from exc
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return parse_parties(text, str(path))
