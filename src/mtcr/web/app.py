"""The web application factory: server-rendered pages (Jinja2 + HTMX), assets served from the package."""

from __future__ import annotations

import importlib.util
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from mtcr.casework.access import AccessDeniedError
from mtcr.casework.audit import AuditConflictError
from mtcr.casework.service import ConsultationRequiredError
from mtcr.casework.workflow import IllegalTransitionError
from mtcr.errors import DataFileError, InputError, MtcrError, NotFoundError
from mtcr.web.deps import CsrfError, SignInRequiredError
from mtcr.web.jobs import JobRunner
from mtcr.web.pages import annex, assess, auth, cases, documents, jobs, notifications, queue, screening
from mtcr.web.rendering import render
from mtcr.web.throttle import SignInThrottle

Handler = Callable[[Request, Exception], Awaitable[Response]]
_PLOTLY = importlib.util.find_spec("plotly")
# Plotly's own bundle, from the installed package: the charts need no CDN and match the dependency.
PLOTLY_JS = Path(_PLOTLY.origin if _PLOTLY and _PLOTLY.origin else ".").parent / "package_data" / "plotly.min.js"

# Each domain error's status and the heading users see; the message itself says what to do.
_ERRORS: tuple[tuple[type[Exception], int, str], ...] = (
    (InputError, 422, "Please correct the form"),
    (DataFileError, 422, "The file could not be read"),
    (NotFoundError, 404, "Not found"),
    (AccessDeniedError, 403, "Not allowed"),
    (IllegalTransitionError, 409, "Not possible in this state"),
    (ConsultationRequiredError, 409, "Consultation required first"),
    (AuditConflictError, 409, "Please try again"),
    (CsrfError, 403, "Form expired"),
)


def _message(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return f"{exc.field}: {exc.problem}"
    return str(exc)


def _error_page(status: int, heading: str) -> Handler:
    async def handler(request: Request, exc: Exception) -> Response:
        context = {"heading": heading, "message": _message(exc)}
        if request.headers.get("HX-Request"):
            # HTMX forms show the message in the page's alert area rather than replacing the form
            response = render(request, "_alert.html", context, status_code=status)
            response.headers["HX-Retarget"] = "#alerts"
            response.headers["HX-Reswap"] = "innerHTML"
            return response
        return render(request, "error.html", context, status_code=status)

    return handler


async def _sign_in(request: Request, _exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.headers.get("HX-Request"):
        return Response(status_code=401, headers={"HX-Redirect": "/login"})
    return RedirectResponse(f"/login?next={target}" if request.method == "GET" else "/login", status_code=303)


async def _form_invalid(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # pragma: no cover - registered for this error only
        raise exc
    problems = [
        f"{'.'.join(str(p) for p in error.get('loc', ())[1:]) or 'form'}: {error.get('msg', '')}"
        for error in exc.errors()
    ]
    return await _error_page(422, "Please correct the form")(request, InputError("form", "; ".join(problems)))


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    heading = "Not found" if status == 404 else "Request refused"
    return await _error_page(status, heading)(request, MtcrError(str(getattr(exc, "detail", "")) or heading))


# Pages and documents hold marked material: never cached, never framed, scripts and styles from this
# server only (Plotly and htmx set inline styles; memoranda embed their figures as data: images).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    path = request.url.path
    if path.startswith("/api/"):  # the API (mounted beside the pages) sets its own
        return response
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not path.startswith(("/static/", "/vendor/")):
        response.headers["Cache-Control"] = "no-store"
    return response


def create_app(engine: Engine) -> FastAPI:
    """The pages serving ``engine``'s database (already upgraded by the caller)."""
    app = FastAPI(title="mtcr web", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.jobs = JobRunner()
    app.state.sign_in_throttle = SignInThrottle()
    app.mount("/static", StaticFiles(directory=str(resources.files("mtcr.web") / "static")), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        """Plotly's bundle from the installed package (no CDN), cached by the browser for a day."""
        return FileResponse(PLOTLY_JS, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    for module in (auth, queue, cases, documents, annex, assess, screening, notifications, jobs):
        app.include_router(module.router)
    for error, status, heading in _ERRORS:
        app.add_exception_handler(error, _error_page(status, heading))
    app.add_exception_handler(SignInRequiredError, _sign_in)
    app.add_exception_handler(RequestValidationError, _form_invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.middleware("http")(_security_headers)
    return app


def create_configured_app() -> FastAPI:
    """The pages on the configured database (MTCR_DATABASE_URL), its schema upgraded: uvicorn's factory."""
    from mtcr.db.engine import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    return create_app(engine)
