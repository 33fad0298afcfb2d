"""The ``mtcr`` command: one Typer app, one module per command group.

Each command's module is imported only when that command runs (or a help page lists it): the
modules import SciPy, pint, SQLAlchemy and the screening tables, and importing them all took
several seconds of every ``mtcr screen``.
"""

from __future__ import annotations

import importlib
from difflib import get_close_matches
from functools import cache
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

from mtcr import __version__

if TYPE_CHECKING:
    from typer import _click as click  # Typer's own copy of Click: its groups and contexts are these

# command name -> (module, attribute): a Typer app (a group of commands) or a command function, in
# the order ``mtcr --help`` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "annex": ("mtcr.cli.annex", "app"),
    "classify": ("mtcr.cli.classify", "classify_command"),
    "demo": ("mtcr.cli.demo", "app"),
    "assess": ("mtcr.cli.assess", "assess_command"),
    "systems": ("mtcr.cli.assess", "systems_command"),
    "sweep": ("mtcr.cli.sweep", "sweep_command"),
    "screen": ("mtcr.cli.screen", "screen_command"),
    "screen-file": ("mtcr.cli.screen", "screen_file_command"),
    "lists": ("mtcr.cli.screen", "lists_app"),
    "screenings": ("mtcr.cli.screen", "screenings_app"),
    "audit": ("mtcr.cli.audit", "app"),
    "db": ("mtcr.cli.db", "app"),
    "case": ("mtcr.cli.case", "case_app"),
    "users": ("mtcr.cli.case", "users_app"),
    "orgs": ("mtcr.cli.case", "orgs_app"),
    "serve": ("mtcr.cli.serve", "serve_command"),
}


@cache
def load_command(name: str) -> click.Command:
    """The Click command ``name`` names, its module imported now."""
    module, attribute = COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):
        command: click.Command = typer.main.get_group(target)  # a group even of one command
    else:
        single = typer.Typer(add_completion=False)  # the completion options belong to the root alone
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """The root group: lists every command, imports one when it is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            return load_command(cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # Typer suggests close names from the commands already loaded: here, from every command. Not while
        # completing a command line, where an unknown word is no error.
        if args and not ctx.resilient_parsing and self.suggest_commands and not args[0].startswith("-"):
            known = self.list_commands(ctx)
            name = args[0]
            normalised = ctx.token_normalize_func(name) if ctx.token_normalize_func else name
            if name not in known and normalised not in known:
                close = get_close_matches(name, known)
                hint = f" Did you mean {', '.join(repr(command) for command in close)}?" if close else ""
                ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=LazyGroup,
    help="mtcr: missile-technology export control built on the MTCR Annex.\n\nExample: mtcr annex search 'heat shield'",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    # a callback keeps the root a group: its one eager command (version) would otherwise be the whole app
    pass


@app.command()
def version() -> None:
    """Print the mtcr version.

    Example: mtcr version
    """
    print(__version__)


if __name__ == "__main__":  # pragma: no cover
    app()
