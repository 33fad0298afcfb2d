"""Casework services on SQLite and PostgreSQL: the M-11 case from application to denial and notification,
advice superseded but kept, and no approval that undercuts a partner's denial without consultation."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from mtcr.annex import Annex, RangePayloadPoint, describe
from mtcr.annex.classifier import classify
from mtcr.casework import audit, service
from mtcr.casework.service import (
    AdviceRecommendation,
    Assurance,
    ConsultationOutcome,
    ConsultationRequiredError,
    DecisionOutcome,
    PartyRole,
)
from mtcr.casework.workflow import CaseAction, CaseStatus, IllegalTransitionError
from mtcr.db.engine import session_scope
from mtcr.errors import InputError


def _new_case(
    session, annex: Annex, destination: str = "PK", marking: str = "SECRET", owner_org: str = "MOD-LIC"
) -> int:  # type: ignore[no-untyped-def]
    case = service.create_case(
        session,
        title="Short-range ballistic missiles",
        exporter="Example Export Corporation",
        destination=destination,
        end_use="Army artillery",
        end_use_location="Rawalpindi",
        marking=marking,
        owner_org=owner_org,
        actor="officer-1",
        assurances=(Assurance.GOVERNMENT_TO_GOVERNMENT,),
    )
    # declared 290 km with 800 kg; the range-payload curve (from mtcr assess m-11) settles the trade-off
    curve = [RangePayloadPoint(500, 494e3), RangePayloadPoint(800, 346e3)]
    missile = describe(
        annex, "complete_rocket_system", {"range": "290 km", "payload": "800 kg"}, range_payload_curve=curve
    )
    service.add_item(
        session,
        case.id,
        description="M-11 missile",
        quantity=34,
        value=5e6,
        currency="USD",
        actor="officer-1",
        classification=classify(annex, missile),
    )
    service.add_party(
        session,
        case.id,
        role=PartyRole.END_USER,
        name="Ministry of Defence Production",
        country="PK",
        actor="officer-1",
    )
    return case.id


def _to_clearance(session, case_id: int) -> None:  # type: ignore[no-untyped-def]
    for action in (CaseAction.SUBMIT, CaseAction.START_REVIEW, CaseAction.REFER_FOR_CLEARANCE):
        service.act(session, case_id, action, "officer-1")


def test_a_case_from_application_to_denial(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        case_id = _new_case(session, annex)
        case = service.get_case(session, case_id)
        assert case.status is CaseStatus.DRAFT and case.reference.startswith("MTCR-")
        assert case.items[0].category == "Category I" and "1.A.1" in case.items[0].annex_entries
        _to_clearance(session, case_id)
        first = service.give_advice(
            session,
            case_id,
            agency="MFA",
            author="diplomat-1",
            recommendation=AdviceRecommendation.APPROVE,
            reasons="good relations",
        )
        second = service.give_advice(
            session,
            case_id,
            agency="MFA",
            author="diplomat-2",
            recommendation=AdviceRecommendation.DENY,
            reasons="Category I: MTCR guidelines",
        )
        service.countersign(session, second.id, "director-1")
        case = service.get_case(session, case_id)
        kept = {a.id: a for a in case.advice}
        assert not kept[first.id].valid and kept[first.id].superseded_by == second.id  # kept, marked invalid
        assert kept[second.id].valid and kept[second.id].countersigned_by == "director-1"
        service.act(session, case_id, CaseAction.CLEAR, "officer-1")
        decided = service.decide(
            session,
            case_id,
            outcome=DecisionOutcome.DENIAL,
            decided_by="officer-1",
            reasons="Category I: strong presumption of denial",
        )
        assert decided.status is CaseStatus.DENIED
    with session_scope(engine) as session:
        trail = audit.history(session, "case", decided.reference)
        assert [e.action for e in trail][-2:] == ["deny", "decision: denial"]
        assert audit.verify(session).ok


def test_illegal_moves_and_bad_input_change_nothing(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        case_id = _new_case(session, annex)
        with pytest.raises(IllegalTransitionError):
            service.act(session, case_id, CaseAction.CLEAR, "officer-1")
        with pytest.raises(InputError, match="is a decision"):
            service.act(session, case_id, CaseAction.ISSUE_LICENCE, "officer-1")
        with pytest.raises(InputError, match="interagency clearance"):
            service.give_advice(
                session, case_id, agency="MFA", author="a", recommendation=AdviceRecommendation.DENY, reasons="x"
            )
        with pytest.raises(InputError) as caught:
            service.add_item(session, case_id, description="x", quantity=0, value=1, currency="USD", actor="o")
        assert caught.value.field == "quantity"
        assert service.get_case(session, case_id).status is CaseStatus.DRAFT


def test_approval_that_would_undercut_a_partner_denial_needs_consultation(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        service.receive_notification(
            session,
            government="Partner A",
            reference="PA-2026-7",
            item_description="SRBM",
            annex_entry="1.A.1",
            parties=({"name": "Ministry of Defense Production", "country": "PK"},),
            destination="PK",
            reason="Category I",
            marking="CONFIDENTIAL",
            actor="liaison-1",
        )
        case_id = _new_case(session, annex)
        matches = service.matching_notifications(session, case_id)
        assert len(matches) == 1 and not matches[0].consultation_complete
        assert any("party matches" in r for r in matches[0].reasons)
        _to_clearance(session, case_id)
        service.act(session, case_id, CaseAction.CLEAR, "officer-1")
        with pytest.raises(ConsultationRequiredError, match="1 partner denial notification"):
            service.decide(session, case_id, outcome=DecisionOutcome.LICENCE, decided_by="officer-1", reasons="ok")
        consultation = service.request_consultation(
            session, case_id, matches[0].notification.id, "Essentially identical?", "officer-1"
        )
        service.record_consultation_reply(
            session, consultation, "No objection", ConsultationOutcome.NO_OBJECTION, "liaison-1"
        )
        with pytest.raises(InputError, match="countersignature"):  # Category I: a second, senior signature
            service.decide(session, case_id, outcome=DecisionOutcome.LICENCE, decided_by="officer-1", reasons="ok")
        decided = service.decide(
            session,
            case_id,
            outcome=DecisionOutcome.LICENCE,
            decided_by="officer-1",
            reasons="consulted",
            provisos=("no retransfer",),
            countersigned_by="director-1",
        )
        assert decided.status is CaseStatus.LICENCE_ISSUED


def test_a_different_destination_is_not_a_match(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        service.receive_notification(
            session,
            government="Partner A",
            reference="PA-1",
            item_description="SRBM",
            annex_entry="1.A.1",
            parties=(),
            destination="IR",
            reason="Category I",
            marking="CONFIDENTIAL",
            actor="liaison-1",
        )
        assert service.matching_notifications(session, _new_case(session, annex, "PK")) == []


def test_reads_are_filtered_by_clearance_and_releasability(engine: Engine, annex: Annex) -> None:
    from mtcr.casework.access import Principal
    from mtcr.casework.identity import OrgKind, Role
    from mtcr.errors import NotFoundError

    officer = Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")
    uncleared = Principal(2, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "CONFIDENTIAL")
    exporter = Principal(3, "EXP-1", OrgKind.EXPORTER, Role.EXPORTER_USER, "SECRET")
    with session_scope(engine) as session:
        secret_case = _new_case(session, annex, marking="SECRET//NOFORN")  # national only, owned by MOD-LIC
        assert service.read_case(session, secret_case, officer).id == secret_case
        for reader in (uncleared, exporter):
            with pytest.raises(NotFoundError):  # as if the case did not exist
                service.read_case(session, secret_case, reader)
        assert [c.id for c in service.list_cases(session, officer)] == [secret_case]
        assert service.list_cases(session, uncleared) == []
        with pytest.raises(InputError):
            service.create_case(
                session,
                title="t",
                exporter="e",
                destination="PK",
                end_use="u",
                end_use_location="",
                marking="TOP SECRET",
                owner_org="MOD-LIC",
                actor="officer-1",
            )


def test_the_policy_recommendation_follows_the_case(engine: Engine, annex: Annex) -> None:
    from mtcr import policy
    from mtcr.casework import recommend
    from mtcr.casework.access import Principal
    from mtcr.casework.identity import OrgKind, Role

    officer = Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")
    with session_scope(engine) as session:
        case_id = _new_case(session, annex)
        result = recommend.recommend(session, case_id, officer)
        assert result.recommendation is policy.Recommendation.DENY  # Category I: strong presumption of denial
        assert "MTCR-G-4" in {rule.rule_id for rule in result.fired}
        recommend.answer_checklist(session, case_id, "a-wmd-concerns", policy.FactorAnswer.NO, "reviewer-1")
        recommend.record_analysis(session, case_id, policy.Analysis.TECHNICAL_ASSESSMENT, "analyst-1")
        assert recommend.case_facts(session, case_id).technical_assessment_done
        assert audit.verify(session).ok


def test_the_agencies_advice_is_internal_to_government(engine: Engine, annex: Annex) -> None:
    from mtcr.casework.access import Principal
    from mtcr.casework.identity import OrgKind, Role

    officer = Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")
    reviewer = Principal(2, "MFA", OrgKind.REVIEWING_AGENCY, Role.REVIEWER, "SECRET")
    applicant = Principal(3, "EXP-1", OrgKind.EXPORTER, Role.EXPORTER_USER, "UNCLASSIFIED")
    admin = Principal(4, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.ADMIN, "SECRET")
    with session_scope(engine) as session:
        case_id = _new_case(session, annex, marking="UNCLASSIFIED", owner_org="EXP-1")
        _to_clearance(session, case_id)
        service.give_advice(
            session, case_id, agency="MFA", author="mfa-1", recommendation=AdviceRecommendation.DENY, reasons="why"
        )
        for reader in (officer, reviewer):
            assert len(service.read_case(session, case_id, reader).advice) == 1
            assert len(service.list_cases(session, reader)[0].advice) == 1
        for reader in (applicant, admin):
            assert service.read_case(session, case_id, reader).advice == ()  # the case, without the deliberation
            assert service.list_cases(session, reader)[0].advice == ()
