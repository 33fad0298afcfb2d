"""``mtcr serve``: the web application and the HTTP API (FastAPI under uvicorn) on the configured database."""

from __future__ import annotations

from typing import Annotated

import typer

from mtcr.cli.common import domain_errors


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (0.0.0.0 for every interface).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="TCP port to listen on.")] = 8000,
) -> None:
    """Serve the web application at / and the HTTP API at /api on MTCR_DATABASE_URL (the schema is
    upgraded first); API docs at /api/docs. Sign in with a user from `mtcr users add` or `mtcr demo load`.

    Example: mtcr serve --port 8000
    """
    import uvicorn  # imported only when serving, to keep the CLI quick to start

    from mtcr.db.engine import make_engine, upgrade

    with domain_errors():  # fail here, with a clear message, rather than inside the server
        upgrade(make_engine())
    typer.echo(f"mtcr: open http://{host}:{port}/ (API at http://{host}:{port}/api/docs); Ctrl+C stops")
    # By name, as a factory: the command line, the pages and the API never import each other (import contracts).
    uvicorn.run("mtcr.server:create_configured_app", factory=True, host=host, port=port)
