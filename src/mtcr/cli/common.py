"""Shared CLI pieces: the console, the edition option, and turning domain errors into exit codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from mtcr.errors import DataFileError, InputError, MtcrError, NotFoundError
from mtcr.serialize import dumps

console = Console()
error_console = Console(stderr=True)

EditionOption = Annotated[
    str | None,
    typer.Option(
        "--edition",
        "-e",
        help="Annex edition or regime: an id (mtcr-2024, strict-bilateral) or a regime YAML file. "
        "Default: $MTCR_ANNEX_EDITION or mtcr-2024.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]

EXIT_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_DATA = 4


@contextmanager
def domain_errors() -> Iterator[None]:
    """Print a domain error as one clear line and exit with a code that says what went wrong."""
    try:
        yield
    except InputError as exc:
        _report("error", exc)
        raise typer.Exit(EXIT_INPUT) from exc
    except NotFoundError as exc:
        _report("error", exc)
        raise typer.Exit(EXIT_NOT_FOUND) from exc
    except DataFileError as exc:
        _report("data file error", exc)
        raise typer.Exit(EXIT_DATA) from exc
    except MtcrError as exc:
        _report("error", exc)
        raise typer.Exit(1) from exc


def _report(label: str, exc: Exception) -> None:
    # Escaped: messages quote user input and unit dimensions such as "[length]".
    error_console.print(f"[bold red]{label}[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """Text from lists, files and users, fit for the terminal: control characters (escape sequences that
    could rewrite the screen) removed, Rich markup escaped."""
    return escape(_CONTROL.sub("", text))


def clean_input(text: str) -> str:
    """User-given text without control characters (tabs and newlines become spaces)."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\n", " ")).strip()


def emit_json(value: object) -> None:
    # print(), not Rich: JSON must reach the pipe byte for byte, without wrapping or markup.
    print(dumps(value))
