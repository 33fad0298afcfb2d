"""``mtcr demo``: a guided tour of the Annex data, the classifier, screening and casework on bundled demo data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from mtcr.annex.classifier import classify
from mtcr.annex.describe import read_item_file
from mtcr.annex.loader import load
from mtcr.casework import recommend, service
from mtcr.casework.access import Principal
from mtcr.casework.demo import DemoLoad, load_demo, reset_demo_passwords
from mtcr.casework.identity import OrgKind, Role
from mtcr.cli import annex as annex_cli
from mtcr.cli.assess import assess_command
from mtcr.cli.classify import print_classification
from mtcr.cli.common import EditionOption, JsonOption, console, domain_errors, emit_json
from mtcr.cli.screen import hits_table
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.index import CandidateIndex
from mtcr.screening.model import ListFormat, Party

DEMO_ITEMS = Path(str(resources.files("mtcr.data") / "demo"))
# Parties as an exporter might write them: a company form abbreviated, a Korean name in Hangul, a typo
DEMO_PARTIES = (
    Party("China Precision Machinery Imp. & Exp. Corp.", country="CN"),
    Party("조선광업개발무역회사"),
    Party("Shahid Hemat Industrial Group", country="IR"),
)


app = typer.Typer(help="The demonstration: a guided tour, and demo casework data.\n\nExample: mtcr demo tour")


@app.command("load")
def load_command(
    reset_passwords: Annotated[
        bool, typer.Option("--reset-passwords", help="If the demo is already loaded, give its users new passwords.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Load the demonstration casework (organisations, users and five cases from the 1988 record) once; the
    demo users' passwords are generated and shown this one time (--reset-passwords shows new ones later).

    Example: mtcr demo load --reset-passwords
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            loaded = load_demo(session)
            if not loaded.created and reset_passwords:
                loaded = DemoLoad(False, reset_demo_passwords(session), ())
        if json:
            emit_json(loaded)
            return
        if not loaded.passwords:
            console.print("Demo data already loaded (nothing changed; --reset-passwords gives new passwords).")
            return
        table = Table(title="Demo users (passwords shown once; they are not stored anywhere)", title_justify="left")
        table.add_column("user")
        table.add_column("password")
        for username, password in loaded.passwords:
            table.add_row(username, password)
        console.print(table)
        if loaded.case_references:
            console.print("Cases: " + ", ".join(loaded.case_references))


def print_cases() -> None:
    """The demo cases with their Annex category and the policy engine's recommendation."""
    engine = make_engine()
    upgrade(engine)
    reader = Principal(0, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")
    table = Table(title="Casework: transfer applications from the 1988 record", title_justify="left")
    for column in ("case", "destination", "item", "category", "status", "recommendation", "decisive rules"):
        table.add_column(column)
    with session_scope(engine) as session:
        for case in reversed(service.list_cases(session, reader)):
            result = recommend.recommend(session, case.id, reader)
            table.add_row(
                case.reference,
                case.destination,
                escape(case.items[0].description if case.items else ""),
                case.items[0].category if case.items else "",
                case.status.value,
                result.recommendation.value,
                ", ".join(result.decisive_rule_ids),
            )
    console.print(table)


def print_screenings() -> None:
    """The demo parties screened against the bundled list, in memory (mtcr screen keeps them on record)."""
    index = CandidateIndex(parse_list(bundled_list_path(), ListFormat.CSV))
    for party in DEMO_PARTIES:
        title = f"Screening: {escape(party.name)} (country {party.country or 'not given'})"
        console.print(hits_table(title, index.screen(party)))


@app.command("tour")
def demo_command(edition: EditionOption = None) -> None:
    """Show the Annex tree for Item 2, classify the demo items, search, compare regimes, assess the M-11,
    screen three parties, and the demo cases with their policy recommendations (after mtcr demo load).

    Example: mtcr demo tour
    """
    with domain_errors():
        annex = load(edition)
        console.print(Rule(f"{annex.title} - {len(annex.entries)} entries in {len(annex.items)} items"))
        annex_cli.tree(item=2, edition=edition, json=False)
        for path in sorted(DEMO_ITEMS.glob("*.yaml")):
            item = read_item_file(annex, path)
            console.print(Rule(f"Classify: {item.name}  [dim]({path.name})[/]"))
            print_classification(classify(annex, item), show_all=False)
        console.print(Rule('Search: "heat shield"'))
        annex_cli.search(text="heat shield", limit=3, edition=edition, json=False)
        console.print(Rule("A stricter regime: mtcr-2024 -> strict-bilateral"))
        annex_cli.diff(before=annex.id, after="strict-bilateral", json=False)
        strict = load("strict-bilateral")
        missile = read_item_file(strict, DEMO_ITEMS / "04-trade-off-missile.yaml")
        console.print(Rule("The 280 km / 800 kg missile under the stricter regime"))
        print_classification(classify(strict, missile), show_all=False)
        console.print(
            Rule("Capability from physics: is the declared 280 km / 800 kg M-11 able to carry 500 kg to 300 km?")
        )
        assess_command(["m-11"], edition=edition)
        console.print(Rule("Screening parties against the bundled list of missile-proliferation designations"))
        print_screenings()
        console.print(Rule("Casework: the policy engine's recommendation for each demo case (mtcr demo load)"))
        print_cases()
        console.print(Rule("Next"))
        console.print(
            "Try: .venv/bin/mtcr annex show 2.A.1.c.1 | .venv/bin/mtcr annex search gyro"
            " | .venv/bin/mtcr assess scud-b --curve --plot scud-b.png | .venv/bin/mtcr systems"
            ' | .venv/bin/mtcr screen "Shahid Hemat Industrial Group" --country IR'
        )
