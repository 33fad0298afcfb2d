"""Who acts: organisations, users with a role and a clearance, passwords and API tokens.

Services return frozen values, never ORM rows, and append every change to the audit log in the
caller's transaction. Secrets never reach the database or the audit log in clear: passwords are
stored as argon2 hashes, API tokens as SHA-256 digests (a random 256-bit token needs no slow hash).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from rigour.territories import get_territory
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from mtcr.casework import audit, markings
from mtcr.db.base import Base, utc_now
from mtcr.errors import InputError, MtcrError, NotFoundError

PASSWORD_MIN = 12
PASSWORD_MAX = 1024  # argon2 hashes anything, but a megabyte "password" is a denial of service
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
TOKEN_BYTES = 32


class OrgKind(StrEnum):
    LICENSING_AUTHORITY = "licensing authority"
    REVIEWING_AGENCY = "reviewing agency"
    EXPORTER = "exporter"
    PARTNER_GOVERNMENT = "partner government"


class Role(StrEnum):
    LICENSING_OFFICER = "licensing officer"
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"  # countersigns advice and decisions
    EXPORTER_USER = "exporter user"
    PARTNER_LIAISON = "partner liaison"
    ADMIN = "admin"


K = OrgKind
# Which organisations a role may belong to, so that (say) an exporter's staff can never hold a decision role.
ROLE_ORG_KINDS: dict[Role, frozenset[OrgKind]] = {
    Role.LICENSING_OFFICER: frozenset({K.LICENSING_AUTHORITY}),
    Role.REVIEWER: frozenset({K.LICENSING_AUTHORITY, K.REVIEWING_AGENCY}),
    Role.SUPERVISOR: frozenset({K.LICENSING_AUTHORITY, K.REVIEWING_AGENCY}),
    Role.EXPORTER_USER: frozenset({K.EXPORTER}),
    Role.PARTNER_LIAISON: frozenset({K.LICENSING_AUTHORITY, K.PARTNER_GOVERNMENT}),
    Role.ADMIN: frozenset({K.LICENSING_AUTHORITY}),
}


class AuthenticationError(MtcrError):
    """Wrong username, password or token; deliberately does not say which."""

    def __init__(self) -> None:
        super().__init__("authentication failed: unknown user, wrong password, or a revoked or unknown token")


def _one_of(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{member.value}'" for member in enum)


class OrganisationRow(Base):
    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint(f"kind IN ({_one_of(OrgKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(markings.ORG_CODE_MAX), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    country: Mapped[str] = mapped_column(String(3))


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN ({_one_of(Role)})", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    clearance: Mapped[str] = mapped_column(String(50))  # a level of the marking scheme (configurable: no CHECK)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    organisation: Mapped[OrganisationRow] = relationship(lazy="joined")


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


@dataclass(frozen=True, slots=True)
class Organisation:
    id: int
    code: str
    name: str
    kind: OrgKind
    country: str  # ISO 3166-1 alpha-3, upper case


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str
    organisation_code: str
    organisation_kind: OrgKind
    role: Role
    clearance: str
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: int
    user_id: int
    name: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token: ``token`` is shown this once and cannot be recovered afterwards."""

    info: ApiToken
    token: str


def _organisation(row: OrganisationRow) -> Organisation:
    return Organisation(row.id, row.code, row.name, OrgKind(row.kind), row.country)


def _user(row: UserRow) -> User:
    org = row.organisation
    return User(
        row.id,
        row.username,
        row.display_name,
        org.code,
        OrgKind(org.kind),
        Role(row.role),
        row.clearance,
        row.active,
        row.created_at,
    )


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(row.id, row.user_id, row.name, row.created_at, row.revoked_at)


def _text(value: str, field: str, limit: int) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InputError(field, "must not be empty")
    if len(cleaned) > limit:
        raise InputError(field, f"at most {limit} characters")
    return cleaned


def _country(code: str) -> str:
    territory = get_territory(code.strip().lower())
    if territory is None or not territory.is_country or territory.alpha3 is None:
        raise InputError("country", f"{code!r} is not an ISO 3166-1 country code (like 'GBR' or 'GB')")
    return territory.alpha3.upper()


def _audit_org(org: Organisation) -> dict[str, Any]:
    return {"code": org.code, "name": org.name, "kind": org.kind.value, "country": org.country}


def create_organisation(
    session: Session, actor: str, *, code: str, name: str, kind: OrgKind, country: str
) -> Organisation:
    """Register an organisation; its code is how markings and users refer to it."""
    code = markings.check_org_code(code.strip().upper(), "code")
    if code == markings.default_scheme().partners:
        raise InputError("code", f"{code!r} is reserved for the partner-government group in markings")
    row = OrganisationRow(code=code, name=_text(name, "name", 200), kind=OrgKind(kind).value, country=_country(country))
    if session.scalar(select(OrganisationRow.id).where(OrganisationRow.code == code)) is not None:
        raise InputError("code", f"an organisation with code {code!r} already exists")
    _insert(session, row, "code", f"an organisation with code {code!r} already exists")
    org = _organisation(row)
    audit.append(session, actor, "organisation created", "organisation", org.code, None, _audit_org(org))
    return org


def _insert(session: Session, row: Base, field: str, problem: str) -> None:
    """Add ``row`` in a savepoint, so a lost race on a unique column leaves the caller's transaction usable."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError as exc:
        raise InputError(field, problem) from exc


def get_organisation(session: Session, code: str) -> Organisation:
    row = session.scalar(select(OrganisationRow).where(OrganisationRow.code == code.strip().upper()))
    if row is None:
        raise NotFoundError("organisation", code)
    return _organisation(row)


# Hashing parameters are argon2-cffi's defaults (RFC 9106 low-memory profile); old hashes are upgraded on login.
_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A real hash to verify against when the user is unknown, so that failure takes the same time."""
    return _HASHER.hash(secrets.token_urlsafe(TOKEN_BYTES))


def _check_password(password: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise InputError("password", f"at least {PASSWORD_MIN} characters")
    if len(password) > PASSWORD_MAX:
        raise InputError("password", f"at most {PASSWORD_MAX} characters")
    if not password.strip():
        raise InputError("password", "must not be only spaces")
    return password


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME_PATTERN.match(name):
        raise InputError("username", "2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit")
    return name


def _audit_user(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "organisation": user.organisation_code,
        "role": user.role.value,
        "clearance": user.clearance,
        "active": user.active,
    }


def _org_for_role(session: Session, code: str, role: Role) -> OrganisationRow:
    row = session.scalar(select(OrganisationRow).where(OrganisationRow.code == code.strip().upper()))
    if row is None:
        raise InputError("organisation_code", f"no organisation with code {code!r}")
    if OrgKind(row.kind) not in ROLE_ORG_KINDS[role]:
        allowed = ", ".join(sorted(kind.value for kind in ROLE_ORG_KINDS[role]))
        raise InputError("role", f"a {role.value} must belong to a {allowed}, not a {row.kind} ({row.code})")
    return row


def create_user(
    session: Session,
    actor: str,
    *,
    username: str,
    display_name: str,
    organisation_code: str,
    role: Role,
    clearance: str,
    password: str,
) -> User:
    """Create an active user; the password is kept only as an argon2 hash."""
    username = _check_username(username)
    role = Role(role)
    org = _org_for_role(session, organisation_code, role)
    row = UserRow(
        username=username,
        display_name=_text(display_name, "display_name", 200),
        organisation=org,
        role=role.value,
        clearance=markings.check_level(clearance, "clearance"),
        password_hash=_HASHER.hash(_check_password(password)),
        active=True,
    )
    if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
        raise InputError("username", f"{username!r} is already taken")
    _insert(session, row, "username", f"{username!r} is already taken")
    user = _user(row)
    audit.append(session, actor, "user created", "user", user.username, None, _audit_user(user))
    return user


def _user_row(session: Session, username: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.username == username.strip().lower()))


def get_user(session: Session, username: str) -> User:
    row = _user_row(session, username)
    if row is None:
        raise NotFoundError("user", username)
    return _user(row)


def set_active(session: Session, actor: str, username: str, active: bool) -> User:
    """Switch a user on or off; users are never deleted, because the audit log names them."""
    row = _user_row(session, username)
    if row is None:
        raise NotFoundError("user", username)
    if row.active == active:
        return _user(row)  # nothing changes, so nothing to record
    before = _audit_user(_user(row))
    row.active = active
    session.flush()
    user = _user(row)
    action = "user activated" if active else "user deactivated"
    audit.append(session, actor, action, "user", user.username, before, _audit_user(user))
    return user


def authenticate(session: Session, username: str, password: str) -> User:
    """The active user with this password, or AuthenticationError; every failure costs one argon2 check."""
    row = _user_row(session, username)
    stored = row.password_hash if row is not None else _dummy_hash()
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        raise AuthenticationError from None
    if row is None or not row.active:
        raise AuthenticationError
    if _HASHER.check_needs_rehash(row.password_hash):
        row.password_hash = _HASHER.hash(password)
        audit.append(session, row.username, "password rehashed", "user", row.username)
    return _user(row)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, actor: str, *, username: str, name: str) -> IssuedToken:
    """A new API token for an active user; only its SHA-256 is stored."""
    user = _user_row(session, username)
    if user is None:
        raise InputError("username", f"no user {username!r}")
    if not user.active:
        raise InputError("username", f"{user.username!r} is not active")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = ApiTokenRow(user_id=user.id, name=_text(name, "name", 100), token_hash=_token_digest(token))
    session.add(row)
    session.flush()
    info = _token(row)
    audit.append(
        session, actor, "token issued", "api_token", str(info.id), None, {"user": user.username, "name": info.name}
    )
    return IssuedToken(info, token)


def user_for_token(session: Session, token: str, max_age: timedelta | None = None) -> User:
    """The active user holding this unrevoked token (issued within ``max_age``, if given), or
    AuthenticationError."""
    row = session.scalar(
        select(ApiTokenRow).where(ApiTokenRow.token_hash == _token_digest(token), ApiTokenRow.revoked_at.is_(None))
    )
    if row is not None and max_age is not None and utc_now() - row.created_at > max_age:
        row = None  # expired: the holder signs in again
    user = session.get(UserRow, row.user_id) if row is not None else None
    if user is None or not user.active:
        raise AuthenticationError
    return _user(user)


def revoke_token(session: Session, actor: str, token_id: int) -> ApiToken:
    """Mark a token revoked (kept, for the record); revoking twice is an error so mistakes show."""
    row = session.get(ApiTokenRow, token_id)
    if row is None:
        raise NotFoundError("API token", str(token_id))
    if row.revoked_at is not None:
        raise InputError("token_id", f"token {token_id} was already revoked at {row.revoked_at.isoformat()}")
    revoked_at = utc_now()
    row.revoked_at = revoked_at
    session.flush()
    holder = session.get_one(UserRow, row.user_id)
    after = {"user": holder.username, "name": row.name, "revoked_at": revoked_at.isoformat()}
    audit.append(session, actor, "token revoked", "api_token", str(row.id), {**after, "revoked_at": None}, after)
    return _token(row)


def list_tokens(session: Session, username: str) -> list[ApiToken]:
    rows = session.scalars(
        select(ApiTokenRow).join(UserRow).where(UserRow.username == username.strip().lower()).order_by(ApiTokenRow.id)
    )
    return [_token(row) for row in rows]


def sign_out(session: Session, token: str) -> None:
    """Revoke the token the caller holds (a web session ending); nothing happens for an unknown token."""
    row = session.scalar(
        select(ApiTokenRow).where(ApiTokenRow.token_hash == _token_digest(token), ApiTokenRow.revoked_at.is_(None))
    )
    if row is not None:
        holder = session.get_one(UserRow, row.user_id)
        revoke_token(session, holder.username, row.id)


def set_password(session: Session, actor: str, username: str, password: str) -> User:
    """Replace a user's password (argon2); the audit log records that it changed, never the password."""
    row = _user_row(session, username)
    if row is None:
        raise NotFoundError("user", username)
    row.password_hash = _HASHER.hash(_check_password(password))
    session.flush()
    audit.append(session, actor, "password set", "user", row.username, None, {"user": row.username})
    return _user(row)
