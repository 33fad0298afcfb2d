"""The one place where domain errors become HTTP statuses (services raise; only the edges translate)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.responses import Response

from mtcr.casework.access import AccessDeniedError
from mtcr.casework.audit import AuditConflictError
from mtcr.casework.identity import AuthenticationError
from mtcr.casework.service import ConsultationRequiredError
from mtcr.casework.workflow import IllegalTransitionError
from mtcr.errors import DataFileError, InputError, NotFoundError

Handler = Callable[[Request, Exception], Awaitable[Response]]


def _detail(status: int, headers: dict[str, str] | None = None) -> Handler:
    async def handler(_request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)

    return handler


async def _input_error(_request: Request, exc: Exception) -> Response:
    if not isinstance(exc, InputError):  # pragma: no cover - registered for InputError only
        raise exc
    return JSONResponse({"field": exc.field, "problem": exc.problem}, status_code=422)


async def _data_file_error(_request: Request, exc: Exception) -> Response:
    if not isinstance(exc, DataFileError):  # pragma: no cover - registered for DataFileError only
        raise exc
    return JSONResponse({"field": exc.field or exc.path, "problem": str(exc)}, status_code=422)


async def _validation_error(_request: Request, exc: Exception) -> Response:
    """Pydantic's errors in the same shape as InputError (the first one), with the full list alongside."""
    if not isinstance(exc, RequestValidationError):  # pragma: no cover - registered for this error only
        raise exc
    errors = list(exc.errors())
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    field = ".".join(str(part) for part in first.get("loc", ()))
    details = [{"field": ".".join(str(p) for p in e.get("loc", ())), "problem": str(e.get("msg", ""))} for e in errors]
    return JSONResponse({"field": field, "problem": str(first.get("msg", "")), "errors": details}, status_code=422)


def install(app: FastAPI) -> None:
    """Register the mapping; anything not listed is a 500, which the tests treat as a bug."""
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DataFileError, _data_file_error)
    app.add_exception_handler(NotFoundError, _detail(404))
    app.add_exception_handler(AccessDeniedError, _detail(403))
    app.add_exception_handler(AuthenticationError, _detail(401, {"WWW-Authenticate": "Bearer"}))
    app.add_exception_handler(IllegalTransitionError, _detail(409))
    app.add_exception_handler(ConsultationRequiredError, _detail(409))
    app.add_exception_handler(AuditConflictError, _detail(409))  # a concurrent write won: retry
