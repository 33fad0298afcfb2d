"""Sign-in and sign-out. A session is an API token held in an HttpOnly, SameSite=Strict cookie, so signing
out (or an administrator revoking the token) ends it at once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from mtcr.casework import identity
from mtcr.web.deps import SESSION_COOKIE, SESSION_MAX_AGE, FormUserDep, SessionDep
from mtcr.web.rendering import render

router = APIRouter()
SESSION_NAME = "web sign-in"


def _safe_next(target: str | None) -> str:
    """Only a path on this site: an absolute or scheme-relative address would make sign-in an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    throttle = request.app.state.sign_in_throttle
    wait = throttle.wait_s(username)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        context = {"next": _safe_next(next), "error": f"Too many failed attempts: try again in {minutes} min."}
        return render(request, "login.html", context, status_code=429)
    try:
        user = identity.authenticate(session, username, password)
    except identity.AuthenticationError:
        throttle.failed(username)
        context = {"next": _safe_next(next), "error": "Unknown username or wrong password."}
        return render(request, "login.html", context, status_code=401)
    throttle.succeeded(username)
    previous = request.cookies.get(SESSION_COOKIE)
    if previous:  # signing in again ends the session this browser held
        identity.sign_out(session, previous)
    issued = identity.issue_token(session, user.username, username=user.username, name=SESSION_NAME)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        issued.token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=int(SESSION_MAX_AGE.total_seconds()),
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, _user: FormUserDep) -> Response:
    identity.sign_out(session, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
