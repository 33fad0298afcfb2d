"""Screening on record: list snapshots, screenings with their hits and reasons, analyst dispositions.

Every import is a snapshot (content hash, source, time); importing the same content again returns the
existing snapshot. A screening records the query, the snapshot it ran against, the matcher version,
the threshold and every hit with its feature reasons; dispositions are appended, never overwritten.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from mtcr.db.base import Base, utc_now
from mtcr.errors import DataFileError, InputError, NotFoundError
from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.matcher import MATCHER_VERSION
from mtcr.screening.model import EntityType, Feature, FeatureScore, ListEntity, ListFormat, Match, Party

BUNDLED_LIST_NAME = "mtcr-missile-sanctions"


class Disposition(StrEnum):
    TRUE_MATCH = "true match"
    FALSE_POSITIVE = "false positive"


class ListSnapshotRow(Base):
    __tablename__ = "list_snapshots"
    __table_args__ = (UniqueConstraint("list_name", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(String(100), index=True)
    source: Mapped[str] = mapped_column(String(1000))
    list_format: Mapped[str] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    entity_count: Mapped[int] = mapped_column(Integer)
    # when this content was last imported: re-importing an earlier list makes it current again (0006)
    current_since: Mapped[datetime | None] = mapped_column(nullable=True)


class ListEntityRow(Base):
    __tablename__ = "list_entities"
    __table_args__ = (UniqueConstraint("snapshot_id", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id", ondelete="RESTRICT"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    entity_type: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ScreeningRow(Base):
    __tablename__ = "screenings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    screened_by: Mapped[str] = mapped_column(String(200))
    query: Mapped[dict[str, Any]] = mapped_column(JSON)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id", ondelete="RESTRICT"), index=True)
    matcher_version: Mapped[str] = mapped_column(String(20))
    threshold: Mapped[float] = mapped_column(Float)
    rescreen_of: Mapped[int | None] = mapped_column(ForeignKey("screenings.id", ondelete="RESTRICT"), nullable=True)
    hits: Mapped[list[HitRow]] = relationship(back_populates="screening", order_by="HitRow.id")


class HitRow(Base):
    __tablename__ = "screening_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screenings.id", ondelete="RESTRICT"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    entity_name: Mapped[str] = mapped_column(String(1000))
    matched_name: Mapped[str] = mapped_column(String(1000))
    score: Mapped[float] = mapped_column(Float)
    features: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    screening: Mapped[ScreeningRow] = relationship(back_populates="hits")
    dispositions: Mapped[list[DispositionRow]] = relationship(order_by="DispositionRow.id")


class DispositionRow(Base):
    __tablename__ = "hit_dispositions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hit_id: Mapped[int] = mapped_column(ForeignKey("screening_hits.id", ondelete="RESTRICT"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    decided_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)


# --- values returned to callers ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    id: int
    list_name: str
    source: str
    list_format: ListFormat
    content_hash: str
    imported_at: datetime
    entity_count: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    snapshot: Snapshot
    created: bool  # False: the same content was already imported (nothing written)
    replaced: int | None = None  # the snapshot that was current, when earlier content became current again


@dataclass(frozen=True, slots=True)
class DispositionEntry:
    decision: Disposition
    decided_by: str
    reason: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class HitRecord:
    id: int
    match: Match
    disposition: Disposition | None  # the latest decision, which stands
    disposed_by: str | None
    disposition_reason: str | None
    history: tuple[DispositionEntry, ...] = ()  # every decision, oldest first (the last is the one above)


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    id: int
    created_at: datetime
    screened_by: str
    party: Party
    snapshot: Snapshot
    matcher_version: str
    threshold: float
    hits: tuple[HitRecord, ...]
    rescreen_of: int | None


def _snapshot(row: ListSnapshotRow) -> Snapshot:
    return Snapshot(
        row.id,
        row.list_name,
        row.source,
        ListFormat(row.list_format),
        row.content_hash,
        row.imported_at,
        row.entity_count,
    )


def _entity_data(entity: ListEntity) -> dict[str, Any]:
    return {
        "names": list(entity.names),
        "countries": list(entity.countries),
        "addresses": list(entity.addresses),
        "identifiers": list(entity.identifiers),
        "dates": list(entity.dates),
        "programs": list(entity.programs),
        "sources": list(entity.sources),
        "remarks": entity.remarks,
    }


def _entity(row: ListEntityRow) -> ListEntity:
    d = row.data
    return ListEntity(
        entity_id=row.entity_id,
        entity_type=EntityType(row.entity_type),
        names=tuple(d["names"]),
        countries=tuple(d["countries"]),
        addresses=tuple(d["addresses"]),
        identifiers=tuple(d["identifiers"]),
        dates=tuple(d["dates"]),
        programs=tuple(d["programs"]),
        sources=tuple(d["sources"]),
        remarks=d["remarks"],
    )


# --- lists -----------------------------------------------------------------------------------------------


def import_list(session: Session, path: Path, list_format: ListFormat, list_name: str) -> ImportResult:
    """Import ``path`` as a snapshot of ``list_name``: parsed in full first, then written in the caller's
    transaction, so a bad row leaves nothing behind. Re-importing the same content is a no-op."""
    if not list_name.strip():
        raise InputError("--name", "the list needs a name")
    try:
        content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found") from exc
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    existing = session.scalar(
        select(ListSnapshotRow).where(
            ListSnapshotRow.list_name == list_name, ListSnapshotRow.content_hash == content_hash
        )
    )
    if existing is not None:
        latest = latest_snapshot(session, list_name)
        replaced = None
        if latest is not None and latest.id != existing.id:
            existing.current_since = utc_now()  # this content is the list's current version again
            session.flush()
            replaced = latest.id
        return ImportResult(_snapshot(existing), created=False, replaced=replaced)
    entities = parse_list(path, list_format)
    snapshot = ListSnapshotRow(
        list_name=list_name,
        source=str(path),
        list_format=list_format.value,
        content_hash=content_hash,
        entity_count=len(entities),
        current_since=utc_now(),
    )
    try:
        with session.begin_nested():  # a concurrent import of the same content: theirs stands
            session.add(snapshot)
            session.flush()
    except IntegrityError:
        again = session.scalar(
            select(ListSnapshotRow).where(
                ListSnapshotRow.list_name == list_name, ListSnapshotRow.content_hash == content_hash
            )
        )
        assert again is not None  # the unique constraint that failed names this row
        return ImportResult(_snapshot(again), created=False)
    session.add_all(
        ListEntityRow(
            snapshot_id=snapshot.id, entity_id=e.entity_id, entity_type=e.entity_type.value, data=_entity_data(e)
        )
        for e in entities
    )
    session.flush()
    return ImportResult(_snapshot(snapshot), created=True)


def ensure_bundled_list(session: Session) -> Snapshot:
    """The bundled missile-sanctions list as this version of mtcr ships it: imported on first use, and again
    (as a new snapshot) when an upgrade of mtcr brings a changed list."""
    import_list(session, bundled_list_path(), ListFormat.CSV, BUNDLED_LIST_NAME)
    latest = latest_snapshot(session, BUNDLED_LIST_NAME)
    assert latest is not None
    return latest


def snapshots(session: Session) -> list[Snapshot]:
    rows = session.scalars(select(ListSnapshotRow).order_by(ListSnapshotRow.list_name, ListSnapshotRow.id))
    return [_snapshot(row) for row in rows]


def latest_snapshot(session: Session, list_name: str, *, required: bool = True) -> Snapshot | None:
    row = session.scalar(
        select(ListSnapshotRow)
        .where(ListSnapshotRow.list_name == list_name)
        .order_by(
            func.coalesce(ListSnapshotRow.current_since, ListSnapshotRow.imported_at).desc(), ListSnapshotRow.id.desc()
        )
    )
    if row is None:
        if required:
            raise NotFoundError("list", list_name, "mtcr lists show lists the imported lists")
        return None
    return _snapshot(row)


def snapshot_entities(session: Session, snapshot_id: int) -> list[ListEntity]:
    rows = session.scalars(
        select(ListEntityRow).where(ListEntityRow.snapshot_id == snapshot_id).order_by(ListEntityRow.id)
    )
    return [_entity(row) for row in rows]


# --- screenings ------------------------------------------------------------------------------------------


def _party_data(party: Party) -> dict[str, Any]:
    return {
        "name": party.name,
        "country": party.country,
        "address": party.address,
        "identifiers": list(party.identifiers),
        "dates": list(party.dates),
        "entity_type": party.entity_type.value if party.entity_type else None,
    }


def _party(data: dict[str, Any]) -> Party:
    kind = data.get("entity_type")
    return Party(
        name=data["name"],
        country=data.get("country"),
        address=data.get("address"),
        identifiers=tuple(data.get("identifiers", ())),
        dates=tuple(data.get("dates", ())),
        entity_type=EntityType(kind) if kind else None,
    )


def record_screening(
    session: Session,
    party: Party,
    snapshot: Snapshot,
    matches: list[Match],
    threshold: float,
    screened_by: str,
    rescreen_of: int | None = None,
) -> int:
    """Store one screening and its hits; returns its id."""
    row = ScreeningRow(
        screened_by=screened_by,
        query=_party_data(party),
        snapshot_id=snapshot.id,
        matcher_version=MATCHER_VERSION,
        threshold=threshold,
        rescreen_of=rescreen_of,
    )
    session.add(row)
    session.flush()
    session.add_all(
        HitRow(
            screening_id=row.id,
            entity_id=m.entity_id,
            entity_name=m.entity_name,
            matched_name=m.matched_name,
            score=m.score,
            features=[{"feature": f.feature.value, "score": f.score, "reason": f.reason} for f in m.features],
        )
        for m in matches
    )
    session.flush()
    return row.id


def hit_ids(session: Session, screening_ids: list[int]) -> dict[int, list[int]]:
    """The ids of each screening's hits, in the order they were stored (best first), in one query per
    thousand screenings: what ``screenings dispose`` takes."""
    found: dict[int, list[int]] = {screening_id: [] for screening_id in screening_ids}
    for start in range(0, len(screening_ids), 1000):
        rows = session.execute(
            select(HitRow.screening_id, HitRow.id)
            .where(HitRow.screening_id.in_(screening_ids[start : start + 1000]))
            .order_by(HitRow.id)
        )
        for screening_id, hit_id in rows:
            found[screening_id].append(hit_id)
    return found


def _hit(row: HitRow, version: str) -> HitRecord:
    features = tuple(FeatureScore(Feature(f["feature"]), f["score"], f["reason"]) for f in row.features)
    last = row.dispositions[-1] if row.dispositions else None
    return HitRecord(
        id=row.id,
        match=Match(row.entity_id, row.entity_name, row.matched_name, row.score, features, version),
        disposition=Disposition(last.decision) if last else None,
        disposed_by=last.decided_by if last else None,
        disposition_reason=last.reason if last else None,
        history=tuple(
            DispositionEntry(Disposition(d.decision), d.decided_by, d.reason, d.decided_at) for d in row.dispositions
        ),
    )


def get_screening(session: Session, screening_id: int) -> ScreeningRecord:
    row = session.get(ScreeningRow, screening_id)
    if row is None:
        raise NotFoundError("screening", str(screening_id))
    snapshot = session.get(ListSnapshotRow, row.snapshot_id)
    assert snapshot is not None  # foreign key
    return ScreeningRecord(
        id=row.id,
        created_at=row.created_at,
        screened_by=row.screened_by,
        party=_party(row.query),
        snapshot=_snapshot(snapshot),
        matcher_version=row.matcher_version,
        threshold=row.threshold,
        hits=tuple(_hit(hit, row.matcher_version) for hit in row.hits),
        rescreen_of=row.rescreen_of,
    )


def dispose(session: Session, hit_id: int, decision: Disposition, decided_by: str, reason: str) -> HitRecord:
    """Record an analyst's disposition of a hit (appended; the latest one stands)."""
    if not decided_by.strip():
        raise InputError("--by", "say who decides")
    if not reason.strip():
        raise InputError("--reason", "a disposition needs its reason")
    hit = session.get(HitRow, hit_id)
    if hit is None:
        raise NotFoundError("hit", str(hit_id))
    session.add(DispositionRow(hit_id=hit_id, decision=decision.value, decided_by=decided_by, reason=reason))
    session.flush()
    session.refresh(hit)
    screening = session.get(ScreeningRow, hit.screening_id)
    assert screening is not None
    return _hit(hit, screening.matcher_version)


def stale_screenings(session: Session) -> list[tuple[int, Snapshot]]:
    """Screenings (not themselves superseded) run against a snapshot older than their list's newest."""
    result: list[tuple[int, Snapshot]] = []
    redone = set(session.scalars(select(ScreeningRow.rescreen_of).where(ScreeningRow.rescreen_of.is_not(None))))
    for row in session.scalars(select(ScreeningRow).order_by(ScreeningRow.id)):
        if row.id in redone:
            continue
        snapshot = session.get(ListSnapshotRow, row.snapshot_id)
        assert snapshot is not None
        latest = latest_snapshot(session, snapshot.list_name)
        assert latest is not None
        if latest.id != snapshot.id:
            result.append((row.id, latest))
    return result
