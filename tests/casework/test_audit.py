"""The audit log on SQLite and PostgreSQL: append-only, and any tampering is detected."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from mtcr.casework import audit
from mtcr.db.engine import session_scope


def _fill(engine: Engine, count: int = 5) -> None:
    with session_scope(engine) as session:
        for number in range(1, count + 1):
            audit.append(session, "officer-1", "case updated", "case", "C-1", {"n": number - 1}, {"n": number})


def test_an_untouched_log_verifies(engine: Engine) -> None:
    _fill(engine)
    with session_scope(engine) as session:
        result = audit.verify(session)
        assert result.ok and result.entries == 5 and result.head_seq == 5
        assert [e.after for e in audit.history(session, "case", "C-1")] == [{"n": n} for n in range(1, 6)]
        assert audit.verify(session, (result.head_seq, result.head_hash)).ok


def test_the_database_refuses_changes_and_deletions(engine: Engine) -> None:
    _fill(engine, 2)
    statements = ["UPDATE audit_log SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 2"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE audit_log")
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))


def _without_guards(engine: Engine, statement: str) -> None:
    """What an attacker with database rights does: drop the guard, then change the table."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP TRIGGER audit_log_no_change ON audit_log"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text(statement))


@pytest.mark.parametrize(
    ("statement", "bad_seq", "problem"),
    [
        ("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3", 3, "changed after it was written"),
        ("DELETE FROM audit_log WHERE seq = 2", 3, "entry 2 is missing"),
        ("UPDATE audit_log SET prev_hash = '" + "f" * 64 + "' WHERE seq = 4", 4, "does not follow"),
    ],
)
def test_tampering_is_detected(engine: Engine, statement: str, bad_seq: int, problem: str) -> None:
    _fill(engine)
    _without_guards(engine, statement)
    with session_scope(engine) as session:
        result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == bad_seq and problem in result.problem


def test_cutting_off_the_end_is_detected_against_a_recorded_head(engine: Engine) -> None:
    _fill(engine)
    with session_scope(engine) as session:
        head = audit.verify(session)
    _without_guards(engine, "DELETE FROM audit_log WHERE seq >= 4")
    with session_scope(engine) as session:
        assert audit.verify(session).ok  # the rest of the chain is intact ...
        result = audit.verify(session, (head.head_seq, head.head_hash))
    assert not result.ok and "entries 4 to 5 are missing" in result.problem  # ... but the head is gone


def test_an_entry_names_who_acted(engine: Engine) -> None:
    from mtcr.errors import InputError

    with pytest.raises(InputError, match="actor"), session_scope(engine) as session:
        audit.append(session, " ", "x", "case", "C-1")
