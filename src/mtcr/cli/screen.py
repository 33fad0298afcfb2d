"""``mtcr screen``, ``mtcr screen-file``, ``mtcr lists`` and ``mtcr screenings``: restricted-party screening."""

from __future__ import annotations

import csv
import dataclasses
import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from mtcr.cli.common import JsonOption, clean_input, console, domain_errors, emit_json, error_console
from mtcr.cli.common import safe as escape
from mtcr.db import screening as store
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.errors import InputError
from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import DEFAULT_THRESHOLD, MATCHER_VERSION
from mtcr.screening.model import ListFormat, Match, Party
from mtcr.screening.parties import (
    MAX_NAME_LENGTH,
    country_code,
    party_date,
    party_identifier,
    party_type,
    read_parties,
)

lists_app = typer.Typer(
    help="Screening lists: import snapshots, list them.\n\nExample: mtcr lists show", no_args_is_help=True
)
screenings_app = typer.Typer(
    help="Screenings on record: show, dispose of hits, re-screen.\n\nExample: mtcr screenings show 1",
    no_args_is_help=True,
)

ListOption = Annotated[str, typer.Option("--list", "-l", help="The list to screen against (mtcr lists show).")]
ThresholdOption = Annotated[
    float, typer.Option("--threshold", min=0.0, max=1.0, help="Report hits scoring at least this (0 to 1).")
]
ByOption = Annotated[str, typer.Option("--by", help="Who screens or decides (default: the login name).")]


def _user(by: str) -> str:
    if by and not by.strip():
        raise InputError("--by", "give a name, or leave --by out for the login name")
    return by.strip() or getpass.getuser()


DECISION_HINT = (
    "Record a decision: mtcr screenings dispose HIT --decision 'true match' or 'false positive' --reason 'why'"
)


def _index_for(session: object, snapshot: store.Snapshot) -> CandidateIndex:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return CandidateIndex(store.snapshot_entities(session, snapshot.id))


def _snapshot(session: object, list_name: str) -> store.Snapshot:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if list_name == store.BUNDLED_LIST_NAME:
        return store.ensure_bundled_list(session)
    snapshot = store.latest_snapshot(session, list_name)
    assert snapshot is not None
    return snapshot


def hits_table(title: str, hits: list[Match], extra: dict[str, list[str]] | None = None) -> Table:
    """Hits with their reasons; ``extra`` adds columns (name -> one cell per hit)."""
    extra = extra or {}
    table = Table(title=title, title_justify="left")
    for column in ("score", "listed entity", "matched name", "reasons", *extra):
        # long words of a reason fold onto the next line rather than being cut off on a narrow terminal
        table.add_column(column, justify="right" if column in ("score", "hit") else "left", overflow="fold")
    for row, match in enumerate(hits):
        reasons = "\n".join(f"{f.feature}: {f.reason}" for f in match.features)
        table.add_row(
            f"{match.score:.2f}",
            escape(f"{match.entity_name} ({match.entity_id})"),
            escape(match.matched_name),
            escape(reasons),
            *(escape(cells[row]) for cells in extra.values()),
        )
    return table


def screen_command(
    name: Annotated[str, typer.Argument(help="The party's name, in any script.")],
    country: Annotated[str | None, typer.Option("--country", "-c", help="ISO country code, e.g. CN.")] = None,
    address: Annotated[str | None, typer.Option("--address", help="The party's address.")] = None,
    identifier: Annotated[
        list[str] | None, typer.Option("--id", help="A registration, tax or passport number. Repeatable.")
    ] = None,
    date: Annotated[
        list[str] | None,
        typer.Option("--date", help="A date or year of birth or incorporation (e.g. 1961-04-12). Repeatable."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="person or organization: a company is not the listed person it is named after. "
            "Without it, a name with a company form (Co., Ltd, ООО) counts as an organization.",
        ),
    ] = None,
    list_name: ListOption = store.BUNDLED_LIST_NAME,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    by: ByOption = "",
    json: JsonOption = False,
) -> None:
    """Screen one party against a list; the screening, its hits and their reasons are stored on record.

    Example: mtcr screen "China Precision Machinery Imp. & Exp. Corp." --country CN

    Example: mtcr screen "中国精密机械进出口总公司" --json
    """
    with domain_errors():
        user = _user(by)
        name = clean_input(name)
        if not any(ch.isalnum() for ch in name):
            raise InputError("NAME", "give the party's name (letters or digits)")
        if len(name) > MAX_NAME_LENGTH:
            raise InputError("NAME", f"a name of {len(name)} characters (at most {MAX_NAME_LENGTH})")
        party = Party(
            name=name,
            country=_country(country),
            address=clean_input(address) if address else None,
            identifiers=tuple(party_identifier(value, "--id") for value in identifier or ()),
            dates=tuple(party_date(value, "--date") for value in date or ()),
            entity_type=party_type(kind, "--type"),
        )
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            snapshot = _snapshot(session, list_name)
            hits = _index_for(session, snapshot).screen(party, threshold)
            screening_id = store.record_screening(session, party, snapshot, hits, threshold, user)
            record = store.get_screening(session, screening_id)
        if json:
            emit_json(record)
            return
        title = (
            f"Screening {record.id}: {escape(name)} against {escape(snapshot.list_name)} "
            f"(snapshot {snapshot.id}, {snapshot.entity_count} entities; matcher {MATCHER_VERSION})"
        )
        if hits:
            console.print(hits_table(title, hits))
            console.print(f"{DECISION_HINT} (hit ids: {', '.join(str(h.id) for h in record.hits)})")
        else:
            console.print(f"{title}\nNo hit at or above {threshold:.2f}.")


def _country(value: str | None) -> str | None:
    return country_code(value, "--country")


def screen_file_command(
    file: Annotated[
        Path,
        typer.Argument(help="CSV with a 'name' column, and optionally 'country', 'address', 'id', 'dates', 'type'."),
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write every hit to this CSV.")] = None,
    list_name: ListOption = store.BUNDLED_LIST_NAME,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    engine_name: Annotated[
        str, typer.Option("--engine", help="local (default) or dask (a LocalCluster, or --scheduler).")
    ] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of a Dask scheduler.")] = None,
    by: ByOption = "",
    json: JsonOption = False,
) -> None:
    """Screen every party in a CSV file (a batch), with a progress bar; every screening is stored on record.

    Example: mtcr screen-file parties.csv --output hits.csv
    """
    with domain_errors():
        user = _user(by)
        if engine_name not in ("local", "dask"):
            raise InputError("--engine", f"expected local or dask, got {engine_name!r}")
        if scheduler and engine_name != "dask":
            raise InputError("--scheduler", "is for --engine dask")
        if output is not None:
            _check_output(output, file)
        parties = read_parties(file)
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            snapshot = _snapshot(session, list_name)
            entities = store.snapshot_entities(session, snapshot.id)
        with Progress(
            TextColumn(f"screening on {engine_name}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=error_console,
            transient=True,
        ) as progress:
            task = progress.add_task("screening", total=len(parties))
            if engine_name == "dask":
                from mtcr.screening.batch import screen_on_dask

                results = screen_on_dask(
                    parties, entities, threshold, scheduler, progress=lambda n: progress.advance(task, n)
                )
            else:
                index = CandidateIndex(entities)
                results = []
                for party in parties:
                    results.append(index.screen(party, threshold))
                    progress.advance(task)
        with session_scope(engine) as session:
            ids = [
                store.record_screening(session, party, snapshot, hits, threshold, user)
                for party, hits in zip(parties, results, strict=True)
            ]
            hit_ids = store.hit_ids(session, ids)
        if output is not None:
            _write_hits(output, parties, results, ids, hit_ids)
        flagged = [(p, h, i) for p, h, i in zip(parties, results, ids, strict=True) if h]
        if json:
            emit_json(
                [
                    {"screening": i, "party": p, "hits": h, "hit_ids": hit_ids[i]}
                    for p, h, i in zip(parties, results, ids, strict=True)
                ]
            )
            return
        screened = f"{len(parties)} part{'y' if len(parties) == 1 else 'ies'}"
        console.print(f"{screened} screened against {escape(snapshot.list_name)}: {len(flagged)} with hits")
        table = Table()
        table.add_column("screening", justify="right")
        table.add_column("party")
        table.add_column("best hit")
        table.add_column("score", justify="right")
        table.add_column("hit ids", justify="right")
        for party, hits, screening_id in flagged:
            table.add_row(
                str(screening_id),
                escape(party.name),
                escape(hits[0].entity_name),
                f"{hits[0].score:.2f}",
                ", ".join(map(str, hit_ids[screening_id])),
            )
        if flagged:
            console.print(table)
        if output is not None:
            console.print(f"Hits written to {escape(str(output))}")
        if flagged:
            console.print(DECISION_HINT)


def _check_output(output: Path, parties_file: Path) -> None:
    """Before screening, so that a bad path wastes no batch; without creating the file, so that a batch
    refused later leaves no empty file to be read as "no hits"."""
    if output.exists() and parties_file.exists() and output.resolve() == parties_file.resolve():
        raise InputError("--output", f"{output} is the parties file: the hits would overwrite it")
    if output.is_dir():
        raise InputError("--output", f"cannot write {output}: a directory")
    folder = output.parent if str(output.parent) else Path(".")
    writable = os.access(output, os.W_OK) if output.exists() else folder.is_dir() and os.access(folder, os.W_OK)
    if not writable:
        raise InputError("--output", f"cannot write {output}: no such folder or no permission")


def _write_hits(
    path: Path, parties: list[Party], results: list[list[Match]], ids: list[int], hit_ids: dict[int, list[int]]
) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["screening", "hit", "party", "country", "entity_id", "entity_name", "matched_name", "score", "reasons"]
        )
        for party, hits, screening_id in zip(parties, results, ids, strict=True):
            for m, hit_id in zip(hits, hit_ids[screening_id], strict=True):
                reasons = "; ".join(f"{f.feature}: {f.reason}" for f in m.features)
                writer.writerow(
                    [
                        screening_id,
                        hit_id,
                        party.name,
                        party.country or "",
                        m.entity_id,
                        m.entity_name,
                        m.matched_name,
                        f"{m.score:.4f}",
                        reasons,
                    ]
                )


@lists_app.command("import")
def lists_import(
    file: Annotated[Path, typer.Argument(help="The list file.")],
    list_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="csl-csv, csl-json, ftm (OpenSanctions JSON lines) or csv.")
    ],
    name: Annotated[str, typer.Option("--name", "-n", help="The list's name (a snapshot is added to it).")] = "",
    json: JsonOption = False,
) -> None:
    """Import a list as a new snapshot (content hash, source, time); importing the same file again is a no-op.

    Example: mtcr lists import consolidated.csv --format csl-csv --name us-csl
    """
    with domain_errors():
        list_name = name or file.stem
        if list_name == store.BUNDLED_LIST_NAME:  # mtcr replaces it with its own on every upgrade
            raise InputError("--name", f"{list_name!r} is the bundled list's name; give your list another")
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            result = store.import_list(session, file, list_format, list_name)
        if json:
            emit_json(result)
            return
        s = result.snapshot
        verb = "Imported" if result.created else "Already imported (same content)"
        console.print(
            f"{verb}: {escape(s.list_name)} snapshot {s.id}, {s.entity_count} entities, sha256 {s.content_hash[:16]}..."
        )
        if result.replaced is not None:  # a rollback: say so, as the next screening sees it
            console.print(f"Snapshot {s.id} is the list's current version again (it was snapshot {result.replaced}).")


@lists_app.command("show")
def lists_show(json: JsonOption = False) -> None:
    """Show every list snapshot on record (the bundled list is imported on first use).

    Example: mtcr lists show
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            store.ensure_bundled_list(session)
            found = store.snapshots(session)
            # the snapshot each list is screened against: the latest import, or older content imported again
            current = {
                snapshot.id
                for name in {s.list_name for s in found}
                if (snapshot := store.latest_snapshot(session, name, required=False)) is not None
            }
        if json:
            emit_json([{**dataclasses.asdict(s), "current": s.id in current} for s in found])
            return
        table = Table(title="List snapshots (* current: the one screenings use)", title_justify="left")
        for column in ("list", "snapshot", "entities", "format", "imported", "sha256", "source"):
            table.add_column(column)
        for s in found:
            table.add_row(
                escape(s.list_name),
                f"{s.id} *" if s.id in current else str(s.id),
                str(s.entity_count),
                s.list_format.value,
                s.imported_at.strftime("%Y-%m-%d %H:%M"),
                s.content_hash[:12],
                escape(s.source),
            )
        console.print(table)


@screenings_app.command("show")
def screenings_show(
    screening_id: Annotated[int, typer.Argument(help="Screening id.")], json: JsonOption = False
) -> None:
    """Show a screening on record: query, list snapshot, matcher version, hits, reasons and dispositions.

    Example: mtcr screenings show 1
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            record = store.get_screening(session, screening_id)
        if json:
            emit_json(record)
            return
        console.print(
            f"Screening {record.id} by {escape(record.screened_by)} at {record.created_at:%Y-%m-%d %H:%M} UTC: "
            f"{escape(record.party.name)} against {escape(record.snapshot.list_name)} snapshot {record.snapshot.id} "
            f"(matcher {record.matcher_version}, threshold {record.threshold:.2f})"
            + (f"; re-screen of {record.rescreen_of}" if record.rescreen_of else "")
        )
        party = record.party
        given = [
            (label, value)
            for label, value in (
                ("type", party.entity_type.value if party.entity_type else ""),
                ("country", party.country or ""),
                ("address", party.address or ""),
                ("identifiers", "; ".join(party.identifiers)),
                ("dates", "; ".join(party.dates)),
            )
            if value
        ]
        if given:
            console.print("Query also gave: " + ", ".join(f"{label} {escape(value)}" for label, value in given))
        dispositions = [
            "\n".join(
                f"{entry.decision} ({entry.decided_by}, {entry.decided_at:%Y-%m-%d %H:%M}: {entry.reason})"
                + ("" if at == len(h.history) - 1 else " [superseded]")
                for at, entry in enumerate(h.history)
            )
            for h in record.hits
        ]
        table = hits_table(
            "Hits",
            [h.match for h in record.hits],
            {"hit": [str(h.id) for h in record.hits], "disposition": dispositions},
        )
        console.print(table if record.hits else "No hits.")


@screenings_app.command("dispose")
def screenings_dispose(
    hit_id: Annotated[int, typer.Argument(help="Hit id (from mtcr screenings show).")],
    decision: Annotated[store.Disposition, typer.Option("--decision", help="'true match' or 'false positive'.")],
    reason: Annotated[str, typer.Option("--reason", help="Why: the analyst's justification.")],
    by: ByOption = "",
    json: JsonOption = False,
) -> None:
    """Record the analyst's disposition of a hit (kept with who and why; a later one supersedes it).

    Example: mtcr screenings dispose 3 --decision 'false positive' --reason "different address and founding year"
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            hit = store.dispose(session, hit_id, decision, _user(by), reason)
        if json:
            emit_json(hit)
            return
        console.print(
            f"Hit {hit.id} ({escape(hit.match.entity_name)}): {hit.disposition} by {escape(hit.disposed_by or '')}"
        )


@dataclass(frozen=True, slots=True)
class Rescreen:
    screening: int
    rescreened_as: int
    party: str
    new_hits: tuple[str, ...]
    gone_hits: tuple[str, ...]


@screenings_app.command("rescreen")
def screenings_rescreen(by: ByOption = "", json: JsonOption = False) -> None:
    """Re-screen every screening whose list has a newer snapshot; show hits that appeared or went away.

    Example: mtcr screenings rescreen
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        changes: list[Rescreen] = []
        with session_scope(engine) as session:
            indexes: dict[int, CandidateIndex] = {}
            for screening_id, latest in store.stale_screenings(session):
                old = store.get_screening(session, screening_id)
                if latest.id not in indexes:  # one index per snapshot, built once
                    indexes[latest.id] = _index_for(session, latest)
                index = indexes[latest.id]
                hits = index.screen(old.party, old.threshold)
                new_id = store.record_screening(
                    session, old.party, latest, hits, old.threshold, _user(by), screening_id
                )
                before = {h.match.entity_id for h in old.hits}
                after = {h.entity_id for h in hits}
                changes.append(
                    Rescreen(
                        screening_id,
                        new_id,
                        old.party.name,
                        tuple(sorted(after - before)),
                        tuple(sorted(before - after)),
                    )
                )
        if json:
            emit_json(changes)
            return
        if not changes:
            console.print("Every screening is up to date with its list's newest snapshot.")
            return
        table = Table(title="Re-screened", title_justify="left")
        for column in ("screening", "now", "party", "new hits", "hits gone"):
            table.add_column(column)
        for c in changes:
            table.add_row(
                str(c.screening),
                str(c.rescreened_as),
                escape(c.party),
                escape(", ".join(c.new_hits)),
                escape(", ".join(c.gone_hits)),
            )
        console.print(table)
