"""The CLI as a user drives it: tables for people, JSON for programs, clear errors with exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcr.cli.main import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    # A domain error ends in SystemExit with a message; anything else escaping is a bug.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_tree_shows_items_and_entries() -> None:
    code, out, _ = invoke("annex", "tree", "--item", "2")
    assert code == 0
    assert "Item 2" in out and "2.A.1.c.1" in out and "Item 3" not in out


def test_tree_json_covers_all_twenty_items() -> None:
    code, out, _ = invoke("annex", "tree", "--json")
    assert code == 0
    items = json.loads(out)
    assert [i["item"] for i in items] == list(range(1, 21))
    assert {i["item"] for i in items if i["reserved"]} == {5, 7, 8}


def test_show_prints_thresholds_and_sources() -> None:
    code, out, _ = invoke("annex", "show", "2.A.1.c.1")
    assert code == 0
    assert "total_impulse >= 1 100 000 N*s" in out
    assert "9A007.a" in out and "CAE" in out


def test_show_definition() -> None:
    code, out, _ = invoke("annex", "show", "range")
    assert code == 0 and "Definition" in out


def test_show_unknown_entry_suggests() -> None:
    code, _, err = invoke("annex", "show", "2.A.1.z")
    assert code == 3
    assert "unknown entry '2.A.1.z'" in err


def test_search_ranks_heat_shield_first() -> None:
    code, out, _ = invoke("annex", "search", "heat shield", "--json")
    assert code == 0
    assert json.loads(out)[0]["entry_id"] == "2.A.1.b.1"


def test_classify_from_options_json() -> None:
    code, out, _ = invoke(
        "classify",
        "--kind",
        "solid_rocket_motor",
        "-p",
        "total_impulse=250000 lbf*s",
        "--confirm",
        "usable_in",
        "--json",
    )
    assert code == 0
    record = json.loads(out)["classification"]
    assert record["status"] == "controlled" and record["category"] == "I"
    assert record["annex_id"] == "mtcr-2024" and record["classifier_version"]
    assert record["item"]["parameters"]["total_impulse"]["unit"] == "N*s"
    assert abs(record["item"]["parameters"]["total_impulse"]["value"] - 1_112_055.4) < 0.1
    criterion = record["matches"][0]["criteria"][0]
    assert criterion["verdict"] == "met" and criterion["value"] == "1 112 055 N*s"


def test_classify_table_explains_each_criterion() -> None:
    code, out, _ = invoke("classify", "--kind", "solid_rocket_motor", "-p", "total_impulse=1.2 MN*s")
    assert code == 0
    assert "needs analyst confirmation" in out and "usable in 1.A" in out


def test_classify_file(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text("kind: complete_rocket_system\nparameters: {range: 280 km, payload: 800 kg}\n")
    code, out, _ = invoke("classify", str(path), "--json")
    assert code == 0
    assert "trade-off" in json.loads(out)["classification"]["matches"][0]["reason"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["classify", "--kind", "solid_rocket_motor", "-p", "total_impulse=-3 MN*s"], "parameters.total_impulse"),
        (
            ["classify", "--kind", "solid_rocket_motor", "-p", "total_impulse=3 furlongs*s*s"],
            "parameters.total_impulse",
        ),
        (["classify", "--kind", "warp_drive"], "unknown item kind 'warp_drive'"),
        (["classify"], "--kind"),
        (["annex", "tree", "--item", "21"], "no item 21"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(args: list[str], message: str) -> None:
    code, _, err = invoke(*args)
    assert code == 2
    assert message in err


def test_unknown_edition_exits_3() -> None:
    code, _, err = invoke("annex", "tree", "-e", "mtcr-1066")
    assert code == 3 and "available" in err


def test_diff_between_editions() -> None:
    code, out, _ = invoke("annex", "diff", "mtcr-2024", "strict-bilateral", "--json")
    assert code == 0
    assert {c["entry_id"] for c in json.loads(out)["changes"]} >= {"1.A.1", "1.A.2", "19.A.1", "19.A.2"}


def test_editions_kinds_parameters_list() -> None:
    for command in ("editions", "kinds", "parameters"):
        code, out, _ = invoke("annex", command, "--json")
        assert code == 0 and json.loads(out), command


def test_demo_loads_and_tours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcr.settings import get_settings

    monkeypatch.setenv("MTCR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MTCR_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        code, out, _ = invoke("demo", "load")
        assert code == 0 and "passwords shown once" in out and "officer" in out
        code, out, _ = invoke("demo", "load")
        assert code == 0 and "already loaded" in out
        code, out, _ = invoke("demo", "tour")
        assert code == 0
        assert "Category I" in out and "strict-bilateral" in out and "recommendation" in out
        assert "MTS-0001" in out and "MTS-0035" in out  # the screening section found KOMID and SHIG
    finally:
        get_settings.cache_clear()


def test_free_text_alone_suggests_entries_and_kinds() -> None:
    code, out, _ = invoke("classify", "--text", "ablative heat shield for a re-entry vehicle")
    assert code == 0
    assert "2.A.1.b.1" in out and "heat_shield" in out and "Give --kind" in out


@pytest.mark.parametrize(
    "args",
    [
        ["annex", "search", "[/]"],
        ["annex", "show", "[/x]"],
        ["classify", "--kind", "[/]"],
        ["classify", "--text", "heat shield [/]"],
        ["annex", "diff", "mtcr-2024", "[bold]"],
    ],
)
def test_markup_characters_in_input_do_not_break_output(args: list[str]) -> None:
    code, _, _ = invoke(*args)
    assert code in (0, 2, 3)


def test_dimension_names_survive_in_error_messages() -> None:
    code, _, err = invoke("classify", "--kind", "solid_rocket_motor", "-p", "total_impulse=1 MN")
    assert code == 2 and "[length]" in err


def test_file_and_options_together_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text("kind: solid_rocket_motor\nparameters: {total_impulse: 1.2 MN*s}\n")
    code, _, err = invoke("classify", str(path), "--confirm", "usable_in")
    assert code == 2 and "--confirm" in err


def test_directory_as_item_file_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = invoke("classify", str(tmp_path))
    assert code == 2 and "cannot read" in err


def test_search_limit_is_bounded() -> None:
    code, _, _ = invoke("annex", "search", "heat", "-n", "99999999999999999999")
    assert code == 2


def test_python_dash_m_mtcr_runs_the_same_command_line() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mtcr", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Usage: mtcr" in result.stdout


def test_a_command_imports_only_its_own_module() -> None:
    # every module imported up front made each `mtcr screen` wait seconds for SciPy, pint and the physics
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from mtcr.cli.main import app\n"
        "try:\n"
        "    app(['screen', '--help'], prog_name='mtcr')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('scipy', 'pint', 'mtcr.physics', 'mtcr.annex.loader', 'mtcr.casework')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Usage: mtcr screen" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [(["scren"], "Did you mean 'screen'"), (["lists", "shw"], "Did you mean 'show'"), (["zzz"], None)],
    ids=["command", "subcommand", "unknown"],
)
def test_a_mistyped_command_is_refused_with_the_close_names(typed: list[str], suggested: str | None) -> None:
    code, _, err = invoke(*typed)
    assert code == 2 and f"No such command '{typed[-1]}'" in err
    assert (suggested in err) if suggested else ("Did you mean" not in err)


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("mtcr scr", ["screen", "screen-file", "screenings"]),  # the commands of modules not yet imported
        ("mtcr screen KOMID --coun", ["--country"]),
        ("mtcr scren --", ["--install-completion", "--show-completion", "--help"]),  # an unknown word: no error
    ],
)
def test_the_shell_completes_every_command(words: str, offered: list[str]) -> None:
    env = {"_MTCR_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = runner.invoke(app, [], env=env, prog_name="mtcr")
    assert result.exit_code == 0 and result.output.split() == offered


def test_only_the_root_offers_to_install_completion() -> None:
    code, out, _ = invoke("screen", "--help")
    assert code == 0 and "--install-completion" not in out and "--show-completion" not in out
    code, out, _ = invoke("--help")
    assert code == 0 and "--install-completion" in out
