"""Docs kept honest: README commands, every CLI command's example, every setting documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from mtcr.cli.main import app
from mtcr.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(prefix: str, command: Any) -> None:
        if isinstance(command, TyperGroup):  # as the CLI looks them up: the root imports each lazily
            context = typer.Context(command)
            for name in command.list_commands(context):
                walk(f"{prefix} {name}".strip(), command.get_command(context, name))
        else:
            found[prefix] = command

    walk("", group)
    return found


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_has_an_example_in_its_help() -> None:
    commands = _commands()
    assert {"classify", "demo tour", "demo load", "annex tree", "annex show", "annex search", "annex diff"} <= set(
        commands
    )
    for name, command in commands.items():
        assert re.search(r"Example: mtcr " + re.escape(name) + r"\b", command.help or ""), name


def test_every_user_command_appears_in_the_readme() -> None:
    for name in _commands():
        if name != "version":
            assert f"mtcr {name}" in README, name


def test_every_setting_is_documented() -> None:
    for field in Settings.model_fields:
        assert f"MTCR_{field.upper()}" in README, field


def test_makefile_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()
