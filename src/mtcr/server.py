"""The one application ``mtcr serve`` runs: the web pages at ``/`` and the HTTP API at ``/api``, on one
database. Composed here so that the pages and the API never import each other (import contracts)."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from mtcr.api.app import create_app as create_api
from mtcr.web.app import create_app as create_web

API_PREFIX = "/api"


def create_app(engine: Engine) -> FastAPI:
    """Pages and API serving ``engine``'s database (already upgraded by the caller)."""
    app = create_web(engine)
    app.mount(API_PREFIX, create_api(engine))
    return app


def create_configured_app() -> FastAPI:
    """Pages and API on the configured database (MTCR_DATABASE_URL), its schema upgraded: uvicorn's factory."""
    from mtcr.db.engine import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    return create_app(engine)
