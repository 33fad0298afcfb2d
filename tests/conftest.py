from __future__ import annotations

import pytest

from mtcr.annex import Annex, load


@pytest.fixture(scope="session")
def annex() -> Annex:
    return load("mtcr-2024")
