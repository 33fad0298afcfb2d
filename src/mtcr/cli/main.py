"""The ``mtcr`` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from mtcr import __version__
from mtcr.cli import annex, assess, audit, case, classify, db, demo, screen, serve, sweep

app = typer.Typer(
    help="mtcr: missile-technology export control built on the MTCR Annex.\n\nExample: mtcr annex search 'heat shield'",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(annex.app, name="annex")
app.command("classify")(classify.classify_command)
app.add_typer(demo.app, name="demo")
app.command("assess")(assess.assess_command)
app.command("systems")(assess.systems_command)
app.command("sweep")(sweep.sweep_command)
app.command("screen")(screen.screen_command)
app.command("screen-file")(screen.screen_file_command)
app.add_typer(screen.lists_app, name="lists")
app.add_typer(screen.screenings_app, name="screenings")
app.add_typer(audit.app, name="audit")
app.add_typer(db.app, name="db")
app.add_typer(case.case_app, name="case")
app.add_typer(case.users_app, name="users")
app.add_typer(case.orgs_app, name="orgs")
app.command("serve")(serve.serve_command)


@app.command()
def version() -> None:
    """Print the mtcr version.

    Example: mtcr version
    """
    print(__version__)


if __name__ == "__main__":  # pragma: no cover
    app()
