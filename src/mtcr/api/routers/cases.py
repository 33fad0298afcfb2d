"""Cases: the transfer application from draft to decision, its items, parties, advice and consultations.

Every route needs a bearer token. Reading a case needs no special action but the case must be readable
by the caller (clearance and caption); a case they may not read is a 404 on every route, never a 403,
so its existence does not leak. Writing needs the action named on each route.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import Field, field_validator

from mtcr.annex import classify, load
from mtcr.annex.describe import describe_from_data
from mtcr.api.bodies import (
    MAX_ID,
    BannerText,
    Body,
    Country,
    Id,
    LongText,
    Provisos,
    Text40,
    Text100,
    Text500,
    Text2000,
)
from mtcr.api.deps import PrincipalDep, SessionDep, UserDep, allow, record, records
from mtcr.api.visibility import notification_json, notification_readable
from mtcr.casework import guarded, service
from mtcr.casework.access import (
    WORKFLOW_RIGHTS,
    Action,
    Principal,
    can_act,
)
from mtcr.casework.guarded import readable_case, writable_case
from mtcr.casework.models import ConsultationRow, DenialNotificationRow
from mtcr.casework.service import (
    AdviceRecommendation,
    Assurance,
    ConsultationOutcome,
    DecisionOutcome,
    PartyRole,
)
from mtcr.casework.workflow import CaseAction, CaseStatus
from mtcr.db import screening as screening_store
from mtcr.errors import InputError, NotFoundError

router = APIRouter(tags=["cases"])

CaseId = Annotated[int, Path(ge=1, le=MAX_ID, description="The case's id")]
Json = dict[str, Any]


# --- bodies ------------------------------------------------------------------------------------------------


class CaseCreate(Body):
    title: Text500
    exporter: Text500
    destination: Country
    end_use: LongText
    end_use_location: Annotated[str, Field(max_length=500)] = ""
    marking: BannerText
    assurances: Annotated[tuple[Assurance, ...], Field(max_length=len(Assurance))] = ()

    @field_validator("end_use_location")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        if "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value):
            raise ValueError("must not contain NUL characters or lone surrogates")
        return value


ParameterValue = Annotated[str, Field(max_length=200)] | float | bool

Parameters = Annotated[dict[Annotated[str, Field(max_length=100)], ParameterValue], Field(max_length=50)]


class CurvePoint(Body):
    payload: Annotated[str, Field(max_length=100)] | float = Field(description="e.g. '500 kg'")
    range: Annotated[str, Field(max_length=100)] | float = Field(description="e.g. '300 km'")


class ItemDescriptionBody(Body):
    """What the item is, in the ``mtcr-item/1`` vocabulary; the server classifies it against the Annex."""

    kind: Text100 = Field(description="An item kind of the Annex vocabulary, e.g. complete_rocket_system")
    name: Annotated[str, Field(max_length=200)] = ""
    parameters: Parameters = Field(default_factory=dict)
    text: Annotated[str, Field(max_length=5000)] = ""
    for_entries: Annotated[tuple[Text40, ...], Field(max_length=20)] = ()
    confirmed: Annotated[tuple[Text100, ...], Field(max_length=20)] = ()
    denied: Annotated[tuple[Text100, ...], Field(max_length=20)] = ()
    range_payload_curve: Annotated[tuple[CurvePoint, ...], Field(max_length=50)] = ()


class ItemCreate(Body):
    description: LongText
    quantity: Annotated[float, Field(gt=0, le=1e12, allow_inf_nan=False)]
    value: Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217, e.g. USD")]
    item: ItemDescriptionBody | None = Field(None, description="Classify the item server-side (recommended)")


class PartyCreate(Body):
    role: PartyRole
    name: Text500
    country: Country | None = None
    address: Text2000 | None = None
    screening_id: Id | None = Field(None, description="The screening of this party (POST /screen)")


class WorkflowAction(Body):
    action: CaseAction


class AdviceCreate(Body):
    recommendation: AdviceRecommendation
    reasons: LongText
    provisos: Provisos = ()


class DecisionCreate(Body):
    outcome: DecisionOutcome
    reasons: LongText
    provisos: Provisos = ()
    # a supervisor's username: required to license a case with Category I items
    countersigned_by: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[^\x00]+$")


class ConsultationCreate(Body):
    notification_id: Id
    request: LongText


class ConsultationReply(Body):
    reply: LongText
    outcome: ConsultationOutcome


# --- helpers -----------------------------------------------------------------------------------------------


def _consultation_json(row: ConsultationRow) -> Json:
    return {
        "id": row.id,
        "case_id": row.case_id,
        "notification_id": row.notification_id,
        "partner": row.partner,
        "request": row.request,
        "requested_at": row.requested_at.isoformat(),
        "reply": row.reply,
        "outcome": row.outcome,
        "replied_at": row.replied_at.isoformat() if row.replied_at else None,
    }


# --- routes ------------------------------------------------------------------------------------------------


@router.get("/cases")
def list_cases(session: SessionDep, principal: PrincipalDep, status: CaseStatus | None = None) -> list[Json]:
    """Every case you may read, newest first (optionally one status). Any authenticated user."""
    return records(service.list_cases(session, principal, status))


@router.post("/cases", status_code=201)
def create_case(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE))],
    user: UserDep,
    body: CaseCreate,
) -> Json:
    """A new application in draft, owned by your organisation. Needs CREATE_CASE; the marking may not exceed
    your clearance."""
    return record(
        guarded.create_case(
            session,
            user,
            title=body.title,
            exporter=body.exporter,
            destination=body.destination,
            end_use=body.end_use,
            end_use_location=body.end_use_location,
            marking=body.marking,
            assurances=tuple(body.assurances),
        )
    )


@router.get("/cases/{case_id}")
def get_case(session: SessionDep, principal: PrincipalDep, case_id: CaseId) -> Json:
    """One case with its items, parties and advice. Any authenticated user who may read it."""
    return record(readable_case(session, case_id, principal))


@router.post("/cases/{case_id}/items", status_code=201)
def add_item(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE))],
    user: UserDep,
    case_id: CaseId,
    body: ItemCreate,
) -> Json:
    """Add an item (draft or review only), classified server-side when ``item`` describes it. Needs CREATE_CASE."""
    writable_case(session, case_id, principal)
    classification = None
    if body.item is not None:
        annex = load()
        described = describe_from_data(annex, body.item.model_dump(), "item")
        classification = classify(annex, described)
    return record(
        service.add_item(
            session,
            case_id,
            description=body.description,
            quantity=body.quantity,
            value=body.value,
            currency=body.currency,
            actor=user.username,
            classification=classification,
        )
    )


@router.post("/cases/{case_id}/parties", status_code=201)
def add_party(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.CREATE_CASE))],
    user: UserDep,
    case_id: CaseId,
    body: PartyCreate,
) -> Json:
    """Add a party (draft or review only), optionally linked to its screening. Needs CREATE_CASE."""
    writable_case(session, case_id, principal)
    if body.screening_id is not None:
        try:
            screening_store.get_screening(session, body.screening_id)
        except NotFoundError:
            raise InputError("screening_id", f"no screening {body.screening_id}") from None
    return record(
        service.add_party(
            session,
            case_id,
            role=body.role,
            name=body.name,
            actor=user.username,
            country=body.country,
            address=body.address,
            screening_id=body.screening_id,
        )
    )


@router.post("/cases/{case_id}/actions")
def act(session: SessionDep, principal: PrincipalDep, user: UserDep, case_id: CaseId, body: WorkflowAction) -> Json:
    """Move the case through its workflow. submit: SUBMIT_CASE; start review, refer for clearance, return to
    review, clear: REVIEW_CASE; withdraw: SUBMIT_CASE or REVIEW_CASE; reopen on appeal: DECIDE. Issue licence
    and deny need DECIDE and are made with POST /cases/{id}/decision (422 here)."""
    if body.action in service.DECISIONS and can_act(principal, WORKFLOW_RIGHTS[body.action]):
        writable_case(session, case_id, principal)  # 404 before saying how decisions are made
        raise InputError("action", f"'{body.action.value}' is a decision: use POST /cases/{case_id}/decision")
    return record(guarded.act(session, case_id, body.action, user))


@router.post("/cases/{case_id}/advice", status_code=201)
def give_advice(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.GIVE_ADVICE))],
    user: UserDep,
    case_id: CaseId,
    body: AdviceCreate,
) -> Json:
    """Your agency's advice during interagency clearance; its earlier advice stays, marked superseded.
    Needs GIVE_ADVICE."""
    return record(
        guarded.give_advice(
            session,
            case_id,
            user,
            recommendation=body.recommendation,
            reasons=body.reasons,
            provisos=tuple(body.provisos),
        )
    )


@router.post("/advice/{advice_id}/countersign")
def countersign(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.COUNTERSIGN))],
    user: UserDep,
    advice_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> Json:
    """Countersign current advice written by someone else. Needs COUNTERSIGN and the case readable."""
    return record(guarded.countersign(session, advice_id, user))


@router.post("/cases/{case_id}/decision")
def decide(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.DECIDE))],
    user: UserDep,
    case_id: CaseId,
    body: DecisionCreate,
) -> Json:
    """Issue a licence or deny, with reasons. A licence that would undercut a partner's denial needs the
    consultation completed (409 otherwise); a denial sends denial notifications. Needs DECIDE."""
    return record(
        guarded.decide(
            session,
            case_id,
            user,
            outcome=body.outcome,
            reasons=body.reasons,
            provisos=tuple(body.provisos),
            countersigned_by=body.countersigned_by,
        )
    )


@router.get("/cases/{case_id}/notification-matches")
def notification_matches(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.REVIEW_CASE, Action.DECIDE, Action.RECORD_CONSULTATION))],
    case_id: CaseId,
) -> list[Json]:
    """Partners' denials this case would undercut (those you may read), with reasons and whether the
    consultation is complete. Needs REVIEW_CASE, DECIDE or RECORD_CONSULTATION."""
    readable_case(session, case_id, principal)
    result: list[Json] = []
    for match in service.matching_notifications(session, case_id):
        row = session.get(DenialNotificationRow, match.notification.id)
        if row is None or not notification_readable(session, principal, row):
            continue
        result.append(
            {
                "notification": notification_json(row),
                "score": match.score if math.isfinite(match.score) else None,
                "reasons": list(match.reasons),
                "consultation_complete": match.consultation_complete,
            }
        )
    return result


@router.post("/cases/{case_id}/consultations", status_code=201)
def request_consultation(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.RECORD_CONSULTATION))],
    user: UserDep,
    case_id: CaseId,
    body: ConsultationCreate,
) -> Json:
    """Ask the partner that notified a denial before approving an essentially identical transfer.
    Needs RECORD_CONSULTATION; both the case and the notification must be readable."""
    return _consultation_json(guarded.request_consultation(session, case_id, body.notification_id, body.request, user))


@router.post("/consultations/{consultation_id}/reply")
def consultation_reply(
    session: SessionDep,
    principal: Annotated[Principal, Depends(allow(Action.RECORD_CONSULTATION))],
    user: UserDep,
    consultation_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    body: ConsultationReply,
) -> Json:
    """Record the partner's reply and the outcome (once). Needs RECORD_CONSULTATION and the case readable."""
    row = guarded.reply_to_consultation(session, consultation_id, body.reply, body.outcome, user)
    return _consultation_json(row)
