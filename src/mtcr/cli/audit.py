"""``mtcr audit``: check the audit log's hash chain."""

from __future__ import annotations

from typing import Annotated

import typer

from mtcr.casework import audit
from mtcr.cli.common import JsonOption, console, domain_errors, emit_json, error_console
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.errors import InputError

app = typer.Typer(help="The audit log.\n\nExample: mtcr audit verify", no_args_is_help=True)


def _head(text: str | None) -> tuple[int, str] | None:
    if text is None:
        return None
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise InputError("--head", f"expected SEQ:HASH as printed by an earlier verify, got {text!r}")
    return int(seq), digest


@app.command("verify")
def verify_command(
    head: Annotated[
        str | None, typer.Option("--head", help="SEQ:HASH recorded earlier: also detects entries cut off the end.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Recompute the audit log's hash chain; exit 1 and name the first bad entry if anything was changed.

    Example: mtcr audit verify --head 42:3f5a...
    """
    with domain_errors():
        expected = _head(head)
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            result = audit.verify(session, expected)
        if json:
            emit_json(result)
        elif result.ok:
            console.print(f"Audit log intact: {result.entries} entries; head {result.head_seq}:{result.head_hash}")
        else:
            error_console.print(f"[bold red]audit log tampered[/]: {result.problem}")
        if not result.ok:
            raise typer.Exit(1)
