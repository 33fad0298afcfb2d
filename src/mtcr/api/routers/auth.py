"""Bearer API tokens: issued for a username and password (shown once), revoked by their holder or an admin."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, Field, ValidationError

from mtcr.api.bodies import MAX_ID, Body, Text64, Text100, storable
from mtcr.api.deps import SessionDep, UserDep, record
from mtcr.casework import identity
from mtcr.casework.access import Action, Principal, can_act
from mtcr.errors import InputError, NotFoundError

router = APIRouter(prefix="/auth", tags=["auth"])

FORM = "application/x-www-form-urlencoded"


class TokenRequest(Body):
    username: Text64
    password: Annotated[str, Field(min_length=1, max_length=identity.PASSWORD_MAX), AfterValidator(storable)]
    name: Text100 = Field("api", description="A label for the token, to tell tokens apart when revoking.")


class TokenResponse(Body):
    token: str = Field(description="The bearer token; shown this once, only its SHA-256 is stored.")
    token_type: str = "bearer"
    id: int
    name: str
    user: str
    role: str


async def token_request(request: Request) -> TokenRequest:
    """The credentials, from a JSON body or an HTML form body.

    Parsed by hand because Starlette's form parser needs python-multipart, a dependency for one
    url-encoded form of three fields; ``parse_qsl`` does exactly what that form needs.
    """
    raw = await request.body()
    content_type = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("body", "not UTF-8 text") from None
    data: Any
    if content_type == FORM:
        data = dict(parse_qsl(text, keep_blank_values=True))
    elif content_type == "application/json" or content_type.endswith("+json"):
        try:
            data = json.loads(text) if text else None
        except json.JSONDecodeError:
            raise InputError("body", "not valid JSON") from None
    else:
        raise InputError("content-type", f"send application/json or {FORM}, not {content_type!r}")
    try:
        return TokenRequest.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


_TOKEN_SCHEMA = TokenRequest.model_json_schema()
_TOKEN_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": _TOKEN_SCHEMA}, FORM: {"schema": _TOKEN_SCHEMA}},
    }
}


@router.post(
    "/token",
    openapi_extra=_TOKEN_BODY,
    responses={401: {"description": "Unknown user, wrong password or inactive user"}},
)
def issue_token(session: SessionDep, body: Annotated[TokenRequest, Depends(token_request)]) -> TokenResponse:
    """Exchange a username and password for a new API token (no authentication needed; the token is shown once)."""
    user = identity.authenticate(session, body.username, body.password)
    issued = identity.issue_token(session, user.username, username=user.username, name=body.name)
    return TokenResponse(
        token=issued.token, id=issued.info.id, name=issued.info.name, user=user.username, role=user.role.value
    )


@router.post("/tokens/{token_id}/revoke")
def revoke_token(session: SessionDep, user: UserDep, token_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    """Revoke a token: your own, or anyone's if you may manage users. Other tokens do not exist for you (404)."""
    holder = next((t for t in identity.list_tokens(session, user.username) if t.id == token_id), None)
    if holder is None and not can_act(Principal.of(user), Action.MANAGE_USERS):
        raise NotFoundError("API token", str(token_id))
    return record(identity.revoke_token(session, user.username, token_id))
