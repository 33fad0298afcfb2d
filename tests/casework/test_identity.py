"""Organisations, users, passwords and API tokens on SQLite and PostgreSQL, with their audit trail."""

from __future__ import annotations

import hashlib
import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, select

from mtcr.casework import audit, identity
from mtcr.casework.identity import (
    ApiTokenRow,
    AuthenticationError,
    OrgKind,
    Role,
    User,
    UserRow,
    authenticate,
    create_organisation,
    create_user,
    issue_token,
    revoke_token,
    user_for_token,
)
from mtcr.db.base import Base
from mtcr.db.engine import session_scope
from mtcr.errors import InputError, NotFoundError

PASSWORD = "correct horse battery"
ADMIN = "admin-1"


def _seed(engine: Engine) -> User:
    """A licensing authority, an exporter and one licensing officer."""
    with session_scope(engine) as session:
        create_organisation(
            session, ADMIN, code="mod-lic", name="Export Licensing", kind=OrgKind.LICENSING_AUTHORITY, country="gb"
        )
        create_organisation(session, ADMIN, code="EXP-1", name="Acme Ltd", kind=OrgKind.EXPORTER, country="GBR")
        return create_user(
            session,
            ADMIN,
            username="Officer.One",
            display_name="  Officer   One ",
            organisation_code="MOD-LIC",
            role=Role.LICENSING_OFFICER,
            clearance="SECRET",
            password=PASSWORD,
        )


def _user_kwargs(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "username": "officer.two",
        "display_name": "Officer Two",
        "organisation_code": "MOD-LIC",
        "role": Role.LICENSING_OFFICER,
        "clearance": "CONFIDENTIAL",
        "password": PASSWORD,
    }
    return {**base, **changes}


def test_create_organisation_and_user(engine: Engine) -> None:
    user = _seed(engine)
    assert user.username == "officer.one" and user.display_name == "Officer One"
    assert (user.organisation_code, user.organisation_kind) == ("MOD-LIC", OrgKind.LICENSING_AUTHORITY)
    assert (user.role, user.clearance, user.active) == (Role.LICENSING_OFFICER, "SECRET", True)
    assert user.created_at.tzinfo is not None
    with session_scope(engine) as session:
        org = identity.get_organisation(session, "mod-lic")
        assert (org.code, org.kind, org.country) == ("MOD-LIC", OrgKind.LICENSING_AUTHORITY, "GBR")
        assert identity.get_user(session, "OFFICER.ONE") == user
        stored = session.scalars(select(UserRow.password_hash)).one()
        assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"username": "Officer.One"}, "username", "already taken"),
        ({"username": "x"}, "username", "2 to 64"),
        ({"username": "has space"}, "username", "2 to 64"),
        ({"password": "short pass1"}, "password", "at least 12"),
        ({"password": " " * 12}, "password", "only spaces"),
        ({"clearance": "TOP SECRET"}, "clearance", "unknown classification level"),
        ({"organisation_code": "NOPE"}, "organisation_code", "no organisation"),
        ({"organisation_code": "EXP-1"}, "role", "must belong to a licensing authority"),
        ({"display_name": "   "}, "display_name", "must not be empty"),
    ],
)
def test_bad_users_are_refused_naming_the_field(
    engine: Engine, changes: dict[str, object], field: str, problem: str
) -> None:
    _seed(engine)
    with session_scope(engine) as session:
        with pytest.raises(InputError, match=problem) as caught:
            create_user(session, ADMIN, **_user_kwargs(**changes))  # type: ignore[arg-type]
        assert caught.value.field == field
        # the transaction is still usable, and nothing half-written remains
        create_user(session, ADMIN, **_user_kwargs(username="officer.three"))  # type: ignore[arg-type]
    with session_scope(engine) as session:
        assert sorted(session.scalars(select(UserRow.username))) == ["officer.one", "officer.three"]


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"code": "mod-lic"}, "code", "already exists"),
        ({"code": "PARTNERS"}, "code", "reserved"),
        ({"code": "MOD LIC"}, "code", "not an organisation code"),
        ({"country": "XX"}, "country", "not an ISO 3166-1 country code"),
        ({"name": ""}, "name", "must not be empty"),
    ],
)
def test_bad_organisations_are_refused_naming_the_field(
    engine: Engine, changes: dict[str, object], field: str, problem: str
) -> None:
    _seed(engine)
    fields: dict[str, object] = {
        "code": "FR-SGDSN",
        "name": "SGDSN",
        "kind": OrgKind.PARTNER_GOVERNMENT,
        "country": "FR",
    }
    with session_scope(engine) as session, pytest.raises(InputError, match=problem) as caught:
        create_organisation(session, ADMIN, **{**fields, **changes})  # type: ignore[arg-type]
    assert caught.value.field == field


def test_authenticate(engine: Engine) -> None:
    user = _seed(engine)
    with session_scope(engine) as session:
        assert authenticate(session, " OFFICER.ONE ", PASSWORD) == user
        failures = []
        for username, password in [("officer.one", "wrong password!"), ("nobody", PASSWORD), ("officer.one", "")]:
            with pytest.raises(AuthenticationError) as caught:
                authenticate(session, username, password)
            failures.append(str(caught.value))
        assert len(set(failures)) == 1  # the message never says which part was wrong
        identity.set_active(session, ADMIN, "officer.one", False)
        with pytest.raises(AuthenticationError):
            authenticate(session, "officer.one", PASSWORD)


def test_tokens_issue_look_up_and_revoke(engine: Engine) -> None:
    user = _seed(engine)
    with session_scope(engine) as session:
        issued = issue_token(session, ADMIN, username="officer.one", name="ci bot")
        other = issue_token(session, ADMIN, username="officer.one", name="laptop")
    assert len(issued.token) >= 43 and issued.token != other.token
    assert (issued.info.user_id, issued.info.name, issued.info.revoked_at) == (user.id, "ci bot", None)
    with session_scope(engine) as session:
        stored = session.scalar(select(ApiTokenRow.token_hash).where(ApiTokenRow.id == issued.info.id))
        assert stored == hashlib.sha256(issued.token.encode()).hexdigest()  # only the digest is kept
        assert user_for_token(session, issued.token) == user
        with pytest.raises(AuthenticationError):
            user_for_token(session, issued.token + "x")
        revoked = revoke_token(session, ADMIN, issued.info.id)
        assert revoked.revoked_at is not None
    with session_scope(engine) as session:
        with pytest.raises(AuthenticationError):
            user_for_token(session, issued.token)
        assert user_for_token(session, other.token) == user  # revoking one leaves the others
        with pytest.raises(InputError) as caught:
            revoke_token(session, ADMIN, issued.info.id)
        assert caught.value.field == "token_id"
        with pytest.raises(NotFoundError):
            revoke_token(session, ADMIN, 999_999)
        assert [t.name for t in identity.list_tokens(session, "officer.one")] == ["ci bot", "laptop"]
        identity.set_active(session, ADMIN, "officer.one", False)
        with pytest.raises(AuthenticationError):
            user_for_token(session, other.token)  # a deactivated user's tokens stop working
        with pytest.raises(InputError, match="not active"):
            issue_token(session, ADMIN, username="officer.one", name="again")


def test_every_change_is_audited_without_secrets(engine: Engine) -> None:
    _seed(engine)
    with session_scope(engine) as session:
        issued = issue_token(session, ADMIN, username="officer.one", name="ci bot")
        revoke_token(session, "supervisor-1", issued.info.id)
        identity.set_active(session, ADMIN, "officer.one", False)
        identity.set_active(session, ADMIN, "officer.one", False)  # no change: no entry
    with session_scope(engine) as session:
        result = audit.verify(session)
        assert result.ok and result.entries == 6  # 2 organisations, 1 user, issue, revoke, deactivate
        assert [e.action for e in audit.history(session, "organisation", "MOD-LIC")] == ["organisation created"]
        user_actions = [(e.actor, e.action) for e in audit.history(session, "user", "officer.one")]
        assert user_actions == [(ADMIN, "user created"), (ADMIN, "user deactivated")]
        token_entries = audit.history(session, "api_token", str(issued.info.id))
        assert [(e.actor, e.action) for e in token_entries] == [
            (ADMIN, "token issued"),
            ("supervisor-1", "token revoked"),
        ]
        assert token_entries[1].before is not None and token_entries[1].before["revoked_at"] is None
        everything = json.dumps([[e.before, e.after] for e in audit.history(session, "user", "officer.one")])
        password_hash = session.scalars(select(UserRow.password_hash)).one()
        for secret in (PASSWORD, password_hash, issued.token, hashlib.sha256(issued.token.encode()).hexdigest()):
            assert secret not in everything
            assert all(secret not in json.dumps([e.before, e.after]) for e in token_entries)


MINE = frozenset({"organisations", "users", "api_tokens"})


def _mine(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table in MINE


def test_the_migration_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": _mine})
        assert compare_metadata(context, Base.metadata) == []
