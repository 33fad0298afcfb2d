"""Every route × every role (and no token) × cases at several markings, against a table written out by hand.

Outcomes: ``ok`` = authorised (the request reached the service: 2xx, or a business refusal 409/422 because of
the case's state), ``403`` = the role may not take the action (whatever the case), ``404`` = the case is not
readable by the caller (indistinguishable from a case that does not exist), ``401`` = no token.

Readers of the four cases (owner MOD-LIC, the licensing authority):

    case  marking                               officer supervisor admin  reviewer(MFA) exporter(ACME) liaison(FRA)
    U     UNCLASSIFIED                          yes     yes        yes    yes           no (not ACME's) yes
    S     SECRET                                yes     yes        yes    yes           no (cleared C) no (national)
    NF    SECRET//NOFORN                        yes     yes        yes    no            no             no
    REL   CONFIDENTIAL//REL TO FRA-SGDSN        yes     yes        yes    no            no             yes
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from mtcr.casework import notes, service
from mtcr.casework.access import Principal
from mtcr.casework.identity import OrgKind, Role
from mtcr.casework.service import AdviceRecommendation, PartyRole
from mtcr.casework.workflow import CaseAction
from mtcr.db.engine import session_scope
from tests.api.conftest import PARTNER, ROLES, World

MARKINGS = {
    "U": "UNCLASSIFIED",
    "S": "SECRET",
    "NF": "SECRET//NOFORN",
    "REL": f"CONFIDENTIAL//REL TO {PARTNER}",
}
CASES = tuple(MARKINGS)
OWNER = Principal(0, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")  # seeds the data


@dataclass(frozen=True)
class Fixture:
    """Ids of what each case has: the case, its advice, its consultation; and a partner notification."""

    case: dict[str, int]
    reference: dict[str, str]
    advice: dict[str, int]
    consultation: dict[str, int]
    notification: int
    attachment: dict[str, int]


def _seed(session: Session) -> Fixture:
    notice = service.receive_notification(
        session,
        government=PARTNER,
        reference="FR-2024-001",
        item_description="Rocket motors",
        annex_entry="2.A.1",
        parties=(),
        destination="PK",
        reason="Category I",
        marking="UNCLASSIFIED",
        actor="liaison",
    )
    case, reference, advice, consultation, attachment = {}, {}, {}, {}, {}
    for key, marking in MARKINGS.items():
        record = service.create_case(
            session,
            title=f"Case {key}",
            exporter="Acme Rockets Ltd",
            destination="PK",
            end_use="Space launch",
            end_use_location="Karachi",
            marking=marking,
            owner_org="MOD-LIC",
            actor="officer",
        )
        service.add_item(session, record.id, description="Gyro", quantity=1, value=10, currency="USD", actor="officer")
        service.add_party(session, record.id, role=PartyRole.END_USER, name="SUPARCO", country="PK", actor="officer")
        for action in (CaseAction.SUBMIT, CaseAction.START_REVIEW, CaseAction.REFER_FOR_CLEARANCE):
            service.act(session, record.id, action, "officer")
        given = service.give_advice(
            session,
            record.id,
            agency="MOD-LIC",
            author="officer",
            recommendation=AdviceRecommendation.APPROVE,
            reasons="No concern",
        )
        case[key], reference[key], advice[key] = record.id, record.reference, given.id
        consultation[key] = service.request_consultation(session, record.id, notice.id, "Any objection?", "officer")
        attachment[key] = notes.add_attachment(
            session,
            record.id,
            OWNER,
            "officer",
            filename="letter.txt",
            content_type="text/plain",
            content=b"letter",
            marking=marking,
        ).id
    return Fixture(case, reference, advice, consultation, notice.id, attachment)


Request = tuple[str, str, dict[str, Any] | None]
CaseRoute = Callable[[Fixture, str], Request]

# --- the routes on one case, each with how to call it ------------------------------------------------------

CASE_ROUTES: dict[str, CaseRoute] = {
    "GET /cases/{case_id}": lambda f, k: ("GET", f"/cases/{f.case[k]}", None),
    "POST /cases/{case_id}/items": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/items",
        {"description": "Accelerometer", "quantity": 2, "value": 100, "currency": "EUR"},
    ),
    "POST /cases/{case_id}/parties": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/parties",
        {"role": "consignee", "name": "Karachi Freight", "country": "PK"},
    ),
    "POST /cases/{case_id}/actions submit": lambda f, k: ("POST", f"/cases/{f.case[k]}/actions", {"action": "submit"}),
    "POST /cases/{case_id}/actions start review": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/actions",
        {"action": "start review"},
    ),
    "POST /cases/{case_id}/actions clear": lambda f, k: ("POST", f"/cases/{f.case[k]}/actions", {"action": "clear"}),
    "POST /cases/{case_id}/actions withdraw": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/actions",
        {"action": "withdraw"},
    ),
    "POST /cases/{case_id}/actions deny": lambda f, k: ("POST", f"/cases/{f.case[k]}/actions", {"action": "deny"}),
    "POST /cases/{case_id}/actions reopen on appeal": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/actions",
        {"action": "reopen on appeal"},
    ),
    "POST /cases/{case_id}/advice": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/advice",
        {"recommendation": "approve", "reasons": "Fine"},
    ),
    "POST /advice/{advice_id}/countersign": lambda f, k: ("POST", f"/advice/{f.advice[k]}/countersign", None),
    "POST /cases/{case_id}/decision": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/decision",
        {"outcome": "denial", "reasons": "Risk of diversion"},
    ),
    "GET /cases/{case_id}/notification-matches": lambda f, k: (
        "GET",
        f"/cases/{f.case[k]}/notification-matches",
        None,
    ),
    "POST /cases/{case_id}/consultations": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/consultations",
        {"notification_id": f.notification, "request": "Any objection?"},
    ),
    "POST /consultations/{consultation_id}/reply": lambda f, k: (
        "POST",
        f"/consultations/{f.consultation[k]}/reply",
        {"reply": "None", "outcome": "no objection"},
    ),
    "GET /audit/history/{entity_type}/{entity_id}": lambda f, k: (
        "GET",
        f"/audit/history/case/{f.reference[k]}",
        None,
    ),
    "POST /cases/{case_id}/notes": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/notes",
        {"text": "Asked for an end-user undertaking", "marking": "UNCLASSIFIED"},
    ),
    "GET /cases/{case_id}/notes": lambda f, k: ("GET", f"/cases/{f.case[k]}/notes", None),
    "POST /cases/{case_id}/attachments": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/attachments",
        {"filename": "undertaking.txt", "content_base64": "dW5kZXJ0YWtpbmc=", "marking": "UNCLASSIFIED"},
    ),
    "GET /cases/{case_id}/attachments": lambda f, k: ("GET", f"/cases/{f.case[k]}/attachments", None),
    "GET /attachments/{attachment_id}": lambda f, k: ("GET", f"/attachments/{f.attachment[k]}", None),
    "POST /cases/{case_id}/referrals": lambda f, k: (
        "POST",
        f"/cases/{f.case[k]}/referrals",
        {"agencies": ["MFA"]},
    ),
}

ALL = "ok ok ok ok"
DENIED = "403 403 403 403"
# Expected outcome on cases U S NF REL, per role. Written out, not derived from PERMISSIONS.
CASE_TABLE: dict[str, tuple[str, str, str, str, str, str]] = {
    # route
    #    officer  reviewer         supervisor  exporter          liaison          admin
    "GET /cases/{case_id}":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", "ok 404 404 ok", ALL),
    "POST /cases/{case_id}/items":
        (ALL, DENIED, DENIED, "404 404 404 404", DENIED, DENIED),
    "POST /cases/{case_id}/parties":
        (ALL, DENIED, DENIED, "404 404 404 404", DENIED, DENIED),
    "POST /cases/{case_id}/actions submit":
        (ALL, DENIED, DENIED, "404 404 404 404", DENIED, DENIED),
    "POST /cases/{case_id}/actions start review":
        (ALL, "ok ok 404 404", ALL, DENIED, DENIED, DENIED),
    "POST /cases/{case_id}/actions clear":
        (ALL, "ok ok 404 404", ALL, DENIED, DENIED, DENIED),
    "POST /cases/{case_id}/actions withdraw":
        (ALL, DENIED, DENIED, "404 404 404 404", DENIED, DENIED),
    "POST /cases/{case_id}/actions deny":
        (ALL, DENIED, ALL, DENIED, DENIED, DENIED),
    "POST /cases/{case_id}/actions reopen on appeal":
        (ALL, DENIED, ALL, DENIED, DENIED, DENIED),
    "POST /cases/{case_id}/advice":
        (ALL, "ok ok 404 404", ALL, DENIED, DENIED, DENIED),
    "POST /advice/{advice_id}/countersign":
        (DENIED, DENIED, ALL, DENIED, DENIED, DENIED),
    "POST /cases/{case_id}/decision":
        (ALL, DENIED, ALL, DENIED, DENIED, DENIED),
    "GET /cases/{case_id}/notification-matches":
        (ALL, "ok ok 404 404", ALL, DENIED, "ok 404 404 ok", DENIED),
    "POST /cases/{case_id}/consultations":
        (ALL, DENIED, DENIED, DENIED, "ok 404 404 ok", DENIED),
    "POST /consultations/{consultation_id}/reply":
        (ALL, DENIED, DENIED, DENIED, "ok 404 404 ok", DENIED),
    "GET /audit/history/{entity_type}/{entity_id}":
        (DENIED, DENIED, ALL, DENIED, DENIED, ALL),
    "POST /cases/{case_id}/notes":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", DENIED, DENIED),
    "GET /cases/{case_id}/notes":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", "ok 404 404 ok", ALL),
    "POST /cases/{case_id}/attachments":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", DENIED, DENIED),
    "GET /cases/{case_id}/attachments":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", "ok 404 404 ok", ALL),
    "GET /attachments/{attachment_id}":
        (ALL, "ok ok 404 404", ALL, "404 404 404 404", "ok 404 404 ok", ALL),
    "POST /cases/{case_id}/referrals":
        (ALL, "ok ok 404 404", ALL, DENIED, DENIED, DENIED),
}  # fmt: skip

# --- routes not on one case: one outcome per role ----------------------------------------------------------

OTHER_ROUTES: dict[str, Callable[[Fixture, World, str], Request]] = {
    "GET /health": lambda f, w, who: ("GET", "/health", None),
    "GET /cases": lambda f, w, who: ("GET", "/cases", None),
    "POST /cases": lambda f, w, who: (
        "POST",
        "/cases",
        {"title": "New", "exporter": "Acme", "destination": "IN", "end_use": "Research", "marking": "UNCLASSIFIED"},
    ),
    "POST /notifications": lambda f, w, who: (
        "POST",
        "/notifications",
        {
            "government": PARTNER,
            "reference": "FR-2024-099",
            "item_description": "Guidance sets",
            "annex_entry": "2.A.1.d",
            "destination": "IR",
            "reason": "Category I",
            "marking": "UNCLASSIFIED",
        },
    ),
    "GET /notifications": lambda f, w, who: ("GET", "/notifications", None),
    "POST /screen": lambda f, w, who: ("POST", "/screen", {"name": "China Precision Machinery", "country": "CN"}),
    "GET /annex/entries/{entry_id}": lambda f, w, who: ("GET", "/annex/entries/1.A.1", None),
    "GET /annex/search": lambda f, w, who: ("GET", "/annex/search?q=heat+shield", None),
    "GET /audit/verify": lambda f, w, who: ("GET", "/audit/verify", None),
    "POST /auth/tokens/{token_id}/revoke": lambda f, w, who: (
        "POST",
        f"/auth/tokens/{w.token_ids.get(who, 1)}/revoke",
        None,
    ),
}
#                         anonymous officer reviewer supervisor exporter liaison admin
OTHER_TABLE: dict[str, str] = {
    "GET /health":                          "ok  ok  ok  ok  ok  ok  ok",
    "GET /cases":                           "401 ok  ok  ok  ok  ok  ok",
    "POST /cases":                          "401 ok  403 403 ok  403 403",
    "POST /notifications":                  "401 ok  403 403 403 ok  403",
    "GET /notifications":                   "401 ok  403 403 403 ok  403",
    "POST /screen":                         "401 ok  ok  ok  ok  403 403",
    "GET /annex/entries/{entry_id}":        "401 ok  ok  ok  ok  ok  ok",
    "GET /annex/search":                    "401 ok  ok  ok  ok  ok  ok",
    "GET /audit/verify":                    "401 403 403 ok  403 403 ok",
    "POST /auth/tokens/{token_id}/revoke":  "401 ok  ok  ok  ok  ok  ok",  # each revokes their own (last) request
}  # fmt: skip
PUBLIC = {"POST /auth/token"}  # and the OpenAPI docs, which are not operations of the schema


def _outcome(response: httpx.Response) -> str:
    status = response.status_code
    assert status < 500, response.text
    if status in (401, 403, 404):
        return str(status)
    assert status in (200, 201, 409, 422), response.text
    # a 422 here must be the service refusing in this state, never the table's request body being malformed
    assert status != 422 or "errors" not in response.json(), response.text
    return "ok"


def _call(world: World, request: Request, who: str | None) -> httpx.Response:
    method, url, body = request
    headers = world.headers(who) if who else {}
    response: httpx.Response = world.client.request(method, url, headers=headers, json=body)
    return response


@pytest.fixture
def seeded(world: World) -> Fixture:
    with session_scope(world.engine) as session:
        return _seed(session)


def test_every_route_is_in_the_tables(world: World) -> None:
    paths = world.client.get("/openapi.json").json()["paths"]
    routes = {f"{method.upper()} {path}" for path, operations in paths.items() for method in operations}
    in_tables = {" ".join(name.split()[:2]) for name in CASE_TABLE} | set(OTHER_TABLE) | PUBLIC
    assert routes == in_tables
    assert set(CASE_TABLE) == set(CASE_ROUTES) and set(OTHER_TABLE) == set(OTHER_ROUTES)


@pytest.mark.parametrize("route", sorted(CASE_TABLE))
def test_case_routes(world: World, seeded: Fixture, route: str) -> None:
    found: dict[str, str] = {}
    for key in CASES:
        assert _outcome(_call(world, CASE_ROUTES[route](seeded, key), None)) == "401", (route, key)
    for who in ROLES:
        found[who] = " ".join(_outcome(_call(world, CASE_ROUTES[route](seeded, key), who)) for key in CASES)
    assert found == dict(zip(ROLES, CASE_TABLE[route], strict=True))


@pytest.mark.parametrize("route", sorted(OTHER_TABLE))
def test_other_routes(world: World, seeded: Fixture, route: str) -> None:
    found = [_outcome(_call(world, OTHER_ROUTES[route](seeded, world, who or ""), who)) for who in (None, *ROLES)]
    assert " ".join(found) == " ".join(OTHER_TABLE[route].split())


# Which of the four cases each role finds in GET /cases (and the same set through GET /cases/{id}).
VISIBLE: dict[str, set[str]] = {
    "officer": {"U", "S", "NF", "REL"},
    "reviewer": {"U", "S"},
    "supervisor": {"U", "S", "NF", "REL"},
    "exporter": set(),  # none is ACME's: an exporter reads only its own organisation's cases
    "liaison": {"U", "REL"},  # SECRET without a caption is national: not released to a partner
    "admin": {"U", "S", "NF", "REL"},
}


def test_case_lists_show_only_readable_cases(world: World, seeded: Fixture) -> None:
    ids = {value: key for key, value in seeded.case.items()}
    for who, visible in VISIBLE.items():
        listed = world.client.get("/cases", headers=world.headers(who)).json()
        assert {ids[case["id"]] for case in listed} == visible, who
        filtered = world.client.get("/cases?status=draft", headers=world.headers(who)).json()
        assert filtered == [], who


def test_an_unreadable_case_looks_exactly_like_a_missing_one(world: World, seeded: Fixture) -> None:
    hidden = world.client.get(f"/cases/{seeded.case['NF']}", headers=world.headers("liaison"))
    missing = world.client.get("/cases/999999", headers=world.headers("liaison"))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"].replace(str(seeded.case["NF"]), "N") == missing.json()["detail"].replace(
        "999999", "N"
    )


def test_notifications_are_shown_by_their_marking(world: World, seeded: Fixture) -> None:
    for key, marking in MARKINGS.items():
        response = world.client.post(
            "/notifications",
            headers=world.headers("officer"),
            json={
                "government": "Germany",
                "reference": f"DE-{key}",
                "item_description": "Turbojet engines",
                "annex_entry": "3.A.1",
                "destination": "IR",
                "reason": "Category II",
                "marking": marking,
            },
        )
        assert response.status_code == 201, response.text
    seen = {}
    for who in ("officer", "liaison"):
        listed = world.client.get("/notifications?direction=received", headers=world.headers(who)).json()
        seen[who] = {n["reference"] for n in listed}
    assert seen["officer"] == {"FR-2024-001", "DE-U", "DE-S", "DE-NF", "DE-REL"}
    assert seen["liaison"] == {"FR-2024-001", "DE-U", "DE-REL"}  # DE-S is national (no caption)
    # a liaison may not file what they could not read
    refused = world.client.post(
        "/notifications",
        headers=world.headers("liaison"),
        json={
            "government": "Germany",
            "reference": "DE-X",
            "item_description": "x",
            "destination": "IR",
            "reason": "x",
            "marking": "SECRET//NOFORN",
        },
    )
    assert refused.status_code == 422 and refused.json()["field"] == "marking"
