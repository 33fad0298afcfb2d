"""Request dependencies: one transaction per request, the bearer token resolved to a Principal, and the
permission check every authenticated route declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mtcr.casework import identity
from mtcr.casework.access import AccessDeniedError, Action, Principal, can_act
from mtcr.db.engine import session_scope
from mtcr.serialize import to_jsonable


def get_engine(request: Request) -> Engine:
    engine = request.app.state.engine
    if not isinstance(engine, Engine):
        raise TypeError("the app was created without an engine")  # create_app always sets one
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One transaction for the whole request: committed before the response is sent, rolled back on any error."""
    with session_scope(engine) as session:
        yield session


# scope="function": the transaction ends (commits) before the response goes out, so a failed commit is an error
# response rather than a lost write; every dependency of the request shares this one session.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

_bearer = HTTPBearer(auto_error=False, description="An API token from POST /auth/token.")


def current_user(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> identity.User:
    """The active user holding the bearer token; AuthenticationError (401) when missing, unknown or revoked."""
    if credentials is None or not credentials.credentials:
        raise identity.AuthenticationError
    return identity.user_for_token(session, credentials.credentials)


UserDep = Annotated[identity.User, Depends(current_user)]


def current_principal(user: UserDep) -> Principal:
    return Principal.of(user)


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_any(principal: Principal, *actions: Action) -> None:
    """Raise AccessDeniedError (403) unless the principal's role allows at least one of ``actions``."""
    if not any(can_act(principal, action) for action in actions):
        wanted = " or ".join(action.value for action in actions)
        raise AccessDeniedError(f"a {principal.role.value} may not {wanted}")


def allow(*actions: Action) -> Callable[[Principal], Principal]:
    """A dependency: the authenticated principal, if their role allows one of ``actions``; else 403."""

    def dependency(principal: PrincipalDep) -> Principal:
        require_any(principal, *actions)
        return principal

    return dependency


def record(value: object) -> dict[str, Any]:
    """A frozen record as a JSON object (``mtcr.serialize.to_jsonable``)."""
    data = to_jsonable(value)
    if not isinstance(data, dict):
        raise TypeError(f"expected a record, got {type(value).__name__}")
    return data


def records(values: list[Any]) -> list[dict[str, Any]]:
    return [record(value) for value in values]
