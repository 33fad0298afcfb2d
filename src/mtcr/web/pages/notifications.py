"""Partners: denial notifications sent and received, and consultations with the replies still awaited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import Response
from sqlalchemy import select

from mtcr.casework import guarded
from mtcr.casework.access import AccessDeniedError, Action, can_act, can_read
from mtcr.casework.markings import Marking
from mtcr.casework.models import CaseRow, ConsultationRow, DenialNotificationRow
from mtcr.casework.notifications import notification_readable
from mtcr.casework.service import ConsultationOutcome
from mtcr.web.deps import FormUserDep, PrincipalDep, SessionDep, UserDep
from mtcr.web.pages.cases import done
from mtcr.web.rendering import render

router = APIRouter()


@router.get("/notifications")
def notifications_page(request: Request, session: SessionDep, principal: PrincipalDep, _user: UserDep) -> Response:
    if not (can_act(principal, Action.NOTIFY_DENIAL) or can_act(principal, Action.RECORD_CONSULTATION)):
        raise AccessDeniedError(f"a {principal.role.value} does not handle partners' notifications")
    rows = [
        row
        for row in session.scalars(select(DenialNotificationRow).order_by(DenialNotificationRow.id.desc()))
        if notification_readable(session, principal, row)
    ]
    visible_ids = {row.id for row in rows}
    consultations = []
    for consultation in session.scalars(select(ConsultationRow).order_by(ConsultationRow.id.desc())):
        case = session.get_one(CaseRow, consultation.case_id)
        if consultation.notification_id in visible_ids and can_read(
            principal, Marking.parse(case.marking), case.owner_org
        ):
            consultations.append((consultation, case))
    return render(
        request,
        "notifications.html",
        {
            "title": "Partners",
            "notifications": rows,
            "consultations": consultations,
            "outcomes": list(ConsultationOutcome),
        },
        banners=[row.marking for row in rows] + [case.marking for _, case in consultations],
    )


@router.post("/consultations/{consultation_id}/reply")
def reply(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    consultation_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    reply: Annotated[str, Form(min_length=1, max_length=20_000)],
    outcome: Annotated[ConsultationOutcome, Form()],
) -> Response:
    guarded.reply_to_consultation(session, consultation_id, reply, outcome, user)
    return done(request, "/notifications")
