"""Notes and attachments on a case, each with its own marking: a reader sees only what their clearance,
organisation and the caption allow, on top of being allowed to read the case."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr.casework import audit, service
from mtcr.casework.access import Principal, can_read, require_case_write
from mtcr.casework.markings import Marking
from mtcr.casework.models import AttachmentRow, CaseRow, NoteRow
from mtcr.errors import InputError, NotFoundError

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class NoteRecord:
    id: int
    case_id: int
    author: str
    text: str
    marking: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AttachmentRecord:
    id: int
    case_id: int
    filename: str
    content_type: str
    size: int
    sha256: str
    marking: str
    uploaded_by: str
    created_at: datetime


def _writable_marking(marking: str, principal: Principal, owner_org: str) -> str:
    """A marking the writer could read themselves: nobody writes above their clearance."""
    parsed = Marking.parse(marking)
    if not can_read(principal, parsed, owner_org):
        raise InputError("marking", f"{parsed.banner} is above what you may read: mark it so that you can")
    return parsed.banner


def add_note(session: Session, case_id: int, principal: Principal, author: str, text: str, marking: str) -> NoteRecord:
    case = service.read_case(session, case_id, principal)
    require_case_write(principal, case.owner_org)
    if not text.strip():
        raise InputError("text", "a note needs its text")
    row = NoteRow(
        case_id=case_id, author=author, text=text.strip(), marking=_writable_marking(marking, principal, case.owner_org)
    )
    session.add(row)
    session.flush()
    audit.append(session, author, "note added", "case", case.reference, None, {"note": row.id, "marking": row.marking})
    return NoteRecord(row.id, case_id, author, row.text, row.marking, row.created_at)


def list_notes(session: Session, case_id: int, principal: Principal) -> list[NoteRecord]:
    case = service.read_case(session, case_id, principal)
    rows = session.scalars(select(NoteRow).where(NoteRow.case_id == case_id).order_by(NoteRow.id))
    return [
        NoteRecord(r.id, case_id, r.author, r.text, r.marking, r.created_at)
        for r in rows
        if can_read(principal, Marking.parse(r.marking), case.owner_org)
    ]


def add_attachment(
    session: Session,
    case_id: int,
    principal: Principal,
    uploaded_by: str,
    *,
    filename: str,
    content_type: str,
    content: bytes,
    marking: str,
) -> AttachmentRecord:
    case = service.read_case(session, case_id, principal)
    require_case_write(principal, case.owner_org)
    name = filename.strip().replace("/", "_").replace("\\", "_")
    if not name:
        raise InputError("filename", "give the file's name")
    if not content:
        raise InputError("content", "the file is empty")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise InputError("content", f"{len(content):,} bytes; attachments are limited to {MAX_ATTACHMENT_BYTES:,}")
    row = AttachmentRow(
        case_id=case_id,
        filename=name,
        content_type=content_type.strip() or "application/octet-stream",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        marking=_writable_marking(marking, principal, case.owner_org),
        uploaded_by=uploaded_by,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        uploaded_by,
        "attachment added",
        "case",
        case.reference,
        None,
        {"attachment": row.id, "sha256": row.sha256, "marking": row.marking},
    )
    return _attachment(row)


def _attachment(row: AttachmentRow) -> AttachmentRecord:
    return AttachmentRecord(
        row.id,
        row.case_id,
        row.filename,
        row.content_type,
        row.size,
        row.sha256,
        row.marking,
        row.uploaded_by,
        row.created_at,
    )


def list_attachments(session: Session, case_id: int, principal: Principal) -> list[AttachmentRecord]:
    case = service.read_case(session, case_id, principal)
    rows = session.scalars(select(AttachmentRow).where(AttachmentRow.case_id == case_id).order_by(AttachmentRow.id))
    return [_attachment(r) for r in rows if can_read(principal, Marking.parse(r.marking), case.owner_org)]


def read_attachment(session: Session, attachment_id: int, principal: Principal) -> tuple[AttachmentRecord, bytes]:
    """An attachment and its bytes; one the reader may not see does not exist for them."""
    row = session.get(AttachmentRow, attachment_id)
    case = session.get(CaseRow, row.case_id) if row is not None else None
    if row is None or case is None:
        raise NotFoundError("attachment", str(attachment_id))
    try:
        service.read_case(session, case.id, principal)
    except NotFoundError:
        raise NotFoundError("attachment", str(attachment_id)) from None
    if not can_read(principal, Marking.parse(row.marking), case.owner_org):
        raise NotFoundError("attachment", str(attachment_id))
    return _attachment(row), row.content
