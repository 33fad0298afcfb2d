"""The case page and its forms: items with their classification and assessment, parties with screening
hits, the policy recommendation, advice and clearance, the decision, partner denials and consultations,
notes and the audit trail. Every read goes through the service layer's marking checks; every form posts
through :mod:`mtcr.casework.guarded`, the same checks the HTTP API uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr.casework import audit, guarded, notes, recommend, service
from mtcr.casework.access import Action, Principal, can_act
from mtcr.casework.identity import OrgKind, Role, User
from mtcr.casework.models import ConsultationRow, DecisionRow, DenialNotificationRow
from mtcr.casework.notifications import notification_readable, readable_matches
from mtcr.casework.service import AdviceRecommendation, DecisionOutcome
from mtcr.casework.workflow import CaseAction, CaseStatus
from mtcr.db import screening as screening_store
from mtcr.errors import NotFoundError
from mtcr.policy import PolicyResult
from mtcr.web.deps import FormUserDep, PrincipalDep, SessionDep, UserDep
from mtcr.web.rendering import render

router = APIRouter()
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class PartyView:
    party: service.PartyRecord
    screening: screening_store.ScreeningRecord | None


@dataclass(frozen=True, slots=True)
class CaseView:
    """Everything the case page shows, each part already limited to what the reader may see."""

    case: service.CaseRecord
    parties: tuple[PartyView, ...]
    recommendation: PolicyResult | None
    matches: tuple[service.NotificationMatch, ...]
    consultations: tuple[ConsultationRow, ...]
    decisions: tuple[DecisionRow, ...]
    notes: tuple[notes.NoteRecord, ...]
    history: tuple[audit.AuditEntry, ...] | None  # None: the reader may not read the audit log
    outstanding: tuple[str, ...]
    moves: tuple[CaseAction, ...]
    plots: dict[int, dict[str, Any]]  # item id -> the range-payload chart's data
    government: bool  # a licensing authority or reviewing agency: sees advice and the recommendation
    partner_markings: tuple[str, ...]  # of the partners' notifications shown (matches, consultations)

    @property
    def banners(self) -> list[str]:
        """The markings of everything the case page shows."""
        return [self.case.marking, *(note.marking for note in self.notes), *self.partner_markings]


def _plot_data(assessment: dict[str, Any]) -> dict[str, Any] | None:
    """The chart data of a stored range-payload assessment (payload kg against range km)."""
    curve = [point for point in assessment.get("curve", []) if point[1] is not None]
    if not curve:
        return None
    return {
        "system": assessment.get("system", ""),
        "payload_kg": [point[0] for point in curve],
        "range_km": [point[1] / 1000 for point in curve],
        "category": assessment.get("category", ""),
    }


def case_view(session: Session, case_id: int, user: User) -> CaseView:
    principal = Principal.of(user)
    case = guarded.readable_case(session, case_id, principal)
    # the deliberation (advice, recommendation, memoranda) is for licensing and reviewing staff; system
    # administrators run the system, they do not take part in cases
    government = (
        principal.org_kind in (OrgKind.LICENSING_AUTHORITY, OrgKind.REVIEWING_AGENCY)
        and principal.role is not Role.ADMIN
    )
    parties = tuple(
        PartyView(party, screening_store.get_screening(session, party.screening_id) if party.screening_id else None)
        for party in case.parties
    )
    sees_matches = any(can_act(principal, a) for a in (Action.REVIEW_CASE, Action.DECIDE, Action.RECORD_CONSULTATION))
    matches = tuple(readable_matches(session, case_id, principal)) if sees_matches else ()
    consultations: list[ConsultationRow] = []
    partner_markings = [session.get_one(DenialNotificationRow, m.notification.id).marking for m in matches]
    if sees_matches:  # each consultation only with a notification the reader may see
        for row in session.scalars(select(ConsultationRow).where(ConsultationRow.case_id == case_id)):
            notice = session.get_one(DenialNotificationRow, row.notification_id)
            if notification_readable(session, principal, notice):
                consultations.append(row)
                partner_markings.append(notice.marking)
    plots = {item.id: plot for item in case.items if item.assessment and (plot := _plot_data(item.assessment))}
    return CaseView(
        case=case,
        parties=parties,
        recommendation=recommend.recommend(session, case_id, principal) if government else None,
        matches=matches,
        consultations=tuple(consultations),
        decisions=tuple(session.scalars(select(DecisionRow).where(DecisionRow.case_id == case_id))),
        notes=tuple(notes.list_notes(session, case_id, principal)),
        history=tuple(guarded.case_history(session, case.reference, principal))
        if can_act(principal, Action.READ_AUDIT)
        else None,
        outstanding=service.outstanding_agencies(session, case_id),
        moves=guarded.allowed_moves(principal, case),
        plots=plots,
        government=government,
        partner_markings=tuple(partner_markings),
    )


def done(request: Request, url: str) -> Response:
    """After a successful form: HTMX reloads the page (or goes to ``url``); a plain form gets a 303 redirect."""
    if request.headers.get("HX-Request"):
        current = urlsplit(request.headers.get("HX-Current-URL", "")).path
        if current == urlsplit(url).path:  # same page: a fragment-only redirect would not reload it
            return Response(status_code=204, headers={"HX-Refresh": "true"})
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@router.get("/cases/{case_id}")
def case_page(
    request: Request, session: SessionDep, user: UserDep, principal: PrincipalDep, case_id: CaseId
) -> Response:
    view = case_view(session, case_id, user)
    rights = {action.name: can_act(principal, action) for action in Action}
    return render(
        request,
        "case.html",
        {
            "title": f"{view.case.reference}: {view.case.title}",
            "view": view,
            "rights": rights,
            "statuses": CaseStatus,
            "advice_options": list(AdviceRecommendation),
            "outcomes": list(DecisionOutcome),
            "dispositions": list(screening_store.Disposition),
            "may_write_notes": guarded.may_write_notes(principal),
        },
        banners=view.banners,
    )


@router.post("/cases/{case_id}/actions")
def act(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    action: Annotated[CaseAction, Form()],
) -> Response:
    guarded.act(session, case_id, action, user)
    return done(request, f"/cases/{case_id}")


@router.post("/cases/{case_id}/advice")
def give_advice(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    recommendation: Annotated[AdviceRecommendation, Form()],
    reasons: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
    provisos: Annotated[str, Form(max_length=MAX_TEXT)] = "",
) -> Response:
    guarded.give_advice(
        session, case_id, user, recommendation=recommendation, reasons=reasons, provisos=_lines(provisos)
    )
    return done(request, f"/cases/{case_id}#advice")


@router.post("/cases/{case_id}/advice/{advice_id}/countersign")
def countersign(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    advice_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    if advice_id not in {advice.id for advice in guarded.readable_case(session, case_id, Principal.of(user)).advice}:
        raise NotFoundError("advice", str(advice_id))  # advice of another case is not this page's to sign
    guarded.countersign(session, advice_id, user)
    return done(request, f"/cases/{case_id}#advice")


@router.post("/cases/{case_id}/decision")
def decide(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    outcome: Annotated[DecisionOutcome, Form()],
    reasons: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
    provisos: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    countersigned_by: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    guarded.decide(
        session,
        case_id,
        user,
        outcome=outcome,
        reasons=reasons,
        provisos=_lines(provisos),
        countersigned_by=countersigned_by.strip() or None,
    )
    return done(request, f"/cases/{case_id}#decision")


@router.post("/cases/{case_id}/notes")
def add_note(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    text: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
    marking: Annotated[str, Form(min_length=1, max_length=200)],
) -> Response:
    guarded.add_note(session, case_id, text, marking, user)
    return done(request, f"/cases/{case_id}#notes")


@router.post("/cases/{case_id}/hits/{hit_id}/disposition")
def dispose(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    hit_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    decision: Annotated[screening_store.Disposition, Form()],
    reason: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
) -> Response:
    guarded.dispose_of_party_hit(session, case_id, hit_id, decision, reason, user)
    return done(request, f"/cases/{case_id}#parties")


@router.post("/cases/{case_id}/consultations")
def request_consultation(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    case_id: CaseId,
    notification_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    text: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
) -> Response:
    guarded.request_consultation(session, case_id, notification_id, text, user)
    return done(request, f"/cases/{case_id}#partners")
