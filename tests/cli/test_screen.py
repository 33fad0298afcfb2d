"""Screening from the command line: screen, screen-file, lists and screenings, with a database on disk."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcr.settings import get_settings
from tests.cli.test_cli import invoke

FIXTURES = Path(__file__).resolve().parents[1] / "screening" / "fixtures"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MTCR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MTCR_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_screen_stores_the_screening_with_reasons() -> None:
    code, out, _ = invoke("screen", "China Precision Machinery Imp. & Exp. Corp.", "--country", "CN", "--by", "ana")
    assert code == 0
    assert "PRECISION" in out and "country" in out and "Screening 1" in out
    code, out, _ = invoke("screenings", "show", "1", "--json")
    record = json.loads(out)
    assert any(f["reason"] == "same country CN" for f in record["hits"][0]["match"]["features"])
    assert record["screened_by"] == "ana" and record["snapshot"]["list_name"] == "mtcr-missile-sanctions"
    assert record["matcher_version"] and record["hits"][0]["match"]["features"][0]["reason"]
    code, out, _ = invoke("screenings", "show", "1")
    assert code == 0 and "Query also gave: country CN" in out  # what was screened, beside the name


def test_screen_in_another_script_as_json() -> None:
    code, out, _ = invoke("screen", "گروه صنعتی شهید همت", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert hits and hits[0]["match"]["entity_name"] == "SHAHID HEMMAT INDUSTRIAL GROUP"


def test_disposition_is_kept_with_who_and_why() -> None:
    invoke("screen", "KOMID")
    code, out, _ = invoke(
        "screenings",
        "dispose",
        "1",
        "--decision",
        "false positive",
        "--reason",
        "a mining co-op in Chile",
        "--by",
        "bo",
    )
    assert code == 0 and "false positive by bo" in out
    code, out, _ = invoke("screenings", "show", "1", "--json")
    hit = json.loads(out)["hits"][0]
    assert (hit["disposition"], hit["disposed_by"], hit["disposition_reason"]) == (
        "false positive",
        "bo",
        "a mining co-op in Chile",
    )
    code, out, _ = invoke("screenings", "show", "1")
    assert code == 0 and "false positive" in out
    # a later decision stands; the earlier one is kept and shown as superseded
    invoke("screenings", "dispose", "1", "--decision", "true match", "--reason", "same address", "--by", "cy")
    code, out, _ = invoke("screenings", "show", "1", "--json")
    hit = json.loads(out)["hits"][0]
    assert hit["disposition"] == "true match"
    assert [(e["decision"], e["decided_by"]) for e in hit["history"]] == [
        ("false positive", "bo"),
        ("true match", "cy"),
    ]
    code, out, _ = invoke("screenings", "show", "1")
    assert "superseded" in out and "true match" in out


def test_screen_file_with_output(tmp_path: Path) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text("name,country\nKOMID,KP\nAcme Garden Supplies,GB\nShaheed Himmat Industries,IR\n")
    hits = tmp_path / "hits.csv"
    code, out, _ = invoke("screen-file", str(parties), "--output", str(hits))
    assert code == 0 and "3 parties screened" in out and "2 with hits" in out
    assert "SHAHID HEMMAT INDUSTRIAL GROUP" in hits.read_text()
    # each hit row carries the id a decision is recorded against
    row = next(r for r in csv.DictReader(hits.open(encoding="utf-8")) if r["party"] == "KOMID")
    code, out, _ = invoke("screenings", "dispose", row["hit"], "--decision", "true match", "--reason", "same firm")
    assert code == 0
    code, out, _ = invoke("screenings", "show", row["screening"], "--json")
    assert json.loads(out)["hits"][0]["disposition"] == "true match"


def test_list_import_is_idempotent_and_rescreen_sees_a_new_snapshot(tmp_path: Path) -> None:
    first = tmp_path / "v1.csv"
    first.write_text("id,name\nE1,Example Rocket Works\n")
    code, out, _ = invoke("lists", "import", str(first), "--format", "csv", "--name", "mine")
    assert code == 0 and "Imported" in out
    code, out, _ = invoke("lists", "import", str(first), "--format", "csv", "--name", "mine")
    assert "Already imported" in out
    invoke("screen", "Example Guidance Bureau", "--list", "mine")
    second = tmp_path / "v2.csv"
    second.write_text("id,name\nE1,Example Rocket Works\nE2,Example Guidance Bureau\n")
    invoke("lists", "import", str(second), "--format", "csv", "--name", "mine")
    code, out, _ = invoke("screenings", "rescreen", "--json")
    changes = json.loads(out)
    assert [c["new_hits"] for c in changes] == [["E2"]]
    code, out, _ = invoke("lists", "show", "--json")
    assert [(s["list_name"], s["entity_count"]) for s in json.loads(out)] == [
        ("mine", 1),
        ("mine", 2),
        ("mtcr-missile-sanctions", 149),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("screen", "KOMID", "--country", "Korea"), 2, "--country"),
        (("screen", "KOMID", "--type", "vessel"), 2, "--type"),
        (("screen", "KOMID", "--country", "XX"), 2, "no country's ISO 3166 code"),
        (
            ("lists", "import", str(FIXTURES / "simple-duplicate-id.csv"), "-f", "csv", "-n", "mtcr-missile-sanctions"),
            2,
            "bundled list's name",
        ),
        (("screen", "KOMID", "--date", "1999-13-45"), 2, "--date"),
        (("screen", "KOMID", "--id", "!!!"), 2, "--id"),  # kept, it would match nothing and say nothing
        (("screen", "KOMID", "--id", ""), 2, "registration, tax or passport number"),
        (("screen", "K" * 501), 2, "at most 500"),
        (("screen", " "), 2, "NAME"),
        (("screen", "KOMID", "--list", "nope"), 3, "unknown list 'nope'"),
        (("screenings", "show", "42"), 3, "unknown screening '42'"),
        (("lists", "import", str(FIXTURES / "simple-duplicate-id.csv"), "--format", "csv"), 4, "line"),
    ],
)
def test_errors_name_the_problem(args: tuple[str, ...], code: int, message: str) -> None:
    result, _, err = invoke(*args)
    assert result == code and message in err


def test_a_party_type_tells_a_company_from_the_listed_person(tmp_path: Path) -> None:
    code, out, _ = invoke("screen", "Naser Maleki", "--json")
    assert json.loads(out)["hits"][0]["match"]["entity_name"] == "NASER MALEKI"
    code, out, _ = invoke("screen", "Naser Maleki", "--type", "organization", "--json")
    record = json.loads(out)
    assert code == 0 and record["party"]["entity_type"] == "organization"
    assert all(h["match"]["score"] < 1.0 for h in record["hits"])
    parties = tmp_path / "parties.csv"
    parties.write_text("name,type\nNaser Maleki,person\nNaser Maleki Trading Company,\nKOMID,ship\n")
    code, _, err = invoke("screen-file", str(parties))
    assert code == 4 and "line 4, column type" in err and "person or organization" in err
    parties.write_text("name,type\nNaser Maleki,person\nNaser Maleki Trading Company,\n")
    hits = tmp_path / "hits.csv"
    code, out, _ = invoke("screen-file", str(parties), "--output", str(hits))
    assert code == 0 and "1 with hits" in out  # the company is not the listed person


def test_screen_file_reads_any_header_case_and_names_real_lines(tmp_path: Path) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text("Name,Country\n\nKOMID,KP\n\n\n,CN\n")
    code, _, err = invoke("screen-file", str(parties))
    assert code == 4 and "line 6, column name" in err
    parties.write_text('Name,Country\n"KOMID,KP\n')
    code, _, err = invoke("screen-file", str(parties))
    assert code == 4 and "not a readable CSV" in err and "line 2" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,country\nAlpha,CN,extra\n", "line 2: 3 fields but the header has 2 columns"),
        ("name,dates\nAlpha,1961-04-12\nBeta,not-a-date\n", "line 3, column dates"),
        ("name,country\nAlpha,ZZ\n", "line 2, column country"),
        ("name,countries\nAlpha,CN\n", "line 1: unknown column 'countries'"),  # misspelt: its evidence lost
        ("name,identifiers\nAlpha,X1\n", "unknown column 'identifiers'"),  # the lists' column, not the parties'
        ("name\nAlpha\n...\n", "line 3, column name: a name with no letters or digits"),
        ("name,id\nAlpha,12345;--\n", "line 2, column id: expected a registration"),
    ],
)
def test_a_party_file_row_that_does_not_fit_is_refused(tmp_path: Path, text: str, message: str) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(text, encoding="utf-8")
    code, _, err = invoke("screen-file", str(parties))
    assert code == 4 and message in err


def test_control_characters_never_reach_the_terminal() -> None:
    code, out, _ = invoke("screen", "KOMID\x1b]0;pwned\x07\x1b[2J")
    assert code == 0 and "\x1b" not in out and "KOMID" in out


def test_re_importing_earlier_content_makes_it_current_again(tmp_path: Path) -> None:
    v1, v2 = tmp_path / "v1.csv", tmp_path / "v2.csv"
    v1.write_text("id,name\nE1,Example Rocket Works\n")
    v2.write_text("id,name\nE1,Example Rocket Works\nE2,Zenith Propellant Plant\n")
    for path in (v1, v2):
        invoke("lists", "import", str(path), "--format", "csv", "--name", "mine")
    code, out, _ = invoke("lists", "import", str(v1), "--format", "csv", "--name", "mine")
    assert code == 0 and "Snapshot 1 is the list's current version again (it was snapshot 2)" in out
    code, out, _ = invoke("lists", "import", str(v1), "--format", "csv", "--name", "mine")
    assert "current version again" not in out  # it is current already
    _, out, _ = invoke("screen", "Zenith Propellant Plant", "--list", "mine", "--json")
    record = json.loads(out)
    assert record["snapshot"]["entity_count"] == 1 and record["hits"] == []  # the delisted entity is gone
    _, out, _ = invoke("lists", "show", "--json")
    mine = [s for s in json.loads(out) if s["list_name"] == "mine"]
    assert [(s["entity_count"], s["current"]) for s in mine] == [(1, True), (2, False)]  # shown as current


def test_a_refused_batch_leaves_no_output_file(tmp_path: Path) -> None:
    parties, hits = tmp_path / "parties.csv", tmp_path / "hits.csv"
    parties.write_text("name,country\nKOMID,RUS\n", encoding="utf-8")
    code, _, err = invoke("screen-file", str(parties), "--output", str(hits))
    assert code == 4 and "column country" in err
    assert not hits.exists()  # an empty file would read as "no hits"
    code, _, err = invoke("screen-file", str(parties), "--output", str(tmp_path / "no-such-folder" / "hits.csv"))
    assert code == 2 and "--output" in err


def test_screen_file_never_writes_over_its_parties(tmp_path: Path) -> None:
    parties = tmp_path / "parties.csv"
    text = "name\nKOMID\nAcme Garden Supplies\n"
    parties.write_text(text, encoding="utf-8")
    code, _, err = invoke("screen-file", str(parties), "--output", str(parties))
    assert code == 2 and "is the parties file" in err
    assert parties.read_text(encoding="utf-8") == text


def test_the_decision_hint_is_a_command_that_runs_and_by_must_name_someone(tmp_path: Path) -> None:
    code, out, _ = invoke("screen", "KOMID")
    assert code == 0 and "--reason" in out
    code, _, err = invoke("screen", "KOMID", "--by", "   ")
    assert code == 2 and "--by" in err
    parties = tmp_path / "parties.csv"
    parties.write_text("name\nKOMID\n", encoding="utf-8")
    code, out, _ = invoke("screen-file", str(parties))
    assert code == 0 and "1 party screened" in out and "--reason" in out
