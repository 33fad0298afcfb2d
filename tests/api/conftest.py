"""An API world: organisations, one user of every role, their tokens, and a TestClient on the app.

Each test gets a fresh database (the ``engine`` fixture: SQLite and, through .ci/with-postgres, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from mtcr.api import create_app
from mtcr.casework import identity
from mtcr.casework.identity import OrgKind, Role
from mtcr.db.engine import session_scope

PASSWORD = "correct horse battery staple"
PARTNER = "FRA-SGDSN"

ORGANISATIONS = (
    ("MOD-LIC", "Export Control Joint Unit", OrgKind.LICENSING_AUTHORITY, "GBR"),
    ("MFA", "Ministry of Foreign Affairs", OrgKind.REVIEWING_AGENCY, "GBR"),
    ("DSTL", "Defence Science and Technology Laboratory", OrgKind.REVIEWING_AGENCY, "GBR"),
    ("ACME", "Acme Rockets Ltd", OrgKind.EXPORTER, "GBR"),
    (PARTNER, "Secrétariat général de la défense", OrgKind.PARTNER_GOVERNMENT, "FRA"),
)
# name -> (role, organisation, clearance); the names are also the usernames.
USERS: dict[str, tuple[Role, str, str]] = {
    "officer": (Role.LICENSING_OFFICER, "MOD-LIC", "SECRET"),
    "reviewer": (Role.REVIEWER, "MFA", "SECRET"),
    "supervisor": (Role.SUPERVISOR, "MOD-LIC", "SECRET"),
    "exporter": (Role.EXPORTER_USER, "ACME", "CONFIDENTIAL"),
    "liaison": (Role.PARTNER_LIAISON, PARTNER, "SECRET"),
    "admin": (Role.ADMIN, "MOD-LIC", "SECRET"),
    "reviewer2": (Role.REVIEWER, "DSTL", "SECRET"),  # a second reviewing agency, for interagency advice
}
ROLES = ("officer", "reviewer", "supervisor", "exporter", "liaison", "admin")  # one user of each role


@dataclass
class World:
    engine: Engine
    client: TestClient
    tokens: dict[str, str]
    token_ids: dict[str, int]

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}


def populate(engine: Engine) -> tuple[dict[str, str], dict[str, int]]:
    tokens: dict[str, str] = {}
    token_ids: dict[str, int] = {}
    with session_scope(engine) as session:
        for code, name, kind, country in ORGANISATIONS:
            identity.create_organisation(session, "setup", code=code, name=name, kind=kind, country=country)
        for username, (role, org, clearance) in USERS.items():
            identity.create_user(
                session,
                "setup",
                username=username,
                display_name=username.title(),
                organisation_code=org,
                role=role,
                clearance=clearance,
                password=PASSWORD,
            )
            issued = identity.issue_token(session, "setup", username=username, name="tests")
            tokens[username] = issued.token
            token_ids[username] = issued.info.id
    return tokens, token_ids


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its lowest cost: these tests are about the API, not the strength of the hash."""
    monkeypatch.setattr(identity, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def world(engine: Engine) -> Iterator[World]:
    tokens, token_ids = populate(engine)
    # raise_server_exceptions: a 500 fails the test with its traceback
    with TestClient(create_app(engine)) as client:
        yield World(engine, client, tokens, token_ids)
