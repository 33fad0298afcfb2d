from __future__ import annotations

import pytest

from mtcr.policy import PolicyDocument, load_guidelines, load_national


@pytest.fixture(scope="session")
def guidelines() -> PolicyDocument:
    return load_guidelines()


@pytest.fixture(scope="session")
def national(guidelines: PolicyDocument) -> PolicyDocument:
    return load_national(guidelines=guidelines)
