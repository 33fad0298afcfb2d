"""Casework services: every change goes through here, is checked, moves the workflow only through
its transition table, and is written to the audit log in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from rigour.territories import get_territory
from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr.annex.classifier import Classification, MatchStatus
from mtcr.casework import audit
from mtcr.casework.access import Principal, can_read
from mtcr.casework.identity import OrganisationRow, OrgKind, Role
from mtcr.casework.markings import Marking
from mtcr.casework.models import (
    AdviceRow,
    CaseItemRow,
    CasePartyRow,
    CaseRow,
    ConsultationRow,
    DecisionRow,
    DenialNotificationRow,
    ReferralRow,
)
from mtcr.casework.workflow import CaseAction, CaseStatus, next_status
from mtcr.db.base import utc_now
from mtcr.errors import InputError, MtcrError, NotFoundError
from mtcr.policy import SystemRole
from mtcr.screening.matcher import compare
from mtcr.screening.model import EntityType, ListEntity, Party
from mtcr.serialize import JsonValue, to_jsonable


class PartyRole(StrEnum):
    END_USER = "end user"
    CONSIGNEE = "consignee"
    INTERMEDIARY = "intermediary"
    PURCHASER = "purchaser"


class Assurance(StrEnum):
    GOVERNMENT_TO_GOVERNMENT = "government-to-government assurances"
    END_USER_UNDERTAKING = "end-user undertaking"
    NO_RETRANSFER_WITHOUT_CONSENT = "no retransfer without consent"
    END_USE_VERIFICATION = "end-use verification"


class AdviceRecommendation(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_PROVISOS = "approve with provisos"
    DENY = "deny"


class DecisionOutcome(StrEnum):
    LICENCE = "licence"
    DENIAL = "denial"


class ConsultationOutcome(StrEnum):
    PARTNER_OBJECTS = "partner objects"
    NO_OBJECTION = "no objection"
    NO_REPLY = "no reply in time"


class ConsultationRequiredError(MtcrError):
    """A licence for a case that matches a partner's denial needs a completed consultation first."""


# Days allowed for each step (the due date is set when a case enters the step).
DUE_DAYS: dict[CaseStatus, int] = {
    CaseStatus.SUBMITTED: 5,
    CaseStatus.UNDER_REVIEW: 20,
    CaseStatus.INTERAGENCY_CLEARANCE: 30,
    CaseStatus.DECISION: 10,
}
NOTIFICATION_MATCH_THRESHOLD = 0.7
DECISIONS = (CaseAction.ISSUE_LICENCE, CaseAction.DENY)  # recorded only by decide(), which checks and notifies


# --- records ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemRecord:
    id: int
    description: str
    quantity: float
    value: float
    currency: str
    annex_entries: tuple[str, ...]
    category: str
    classification: dict[str, Any] | None
    assessment: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class PartyRecord:
    id: int
    role: PartyRole
    name: str
    country: str | None
    address: str | None
    screening_id: int | None


@dataclass(frozen=True, slots=True)
class AdviceRecord:
    id: int
    agency: str
    author: str
    recommendation: AdviceRecommendation
    reasons: str
    provisos: tuple[str, ...]
    valid: bool
    superseded_by: int | None
    countersigned_by: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CaseRecord:
    id: int
    reference: str
    status: CaseStatus
    title: str
    exporter: str
    destination: str
    end_use: str
    end_use_location: str
    assurances: tuple[Assurance, ...]
    marking: str
    owner_org: str
    created_by: str
    created_at: datetime
    due_at: datetime | None
    items: tuple[ItemRecord, ...]
    parties: tuple[PartyRecord, ...]
    advice: tuple[AdviceRecord, ...]


@dataclass(frozen=True, slots=True)
class NotificationRecord:
    id: int
    direction: str
    government: str
    reference: str
    item_description: str
    annex_entry: str
    parties: tuple[dict[str, Any], ...]
    destination: str
    reason: str
    notified_on: datetime
    case_id: int | None


@dataclass(frozen=True, slots=True)
class NotificationMatch:
    notification: NotificationRecord
    score: float
    reasons: tuple[str, ...]
    consultation_complete: bool  # consulted, and the partner did not object
    consultation_outcome: ConsultationOutcome | None = None


# --- helpers ---------------------------------------------------------------------------------------------


def _case_row(session: Session, case_id: int) -> CaseRow:
    # FOR UPDATE: two decisions, or a move and an advice, on one case wait for each other (PostgreSQL;
    # SQLite serialises writers with BEGIN IMMEDIATE)
    row = session.get(CaseRow, case_id, with_for_update=True)
    if row is None:
        raise NotFoundError("case", str(case_id))
    return row


def _snapshot(row: CaseRow) -> dict[str, Any]:
    return {
        "status": row.status,
        "title": row.title,
        "destination": row.destination,
        "marking": row.marking,
        "due_at": row.due_at.isoformat() if row.due_at else None,
    }


def _country(value: str, field: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha() or get_territory(code.lower()) is None:
        raise InputError(field, f"expected a two-letter ISO 3166 country code, got {value!r}")
    return code


def _required(value: str, field: str) -> str:
    if not value.strip():
        raise InputError(field, "must not be empty")
    return value.strip()


def _record(row: CaseRow) -> CaseRecord:
    return CaseRecord(
        id=row.id,
        reference=row.reference,
        status=CaseStatus(row.status),
        title=row.title,
        exporter=row.exporter,
        destination=row.destination,
        end_use=row.end_use,
        end_use_location=row.end_use_location,
        assurances=tuple(Assurance(a) for a in row.assurances),
        marking=row.marking,
        owner_org=row.owner_org,
        created_by=row.created_by,
        created_at=row.created_at,
        due_at=row.due_at,
        items=tuple(
            ItemRecord(
                i.id,
                i.description,
                i.quantity,
                i.value,
                i.currency,
                tuple(i.annex_entries),
                i.category,
                i.classification,
                i.assessment,
            )
            for i in row.items
        ),
        parties=tuple(
            PartyRecord(p.id, PartyRole(p.role), p.name, p.country, p.address, p.screening_id) for p in row.parties
        ),
        advice=tuple(
            AdviceRecord(
                a.id,
                a.agency,
                a.author,
                AdviceRecommendation(a.recommendation),
                a.reasons,
                tuple(a.provisos),
                a.valid,
                a.superseded_by,
                a.countersigned_by,
                a.created_at,
            )
            for a in row.advice
        ),
    )


# --- cases -----------------------------------------------------------------------------------------------


def create_case(
    session: Session,
    *,
    title: str,
    exporter: str,
    destination: str,
    end_use: str,
    end_use_location: str,
    marking: str,
    owner_org: str,
    actor: str,
    assurances: tuple[Assurance, ...] = (),
) -> CaseRecord:
    """A new transfer application, in draft."""
    row = CaseRow(
        reference="pending",
        status=CaseStatus.DRAFT.value,
        title=_required(title, "title"),
        exporter=_required(exporter, "exporter"),
        destination=_country(destination, "destination"),
        end_use=_required(end_use, "end_use"),
        end_use_location=end_use_location.strip(),
        assurances=[a.value for a in assurances],
        marking=Marking.parse(_required(marking, "marking")).banner,
        owner_org=_required(owner_org, "owner_org"),
        created_by=_required(actor, "actor"),
    )
    session.add(row)
    session.flush()
    row.reference = f"MTCR-{row.created_at.year}-{row.id:05d}"
    session.flush()
    audit.append(session, actor, "case created", "case", row.reference, None, _snapshot(row))
    return _record(row)


def get_case(session: Session, case_id: int) -> CaseRecord:
    """A case without an access check: for the service layer itself; callers use :func:`read_case`."""
    return _record(_case_row(session, case_id))


def sees_deliberation(principal: Principal) -> bool:
    """The agencies' advice is internal to government: licensing and reviewing staff see it; applicants,
    partner governments and system administrators do not."""
    return principal.org_kind in (OrgKind.LICENSING_AUTHORITY, OrgKind.REVIEWING_AGENCY) and (
        principal.role is not Role.ADMIN
    )


def _as_seen_by(record: CaseRecord, principal: Principal) -> CaseRecord:
    return record if sees_deliberation(principal) else replace(record, advice=())


def read_case(session: Session, case_id: int, principal: Principal) -> CaseRecord:
    """A case as ``principal`` may see it. A case they may not read does not exist for them (no leak
    of its existence through a different error)."""
    row = session.get(CaseRow, case_id)
    if row is None or not can_read(principal, Marking.parse(row.marking), row.owner_org):
        raise NotFoundError("case", str(case_id))
    return _as_seen_by(_record(row), principal)


def list_cases(session: Session, principal: Principal, status: CaseStatus | None = None) -> list[CaseRecord]:
    """Every case ``principal`` may read, newest first, optionally in one status."""
    query = select(CaseRow).order_by(CaseRow.id.desc())
    if status is not None:
        query = query.where(CaseRow.status == status.value)
    rows = session.scalars(query)
    readable = (row for row in rows if can_read(principal, Marking.parse(row.marking), row.owner_org))
    return [_as_seen_by(_record(row), principal) for row in readable]


def _editable(row: CaseRow) -> None:
    if CaseStatus(row.status) not in (CaseStatus.DRAFT, CaseStatus.UNDER_REVIEW):
        raise InputError("case", f"{row.reference} is {row.status}: items and parties change only in draft or review")


def _invalidate_advice(session: Session, row: CaseRow, actor: str) -> None:
    """Advice was given on what the case was: when its items or parties change, the advice no longer stands."""
    stale = [advice.id for advice in row.advice if advice.valid]
    for advice in row.advice:
        advice.valid = False
    if stale:
        session.flush()
        audit.append(
            session, actor, "advice invalidated: the case changed", "case", row.reference, None, {"advice": stale}
        )


def add_item(
    session: Session,
    case_id: int,
    *,
    description: str,
    quantity: float,
    value: float,
    currency: str,
    actor: str,
    classification: Classification | None = None,
    assessment: dict[str, Any] | None = None,
    system_role: SystemRole = SystemRole.COMPONENT,
    is_production_facility: bool = False,
) -> ItemRecord:
    """An item of the application, with the classifier's record (its controlling entries and category)."""
    row = _case_row(session, case_id)
    _editable(row)
    if quantity <= 0:
        raise InputError("quantity", f"must be positive, got {quantity:g}")
    if value < 0:
        raise InputError("value", f"must not be negative, got {value:g}")
    if len(currency) != 3 or not currency.isalpha():
        raise InputError("currency", f"expected an ISO 4217 code such as EUR, got {currency!r}")
    entries: list[str] = []
    category = "not controlled"
    stored: JsonValue = None
    if classification is not None:
        controlled = [m for m in classification.matches if m.status is not MatchStatus.NOT_CONTROLLED]
        entries = [m.entry_id for m in controlled]
        categories = {m.category.value for m in controlled if m.status is MatchStatus.CONTROLLED}
        category = "Category I" if "I" in categories else "Category II" if "II" in categories else category
        stored = to_jsonable(classification)
    item = CaseItemRow(
        case_id=case_id,
        description=_required(description, "description"),
        quantity=quantity,
        value=value,
        currency=currency.upper(),
        annex_entries=entries,
        category=category,
        classification=stored if isinstance(stored, dict) else None,
        assessment=assessment,
        system_role=system_role.value,
        is_production_facility=is_production_facility,
    )
    session.add(item)
    session.flush()
    audit.append(session, actor, "item added", "case", row.reference, None, {"item": item.id, "category": category})
    _invalidate_advice(session, row, actor)
    return ItemRecord(
        item.id,
        item.description,
        quantity,
        value,
        item.currency,
        tuple(entries),
        category,
        item.classification,
        assessment,
    )


def add_party(
    session: Session,
    case_id: int,
    *,
    role: PartyRole,
    name: str,
    actor: str,
    country: str | None = None,
    address: str | None = None,
    screening_id: int | None = None,
) -> PartyRecord:
    row = _case_row(session, case_id)
    _editable(row)
    party = CasePartyRow(
        case_id=case_id,
        role=role.value,
        name=_required(name, "name"),
        country=_country(country, "country") if country else None,
        address=address,
        screening_id=screening_id,
    )
    session.add(party)
    session.flush()
    audit.append(session, actor, "party added", "case", row.reference, None, {"party": party.id, "role": role.value})
    _invalidate_advice(session, row, actor)
    return PartyRecord(party.id, role, party.name, party.country, address, screening_id)


def act(session: Session, case_id: int, action: CaseAction, actor: str) -> CaseRecord:
    """Move the case by ``action`` (the transition table decides), set the step's due date, audit it.
    Issuing a licence and denying are decisions: :func:`decide` records them."""
    if action in DECISIONS:
        raise InputError("action", f"{action.value} is a decision: record it with decide(), which checks and notifies")
    return _move(session, case_id, action, actor)


def _move(session: Session, case_id: int, action: CaseAction, actor: str) -> CaseRecord:
    row = _case_row(session, case_id)
    before = _snapshot(row)
    status = next_status(CaseStatus(row.status), action)
    if action is CaseAction.SUBMIT and not row.items:
        raise InputError("items", f"{row.reference} has no items: add what is to be transferred before submitting")
    if action is CaseAction.CLEAR:
        missing = outstanding_agencies(session, case_id)
        if missing:
            raise InputError("advice", f"{row.reference} still waits for advice from {', '.join(missing)}")
    row.status = status.value
    days = DUE_DAYS.get(status)
    row.due_at = utc_now() + timedelta(days=days) if days else None
    row.updated_at = utc_now()
    session.flush()
    audit.append(session, actor, action.value, "case", row.reference, before, _snapshot(row))
    return _record(row)


def refer(session: Session, case_id: int, agencies: tuple[str, ...], actor: str) -> tuple[str, ...]:
    """Refer the case to reviewing agencies; clearance then waits for valid advice from each of them."""
    row = _case_row(session, case_id)
    if CaseStatus(row.status) is not CaseStatus.INTERAGENCY_CLEARANCE:
        raise InputError("case", f"{row.reference} is {row.status}: refer it for clearance first")
    codes = tuple(dict.fromkeys(code.strip().upper() for code in agencies if code.strip()))
    if not codes:
        raise InputError("agencies", "name at least one reviewing agency")
    agencies_known = {
        org.code
        for org in session.scalars(
            select(OrganisationRow).where(OrganisationRow.kind == OrgKind.REVIEWING_AGENCY.value)
        )
    }
    unknown = [code for code in codes if code not in agencies_known]
    if unknown:
        raise InputError("agencies", f"not reviewing agencies: {', '.join(unknown)}")
    already = {r.agency for r in session.scalars(select(ReferralRow).where(ReferralRow.case_id == case_id))}
    for code in codes:
        if code not in already:
            session.add(ReferralRow(case_id=case_id, agency=code, referred_by=actor))
    session.flush()
    audit.append(session, actor, "referred", "case", row.reference, None, {"agencies": list(codes)})
    return tuple(sorted(already | set(codes)))


def outstanding_agencies(session: Session, case_id: int) -> tuple[str, ...]:
    """Referred agencies that have not given valid advice yet."""
    referred = {r.agency for r in session.scalars(select(ReferralRow).where(ReferralRow.case_id == case_id))}
    advised = {a.agency for a in session.scalars(select(AdviceRow).where(AdviceRow.case_id == case_id)) if a.valid}
    return tuple(sorted(referred - advised))


# --- advice and decisions --------------------------------------------------------------------------------


def give_advice(
    session: Session,
    case_id: int,
    *,
    agency: str,
    author: str,
    recommendation: AdviceRecommendation,
    reasons: str,
    provisos: tuple[str, ...] = (),
) -> AdviceRecord:
    """A reviewing agency's advice; the agency's earlier advice stays on record, marked invalid."""
    row = _case_row(session, case_id)
    if CaseStatus(row.status) is not CaseStatus.INTERAGENCY_CLEARANCE:
        raise InputError("case", f"{row.reference} is {row.status}: advice is given during interagency clearance")
    if recommendation is AdviceRecommendation.APPROVE_WITH_PROVISOS and not provisos:
        raise InputError("provisos", "approval with provisos needs at least one proviso")
    advice = AdviceRow(
        case_id=case_id,
        agency=_required(agency, "agency"),
        author=_required(author, "author"),
        recommendation=recommendation.value,
        reasons=_required(reasons, "reasons"),
        provisos=list(provisos),
    )
    session.add(advice)
    session.flush()
    for earlier in row.advice:
        if earlier.agency == agency and earlier.valid and earlier.id != advice.id:
            earlier.valid = False
            earlier.superseded_by = advice.id
    session.flush()
    audit.append(
        session,
        author,
        "advice given",
        "case",
        row.reference,
        None,
        {"advice": advice.id, "agency": agency, "recommendation": recommendation.value},
    )
    session.refresh(row)
    return next(a for a in _record(row).advice if a.id == advice.id)


def countersign(session: Session, advice_id: int, supervisor: str) -> AdviceRecord:
    advice = session.get(AdviceRow, advice_id)
    if advice is None:
        raise NotFoundError("advice", str(advice_id))
    if not advice.valid:
        raise InputError("advice", f"advice {advice_id} was superseded; countersign the current advice")
    if supervisor == advice.author:
        raise InputError("supervisor", "advice is countersigned by someone other than its author")
    if advice.countersigned_by:
        raise InputError("advice", f"advice {advice_id} is already countersigned by {advice.countersigned_by}")
    advice.countersigned_by = _required(supervisor, "supervisor")
    session.flush()
    case = _case_row(session, advice.case_id)
    audit.append(session, supervisor, "advice countersigned", "case", case.reference, None, {"advice": advice_id})
    return next(a for a in _record(case).advice if a.id == advice_id)


def decide(
    session: Session,
    case_id: int,
    *,
    outcome: DecisionOutcome,
    decided_by: str,
    reasons: str,
    provisos: tuple[str, ...] = (),
    countersigned_by: str | None = None,
) -> CaseRecord:
    """The officer's decision. A licence for a case that matches a partner's denial needs the consultation
    completed first; a denial sends a structured denial notification for each controlled item."""
    row = _case_row(session, case_id)
    reasons = _required(reasons, "reasons")
    if outcome is DecisionOutcome.LICENCE:
        pending = [m for m in matching_notifications(session, case_id) if not m.consultation_complete]
        if pending:
            objected = [m for m in pending if m.consultation_outcome is ConsultationOutcome.PARTNER_OBJECTS]
            why = "a partner objects to" if objected else "not yet consulted on"
            # counted, not named: the decider may not be cleared for every partner's notification
            raise ConsultationRequiredError(
                f"{row.reference} matches {len(pending)} partner denial notification(s) {why}: no licence while "
                "that stands (the case page lists those you may read)"
            )
        category_one = any(item.category == "Category I" for item in row.items)
        # the Guidelines' "rare occasions": approving Category I needs a second, senior signature
        unsigned = not countersigned_by or countersigned_by == decided_by
        if outcome is DecisionOutcome.LICENCE and category_one and unsigned:
            raise InputError(
                "countersigned_by",
                f"{row.reference} has Category I items: a licence needs a supervisor's countersignature",
            )

    action = CaseAction.ISSUE_LICENCE if outcome is DecisionOutcome.LICENCE else CaseAction.DENY
    record = _move(session, case_id, action, decided_by)
    decision = DecisionRow(
        case_id=case_id,
        outcome=outcome.value,
        decided_by=decided_by,
        reasons=reasons,
        provisos=list(provisos),
        licence_number=f"L-{row.reference}" if outcome is DecisionOutcome.LICENCE else None,
    )
    session.add(decision)
    session.flush()
    audit.append(
        session,
        decided_by,
        f"decision: {outcome.value}",
        "case",
        row.reference,
        None,
        {"decision": decision.id, "reasons": reasons},
    )
    if outcome is DecisionOutcome.DENIAL:
        for item in row.items:
            if item.category == "not controlled":
                continue
            notice = DenialNotificationRow(
                direction="sent",
                government="national",
                reference=f"DN-{row.reference}-{item.id}",
                item_description=item.description,
                annex_entry=item.annex_entries[0] if item.annex_entries else "",
                parties=[{"role": p.role, "name": p.name, "country": p.country} for p in row.parties],
                destination=row.destination,
                reason=reasons,
                case_id=case_id,
                marking=row.marking,
            )
            session.add(notice)
            session.flush()
            audit.append(
                session,
                decided_by,
                "denial notified",
                "denial_notification",
                notice.reference,
                None,
                {"case": row.reference, "annex_entry": notice.annex_entry},
            )
    return record


# --- notifications and consultations ---------------------------------------------------------------------


def notification_record(row: DenialNotificationRow) -> NotificationRecord:
    return NotificationRecord(
        row.id,
        row.direction,
        row.government,
        row.reference,
        row.item_description,
        row.annex_entry,
        tuple(row.parties),
        row.destination,
        row.reason,
        row.notified_on,
        row.case_id,
    )


def receive_notification(
    session: Session,
    *,
    government: str,
    reference: str,
    item_description: str,
    annex_entry: str,
    parties: tuple[dict[str, Any], ...],
    destination: str,
    reason: str,
    marking: str,
    actor: str,
) -> NotificationRecord:
    """A partner's denial notification, stored so that new cases are matched against it."""
    row = DenialNotificationRow(
        direction="received",
        government=_required(government, "government"),
        reference=_required(reference, "reference"),
        item_description=_required(item_description, "item_description"),
        annex_entry=annex_entry.strip(),
        parties=list(parties),
        destination=_country(destination, "destination"),
        reason=reason,
        marking=_required(marking, "marking"),
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        actor,
        "denial notification received",
        "denial_notification",
        row.reference,
        None,
        {"government": row.government, "annex_entry": row.annex_entry},
    )
    return notification_record(row)


def _entries_related(a: str, b: str) -> bool:
    """The same entry, or one inside the other (2.A.1 and 2.A.1.c.1)."""
    return bool(a and b) and (a == b or a.startswith(b + ".") or b.startswith(a + "."))


def matching_notifications(session: Session, case_id: int) -> list[NotificationMatch]:
    """Partners' denials an essentially identical transfer would undercut: same destination, a related
    Annex entry, and (if the notification names parties) a party of the case matching one of them."""
    row = _case_row(session, case_id)
    entries = [e for item in row.items for e in item.annex_entries]
    outcomes = {
        c.notification_id: ConsultationOutcome(c.outcome)
        for c in session.scalars(select(ConsultationRow).where(ConsultationRow.case_id == case_id))
        if c.outcome is not None
    }
    matches: list[NotificationMatch] = []
    received = session.scalars(select(DenialNotificationRow).where(DenialNotificationRow.direction == "received"))
    for notice in received:
        if notice.destination != row.destination:
            continue
        related = [e for e in entries if _entries_related(e, notice.annex_entry)]
        if not related:
            continue
        reasons = [f"same destination {notice.destination}", f"related Annex entry {related[0]} ~ {notice.annex_entry}"]
        score = 0.8
        if notice.parties:
            best = 0.0
            for listed in notice.parties:
                entity = ListEntity(notice.reference, EntityType.ORGANIZATION, (str(listed.get("name", "")),))
                for party in row.parties:
                    best = max(best, compare(Party(party.name, party.country), entity).score)
            if best < NOTIFICATION_MATCH_THRESHOLD:
                continue
            reasons.append(f"a party matches a denied party ({best:.2f})")
            score = max(score, best)
        outcome = outcomes.get(notice.id)
        if outcome is ConsultationOutcome.PARTNER_OBJECTS:
            reasons.append(f"{notice.government} objects")
        # an objection is a consultation that did not clear the way: it stays a reason not to approve
        complete = outcome in (ConsultationOutcome.NO_OBJECTION, ConsultationOutcome.NO_REPLY)
        matches.append(NotificationMatch(notification_record(notice), score, tuple(reasons), complete, outcome))
    return matches


def request_consultation(session: Session, case_id: int, notification_id: int, request: str, actor: str) -> int:
    row = _case_row(session, case_id)
    notice = session.get(DenialNotificationRow, notification_id)
    if notice is None or notice.direction != "received":
        raise NotFoundError("received denial notification", str(notification_id))
    consultation = ConsultationRow(
        case_id=case_id,
        notification_id=notification_id,
        partner=notice.government,
        request=_required(request, "request"),
    )
    session.add(consultation)
    session.flush()
    audit.append(
        session,
        actor,
        "consultation requested",
        "case",
        row.reference,
        None,
        {"consultation": consultation.id, "partner": notice.government},
    )
    return consultation.id


def record_consultation_reply(
    session: Session, consultation_id: int, reply: str, outcome: ConsultationOutcome, actor: str
) -> None:
    consultation = session.get(ConsultationRow, consultation_id)
    if consultation is None:
        raise NotFoundError("consultation", str(consultation_id))
    if consultation.outcome is not None:
        raise InputError("consultation", f"consultation {consultation_id} already has its outcome")
    consultation.reply = _required(reply, "reply")
    consultation.outcome = outcome.value
    consultation.replied_at = utc_now()
    session.flush()
    case = _case_row(session, consultation.case_id)
    audit.append(
        session,
        actor,
        "consultation reply",
        "case",
        case.reference,
        None,
        {"consultation": consultation_id, "outcome": outcome.value},
    )
