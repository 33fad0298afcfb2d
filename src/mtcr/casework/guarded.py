"""Case operations as an authenticated principal performs them, with every authorisation check in one place.

The HTTP API and the web pages both call these, so a rule added here holds on every edge. Order of checks:
the role's right first (AccessDeniedError, 403), then readability (NotFoundError, 404, so an unreadable
case never confirms its existence), then ownership for exporters (403).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr.casework import audit, identity, notes, service
from mtcr.casework.access import (
    WORKFLOW_RIGHTS,
    AccessDeniedError,
    Action,
    Principal,
    can_act,
    can_read,
    read_refusal,
    require_action,
    require_case_write,
)
from mtcr.casework.identity import OrgKind
from mtcr.casework.markings import Marking
from mtcr.casework.models import AdviceRow, CaseRow, ConsultationRow
from mtcr.casework.notifications import readable_notification
from mtcr.casework.service import AdviceRecommendation, Assurance, ConsultationOutcome, DecisionOutcome
from mtcr.casework.workflow import CaseAction, allowed_actions
from mtcr.db import screening as screening_store
from mtcr.errors import InputError, NotFoundError


def readable_case(session: Session, case_id: int, principal: Principal) -> service.CaseRecord:
    return service.read_case(session, case_id, principal)  # NotFoundError when unreadable


def writable_case(session: Session, case_id: int, principal: Principal) -> service.CaseRecord:
    """Readable, and (for an exporter) its own organisation's case: 404, then 403."""
    case = readable_case(session, case_id, principal)
    require_case_write(principal, case.owner_org)
    return case


def create_case(
    session: Session,
    user: identity.User,
    *,
    title: str,
    exporter: str,
    destination: str,
    end_use: str,
    end_use_location: str,
    marking: str,
    assurances: tuple[Assurance, ...] = (),
) -> service.CaseRecord:
    """A new draft owned by the user's organisation; the marking may not exceed what they could read."""
    principal = Principal.of(user)
    require_action(principal, Action.CREATE_CASE)
    parsed = Marking.parse(marking)
    refusal = read_refusal(principal, parsed, principal.org_code)
    if refusal is not None:
        raise InputError("marking", f"you could not read a case marked {parsed.banner}: {refusal}")
    return service.create_case(
        session,
        title=title,
        exporter=exporter,
        destination=destination,
        end_use=end_use,
        end_use_location=end_use_location,
        marking=parsed.banner,
        owner_org=principal.org_code,
        actor=user.username,
        assurances=assurances,
    )


def allowed_moves(principal: Principal, case: service.CaseRecord) -> tuple[CaseAction, ...]:
    """The workflow moves (not decisions) the principal's role allows from the case's current status."""
    return tuple(
        action
        for action in allowed_actions(case.status)
        if action not in service.DECISIONS and can_act(principal, WORKFLOW_RIGHTS[action])
    )


def act(session: Session, case_id: int, action: CaseAction, user: identity.User) -> service.CaseRecord:
    """A workflow move; decisions go through :func:`decide` (InputError here)."""
    principal = Principal.of(user)
    require_action(principal, WORKFLOW_RIGHTS[action])
    writable_case(session, case_id, principal)
    if action in service.DECISIONS:
        raise InputError("action", f"'{action.value}' is a decision: record it as a decision with its reasons")
    return service.act(session, case_id, action, user.username)


def give_advice(
    session: Session,
    case_id: int,
    user: identity.User,
    *,
    recommendation: AdviceRecommendation,
    reasons: str,
    provisos: tuple[str, ...] = (),
) -> service.AdviceRecord:
    """The user's agency's advice; its earlier advice stays, marked superseded."""
    principal = Principal.of(user)
    require_action(principal, Action.GIVE_ADVICE)
    readable_case(session, case_id, principal)
    return service.give_advice(
        session,
        case_id,
        agency=principal.org_code,
        author=user.username,
        recommendation=recommendation,
        reasons=reasons,
        provisos=provisos,
    )


def countersign(session: Session, advice_id: int, user: identity.User) -> service.AdviceRecord:
    """Countersign current advice written by someone else, on a case the user may read."""
    principal = Principal.of(user)
    require_action(principal, Action.COUNTERSIGN)
    row = session.get(AdviceRow, advice_id)
    if row is None:
        raise NotFoundError("advice", str(advice_id))
    try:
        readable_case(session, row.case_id, principal)
    except NotFoundError:
        raise NotFoundError("advice", str(advice_id)) from None
    return service.countersign(session, advice_id, user.username)


def check_countersigner(session: Session, case: service.CaseRecord, principal: Principal, username: str) -> None:
    """The countersigner of a decision must be another active licensing-authority supervisor who can read
    the case; anything else is the same InputError, so a username is never confirmed."""
    refusal = f"{username!r} may not countersign this decision"
    try:
        supervisor = identity.get_user(session, username)
    except NotFoundError:
        raise InputError("countersigned_by", refusal) from None
    signer = Principal.of(supervisor)
    allowed = (
        supervisor.active
        and can_act(signer, Action.COUNTERSIGN)
        and signer.org_kind is OrgKind.LICENSING_AUTHORITY
        and signer.user_id != principal.user_id
        and read_refusal(signer, Marking.parse(case.marking), case.owner_org) is None
    )
    if not allowed:
        raise InputError("countersigned_by", refusal)


def decide(
    session: Session,
    case_id: int,
    user: identity.User,
    *,
    outcome: DecisionOutcome,
    reasons: str,
    provisos: tuple[str, ...] = (),
    countersigned_by: str | None = None,
) -> service.CaseRecord:
    """Issue a licence or deny, with reasons (service.decide checks consultations and notifies partners)."""
    principal = Principal.of(user)
    require_action(principal, Action.DECIDE)
    case = readable_case(session, case_id, principal)
    if countersigned_by is not None:
        check_countersigner(session, case, principal, countersigned_by)
    return service.decide(
        session,
        case_id,
        outcome=outcome,
        decided_by=user.username,
        reasons=reasons,
        provisos=provisos,
        countersigned_by=countersigned_by,
    )


def case_history(session: Session, reference: str, principal: Principal) -> list[audit.AuditEntry]:
    """A case's audit history for an auditor who may read the case (404 otherwise, failing closed)."""
    require_action(principal, Action.READ_AUDIT)
    case = session.scalar(select(CaseRow).where(CaseRow.reference == reference))
    if case is None or not can_read(principal, Marking.parse(case.marking), case.owner_org):
        raise NotFoundError("case", reference)
    return audit.history(session, "case", reference)


def request_consultation(
    session: Session, case_id: int, notification_id: int, request: str, user: identity.User
) -> ConsultationRow:
    """Ask the partner that notified a denial before approving an essentially identical transfer; both the
    case and the notification must be readable."""
    principal = Principal.of(user)
    require_action(principal, Action.RECORD_CONSULTATION)
    readable_case(session, case_id, principal)
    readable_notification(session, principal, notification_id)
    consultation_id = service.request_consultation(session, case_id, notification_id, request, user.username)
    return session.get_one(ConsultationRow, consultation_id)


def reply_to_consultation(
    session: Session, consultation_id: int, reply: str, outcome: ConsultationOutcome, user: identity.User
) -> ConsultationRow:
    """The partner's reply and outcome (once): from the consulted partner's own liaison, or recorded by the
    licensing authority; the case and the notification must be readable (404 otherwise)."""
    principal = Principal.of(user)
    require_action(principal, Action.RECORD_CONSULTATION)
    row = session.get(ConsultationRow, consultation_id)
    if row is None:
        raise NotFoundError("consultation", str(consultation_id))
    try:
        readable_case(session, row.case_id, principal)
        notice = readable_notification(session, principal, row.notification_id)
    except NotFoundError:
        raise NotFoundError("consultation", str(consultation_id)) from None
    if principal.org_kind is not OrgKind.LICENSING_AUTHORITY and principal.org_code != notice.government:
        raise AccessDeniedError(f"{principal.org_code} may not answer for {notice.government}")
    service.record_consultation_reply(session, consultation_id, reply, outcome, user.username)
    session.refresh(row)
    return row


def dispose_of_party_hit(
    session: Session, case_id: int, hit_id: int, decision: screening_store.Disposition, reason: str, user: identity.User
) -> screening_store.HitRecord:
    """An analyst's disposition of a screening hit of one of the case's parties (reviewers and officers)."""
    principal = Principal.of(user)
    require_action(principal, Action.REVIEW_CASE)
    case = readable_case(session, case_id, principal)
    hit = session.get(screening_store.HitRow, hit_id)
    if hit is None or hit.screening_id not in {party.screening_id for party in case.parties}:
        raise NotFoundError("screening hit", str(hit_id))  # not a hit of this case's parties
    return screening_store.dispose(session, hit_id, decision, user.username, reason)


NOTE_WRITERS = (Action.CREATE_CASE, Action.REVIEW_CASE)


def may_write_notes(principal: Principal) -> bool:
    return any(can_act(principal, action) for action in NOTE_WRITERS)


def add_note(session: Session, case_id: int, text: str, marking: str, user: identity.User) -> notes.NoteRecord:
    """A note on a case the user may read, marked no higher than they may read; applicants and reviewers."""
    principal = Principal.of(user)
    if not may_write_notes(principal):
        raise AccessDeniedError(f"a {principal.role.value} may not add notes to cases")
    readable_case(session, case_id, principal)
    return notes.add_note(session, case_id, principal, user.username, text, marking)
