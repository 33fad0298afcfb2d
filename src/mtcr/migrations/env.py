"""Alembic environment: runs on the connection mtcr passes in (see mtcr.db.engine.upgrade)."""

from __future__ import annotations

from alembic import context

import mtcr.casework.identity  # noqa: F401 - registers the identity tables
from mtcr.casework import audit, models  # noqa: F401 - registers the tables on Base.metadata
from mtcr.db import screening  # noqa: F401
from mtcr.db.base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
