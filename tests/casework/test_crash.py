"""A process killed in the middle of a write leaves the database consistent (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from sqlalchemy import Engine, func, select, text

from mtcr.casework import audit
from mtcr.casework.models import CaseRow
from mtcr.db.engine import session_scope

WRITER = textwrap.dedent(
    """
    import sys, time
    from mtcr.casework import service
    from mtcr.db.engine import make_engine, session_scope
    engine = make_engine(sys.argv[1])
    with session_scope(engine) as session:
        for number in range(50):
            service.create_case(session, title=f"case {number}", exporter="E", destination="PK", end_use="u",
                                end_use_location="", marking="SECRET", owner_org="MOD-LIC", actor="writer")
        session.flush()
        print("written, not committed", flush=True)
        time.sleep(60)  # killed here, inside the transaction
    """
)


def test_a_killed_writer_leaves_nothing_half_written(engine: Engine) -> None:
    with session_scope(engine) as session:  # some committed history first
        audit.append(session, "officer", "before the crash", "case", "C-0")
    url = engine.url.render_as_string(hide_password=False)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "written, not committed"
        os.killpg(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            os.killpg(writer.pid, signal.SIGKILL)
    engine.dispose()
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 0
        result = audit.verify(session)
        assert result.ok and result.entries == 1
        if engine.dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with session_scope(engine) as session:  # and the database takes new writes
        audit.append(session, "officer", "after the crash", "case", "C-0")
        assert audit.verify(session).entries == 2
