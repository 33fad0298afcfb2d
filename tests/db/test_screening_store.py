"""Screening on record, on SQLite and PostgreSQL: snapshots, idempotent and all-or-nothing imports,
screenings with hits and reasons, dispositions, re-screening when a list changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from mtcr.db import screening as store
from mtcr.db.engine import session_scope
from mtcr.errors import DataFileError, InputError, NotFoundError
from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import MATCHER_VERSION
from mtcr.screening.model import ListFormat, Party

HEADER = "id,name,aliases,country\n"


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _count(engine: Engine, table: type[store.Base]) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_import_is_a_snapshot_and_idempotent(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", ["E1,Example Rocket Works,ERW,CN", "E2,Example Guidance Bureau,,KP"])
    with session_scope(engine) as session:
        first = store.import_list(session, path, ListFormat.CSV, "example")
    with session_scope(engine) as session:
        again = store.import_list(session, path, ListFormat.CSV, "example")
    assert first.created and not again.created
    assert again.snapshot == first.snapshot
    assert first.snapshot.entity_count == 2 and len(first.snapshot.content_hash) == 64
    assert _count(engine, store.ListEntityRow) == 2


def test_a_bad_row_leaves_nothing_behind(engine: Engine, tmp_path: Path) -> None:
    good = _write(tmp_path / "good.csv", ["E1,Example Rocket Works,,CN"])
    with session_scope(engine) as session:
        store.import_list(session, good, ListFormat.CSV, "example")
    bad = _write(tmp_path / "bad.csv", ["E1,Example Rocket Works,,CN", "E2,,,KP"])
    with pytest.raises(DataFileError, match="line 3"), session_scope(engine) as session:
        store.import_list(session, bad, ListFormat.CSV, "example")
    assert _count(engine, store.ListSnapshotRow) == 1
    assert _count(engine, store.ListEntityRow) == 1


def test_a_failure_after_some_rows_are_written_rolls_them_back(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", ["E1,Example Rocket Works,,CN", "E2,Example Guidance Bureau,,KP"])
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        store.import_list(session, path, ListFormat.CSV, "example")
        raise RuntimeError("process killed mid-write")
    assert _count(engine, store.ListSnapshotRow) == 0 and _count(engine, store.ListEntityRow) == 0


def test_screening_is_recorded_with_reasons_and_dispositions(engine: Engine) -> None:
    with session_scope(engine) as session:
        snapshot = store.ensure_bundled_list(session)
        assert snapshot.entity_count == 149
        party = Party("Shaheed Himmat Industries Group", country="IR")
        hits = CandidateIndex(store.snapshot_entities(session, snapshot.id)).screen(party)
        screening_id = store.record_screening(session, party, snapshot, hits, 0.8, "analyst-1")
    with session_scope(engine) as session:
        record = store.get_screening(session, screening_id)
    assert record.party == Party("Shaheed Himmat Industries Group", country="IR")
    assert record.snapshot == snapshot and record.matcher_version == MATCHER_VERSION
    assert record.hits[0].match.entity_name == "SHAHID HEMMAT INDUSTRIAL GROUP"
    assert any("same sound" in f.reason for f in record.hits[0].match.features)
    hit_id = record.hits[0].id
    with session_scope(engine) as session:
        store.dispose(session, hit_id, store.Disposition.FALSE_POSITIVE, "analyst-1", "first look")
        changed = store.dispose(session, hit_id, store.Disposition.TRUE_MATCH, "analyst-2", "same address in Tehran")
    assert changed.disposition is store.Disposition.TRUE_MATCH and changed.disposed_by == "analyst-2"
    assert _count(engine, store.DispositionRow) == 2  # the earlier decision is kept


@pytest.mark.parametrize(("by", "reason", "field"), [("", "why", "--by"), ("analyst", " ", "--reason")])
def test_dispositions_need_who_and_why(engine: Engine, by: str, reason: str, field: str) -> None:
    with pytest.raises(InputError) as caught, session_scope(engine) as session:
        store.dispose(session, 1, store.Disposition.TRUE_MATCH, by, reason)
    assert caught.value.field == field


def test_unknown_things_are_not_found(engine: Engine) -> None:
    with session_scope(engine) as session:
        with pytest.raises(NotFoundError, match="screening"):
            store.get_screening(session, 99)
        with pytest.raises(NotFoundError, match="hit"):
            store.dispose(session, 99, store.Disposition.TRUE_MATCH, "a", "b")
        with pytest.raises(NotFoundError, match="list"):
            store.latest_snapshot(session, "no-such-list")


def test_a_new_snapshot_makes_screenings_stale(engine: Engine, tmp_path: Path) -> None:
    first = _write(tmp_path / "v1.csv", ["E1,Example Rocket Works,,CN"])
    second = _write(tmp_path / "v2.csv", ["E1,Example Rocket Works,,CN", "E2,Example Guidance Bureau,,KP"])
    with session_scope(engine) as session:
        v1 = store.import_list(session, first, ListFormat.CSV, "example").snapshot
        store.record_screening(session, Party("Example Guidance Bureau"), v1, [], 0.8, "analyst")
        assert store.stale_screenings(session) == []
        v2 = store.import_list(session, second, ListFormat.CSV, "example").snapshot
        stale = store.stale_screenings(session)
        assert [(i, s.id) for i, s in stale] == [(1, v2.id)]
        hits = CandidateIndex(store.snapshot_entities(session, v2.id)).screen(Party("Example Guidance Bureau"))
        assert [h.entity_id for h in hits] == ["E2"]
        store.record_screening(session, Party("Example Guidance Bureau"), v2, hits, 0.8, "analyst", rescreen_of=1)
        assert store.stale_screenings(session) == []
