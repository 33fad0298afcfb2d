"""`make unit-compiled` sets MTCR_EXPECT_COMPILED=1: the session then stops at once unless the matcher's
modules load from the mypyc build, so a stale PYTHONPATH cannot pass the pure source off as the compiled one."""

from __future__ import annotations

import importlib
import os

import pytest

# as the Makefile's COMPILED_MODULES
COMPILED_MODULES = ("matcher", "typos", "normalise", "lexicon", "wadegiles", "keys")


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("MTCR_EXPECT_COMPILED") != "1":
        return
    pure = [
        name
        for name in COMPILED_MODULES
        if not str(importlib.import_module(f"mtcr.screening.{name}").__file__).endswith(".so")
    ]
    if pure:
        raise pytest.UsageError(f"MTCR_EXPECT_COMPILED=1 but not compiled: {', '.join(pure)} (run make compiled)")
