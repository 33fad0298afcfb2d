"""Demonstration data drawn from the 1988 record: organisations, users and five transfer applications.

Passwords are generated when the data is loaded and shown once; none is stored in the repository.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mtcr import annex as annex_module
from mtcr import policy
from mtcr.casework import identity, recommend, service
from mtcr.casework.identity import OrgKind, Role
from mtcr.casework.models import CaseRow
from mtcr.casework.service import AdviceRecommendation, Assurance, PartyRole
from mtcr.casework.workflow import CaseAction
from mtcr.db import screening as screening_store
from mtcr.errors import NotFoundError
from mtcr.physics import assess, classify_assessment, find_system
from mtcr.screening.index import CandidateIndex
from mtcr.screening.model import Party

DEMO_ACTOR = "demo-loader"

ORGANISATIONS = (
    ("MOD-LIC", "Export Licensing Authority", OrgKind.LICENSING_AUTHORITY, "GB"),
    ("MFA", "Ministry of Foreign Affairs, Nonproliferation Department", OrgKind.REVIEWING_AGENCY, "GB"),
    ("MOD-REV", "Ministry of Defence, Technology Review", OrgKind.REVIEWING_AGENCY, "GB"),
    ("EXP-AERO", "Example Aerospace Ltd", OrgKind.EXPORTER, "GB"),
    ("PARTNER-A", "Partner Government A", OrgKind.PARTNER_GOVERNMENT, "FR"),
)
USERS = (
    ("officer", "Licensing Officer", "MOD-LIC", Role.LICENSING_OFFICER, "SECRET"),
    ("supervisor", "Head of Licensing", "MOD-LIC", Role.SUPERVISOR, "SECRET"),
    ("mfa-reviewer", "MFA Reviewer", "MFA", Role.REVIEWER, "SECRET"),
    ("mod-reviewer", "MOD Technical Reviewer", "MOD-REV", Role.REVIEWER, "SECRET"),
    ("exporter", "Exporter's Compliance Officer", "EXP-AERO", Role.EXPORTER_USER, "UNCLASSIFIED"),
    ("liaison", "Partner Liaison", "PARTNER-A", Role.PARTNER_LIAISON, "CONFIDENTIAL"),
    ("admin", "System Administrator", "MOD-LIC", Role.ADMIN, "UNCLASSIFIED"),
)


@dataclass(frozen=True, slots=True)
class DemoLoad:
    created: bool  # False: the demo data was there already (nothing written)
    passwords: tuple[tuple[str, str], ...]  # (username, password), shown once
    case_references: tuple[str, ...]


def _demo_loaded(session: Session) -> bool:
    return session.scalar(select(CaseRow.id).where(CaseRow.created_by == DEMO_ACTOR).limit(1)) is not None


def load_demo(session: Session) -> DemoLoad:
    """Create the demonstration organisations, users and cases (once)."""
    if _demo_loaded(session):
        return DemoLoad(False, (), ())
    for code, name, kind, country in ORGANISATIONS:
        identity.create_organisation(session, DEMO_ACTOR, code=code, name=name, kind=kind, country=country)
    passwords = []
    for username, display, org, role, clearance in USERS:
        password = secrets.token_urlsafe(12)
        identity.create_user(
            session,
            DEMO_ACTOR,
            username=username,
            display_name=display,
            organisation_code=org,
            role=role,
            clearance=clearance,
            password=password,
        )
        passwords.append((username, password))
    edition = annex_module.load("mtcr-2024")
    snapshot = screening_store.ensure_bundled_list(session)
    index = CandidateIndex(screening_store.snapshot_entities(session, snapshot.id))
    references = [
        _m11_to_pakistan(session, edition, index, snapshot),
        _silkworm_to_iran(session, edition, index, snapshot),
        _motor_for_space_programme(session, edition, index, snapshot),
        _guidance_set_for_aircraft(session, edition, index, snapshot),
        _filament_winder_to_partner(session, edition, index, snapshot),
    ]
    return DemoLoad(True, tuple(passwords), tuple(references))


def _party(
    session: Session,
    case_id: int,
    role: PartyRole,
    name: str,
    country: str,
    index: CandidateIndex,
    snapshot: screening_store.Snapshot,
) -> None:
    party = Party(name, country)
    hits = index.screen(party)
    screening_id = screening_store.record_screening(session, party, snapshot, hits, 0.7, DEMO_ACTOR)
    service.add_party(
        session, case_id, role=role, name=name, country=country, screening_id=screening_id, actor=DEMO_ACTOR
    )


def _case(
    session: Session,
    title: str,
    destination: str,
    end_use: str,
    location: str,
    marking: str,
    assurances: tuple[Assurance, ...],
) -> int:
    return service.create_case(
        session,
        title=title,
        exporter="Example Aerospace Ltd",
        destination=destination,
        end_use=end_use,
        end_use_location=location,
        marking=marking,
        owner_org="MOD-LIC",
        actor=DEMO_ACTOR,
        assurances=assurances,
    ).id


def _m11_to_pakistan(
    session: Session, edition: annex_module.Annex, index: CandidateIndex, snapshot: screening_store.Snapshot
) -> str:
    """Declared about 290 km with 800 kg; with 500 kg it flies well past 300 km: Category I."""
    case_id = _case(
        session,
        "M-11 short-range ballistic missiles",
        "PK",
        "Army missile force",
        "Sargodha",
        "SECRET",
        (Assurance.GOVERNMENT_TO_GOVERNMENT,),
    )
    result = assess(find_system("m-11"), edition, curve_points=8)
    summary = {
        "system": result.vehicle.name,
        "category": result.category.value,
        "range_at_threshold_payload_m": result.at_threshold_payload.range_m,
        "payload_to_threshold_range_kg": result.payload_to_threshold_range_kg,
        "curve": [[p.payload_kg, p.range_m] for p in result.curve],
        "model_version": result.model_version,
    }
    service.add_item(
        session,
        case_id,
        description="M-11 missile with transporter-erector-launcher",
        quantity=34,
        value=34e6,
        currency="USD",
        actor=DEMO_ACTOR,
        classification=classify_assessment(edition, result),
        assessment=summary,
        system_role=policy.SystemRole.SHORT_RANGE_BALLISTIC,
    )
    _party(session, case_id, PartyRole.END_USER, "National Development Complex", "PK", index, snapshot)
    _party(session, case_id, PartyRole.CONSIGNEE, "Ministry of Defence Production", "PK", index, snapshot)
    _through_to_clearance(session, case_id)
    service.give_advice(
        session,
        case_id,
        agency="MFA",
        author="mfa-reviewer",
        recommendation=AdviceRecommendation.DENY,
        reasons="Category I once the range/payload trade-off is applied: strong presumption of denial",
    )
    return service.get_case(session, case_id).reference


def _silkworm_to_iran(
    session: Session, edition: annex_module.Annex, index: CandidateIndex, snapshot: screening_store.Snapshot
) -> str:
    """Not Category I by range; case by case for regional stability and the risk to neutral shipping."""
    case_id = _case(
        session, "HY-2 Silkworm anti-ship cruise missiles", "IR", "Coastal defence", "Strait of Hormuz", "SECRET", ()
    )
    item = annex_module.describe(edition, "complete_uav_system", {"range": "95 km", "payload": "513 kg"})
    service.add_item(
        session,
        case_id,
        description="HY-2 anti-ship cruise missile",
        quantity=40,
        value=12e6,
        currency="USD",
        actor=DEMO_ACTOR,
        classification=annex_module.classify(edition, item),
        system_role=policy.SystemRole.ANTI_SHIP,
    )
    _party(session, case_id, PartyRole.END_USER, "Islamic Revolutionary Guard Corps Navy", "IR", index, snapshot)
    service.act(session, case_id, CaseAction.SUBMIT, DEMO_ACTOR)
    return service.get_case(session, case_id).reference


def _motor_for_space_programme(
    session: Session, edition: annex_module.Annex, index: CandidateIndex, snapshot: screening_store.Snapshot
) -> str:
    """A 1.2 MN·s solid rocket motor: a Category I component, whatever the stated space end use."""
    case_id = _case(
        session,
        "Solid rocket motor for a satellite launcher",
        "BR",
        "Space launch programme",
        "Alcântara launch centre",
        "CONFIDENTIAL",
        (Assurance.END_USER_UNDERTAKING,),
    )
    item = annex_module.describe(edition, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}, confirmed=["usable_in"])
    service.add_item(
        session,
        case_id,
        description="Solid rocket motor, total impulse 1.2 MN·s",
        quantity=4,
        value=8e6,
        currency="USD",
        actor=DEMO_ACTOR,
        classification=annex_module.classify(edition, item),
    )
    _party(session, case_id, PartyRole.END_USER, "Instituto de Aeronáutica e Espaço", "BR", index, snapshot)
    service.act(session, case_id, CaseAction.SUBMIT, DEMO_ACTOR)
    return service.get_case(session, case_id).reference


def _guidance_set_for_aircraft(
    session: Session, edition: annex_module.Annex, index: CandidateIndex, snapshot: screening_store.Snapshot
) -> str:
    """Guidance sets designed for manned aircraft: the Annex's downgrade to Category II."""
    case_id = _case(
        session,
        "Inertial guidance sets for manned aircraft",
        "IN",
        "Fighter aircraft upgrade",
        "Bangalore",
        "CONFIDENTIAL",
        (Assurance.END_USER_UNDERTAKING,),
    )
    item = annex_module.describe(
        edition,
        "guidance_set",
        {"guidance_accuracy_ratio": "2 percent", "end_system_kind": "manned_aircraft"},
        confirmed=["usable_in"],
    )
    service.add_item(
        session,
        case_id,
        description="Integrated inertial guidance set for manned aircraft",
        quantity=12,
        value=3.6e6,
        currency="USD",
        actor=DEMO_ACTOR,
        classification=annex_module.classify(edition, item),
    )
    _party(session, case_id, PartyRole.END_USER, "Hindustan Aeronautics Limited", "IN", index, snapshot)
    _through_to_clearance(session, case_id)
    return service.get_case(session, case_id).reference


def _filament_winder_to_partner(
    session: Session, edition: annex_module.Annex, index: CandidateIndex, snapshot: screening_store.Snapshot
) -> str:
    """A filament-winding machine for a partner's civil programme: Category II, approve with provisos."""
    case_id = _case(
        session,
        "Filament-winding machine for composite pressure vessels",
        "FR",
        "Civil composite tanks",
        "Toulouse",
        "UNCLASSIFIED",
        (Assurance.END_USER_UNDERTAKING, Assurance.NO_RETRANSFER_WITHOUT_CONSENT, Assurance.END_USE_VERIFICATION),
    )
    item = annex_module.describe(
        edition,
        "filament_winding_machine",
        {"coordinated_axes": "3", "composite_layup_process": "filament_winding"},
        confirmed=["usable_in"],
    )
    service.add_item(
        session,
        case_id,
        description="Three-axis filament-winding machine",
        quantity=1,
        value=750e3,
        currency="EUR",
        actor=DEMO_ACTOR,
        classification=annex_module.classify(edition, item),
    )
    _party(session, case_id, PartyRole.END_USER, "Composite Vessels SA", "FR", index, snapshot)
    service.act(session, case_id, CaseAction.SUBMIT, DEMO_ACTOR)
    recommend.answer_checklist(session, case_id, "a-wmd-concerns", policy.FactorAnswer.NO, "mod-reviewer")
    return service.get_case(session, case_id).reference


def _through_to_clearance(session: Session, case_id: int) -> None:
    for action in (CaseAction.SUBMIT, CaseAction.START_REVIEW, CaseAction.REFER_FOR_CLEARANCE):
        service.act(session, case_id, action, DEMO_ACTOR)


def reset_demo_passwords(session: Session) -> tuple[tuple[str, str], ...]:
    """New passwords for the demo users (a demo database only), shown once: `make run` prints them on
    every start, since the first ones were shown only when the data was loaded."""
    if not _demo_loaded(session):
        raise NotFoundError("demo data", "this database", "mtcr demo load creates it")
    passwords = []
    for username, *_ in USERS:
        password = secrets.token_urlsafe(12)
        identity.set_password(session, DEMO_ACTOR, username, password)
        passwords.append((username, password))
    return tuple(passwords)
