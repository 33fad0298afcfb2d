"""The audit log: append-only and hash-chained, so that any change to a stored row can be detected.

Each entry's hash covers its sequence number, time, actor, action, the record it concerns, the state
before and after, and the previous entry's hash. Changing, deleting or inserting a row breaks the
chain from that row on; cutting rows off the end is detected against a head (sequence, hash) that
was recorded elsewhere (``mtcr audit verify --head SEQ:HASH``). The database refuses UPDATE and
DELETE on the table (triggers, migration 0002); verification does not rely on that.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from mtcr.db.base import Base, utc_now
from mtcr.errors import InputError, MtcrError

GENESIS = "0" * 64


class AuditEntryRow(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    entity_type: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    hash: str


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    problem: str = ""  # the first problem found, naming the entry
    first_bad_seq: int | None = None


class AuditConflictError(MtcrError):
    """Another writer appended at the same time; the caller's transaction should be retried."""


def entry_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    prev_hash: str,
) -> str:
    """SHA-256 over a canonical JSON of the entry (sorted keys, UTC time to the microsecond)."""
    payload = {
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction (so the change and its record commit together)."""
    if not actor.strip():
        raise InputError("actor", "every audit entry names who acted")
    last = session.scalar(select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).limit(1))
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS if last is None else last.hash
    at = utc_now()
    digest = entry_hash(seq, at, actor, action, entity_type, entity_id, before, after, prev_hash)
    row = AuditEntryRow(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=before,
        after=after,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # same seq or prev_hash: a concurrent append won
        raise AuditConflictError("the audit log moved on while this change was made; retry") from exc
    return AuditEntry(seq, at, actor, action, entity_type, entity_id, before, after, digest)


def verify(session: Session, expected_head: tuple[int, str] | None = None) -> Verification:
    """Recompute the chain from the first entry; report the first entry that does not fit."""
    previous, count, last_seq = GENESIS, 0, 0
    for row in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.seq)):
        count += 1
        if row.seq != last_seq + 1:
            return _bad(count - 1, last_seq, previous, row.seq, f"entry {last_seq + 1} is missing")
        if row.prev_hash != previous:
            return _bad(count - 1, last_seq, previous, row.seq, f"entry {row.seq} does not follow entry {last_seq}")
        recomputed = entry_hash(
            row.seq,
            row.at,
            row.actor,
            row.action,
            row.entity_type,
            row.entity_id,
            row.before,
            row.after,
            row.prev_hash,
        )
        if recomputed != row.hash:
            return _bad(count - 1, last_seq, previous, row.seq, f"entry {row.seq} was changed after it was written")
        previous, last_seq = row.hash, row.seq
    if expected_head is not None:
        seq, digest = expected_head
        if last_seq < seq:
            return _bad(count, last_seq, previous, last_seq + 1, f"entries {last_seq + 1} to {seq} are missing")
        recorded = session.get(AuditEntryRow, seq)
        if recorded is None or recorded.hash != digest:
            return _bad(count, last_seq, previous, seq, f"entry {seq} does not match the recorded head")
    return Verification(True, count, last_seq, previous)


def _bad(entries: int, head_seq: int, head_hash: str, seq: int, problem: str) -> Verification:
    return Verification(False, entries, head_seq, head_hash, problem, seq)


def history(session: Session, entity_type: str, entity_id: str) -> list[AuditEntry]:
    rows = session.scalars(
        select(AuditEntryRow)
        .where(AuditEntryRow.entity_type == entity_type, AuditEntryRow.entity_id == entity_id)
        .order_by(AuditEntryRow.seq)
    )
    return [
        AuditEntry(r.seq, r.at, r.actor, r.action, r.entity_type, r.entity_id, r.before, r.after, r.hash) for r in rows
    ]
