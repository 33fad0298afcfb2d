"""Read restricted-party lists into :class:`ListEntity` values.

Four formats (:class:`ListFormat`):

- ``CSL_CSV``: the US Consolidated Screening List CSV download (trade.gov): columns ``_id, source, entity_number,
  type, programs, name, ..., alt_names, ..., ids``; multi-valued cells are ``;``-separated, an address ends with its
  country code, an ``ids`` entry reads ``type, number, country[, issue date, expiry date]``.
- ``CSL_JSON``: the CSL JSON download or an API page (``{"results": [...]}``), or a bare list of such records, with
  ``alt_names`` a list, ``addresses`` a list of ``{address, city, state, postal_code, country}`` and ``ids`` a list of
  ``{type, number, country, ...}``.
- ``FTM``: OpenSanctions FollowTheMoney entities, one JSON object per line; only party schemas (Person, Company,
  Organization, LegalEntity, PublicBody, Vessel, Airplane) are read, the rest (Sanction, Address, ...) are skipped.
- ``CSV``: mtcr's simple CSV (``id, name`` required; ``aliases, native_names, country, address, authority,
  programme, listed_on, lifted_on, missile_specific, source, type, identifiers, dates, remarks`` optional); ``|``
  separates values, `` | `` separates addresses and sources, and ``authority | programme | listed_on | lifted_on``
  are parallel lists, one slot per designation.

Columns are found by header name, in any order; unknown columns are ignored, but a column only the other CSV layout
has (``aliases`` read as CSL CSV, ``alt_names`` read as the simple CSV) stops the import. Parsing is all-or-nothing:
:func:`parse_list` returns every entity of the file or raises :class:`DataFileError` naming the line (and column) of
the first problem, so a caller can replace a stored list in one transaction. A file without entities is an error.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path

from rigour.territories import get_territory, lookup_territory

from mtcr.errors import DataFileError
from mtcr.screening.model import EntityType, ListEntity, ListFormat

__all__ = ["bundled_list_path", "parse_list"]

BUNDLED_LIST = "mtcr-missile-sanctions.csv"


def parse_list(path: Path, list_format: ListFormat) -> list[ListEntity]:
    """Every entity of the list file at ``path``, in file order; raises DataFileError on the first bad record."""
    text = _read_text(path)
    entities = _PARSERS[list_format](text, str(path))
    if not entities:
        raise DataFileError(str(path), f"no listed parties in this {list_format.value} file")
    return entities


def bundled_list_path() -> Path:
    """The missile-sanctions list shipped with mtcr (simple CSV; see data/screening/README.md)."""
    return Path(str(files("mtcr") / "data" / "screening" / BUNDLED_LIST))


# --- shared helpers ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Where:
    """A record's place in its file (``line 4`` or ``results[3]``); builds errors that name it and the field."""

    path: str
    record: str
    separator: str  # between the record and a field name: ", column " (CSV), "." (JSON), ", " (FtM)

    def field(self, name: str) -> str:
        return f"{self.record}{self.separator}{name}"

    def error(self, problem: str, name: str | None = None) -> DataFileError:
        return DataFileError(self.path, problem, field=self.field(name) if name else self.record)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(str(path), f"cannot read the file ({error.strerror})") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = f"not UTF-8 text: byte {data[error.start]:#04x} at offset {error.start}"
        raise DataFileError(str(path), problem, field=f"line {line}") from error
    if not text.strip():
        raise DataFileError(str(path), "the file is empty")
    return text


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in value.split(separator) if part.strip()]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values, stripped, first occurrence kept."""
    return tuple(dict.fromkeys(value.strip() for value in values if value.strip()))


def _country(value: str, where: _Where, name: str, by_name: bool = False) -> str | None:
    """ISO 3166-1 alpha-2 (upper case) for a code (``ir``, ``IR``, ``IRN``) or, with ``by_name``, a country name.

    A subdivision (FtM ``ge-ab``) gives its country; a territory without an alpha-2 code (FtM ``suhh``) gives None,
    and so does a region or placeholder that is no country (FtM ``eu``, ``zz``: it would count as a different
    country against every party).
    """
    territory = get_territory(value.strip().lower())
    if territory is None and by_name:
        territory = lookup_territory(value.strip())
    if territory is None:
        raise where.error(f"unknown country {value!r}: expected an ISO 3166-1 alpha-2 code", name)
    if "-" in territory.code and territory.parent is not None:
        territory = territory.parent
    return territory.code.upper() if len(territory.code) == 2 and territory.alpha3 else None


def _countries(values: Iterable[str], where: _Where, name: str, by_name: bool = False) -> list[str]:
    codes = (_country(value, where, name, by_name) for value in values if value.strip())
    return [code for code in codes if code is not None]


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_TEXT_DATE_FORMATS = (("%d %b %Y", 10), ("%d %B %Y", 10), ("%b %Y", 7), ("%B %Y", 7))


def is_iso_date(text: str) -> bool:
    """Is ``text`` a date as ISO 8601 writes it (1961-04-12, 1961-04 or 1961), and one the calendar has?"""
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(f"{text}-01-01"[:10])
    except ValueError:
        return False
    return True


def _iso_dates(value: str) -> list[str]:
    """ISO 8601 forms of a date as lists write it: ``1957-05-04``, ``04 May 1957``, ``May 1957``, ``circa 1957``.

    Hand-written: the few OFAC/CSL forms need no date library. Text without a recognisable date gives ``[]``; a range
    (``1955 to 1958``) gives its years.
    """
    text = value.strip()
    if is_iso_date(text[:10]) and (len(text) <= 10 or text[10] == "T"):
        return [text[:10]]
    for pattern, width in _TEXT_DATE_FORMATS:
        try:
            return [datetime.strptime(text, pattern).date().isoformat()[:width]]
        except ValueError:
            continue
    return _YEAR.findall(text)


def _dates(values: Iterable[str]) -> list[str]:
    return [iso for value in values for iso in _iso_dates(value)]


def _unique_ids(path: str, items: Iterable[tuple[ListEntity, _Where, str]]) -> list[ListEntity]:
    """The entities in order; raises on an entity id seen before in the same file."""
    first_seen: dict[str, str] = {}
    entities: list[ListEntity] = []
    for entity, where, id_field in items:
        if entity.entity_id in first_seen:
            problem = f"duplicate entity id {entity.entity_id!r} (first at {first_seen[entity.entity_id]})"
            raise where.error(problem, id_field)
        first_seen[entity.entity_id] = where.record
        entities.append(entity)
    return entities


# --- CSV reading (CSL and simple) -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    """One CSV record: its cells by lower-case column name, and where it starts."""

    cells: Mapping[str, str]
    where: _Where

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def has(self, column: str) -> bool:
        return column in self.cells

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise self.where.error(f"empty {column}", column)
        return value


# Columns that only one of the two CSV layouts has: a file with them, read as the other layout, would import
# with those facts silently lost (the other layout ignores unknown columns).
_LAYOUT_COLUMNS: Mapping[ListFormat, tuple[str, frozenset[str]]] = {
    ListFormat.CSV: ("mtcr's simple CSV (--format csv)", frozenset({"aliases", "native_names"})),
    ListFormat.CSL_CSV: ("the Consolidated Screening List's CSV (--format csl-csv)", frozenset({"alt_names", "_id"})),
}


def _header(
    record: Sequence[str], path: str, required: Sequence[tuple[str, ...]], other_layout: ListFormat | None = None
) -> list[str]:
    """Lower-case column names; raises naming the first required column (or its alternatives) that is missing,
    or, given ``other_layout``, a column only that layout has."""
    columns = [cell.strip().lower() for cell in record]
    if other_layout is not None:
        described, telling = _LAYOUT_COLUMNS[other_layout]
        if found := sorted(telling.intersection(columns)):
            problem = f"columns {', '.join(found)} are those of {described}: give that format"
            raise DataFileError(path, problem, field="line 1")
    for alternatives in required:
        if not any(column in columns for column in alternatives):
            wanted = " or ".join(repr(column) for column in alternatives)
            raise DataFileError(path, f"header lacks required column {wanted}; it has {columns}", field="line 1")
    repeated = sorted({column for column in columns if column and columns.count(column) > 1})
    if repeated:
        raise DataFileError(path, f"header repeats column {repeated[0]!r}", field="line 1")
    return columns


def _csv_rows(
    text: str, path: str, required: Sequence[tuple[str, ...]], other_layout: ListFormat | None = None
) -> Iterator[_Row]:
    """Data rows with the line each starts on (header is line 1); blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        columns = _header(next(reader), path, required, other_layout)
        previous = reader.line_num
        for record in reader:
            line, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(columns):
                problem = f"{len(record)} fields but the header has {len(columns)} columns"
                raise DataFileError(path, problem, field=f"line {line}")
            yield _Row(dict(zip(columns, record, strict=False)), _Where(path, f"line {line}", ", column "))
    except csv.Error as error:
        raise DataFileError(path, f"malformed CSV ({error})", field=f"line {reader.line_num}") from error


# --- US Consolidated Screening List -----------------------------------------------------------------------------

_CSL_TYPES: Mapping[str, EntityType] = {
    "individual": EntityType.PERSON,
    "entity": EntityType.ORGANIZATION,
    "vessel": EntityType.OTHER,
    "aircraft": EntityType.OTHER,
}
# CSL "ids" (from OFAC) also carry facts that are not identifiers; these type prefixes are dropped.
_CSL_NOT_IDS = (
    "website",
    "email address",
    "gender",
    "additional sanctions information",
    "secondary sanctions risk",
    "transactions prohibited",
    "organization type",
    "target type",
)
_CSL_DATE_IDS = ("organization established date",)


@dataclass(frozen=True, slots=True)
class _CslId:
    kind: str
    number: str
    country: str


def _csl_type(value: str) -> EntityType:
    """Individual, Entity, Vessel, Aircraft; blank or unknown (Denied Persons rows have none) is OTHER."""
    return _CSL_TYPES.get(value.strip().lower(), EntityType.OTHER)


def _csl_id_facts(ids: Sequence[_CslId], where: _Where, name: str) -> tuple[list[str], list[str], list[str]]:
    """Identifiers, dates and countries found in CSL ``ids``."""
    identifiers: list[str] = []
    dates: list[str] = []
    for entry in ids:
        kind = entry.kind.lower()
        if kind.startswith(_CSL_DATE_IDS):
            dates.extend(_iso_dates(entry.number))
        elif not kind.startswith(_CSL_NOT_IDS):
            identifiers.append(entry.number)
    countries = _countries((entry.country for entry in ids), where, name, by_name=True)
    return identifiers, dates, countries


def _csl_entity(
    record: Mapping[str, str],
    multi: Mapping[str, Sequence[str]],
    ids: Sequence[_CslId],
    countries: Sequence[str],
    where: _Where,
) -> ListEntity:
    """A CSL record from its single-valued fields, its lists, its ids and the countries already read."""
    identifiers, founded, id_countries = _csl_id_facts(ids, where, "ids")
    return ListEntity(
        entity_id=record["id"],
        entity_type=_csl_type(record["type"]),
        names=_unique([record["name"], *multi["alt_names"]]),
        countries=_unique([*countries, *id_countries]),
        addresses=_unique(multi["addresses"]),
        identifiers=_unique([*identifiers, record["call_sign"]]),
        dates=_unique([*_dates(multi["dates_of_birth"]), *founded]),
        programs=_unique([*multi["programs"], record["source"]]),
        sources=_unique([record["source_list_url"], record["source_information_url"], *multi["notices"]]),
        remarks=record["remarks"],
    )


_CSL_SINGLE = ("type", "source", "call_sign", "source_list_url", "source_information_url", "remarks")


def _csl_address_country(address: str) -> str | None:
    """The country code that ends a CSL CSV address (``No. 34 Mansour Street, Tehran, IR``), if it ends with one."""
    last = address.rsplit(",", 1)[-1].strip()
    if len(last) != 2 or not last.isalpha():
        return None
    territory = get_territory(last.lower())
    return last.upper() if territory is not None else None


def _csl_csv_ids(value: str) -> list[_CslId]:
    entries = [[part.strip() for part in entry.split(",")] for entry in _split(value, ";")]
    return [
        _CslId(parts[0], parts[1], parts[2] if len(parts) > 2 else "") if len(parts) > 1 else _CslId("", parts[0], "")
        for parts in entries
    ]


def _csl_csv_entity(row: _Row) -> ListEntity:
    record = {column: row.get(column) for column in _CSL_SINGLE}
    record["id"] = row.get("_id") or row.get("id")
    if not record["id"]:
        raise row.where.error("empty entity id", "_id" if row.has("_id") else "id")
    record["name"] = row.required("name")
    lists = ("alt_names", "addresses", "programs", "dates_of_birth")
    multi = {column: _split(row.get(column), ";") for column in lists}
    multi["notices"] = _split(row.get("federal_register_notice"), ";")
    countries = [
        *_countries(_split(row.get("nationalities"), ";"), row.where, "nationalities", by_name=True),
        *_countries(_split(row.get("citizenships"), ";"), row.where, "citizenships", by_name=True),
        *(code for code in map(_csl_address_country, multi["addresses"]) if code),
    ]
    return _csl_entity(record, multi, _csl_csv_ids(row.get("ids")), countries, row.where)


def _parse_csl_csv(text: str, path: str) -> list[ListEntity]:
    rows = _csv_rows(text, path, required=(("_id", "id"), ("name",)), other_layout=ListFormat.CSV)
    return _unique_ids(path, ((_csl_csv_entity(row), row.where, "_id" if row.has("_id") else "id") for row in rows))


def _json_text(record: Mapping[str, object], key: str, where: _Where) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise where.error(f"expected text, found {type(value).__name__}", key)


def _json_texts(record: Mapping[str, object], key: str, where: _Where, separator: str | None = ";") -> list[str]:
    """A list of strings; a single string is split on ``separator`` (CSL writes ``;``) or, with None, kept whole."""
    value = record.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return _split(value, separator) if separator else [value.strip()] if value.strip() else []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    raise where.error("expected a list of text", key)


def _json_objects(record: Mapping[str, object], key: str, where: _Where) -> list[tuple[Mapping[str, object], _Where]]:
    """A list of objects, each with the place it sits at (``results[3].addresses[0]``)."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.error("expected a list of objects", key)
    items: list[tuple[Mapping[str, object], _Where]] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise where.error("expected an object", f"{key}[{index}]")
        items.append((item, _Where(where.path, where.field(f"{key}[{index}]"), ".")))
    return items


def _csl_json_address(item: Mapping[str, object], where: _Where) -> tuple[str, str | None]:
    parts = [_json_text(item, key, where) for key in ("address", "city", "state", "postal_code", "country")]
    country = _country(parts[-1], where, "country", by_name=True) if parts[-1] else None
    return ", ".join(part for part in parts if part), country


def _csl_json_id(item: Mapping[str, object], where: _Where) -> _CslId:
    return _CslId(*(_json_text(item, key, where) for key in ("type", "number", "country")))


def _csl_json_entity(record: Mapping[str, object], where: _Where) -> ListEntity:
    fields = {key: _json_text(record, key, where) for key in (*_CSL_SINGLE, "name", "country")}
    fields["id"] = _json_text(record, "id", where) or _json_text(record, "_id", where)
    if not fields["id"]:
        raise where.error("missing or empty entity id", "id")
    if not fields["name"]:
        raise where.error("missing or empty name", "name")
    multi = {key: _json_texts(record, key, where) for key in ("alt_names", "programs", "dates_of_birth")}
    multi["notices"] = _json_texts(record, "federal_register_notice", where)
    addresses = [_csl_json_address(item, item_where) for item, item_where in _json_objects(record, "addresses", where)]
    multi["addresses"] = [address for address, _ in addresses]
    countries = [
        *_countries([fields["country"]], where, "country", by_name=True),
        *_countries(_json_texts(record, "nationalities", where), where, "nationalities", by_name=True),
        *_countries(_json_texts(record, "citizenships", where), where, "citizenships", by_name=True),
        *(country for _, country in addresses if country),
    ]
    ids = [_csl_json_id(item, item_where) for item, item_where in _json_objects(record, "ids", where)]
    return _csl_entity(fields, multi, ids, countries, where)


def _csl_json_records(text: str, path: str) -> tuple[list[object], str]:
    """The records and the name of the list that holds them (``results`` or the bare top-level list)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        problem = f"invalid JSON ({error.msg})"
        raise DataFileError(path, problem, field=f"line {error.lineno}, column {error.colno}") from error
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        return document["results"], "results"
    if isinstance(document, list):
        return document, ""
    raise DataFileError(path, 'expected {"results": [...]} or a list of records', field="results")


def _parse_csl_json(text: str, path: str) -> list[ListEntity]:
    records, holder = _csl_json_records(text, path)

    def entities() -> Iterator[tuple[ListEntity, _Where, str]]:
        for index, record in enumerate(records):
            where = _Where(path, f"{holder}[{index}]", ".")
            if not isinstance(record, dict):
                raise where.error(f"expected a record object, found {type(record).__name__}")
            yield _csl_json_entity(record, where), where, "id"

    return _unique_ids(path, entities())


# --- OpenSanctions FollowTheMoney -------------------------------------------------------------------------------

_FTM_TYPES: Mapping[str, EntityType] = {
    "Person": EntityType.PERSON,
    "Company": EntityType.ORGANIZATION,
    "Organization": EntityType.ORGANIZATION,
    "LegalEntity": EntityType.ORGANIZATION,
    "PublicBody": EntityType.ORGANIZATION,
    "Vessel": EntityType.OTHER,
    "Airplane": EntityType.OTHER,
}
_FTM_NAMES = ("name", "alias", "previousName", "weakAlias")
_FTM_COUNTRIES = ("country", "jurisdiction", "nationality", "citizenship")
_FTM_IDS = (
    "registrationNumber",
    "idNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "okpoCode",
    "leiCode",
    "swiftBic",
    "vatCode",
    "imoNumber",
    "passportNumber",
)
_FTM_DATES = ("birthDate", "incorporationDate")


def _ftm_values(properties: Mapping[str, object], names: Sequence[str], where: _Where) -> list[str]:
    values: list[str] = []
    for name in names:
        values.extend(_json_texts(properties, name, where, separator=None))
    return values


def _ftm_entity(record: Mapping[str, object], entity_type: EntityType, where: _Where) -> ListEntity:
    entity_id = _json_text(record, "id", where)
    if not entity_id:
        raise where.error("missing or empty entity id", "id")
    properties = record.get("properties", {})
    if not isinstance(properties, dict):
        raise where.error("expected an object", "properties")
    props = _Where(where.path, where.field("properties"), ".")
    names = _ftm_values(properties, ("name",), props)
    if not names:
        raise props.error("missing or empty name", "name")
    return ListEntity(
        entity_id=entity_id,
        entity_type=entity_type,
        names=_unique([*names, *_ftm_values(properties, _FTM_NAMES[1:], props)]),
        countries=_unique(
            code for name in _FTM_COUNTRIES for code in _countries(_ftm_values(properties, (name,), props), props, name)
        ),
        addresses=_unique(_ftm_values(properties, ("address",), props)),
        identifiers=_unique(_ftm_values(properties, _FTM_IDS, props)),
        dates=_unique(_dates(_ftm_values(properties, _FTM_DATES, props))),
        programs=_unique(_ftm_values(properties, ("program",), props)),
        sources=_unique(_ftm_values(properties, ("sourceUrl",), props)),
        remarks=" ".join(_ftm_values(properties, ("notes",), props)),
    )


def _ftm_record(line: str, where: _Where) -> tuple[Mapping[str, object], EntityType | None]:
    """The JSON object on one line and its entity type (None for a schema that is not a listed party)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise where.error(f"invalid JSON ({error.msg}, column {error.colno})") from error
    if not isinstance(record, dict):
        raise where.error(f"expected a JSON object, found {type(record).__name__}")
    schema = _json_text(record, "schema", where)
    if not schema:
        raise where.error("missing or empty schema", "schema")
    return record, _FTM_TYPES.get(schema)


def _parse_ftm(text: str, path: str) -> list[ListEntity]:
    def entities() -> Iterator[tuple[ListEntity, _Where, str]]:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = _Where(path, f"line {number}", ", ")
            record, entity_type = _ftm_record(line, where)
            if entity_type is not None:
                yield _ftm_entity(record, entity_type, where), where, "id"

    return _unique_ids(path, entities())


# --- mtcr simple CSV --------------------------------------------------------------------------------------------

_DESIGNATION_COLUMNS = ("authority", "programme", "listed_on", "lifted_on")
_MISSILE_SPECIFIC = {"yes": "missile-specific designation: yes", "no": "missile-specific designation: no", "": ""}


def _iso_cell(value: str, row: _Row, column: str) -> str:
    if value and not is_iso_date(value):
        raise row.where.error(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", column)
    return value


def _designation(authority: str, programme: str, listed: str, lifted: str) -> str:
    """One slot of the parallel designation columns as one line: ``authority: programme (listed D, lifted D)``."""
    head = ": ".join(part for part in (authority.strip(), programme.strip()) if part)
    when = ", ".join(f"{verb} {day}" for verb, day in (("listed", listed), ("lifted", lifted)) if day)
    return f"{head} ({when})" if head and when else head or when


def _designations(row: _Row) -> list[str]:
    """The designation slots; every non-empty designation column must have as many ``|`` slots as the first."""
    slots = {column: row.get(column).split("|") for column in _DESIGNATION_COLUMNS if row.get(column)}
    if not slots:
        return []
    first, count = next((column, len(values)) for column, values in slots.items())
    for column, values in slots.items():
        if len(values) != count:
            raise row.where.error(f"{len(values)} '|'-separated slots, but {first} has {count}", column)
    authorities, programmes, listed, lifted = (slots.get(column, [""] * count) for column in _DESIGNATION_COLUMNS)
    listed = [_iso_cell(day.strip(), row, "listed_on") for day in listed]
    lifted = [_iso_cell(day.strip(), row, "lifted_on") for day in lifted]
    return [_designation(*slot) for slot in zip(authorities, programmes, listed, lifted, strict=True)]


def _simple_type(row: _Row) -> EntityType:
    value = row.get("type").lower()
    if not value:
        return EntityType.OTHER
    try:
        return EntityType(value)
    except ValueError:
        expected = ", ".join(kind.value for kind in EntityType)
        raise row.where.error(f"unknown type {value!r}: expected one of {expected}", "type") from None


def _simple_remarks(row: _Row) -> str:
    flag = row.get("missile_specific").lower()
    if flag not in _MISSILE_SPECIFIC:
        raise row.where.error(f"{flag!r} is not yes or no", "missile_specific")
    return "; ".join(part for part in (_MISSILE_SPECIFIC[flag], row.get("remarks")) if part)


def _simple_entity(row: _Row) -> ListEntity:
    return ListEntity(
        entity_id=row.required("id"),
        entity_type=_simple_type(row),
        names=_unique([row.required("name"), *_split(row.get("aliases"), "|"), *_split(row.get("native_names"), "|")]),
        countries=_unique(_countries(_split(row.get("country"), "|"), row.where, "country")),
        addresses=_unique(_split(row.get("address"), " | ")),
        identifiers=_unique(_split(row.get("identifiers"), "|")),
        dates=_unique(_iso_cell(day, row, "dates") for day in _split(row.get("dates"), "|")),
        programs=_unique(_designations(row)),
        sources=_unique(_split(row.get("source"), " | ")),
        remarks=_simple_remarks(row),
    )


def _parse_simple_csv(text: str, path: str) -> list[ListEntity]:
    rows = _csv_rows(text, path, required=(("id",), ("name",)), other_layout=ListFormat.CSL_CSV)
    return _unique_ids(path, ((_simple_entity(row), row.where, "id") for row in rows))


_PARSERS: Mapping[ListFormat, Callable[[str, str], list[ListEntity]]] = {
    ListFormat.CSL_CSV: _parse_csl_csv,
    ListFormat.CSL_JSON: _parse_csl_json,
    ListFormat.FTM: _parse_ftm,
    ListFormat.CSV: _parse_simple_csv,
}
