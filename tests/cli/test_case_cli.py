"""Casework from the command line, acting as demo users."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcr.settings import get_settings
from tests.cli.test_cli import invoke


@pytest.fixture(autouse=True)
def demo_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MTCR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MTCR_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    invoke("demo", "load")
    yield
    get_settings.cache_clear()


def test_reads_depend_on_who_asks() -> None:
    code, out, _ = invoke("case", "list", "--as", "officer", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    code, out, _ = invoke("case", "list", "--as", "exporter", "--json")
    assert code == 0 and json.loads(out) == []  # the demo cases are the authority's, not the exporter's


def test_show_gives_the_recommendation_with_its_rules() -> None:
    code, out, _ = invoke("case", "show", "1", "--as", "officer", "--json")
    data = json.loads(out)
    assert code == 0 and data["recommendation"]["recommendation"] == "DENY"
    assert "MTCR-G-4" in {rule["rule_id"] for rule in data["recommendation"]["fired"]}
    code, _, err = invoke("case", "show", "1", "--as", "exporter")
    assert code == 3 and "unknown case '1'" in err  # a SECRET case does not exist for the exporter


def test_workflow_moves_are_checked_by_role_and_table() -> None:
    code, _, err = invoke("case", "act", "2", "deny", "--as", "officer")
    assert code != 0 and "is a decision" in err  # decisions are recorded with their reasons, not as moves
    code, _, err = invoke("case", "act", "5", "start review", "--as", "mfa-reviewer")
    assert code == 0  # a reviewing agency's reviewer may take up a case it can read
    code, _, err = invoke("case", "act", "5", "withdraw", "--as", "mfa-reviewer")
    assert code != 0 and "may not" in err  # but withdrawing is the applicant's or the officer's
    code, out, _ = invoke("case", "act", "2", "start review", "--as", "officer")
    assert code == 0 and "under review" in out
