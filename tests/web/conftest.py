"""A demo database served by the real application (pages and API) on a free port, and Debian's chromium
driven by Playwright. Every server-side error is recorded; the browser tests fail on any."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine

from mtcr.casework.demo import load_demo
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.server import create_app

CHROMIUM = os.environ.get("MTCR_CHROMIUM", "/usr/bin/chromium")
# Flags the sandboxed CI machine needs: no sandbox as root, and no background calls to the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class ServerErrors:
    """What went wrong on the server: 5xx responses and error-level log records."""

    responses: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)


class _Recorder(logging.Handler):
    def __init__(self, errors: ServerErrors) -> None:
        super().__init__(level=logging.ERROR)
        self.errors = errors

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.records.append(self.format(record))


def _watch_5xx(app: Any, errors: ServerErrors) -> Any:
    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        async def spy(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 500:
                errors.responses.append(f"{scope.get('method')} {scope.get('path')} -> {message['status']}")
            await send(message)

        await app(scope, receive, spy)

    return wrapped


@dataclass
class DemoSite:
    url: str
    passwords: dict[str, str]
    engine: Engine
    errors: ServerErrors


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    """The demo data (the five 1988-record cases) served on SQLite, as `make run` does."""
    folder = tmp_path_factory.mktemp("web")
    engine = make_engine(f"sqlite:///{folder / 'mtcr.db'}")
    upgrade(engine)
    with session_scope(engine) as session:
        passwords = dict(load_demo(session).passwords)
    errors = ServerErrors()
    recorder = _Recorder(errors)
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "uvicorn", "mtcr", "")]
    for logger in loggers:
        logger.addHandler(recorder)
    port = _free_port()
    config = uvicorn.Config(_watch_5xx(create_app(engine), errors), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield DemoSite(f"http://127.0.0.1:{port}", passwords, engine, errors)
    server.should_exit = True
    thread.join(timeout=10)
    for logger in loggers:
        logger.removeHandler(recorder)
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright (no browser download). Missing chromium is a failure, not a
    skip: .ci/run installs it."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(f"no chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    """Where the browser tests save their screenshots: docs/screenshots when MTCR_SCREENSHOTS is set
    (to refresh the committed ones), else a temporary folder."""
    target = os.environ.get("MTCR_SCREENSHOTS")
    path = Path(target) if target else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path
