"""The FastAPI app factory: the engine is passed in (no global state); upgrading the schema is the caller's job."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from sqlalchemy import Engine

from mtcr import __version__
from mtcr.api import errors
from mtcr.api.routers import annex, audit, auth, cases, health, notes, notifications, screening

DESCRIPTION = """Missile-technology export control over HTTP: cases from application to decision, interagency
advice, denial notifications and consultations, party screening, the MTCR Annex and the audit log.

Authenticate with `POST /auth/token` (username and password) and send `Authorization: Bearer <token>`.
Every route except `/health`, `/auth/token` and these docs needs a token; each states the action its role
must allow. Cases you may not read are 404 on every route."""


def create_app(engine: Engine) -> FastAPI:
    """An app serving ``engine``'s database (already upgraded by the caller)."""
    # the docs pages (Swagger UI, ReDoc) with their assets from a package: no CDN, like the web pages
    app = FastAPIOffline(title="mtcr", version=__version__, description=DESCRIPTION)
    app.state.engine = engine
    for module in (health, auth, cases, notes, notifications, screening, annex, audit):
        app.include_router(module.router)
    errors.install(app)
    return app


def create_configured_app() -> FastAPI:
    """The app on the configured database (MTCR_DATABASE_URL), its schema upgraded: uvicorn's factory."""
    from mtcr.db.engine import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    return create_app(engine)
