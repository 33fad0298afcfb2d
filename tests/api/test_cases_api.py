"""The M-11 case over HTTP, from application to denial and its notification; a licence that would undercut
a partner's denial only after consultation; one transaction per request; login and tokens."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from mtcr.casework.audit import AuditEntryRow
from mtcr.db.engine import session_scope
from tests.api.conftest import PARTNER, PASSWORD, World

M11_ITEM: dict[str, Any] = {
    "kind": "complete_rocket_system",
    "parameters": {"range": "290 km", "payload": "800 kg"},
    # the range-payload curve (from mtcr assess m-11) settles the declared trade-off
    "range_payload_curve": [{"payload": "500 kg", "range": "494 km"}, {"payload": "800 kg", "range": "346 km"}],
}


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def _new_m11_case(world: World, marking: str = "SECRET") -> int:
    c, officer = world.client, world.headers("officer")
    case = _ok(
        c.post(
            "/cases",
            headers=officer,
            json={
                "title": "Short-range ballistic missiles",
                "exporter": "Example Export Corporation",
                "destination": "PK",
                "end_use": "Army artillery",
                "end_use_location": "Rawalpindi",
                "marking": marking,
                "assurances": ["government-to-government assurances"],
            },
        ),
        201,
    )
    assert case["status"] == "draft" and case["owner_org"] == "MOD-LIC" and case["reference"].startswith("MTCR-")
    item = _ok(
        c.post(
            f"/cases/{case['id']}/items",
            headers=officer,
            json={"description": "M-11 missile", "quantity": 34, "value": 5e6, "currency": "USD", "item": M11_ITEM},
        ),
        201,
    )
    assert item["category"] == "Category I" and "1.A.1" in item["annex_entries"]
    assert item["classification"]["classifier_version"]
    screening = _ok(
        c.post("/screen", headers=officer, json={"name": "Ministry of Defence Production", "country": "PK"}), 201
    )
    typed = _ok(c.post("/screen", headers=officer, json={"name": "Naser Maleki", "entity_type": "organization"}), 201)
    assert typed["party"]["entity_type"] == "organization"
    assert any(f["feature"] == "type" for f in typed["hits"][0]["match"]["features"])
    for wrong in ("ship", "other"):
        assert c.post("/screen", headers=officer, json={"name": "X", "entity_type": wrong}).status_code == 422
    party = _ok(
        c.post(
            f"/cases/{case['id']}/parties",
            headers=officer,
            json={
                "role": "end user",
                "name": "Ministry of Defence Production",
                "country": "PK",
                "screening_id": screening["id"],
            },
        ),
        201,
    )
    assert party["screening_id"] == screening["id"]
    return int(case["id"])


def _act(world: World, case_id: int, action: str, who: str = "officer") -> dict[str, Any]:
    result: dict[str, Any] = _ok(
        world.client.post(f"/cases/{case_id}/actions", headers=world.headers(who), json={"action": action})
    )
    return result


def test_the_m11_case_from_application_to_denial(world: World) -> None:
    c = world.client
    case_id = _new_m11_case(world)
    assert _act(world, case_id, "submit")["status"] == "submitted"
    assert _act(world, case_id, "start review", "reviewer")["status"] == "under review"
    assert _act(world, case_id, "refer for clearance")["status"] == "interagency clearance"

    advice = {"recommendation": "deny", "reasons": "Category I system to a non-partner"}
    first = _ok(c.post(f"/cases/{case_id}/advice", headers=world.headers("reviewer"), json=advice), 201)
    second = _ok(
        c.post(
            f"/cases/{case_id}/advice",
            headers=world.headers("reviewer"),
            json={**advice, "reasons": "Category I: strong presumption of denial (Guidelines para 2)"},
        ),
        201,
    )
    other = _ok(c.post(f"/cases/{case_id}/advice", headers=world.headers("reviewer2"), json=advice), 201)
    assert (first["agency"], other["agency"]) == ("MFA", "DSTL")

    # superseded advice is kept, marked invalid, and cannot be countersigned
    refused = c.post(f"/advice/{first['id']}/countersign", headers=world.headers("supervisor"))
    assert refused.status_code == 422 and refused.json()["field"] == "advice"
    signed = _ok(c.post(f"/advice/{second['id']}/countersign", headers=world.headers("supervisor")))
    assert signed["countersigned_by"] == "supervisor"
    case = _ok(c.get(f"/cases/{case_id}", headers=world.headers("officer")))
    by_id = {a["id"]: a for a in case["advice"]}
    assert len(by_id) == 3
    assert by_id[first["id"]]["valid"] is False and by_id[first["id"]]["superseded_by"] == second["id"]
    assert by_id[second["id"]]["valid"] is True and by_id[other["id"]]["valid"] is True

    assert _act(world, case_id, "clear")["status"] == "decision"
    # a decision is not a bare workflow move
    bare = c.post(f"/cases/{case_id}/actions", headers=world.headers("officer"), json={"action": "deny"})
    assert bare.status_code == 422 and bare.json()["field"] == "action"
    denied = _ok(
        c.post(
            f"/cases/{case_id}/decision",
            headers=world.headers("officer"),
            json={"outcome": "denial", "reasons": "Category I to a destination of concern"},
        )
    )
    assert denied["status"] == "denied"

    sent = _ok(c.get("/notifications", params={"direction": "sent"}, headers=world.headers("officer")))
    assert [n["case_id"] for n in sent] == [case_id]
    assert sent[0]["annex_entry"].startswith("1.A.1") and sent[0]["marking"] == "SECRET"
    assert sent[0]["parties"][0]["name"] == "Ministry of Defence Production"

    again = c.post(f"/cases/{case_id}/decision", headers=world.headers("officer"), json=advice | {"outcome": "denial"})
    assert again.status_code == 422  # extra field 'recommendation' is refused by the body model
    conflict = c.post(
        f"/cases/{case_id}/decision", headers=world.headers("officer"), json={"outcome": "denial", "reasons": "again"}
    )
    assert conflict.status_code == 409 and "cannot deny" in conflict.json()["detail"]

    verified = _ok(c.get("/audit/verify", headers=world.headers("supervisor")))
    assert verified["ok"] is True and verified["entries"] > 10
    history = _ok(c.get(f"/audit/history/case/{case['reference']}", headers=world.headers("admin")))
    actions = [entry["action"] for entry in history]
    assert actions[0] == "case created" and "advice countersigned" in actions and "decision: denial" in actions


def test_a_licence_that_undercuts_a_partner_denial_waits_for_consultation(world: World) -> None:
    c = world.client
    notice = _ok(
        c.post(
            "/notifications",
            headers=world.headers("liaison"),
            json={
                "government": PARTNER,
                "reference": "FR-2024-017",
                "item_description": "Complete rocket systems",
                "annex_entry": "1.A.1",
                "parties": [{"name": "Ministry of Defence Production", "country": "PK", "role": "end user"}],
                "destination": "PK",
                "reason": "Category I",
                "marking": f"CONFIDENTIAL//REL TO {'FRA-SGDSN'}",
            },
        ),
        201,
    )
    assert notice["direction"] == "received" and notice["marking"] == "CONFIDENTIAL//REL TO FRA-SGDSN"
    case_id = _new_m11_case(world, marking="CONFIDENTIAL//REL TO FRA-SGDSN")
    for action in ("submit", "start review", "refer for clearance", "clear"):
        _act(world, case_id, action)
    matches = _ok(c.get(f"/cases/{case_id}/notification-matches", headers=world.headers("liaison")))
    assert [m["notification"]["id"] for m in matches] == [notice["id"]]
    assert matches[0]["consultation_complete"] is False and matches[0]["reasons"]

    licence = {"outcome": "licence", "reasons": "End-use assurances accepted"}
    blocked = c.post(f"/cases/{case_id}/decision", headers=world.headers("officer"), json=licence)
    assert blocked.status_code == 409 and "1 partner denial notification" in blocked.json()["detail"]

    consultation = _ok(
        c.post(
            f"/cases/{case_id}/consultations",
            headers=world.headers("liaison"),
            json={"notification_id": notice["id"], "request": "Do you object to this transfer?"},
        ),
        201,
    )
    reply = _ok(
        c.post(
            f"/consultations/{consultation['id']}/reply",
            headers=world.headers("liaison"),
            json={"reply": "No objection", "outcome": "no objection"},
        )
    )
    assert reply["outcome"] == "no objection" and reply["replied_at"]
    unsigned = c.post(f"/cases/{case_id}/decision", headers=world.headers("officer"), json=licence)
    assert unsigned.status_code == 422 and unsigned.json()["field"] == "countersigned_by"  # Category I
    not_a_supervisor = {**licence, "countersigned_by": "reviewer"}
    refused = c.post(f"/cases/{case_id}/decision", headers=world.headers("officer"), json=not_a_supervisor)
    assert refused.status_code == 422
    signed = {**licence, "countersigned_by": "supervisor"}
    assert _ok(c.post(f"/cases/{case_id}/decision", headers=world.headers("officer"), json=signed))["status"] == (
        "licence issued"
    )


def _audit_count(world: World) -> int:
    with session_scope(world.engine) as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0)


def test_a_failed_request_writes_nothing(world: World) -> None:
    case_id = _new_m11_case(world)
    for action in ("submit", "start review", "refer for clearance", "clear"):
        _act(world, case_id, action)
    before = _audit_count(world)
    # decide() moves the case to 'denied' and audits it, then finds the reasons blank: all of it is rolled back
    response = world.client.post(
        f"/cases/{case_id}/decision", headers=world.headers("officer"), json={"outcome": "denial", "reasons": "   "}
    )
    assert response.status_code == 422 and response.json() == {"field": "reasons", "problem": "must not be empty"}
    assert _audit_count(world) == before
    assert _ok(world.client.get(f"/cases/{case_id}", headers=world.headers("officer")))["status"] == "decision"


def test_bad_input_names_the_field(world: World) -> None:
    c, officer = world.client, world.headers("officer")
    case = {"title": "t", "exporter": "e", "destination": "PK", "end_use": "u", "marking": "TOP SECRET"}
    bad_level = c.post("/cases", headers=officer, json=case)
    assert bad_level.status_code == 422 and bad_level.json()["field"] == "body.marking"
    bad_caption = c.post("/cases", headers=officer, json={**case, "marking": "SECRET//EYES ONLY"})
    assert bad_caption.status_code == 422 and bad_caption.json()["field"] == "releasable_to"
    too_high = c.post("/cases", headers=world.headers("exporter"), json={**case, "marking": "SECRET"})
    assert too_high.status_code == 422 and too_high.json()["field"] == "marking"
    case_id = _ok(c.post("/cases", headers=officer, json={**case, "marking": "UNCLASSIFIED"}), 201)["id"]
    unknown_kind = c.post(
        f"/cases/{case_id}/items",
        headers=officer,
        json={"description": "d", "quantity": 1, "value": 1, "currency": "USD", "item": {"kind": "rocket"}},
    )
    assert unknown_kind.status_code == 422 and unknown_kind.json()["field"] == "item: kind"
    validation = c.post(f"/cases/{case_id}/items", headers=officer, json={"description": "d", "quantity": -1})
    assert validation.status_code == 422 and validation.json()["field"] == "body.quantity"


def test_login_with_json_or_a_form_and_revoke(world: World) -> None:
    c = world.client
    issued = _ok(c.post("/auth/token", json={"username": "officer", "password": PASSWORD, "name": "laptop"}))
    assert issued["token_type"] == "bearer" and issued["user"] == "officer" and issued["role"] == "licensing officer"
    bearer = {"Authorization": f"Bearer {issued['token']}"}
    assert c.get("/cases", headers=bearer).status_code == 200
    form = c.post("/auth/token", data={"username": "exporter", "password": PASSWORD})
    assert form.status_code == 200 and form.json()["user"] == "exporter"
    wrong = c.post("/auth/token", json={"username": "officer", "password": "not the password"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    unknown = c.post("/auth/token", json={"username": "nobody", "password": PASSWORD})
    assert unknown.status_code == 401 and unknown.json() == wrong.json()

    # only the holder (or a user manager) may revoke; for anyone else the token does not exist
    assert c.post(f"/auth/tokens/{issued['id']}/revoke", headers=world.headers("supervisor")).status_code == 404
    revoked = _ok(c.post(f"/auth/tokens/{issued['id']}/revoke", headers=bearer))
    assert revoked["revoked_at"]
    assert c.get("/cases", headers=bearer).status_code == 401
    assert _ok(c.post(f"/auth/tokens/{form.json()['id']}/revoke", headers=world.headers("admin")))["revoked_at"]


def test_inactive_users_and_bad_tokens_are_refused(world: World) -> None:
    from mtcr.casework import identity

    c = world.client
    assert c.get("/cases", headers={"Authorization": "Bearer not-a-token"}).status_code == 401
    assert c.get("/cases", headers={"Authorization": "Basic b2ZmaWNlcjp4"}).status_code == 401
    with session_scope(world.engine) as session:
        identity.set_active(session, "admin", "reviewer", False)
    assert c.get("/cases", headers=world.headers("reviewer")).status_code == 401
    assert c.post("/auth/token", json={"username": "reviewer", "password": PASSWORD}).status_code == 401


def test_health_and_docs_need_no_token(world: World) -> None:
    assert world.client.get("/health").json()["status"] == "ok"
    schema = world.client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert world.client.get("/docs").status_code == 200
