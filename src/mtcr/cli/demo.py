"""``mtcr demo``: a guided tour of the Annex data and the classifier on bundled demonstration items."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.rule import Rule

from mtcr.annex.classifier import classify
from mtcr.annex.describe import read_item_file
from mtcr.annex.loader import load
from mtcr.cli import annex as annex_cli
from mtcr.cli.assess import assess_command
from mtcr.cli.classify import print_classification
from mtcr.cli.common import EditionOption, console, domain_errors

DEMO_ITEMS = Path(str(resources.files("mtcr.data") / "demo"))


def demo_command(edition: EditionOption = None) -> None:
    """Show the Annex tree for Item 2, classify the demo items, search, compare regimes, assess the M-11.

    Example: mtcr demo
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
        console.print(Rule("Next"))
        console.print(
            "Try: .venv/bin/mtcr annex show 2.A.1.c.1 | .venv/bin/mtcr annex search gyro"
            " | .venv/bin/mtcr assess scud-b --curve --plot scud-b.png | .venv/bin/mtcr systems"
        )
