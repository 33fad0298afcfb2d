"""``python -m mtcr``: the same command line as ``mtcr``."""

from mtcr.cli.main import app

app(prog_name="mtcr")
