"""Request dependencies of the pages: one transaction per request, the signed-in user from the session
cookie, and the form check against cross-site request forgery."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mtcr.casework import identity
from mtcr.casework.access import Principal
from mtcr.db.engine import session_scope
from mtcr.errors import MtcrError

SESSION_COOKIE = "mtcr_session"
# A working day and a bit: a signed-in browser left overnight needs the password again.
SESSION_MAX_AGE = timedelta(hours=12)
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"


class SignInRequiredError(MtcrError):
    """No valid session: the pages redirect to the sign-in form."""

    def __init__(self) -> None:
        super().__init__("sign in to continue")


class CsrfError(MtcrError):
    """A form posted without this session's token (another site's form, or a stale page)."""

    def __init__(self) -> None:
        super().__init__("the form expired or came from another site: reload the page and try again")


def get_engine(request: Request) -> Engine:
    engine = request.app.state.engine
    if not isinstance(engine, Engine):
        raise TypeError("the web app was created without an engine")
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One transaction per request: committed before the page is sent, rolled back on any error."""
    with session_scope(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def csrf_token(session_token: str) -> str:
    """The form token for a session: derived from the session's secret, so it needs no storage and is
    worthless without the cookie (which SameSite=Strict keeps from other sites anyway)."""
    return hmac.new(session_token.encode(), b"mtcr-web-form", hashlib.sha256).hexdigest()


def current_user(request: Request, session: SessionDep) -> identity.User:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise SignInRequiredError
    try:
        user = identity.user_for_token(session, token, SESSION_MAX_AGE)
    except identity.AuthenticationError:
        raise SignInRequiredError from None
    request.state.user = user
    request.state.csrf = csrf_token(token)
    return user


UserDep = Annotated[identity.User, Depends(current_user)]


def current_principal(user: UserDep) -> Principal:
    return Principal.of(user)


PrincipalDep = Annotated[Principal, Depends(current_principal)]


async def check_csrf(request: Request, user: UserDep) -> identity.User:
    """Every state-changing request carries the session's form token (form field or HTMX header)."""
    expected = getattr(request.state, "csrf", "")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent, expected):
        raise CsrfError
    return user


FormUserDep = Annotated[identity.User, Depends(check_csrf)]
