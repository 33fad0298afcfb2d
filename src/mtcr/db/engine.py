"""Engines and sessions from a URL; schema upgrades by Alembic."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mtcr.errors import InputError, MtcrError
from mtcr.settings import get_settings

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"  # mtcr.migrations: above every table module


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL; SQLAlchemy's documented
    # remedy: let the driver do nothing and emit BEGIN ourselves (_sqlite_begin).
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; crash-safe
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class DatabaseError(MtcrError):
    """The database cannot be opened, created or upgraded; the message names it (never its password)."""


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE: take the write lock at the start, so two transactions never deadlock upgrading a read
    # lock (SQLite then fails at once instead of waiting); with WAL, readers elsewhere are not blocked.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: ``MTCR_DATABASE_URL``, else the SQLite file in the data folder)."""
    url = url or get_settings().resolved_database_url
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InputError("MTCR_DATABASE_URL", f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(
                    "MTCR_DATA_DIR", f"cannot create {Path(parsed.database).parent}: {exc.strerror}"
                ) from exc
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "postgresql":
        raise InputError("MTCR_DATABASE_URL", f"{parsed.get_backend_name()!r}: mtcr runs on SQLite or PostgreSQL")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise InputError("MTCR_DATABASE_URL", f"no driver for {parsed.drivername!r}") from exc


MIGRATION_LOCK_ID = 7_271_988  # PostgreSQL advisory lock taken while migrating (any number, fixed)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrating process at a time: a lock file beside an SQLite database, an advisory lock in PostgreSQL."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        with open(f"{database}.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        yield


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent, safe when several processes start at once)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    name = engine.url.render_as_string(hide_password=True)
    try:
        with _migration_lock(engine), engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        problem = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"cannot open or upgrade the database {name}: {problem}") from exc
    except OSError as exc:
        raise DatabaseError(f"cannot open the database {name}: {exc.strerror or exc}") from exc


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back (nothing half-written) on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session
