"""``mtcr db``: create or upgrade the schema, and back the database up."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from sqlalchemy.engine import make_url

from mtcr.cli.common import console, domain_errors
from mtcr.db.engine import make_engine, upgrade
from mtcr.errors import InputError
from mtcr.settings import get_settings

app = typer.Typer(help="The database.\n\nExample: mtcr db upgrade", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command() -> None:
    """Create the database, or bring its schema to the newest migration (safe to repeat).

    Example: mtcr db upgrade
    """
    with domain_errors():
        url = get_settings().resolved_database_url
        upgrade(make_engine(url))
        console.print(f"Database schema is current: {escape(make_url(url).render_as_string(hide_password=True))}")


@app.command("backup")
def backup_command(
    target: Annotated[Path, typer.Argument(help="The backup file to write (it must not exist yet).")],
) -> None:
    """Write a consistent copy of the database: SQLite's online backup, or pg_dump for PostgreSQL.

    Example: mtcr db backup mtcr-2026-11-27.db
    """
    with domain_errors():
        if target.exists():
            raise InputError("TARGET", f"{target} exists already; choose a new file")
        url = make_url(get_settings().resolved_database_url)
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                raise InputError("MTCR_DATABASE_URL", "an in-memory database cannot be backed up")
            upgrade(make_engine(url.render_as_string(hide_password=False)))
            source = sqlite3.connect(url.database)
            copy = sqlite3.connect(target)
            try:
                with copy:
                    source.backup(copy)  # consistent even while others write (SQLite online backup API)
            finally:
                copy.close()
                source.close()
        else:
            pg_dump = shutil.which("pg_dump")
            if pg_dump is None:
                raise InputError("pg_dump", "PostgreSQL's pg_dump is needed to back up a PostgreSQL database")
            # the password goes through the environment, never the command line (visible to ps)
            plain = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
            environment = {**os.environ, **({"PGPASSWORD": str(url.password)} if url.password else {})}
            result = subprocess.run(
                [pg_dump, "--format=custom", f"--file={target}", plain], env=environment, capture_output=True, text=True
            )
            if result.returncode != 0:
                raise InputError("pg_dump", result.stderr.strip() or f"exit status {result.returncode}")
        console.print(f"Backup written to {escape(str(target))} ({target.stat().st_size:,} bytes)")
