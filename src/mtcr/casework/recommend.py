"""A case's policy recommendation: the case's facts, as the policy engine reads them, and the result.

The engine recommends; the licensing officer decides (service.decide). The facts come from the case
itself: items with their Annex category and role, parties with their screening on record and its
dispositions, assurances, the analyses done, the reviewer's checklist answers, and matches against
partners' denial notifications with the state of each consultation.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mtcr import policy
from mtcr.casework import audit, notifications, service
from mtcr.casework.access import Principal
from mtcr.casework.models import CaseRow
from mtcr.db import screening as screening_store
from mtcr.errors import InputError, NotFoundError

_CATEGORY = {
    "Category I": policy.ItemCategory.I,
    "Category II": policy.ItemCategory.II,
    "not controlled": policy.ItemCategory.NOT_CONTROLLED,
}


def _screening_status(session: Session, screening_id: int | None) -> policy.ScreeningStatus:
    """Confirmed if an analyst confirmed a hit; possible while any hit is not ruled out; else clear."""
    if screening_id is None:
        return policy.ScreeningStatus.POSSIBLE_MATCH  # not screened: not cleared either
    record = screening_store.get_screening(session, screening_id)
    if any(h.disposition is screening_store.Disposition.TRUE_MATCH for h in record.hits):
        return policy.ScreeningStatus.CONFIRMED_MATCH
    if any(h.disposition is not screening_store.Disposition.FALSE_POSITIVE for h in record.hits):
        return policy.ScreeningStatus.POSSIBLE_MATCH
    return policy.ScreeningStatus.CLEAR


def case_facts(session: Session, case_id: int, principal: Principal | None = None) -> policy.TransferFacts:
    """The case as the policy engine reads it; with ``principal``, partners' denials they may not read are left
    out (the decision itself always checks every one)."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError("case", str(case_id))
    items = tuple(
        policy.TransferItem(
            description=item.description,
            quantity=max(1, round(item.quantity)),  # the engine counts whole units
            category=_CATEGORY.get(item.category, policy.ItemCategory.NOT_CONTROLLED),
            entry_ids=tuple(item.annex_entries),
            is_production_facility=item.is_production_facility,
            system_role=policy.SystemRole(item.system_role),
        )
        for item in row.items
    )
    parties = tuple(
        policy.TransferParty(
            name=party.name,
            role=policy.PartyRole(party.role.upper().replace(" ", "_")),
            screening=_screening_status(session, party.screening_id),
            country=party.country,
        )
        for party in row.parties
    )
    matches = tuple(
        policy.DenialNotificationMatch(
            notifying_government=m.notification.government,
            notification_id=m.notification.reference,
            similarity=m.score,
            consultation_completed=m.consultation_complete,
        )
        for m in (
            notifications.readable_matches(session, case_id, principal)
            if principal is not None
            else service.matching_notifications(session, case_id)
        )
    )
    return policy.TransferFacts(
        destination=row.destination,
        items=items,
        end_use=row.end_use,
        end_use_location=row.end_use_location,
        parties=parties,
        wmd_end_use=policy.WmdEndUse(row.wmd_end_use),
        assurances=frozenset(policy.Assurance(service.Assurance(a).name) for a in row.assurances),
        checklist={factor: policy.FactorAnswer(answer) for factor, answer in (row.checklist or {}).items()},
        denial_matches=matches,
        technical_assessment_done=row.technical_assessment_done,
        regional_stability_analysis_done=row.regional_stability_done,
    )


def recommend(
    session: Session,
    case_id: int,
    principal: Principal,
    guidelines: policy.PolicyDocument | None = None,
    national: policy.PolicyDocument | None = None,
) -> policy.PolicyResult:
    """The policy engine's recommendation for a case ``principal`` may read, with every rule that fired."""
    service.read_case(session, case_id, principal)  # NotFoundError when the case is not theirs to see
    guidelines = guidelines or policy.load_guidelines()
    national = national or policy.load_national(guidelines=guidelines)
    return policy.evaluate(case_facts(session, case_id, principal), guidelines, national)


def record_analysis(session: Session, case_id: int, analysis: policy.Analysis, actor: str) -> None:
    """Mark a technical assessment or a regional-stability analysis as done (kept in the audit log)."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError("case", str(case_id))
    if analysis is policy.Analysis.TECHNICAL_ASSESSMENT:
        row.technical_assessment_done = True
    else:
        row.regional_stability_done = True
    session.flush()
    audit.append(session, actor, "analysis recorded", "case", row.reference, None, {"analysis": analysis.value})


def answer_checklist(session: Session, case_id: int, factor: str, answer: policy.FactorAnswer, actor: str) -> None:
    """The reviewer's answer to one evaluation factor of the Guidelines' checklist."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError("case", str(case_id))
    guidelines = policy.load_guidelines()
    known = [
        q.factor_id
        for document in (guidelines, policy.load_national(guidelines=guidelines))
        for q in document.checklist
    ]
    if factor not in known:
        raise InputError("factor", f"unknown checklist factor {factor!r}; known: {', '.join(known)}")
    before = dict(row.checklist or {})
    row.checklist = {**before, factor: answer.value}
    session.flush()
    audit.append(
        session, actor, "checklist answered", "case", row.reference, {"checklist": before}, {"checklist": row.checklist}
    )


def set_wmd_end_use(session: Session, case_id: int, level: policy.WmdEndUse, actor: str) -> None:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError("case", str(case_id))
    before = row.wmd_end_use
    row.wmd_end_use = level.value
    session.flush()
    audit.append(
        session,
        actor,
        "WMD end use assessed",
        "case",
        row.reference,
        {"wmd_end_use": before},
        {"wmd_end_use": level.value},
    )
