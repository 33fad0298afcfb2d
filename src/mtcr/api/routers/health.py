"""Liveness: the one route (with POST /auth/token and the OpenAPI docs) that needs no token."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from mtcr import __version__
from mtcr.api.deps import SessionDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: SessionDep) -> dict[str, str]:
    """``ok`` when the database answers."""
    session.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__}
