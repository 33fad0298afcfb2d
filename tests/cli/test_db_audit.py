"""``mtcr db`` and ``mtcr audit`` from the command line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcr.casework import audit
from mtcr.db.engine import make_engine, session_scope
from mtcr.settings import get_settings
from tests.cli.test_cli import invoke


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MTCR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MTCR_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


def test_upgrade_then_backup(data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = invoke("db", "upgrade")
    assert code == 0 and "schema is current" in out
    code, _, _ = invoke("db", "upgrade")
    assert code == 0  # repeatable
    backup = tmp_path / "copy.db"
    code, out, _ = invoke("db", "backup", str(backup))
    assert code == 0 and "Backup written" in out
    tables = {row[0] for row in sqlite3.connect(backup).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"cases", "audit_log", "list_snapshots"} <= tables
    code, _, err = invoke("db", "backup", str(backup))
    assert code == 2 and "exists already" in err


def test_audit_verify_reports_tampering(data_dir: Path) -> None:
    invoke("db", "upgrade")
    engine = make_engine()
    with session_scope(engine) as session:
        for n in range(3):
            audit.append(session, "officer", "test", "case", "C-1", None, {"n": n})
    code, out, _ = invoke("audit", "verify")
    assert code == 0 and "intact: 3 entries" in out
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        connection.exec_driver_sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    code, _, err = invoke("audit", "verify")
    assert code == 1 and "entry 2 was changed" in err
    code, _, err = invoke("audit", "verify", "--head", "nonsense")
    assert code == 2 and "--head" in err
