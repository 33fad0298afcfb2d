"""Notes, attachments and referrals of a case: each note and attachment carries its own marking."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import Field

from mtcr.api.bodies import MAX_ID, BannerText, Body, LongText, Text40, Text200
from mtcr.api.deps import PrincipalDep, SessionDep, UserDep, allow, record, records
from mtcr.casework import notes, service
from mtcr.casework.access import Action, Principal
from mtcr.errors import InputError

router = APIRouter(tags=["notes and attachments"])
CaseId = Annotated[int, Path(ge=1, le=MAX_ID)]
Json = dict[str, Any]


class NoteCreate(Body):
    text: LongText
    marking: BannerText


class AttachmentCreate(Body):
    filename: Text200
    content_type: Text200 = "application/octet-stream"
    content_base64: str = Field(min_length=1, max_length=14_000_000)
    marking: BannerText


class ReferralCreate(Body):
    agencies: tuple[Text40, ...] = Field(min_length=1, max_length=20)


@router.post("/cases/{case_id}/notes", status_code=201)
def add_note(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE, Action.REVIEW_CASE))],
    user: UserDep,
    case_id: CaseId,
    body: NoteCreate,
) -> Json:
    """A note on a case, marked no higher than its author may read. Needs CREATE_CASE or REVIEW_CASE."""
    return record(notes.add_note(session, case_id, principal, user.username, body.text, body.marking))


@router.get("/cases/{case_id}/notes")
def list_notes(session: SessionDep, principal: PrincipalDep, case_id: CaseId) -> list[Json]:
    """The notes of a case that you may read."""
    return records(notes.list_notes(session, case_id, principal))


@router.post("/cases/{case_id}/attachments", status_code=201)
def add_attachment(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE, Action.REVIEW_CASE))],
    user: UserDep,
    case_id: CaseId,
    body: AttachmentCreate,
) -> Json:
    """A file (base64 in JSON, up to 10 MB) with its own marking. Needs CREATE_CASE or REVIEW_CASE."""
    try:
        content = base64.b64decode(body.content_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError("content_base64", "not valid base64") from exc
    return record(
        notes.add_attachment(
            session,
            case_id,
            principal,
            user.username,
            filename=body.filename,
            content_type=body.content_type,
            content=content,
            marking=body.marking,
        )
    )


@router.get("/cases/{case_id}/attachments")
def list_attachments(session: SessionDep, principal: PrincipalDep, case_id: CaseId) -> list[Json]:
    """The attachments of a case that you may read (without their content)."""
    return records(notes.list_attachments(session, case_id, principal))


@router.get("/attachments/{attachment_id}")
def read_attachment(
    session: SessionDep, principal: PrincipalDep, attachment_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Json:
    """One attachment with its content (base64); one you may not read does not exist for you."""
    attachment, content = notes.read_attachment(session, attachment_id, principal)
    return {**record(attachment), "content_base64": base64.b64encode(content).decode("ascii")}


@router.post("/cases/{case_id}/referrals")
def refer(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.REVIEW_CASE))],
    user: UserDep,
    case_id: CaseId,
    body: ReferralCreate,
) -> Json:
    """Refer a case in interagency clearance to reviewing agencies; clearing then waits for each agency's
    advice. Needs REVIEW_CASE."""
    service.read_case(session, case_id, principal)
    agencies = service.refer(session, case_id, body.agencies, user.username)
    return {
        "case_id": case_id,
        "agencies": list(agencies),
        "outstanding": list(service.outstanding_agencies(session, case_id)),
    }
