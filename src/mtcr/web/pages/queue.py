"""Work queues: the cases each signed-in user may read, grouped by what their agency has to do next."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from mtcr.casework import service
from mtcr.casework.access import Action, Principal, can_act
from mtcr.casework.identity import OrgKind
from mtcr.casework.workflow import CaseStatus
from mtcr.web.deps import PrincipalDep, SessionDep, UserDep
from mtcr.web.rendering import render

router = APIRouter()


@dataclass(frozen=True, slots=True)
class Queue:
    title: str
    explanation: str
    cases: tuple[service.CaseRecord, ...]


def _queues(
    principal: Principal, cases: list[service.CaseRecord], outstanding: dict[int, tuple[str, ...]]
) -> list[Queue]:
    def with_status(*statuses: CaseStatus) -> tuple[service.CaseRecord, ...]:
        return tuple(case for case in cases if case.status in statuses)

    S = CaseStatus  # noqa: N806  (short alias keeps the queue table readable)
    if principal.org_kind is OrgKind.REVIEWING_AGENCY:
        waiting = tuple(c for c in with_status(S.INTERAGENCY_CLEARANCE) if principal.org_code in outstanding[c.id])
        return [
            Queue("Awaiting your agency's advice", "Referred to your agency; no current advice yet.", waiting),
            Queue(
                "In clearance",
                "Other cases out for interagency clearance.",
                tuple(c for c in with_status(S.INTERAGENCY_CLEARANCE) if c not in waiting),
            ),
            Queue("Other cases", "Cases you may read in other states.", with_status(*_others(S.INTERAGENCY_CLEARANCE))),
        ]
    if principal.org_kind is OrgKind.EXPORTER:
        return [
            Queue("Drafts", "Applications not yet submitted.", with_status(S.DRAFT)),
            Queue("With the authority", "Submitted applications.", with_status(*_others(S.DRAFT))),
        ]
    queues = [
        Queue("Submitted", "New applications to take into review.", with_status(S.SUBMITTED)),
        Queue("Under review", "Classify, screen, analyse; then refer for clearance.", with_status(S.UNDER_REVIEW)),
        Queue("Interagency clearance", "Waiting for the agencies' advice.", with_status(S.INTERAGENCY_CLEARANCE)),
        Queue("Ready for decision", "Cleared by every agency consulted.", with_status(S.DECISION)),
        Queue("Closed", "Licensed, denied or withdrawn.", with_status(S.LICENCE_ISSUED, S.DENIED, S.WITHDRAWN)),
    ]
    if can_act(principal, Action.CREATE_CASE):
        queues.insert(0, Queue("Drafts", "Applications being prepared.", with_status(S.DRAFT)))
    return queues


def _others(*excluded: CaseStatus) -> tuple[CaseStatus, ...]:
    return tuple(status for status in CaseStatus if status not in excluded)


@router.get("/")
def work_queue(request: Request, session: SessionDep, principal: PrincipalDep, _user: UserDep) -> Response:
    cases = service.list_cases(session, principal)
    outstanding = {case.id: service.outstanding_agencies(session, case.id) for case in cases}
    queues = _queues(principal, cases, outstanding)
    return render(
        request,
        "queue.html",
        {"queues": queues, "outstanding": outstanding, "title": "Work queue"},
        banners=[case.marking for case in cases],
    )
