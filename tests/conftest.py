from __future__ import annotations

import pytest

from mtcr.annex import Annex, load


@pytest.fixture(scope="session")
def annex() -> Annex:
    return load("mtcr-2024")


# --- databases: every store test runs on SQLite and, where .ci/with-postgres started one, PostgreSQL ---

import os  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from sqlalchemy import Engine, text  # noqa: E402

from mtcr.db.engine import make_engine, upgrade  # noqa: E402

POSTGRES_URL = os.environ.get("MTCR_TEST_POSTGRES_URL", "")


def _database_params() -> list[object]:
    reason = "no PostgreSQL server: run the tests through .ci/with-postgres (make test does)"
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason=reason))]


@pytest.fixture(params=_database_params())
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, migrated database for one test."""
    if request.param == "sqlite":
        db = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        db = make_engine(POSTGRES_URL)
        with db.begin() as connection:  # a clean schema for every test
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade(db)
    yield db
    db.dispose()
