"""Notes, attachments and referrals: marked separately from their case, filtered on every read."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from mtcr.annex import Annex
from mtcr.casework import notes, service
from mtcr.casework.access import Principal
from mtcr.casework.identity import OrgKind, Role
from mtcr.casework.service import AdviceRecommendation
from mtcr.casework.workflow import CaseAction, CaseStatus
from mtcr.db.engine import session_scope
from mtcr.errors import InputError, NotFoundError
from tests.casework.test_service import _new_case, _to_clearance

OFFICER = Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")
REVIEWER = Principal(2, "MFA", OrgKind.REVIEWING_AGENCY, Role.REVIEWER, "CONFIDENTIAL")


def test_a_note_marked_above_a_reader_is_invisible_to_them(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        case_id = _new_case(session, annex, marking="CONFIDENTIAL")
        notes.add_note(session, case_id, OFFICER, "officer", "Partner intelligence on the end user", "SECRET")
        notes.add_note(session, case_id, OFFICER, "officer", "Ask for an end-user undertaking", "CONFIDENTIAL")
        assert len(notes.list_notes(session, case_id, OFFICER)) == 2
        assert [n.text for n in notes.list_notes(session, case_id, REVIEWER)] == ["Ask for an end-user undertaking"]
        with pytest.raises(InputError, match="above what you may read"):
            notes.add_note(session, case_id, REVIEWER, "reviewer", "x", "SECRET")


def test_attachments_keep_their_hash_and_marking(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        case_id = _new_case(session, annex, marking="CONFIDENTIAL")
        open_file = notes.add_attachment(
            session,
            case_id,
            OFFICER,
            "officer",
            filename="end-user.pdf",
            content_type="application/pdf",
            content=b"%PDF-1.4 undertaking",
            marking="CONFIDENTIAL",
        )
        secret_file = notes.add_attachment(
            session,
            case_id,
            OFFICER,
            "officer",
            filename="../../intel.txt",
            content_type="text/plain",
            content=b"secret",
            marking="SECRET",
        )
        assert secret_file.filename == ".._.._intel.txt"  # no paths smuggled in a name
        record, content = notes.read_attachment(session, open_file.id, REVIEWER)
        assert content == b"%PDF-1.4 undertaking" and len(record.sha256) == 64
        with pytest.raises(NotFoundError):
            notes.read_attachment(session, secret_file.id, REVIEWER)
        assert [a.id for a in notes.list_attachments(session, case_id, REVIEWER)] == [open_file.id]
        with pytest.raises(InputError, match="empty"):
            notes.add_attachment(
                session, case_id, OFFICER, "officer", filename="x", content_type="", content=b"", marking="CONFIDENTIAL"
            )


def test_clearance_waits_for_every_referred_agency(engine: Engine, annex: Annex) -> None:
    with session_scope(engine) as session:
        from mtcr.casework import identity

        for code in ("MFA", "MOD-REV"):
            identity.create_organisation(
                session, "admin", code=code, name=code, kind=OrgKind.REVIEWING_AGENCY, country="GB"
            )
        case_id = _new_case(session, annex)
        _to_clearance(session, case_id)
        with pytest.raises(InputError, match="not reviewing agencies: NOSUCH"):
            service.refer(session, case_id, ("NOSUCH",), "officer-1")
        assert service.refer(session, case_id, ("mfa", "MOD-REV"), "officer-1") == ("MFA", "MOD-REV")
        service.give_advice(
            session, case_id, agency="MFA", author="d", recommendation=AdviceRecommendation.DENY, reasons="Category I"
        )
        with pytest.raises(InputError, match="MOD-REV"):
            service.act(session, case_id, CaseAction.CLEAR, "officer-1")
        assert service.get_case(session, case_id).status is CaseStatus.INTERAGENCY_CLEARANCE
        service.give_advice(
            session,
            case_id,
            agency="MOD-REV",
            author="t",
            recommendation=AdviceRecommendation.DENY,
            reasons="Range 494 km with 500 kg",
        )
        assert service.act(session, case_id, CaseAction.CLEAR, "officer-1").status is CaseStatus.DECISION


def test_notifications_are_filtered_in_the_service_layer(engine: Engine, annex: Annex) -> None:
    from mtcr.casework import notifications

    partner = Principal(3, "PARTNER-A", OrgKind.PARTNER_GOVERNMENT, Role.PARTNER_LIAISON, "SECRET")
    with session_scope(engine) as session:
        for reference, marking in (
            ("N-OPEN", "UNCLASSIFIED"),
            ("N-NATIONAL", "SECRET"),
            ("N-REL", "SECRET//REL TO PARTNER-A"),
        ):
            service.receive_notification(
                session,
                government="Partner B",
                reference=reference,
                item_description="SRBM",
                annex_entry="1.A.1",
                parties=(),
                destination="PK",
                reason="Category I",
                marking=marking,
                actor="liaison",
            )
        assert {n.reference for n in notifications.list_notifications(session, OFFICER)} == {
            "N-OPEN",
            "N-NATIONAL",
            "N-REL",
        }
        assert {n.reference for n in notifications.list_notifications(session, partner, "received")} == {
            "N-OPEN",
            "N-REL",
        }
        case_id = _new_case(session, annex)
        assert len(service.matching_notifications(session, case_id)) == 3
        assert {m.notification.reference for m in notifications.readable_matches(session, case_id, OFFICER)} == {
            "N-OPEN",
            "N-NATIONAL",
            "N-REL",
        }
        with pytest.raises(InputError):
            notifications.list_notifications(session, OFFICER, "sideways")


def test_a_partner_objection_blocks_a_licence_and_changed_cases_lose_their_advice(engine: Engine, annex: Annex) -> None:
    from mtcr.casework.service import ConsultationOutcome, ConsultationRequiredError, DecisionOutcome

    with session_scope(engine) as session:
        service.receive_notification(
            session,
            government="PARTNER-A",
            reference="PA-1",
            item_description="SRBM",
            annex_entry="1.A.1",
            parties=(),
            destination="PK",
            reason="Category I",
            marking="UNCLASSIFIED",
            actor="liaison",
        )
        case_id = _new_case(session, annex)
        _to_clearance(session, case_id)
        match = service.matching_notifications(session, case_id)[0]
        consultation = service.request_consultation(session, case_id, match.notification.id, "Objection?", "o")
        service.record_consultation_reply(session, consultation, "We object", ConsultationOutcome.PARTNER_OBJECTS, "l")
        again = service.matching_notifications(session, case_id)[0]
        assert not again.consultation_complete and "PARTNER-A objects" in again.reasons
        service.give_advice(
            session, case_id, agency="MFA", author="d", recommendation=AdviceRecommendation.APPROVE, reasons="ok"
        )
        service.act(session, case_id, CaseAction.CLEAR, "officer-1")
        with pytest.raises(ConsultationRequiredError, match="a partner objects"):
            service.decide(
                session,
                case_id,
                outcome=DecisionOutcome.LICENCE,
                decided_by="officer-1",
                reasons="ok",
                countersigned_by="director-1",
            )
        service.act(session, case_id, CaseAction.RETURN_TO_REVIEW, "officer-1")
        service.add_item(
            session, case_id, description="Spare motor", quantity=1, value=1, currency="USD", actor="exporter"
        )
        assert not any(a.valid for a in service.get_case(session, case_id).advice)  # advice was on the old case


def test_an_unscreened_party_is_not_clear(engine: Engine, annex: Annex) -> None:
    from mtcr import policy
    from mtcr.casework import recommend

    with session_scope(engine) as session:
        case_id = _new_case(session, annex)  # its party was added without a screening
        facts = recommend.case_facts(session, case_id)
        assert facts.parties[0].screening is policy.ScreeningStatus.POSSIBLE_MATCH
