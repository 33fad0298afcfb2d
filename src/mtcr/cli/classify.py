"""``mtcr classify``: classify an item against the Annex, with the reasons for every verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from mtcr.annex.classifier import Classification, ConditionStatus, EntryMatch, MatchStatus, Verdict, classify
from mtcr.annex.describe import describe, parse_parameter_assignments, read_item_file
from mtcr.annex.loader import load
from mtcr.annex.model import Annex
from mtcr.annex.search import search
from mtcr.cli.common import EditionOption, JsonOption, console, domain_errors, emit_json
from mtcr.errors import InputError

_STATUS_STYLE = {
    MatchStatus.CONTROLLED: "bold red",
    MatchStatus.NEEDS_CONFIRMATION: "bold yellow",
    MatchStatus.NOT_CONTROLLED: "green",
}
_CONDITION_STYLE = {
    ConditionStatus.CONFIRMED: "red",
    ConditionStatus.RULED_OUT: "green",
    ConditionStatus.NEEDS_CONFIRMATION: "yellow",
}
_VERDICT_STYLE = {Verdict.MET: "red", Verdict.NOT_MET: "green", Verdict.UNKNOWN: "yellow"}


def classify_command(
    file: Annotated[Path | None, typer.Argument(help="An mtcr-item/1 YAML or JSON file describing the item.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Item kind (see mtcr annex kinds).")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="A parameter with its unit, NAME=VALUE, e.g. total_impulse='1.2 MN*s'. Repeatable."
        ),
    ] = None,
    for_entry: Annotated[
        list[str] | None,
        typer.Option("--for", help="Annex entry the item is for (its end system, e.g. 1.A.1). Repeatable."),
    ] = None,
    confirm: Annotated[
        list[str] | None,
        typer.Option(
            "--confirm",
            help="A condition an analyst confirms: usable_in, specially_designed_for, designed_or_modified_for.",
        ),
    ] = None,
    deny: Annotated[list[str] | None, typer.Option("--deny", help="A condition an analyst rules out.")] = None,
    text: Annotated[str, typer.Option("--text", "-t", help="Free-text description; used to suggest entries.")] = "",
    name: Annotated[str, typer.Option("--name", help="A name for the item in the report.")] = "",
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show the entries that do not control the item.")
    ] = False,
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Classify an item: every Annex entry that controls it, criterion by criterion, with reasons.

    Example: mtcr classify --kind solid_rocket_motor -p total_impulse='250000 lbf*s' --for 1.A.1

    Example: mtcr classify item.yaml --json

    Example: mtcr classify --text "carbon-carbon nozzle throat insert"   (suggests entries and kinds)
    """
    with domain_errors():
        annex = load(edition)
        if file is not None:
            given = [
                name
                for name, value in (
                    ("--kind", kind),
                    ("--param", param),
                    ("--for", for_entry),
                    ("--confirm", confirm),
                    ("--deny", deny),
                    ("--text", text),
                    ("--name", name),
                )
                if value
            ]
            if given:
                raise InputError(", ".join(given), "put these in the item FILE, or describe the item without a FILE")
            item = read_item_file(annex, file)
        else:
            if not kind and text.strip():
                if param or for_entry or confirm or deny:
                    raise InputError("--kind", "parameters and conditions need the item kind (see: mtcr annex kinds)")
                _suggest_only(annex, text, json)
                return
            if not kind:
                raise InputError("--kind", "give the item kind (see: mtcr annex kinds) or an item FILE")
            item = describe(
                annex,
                kind,
                parse_parameter_assignments(param or []),
                name=name,
                text=text,
                for_entries=for_entry or [],
                confirmed=confirm or [],
                denied=deny or [],
            )
        result = classify(annex, item)
        suggestions = search(annex, item.text, 5) if item.text.strip() else []
        if json:
            emit_json({"classification": result, "text_suggestions": suggestions})
            return
        print_classification(result, show_all)
        if suggestions:
            console.print(
                "[bold]Entries the free text suggests[/] (for the analyst; not a classification): "
                + ", ".join(f"{h.entry_id} {escape(h.title)}" for h in suggestions)
            )


def _suggest_only(annex: Annex, text: str, json: bool) -> None:
    """Free text alone cannot classify; show the entries it points to and the kinds to describe it by."""
    hits = search(annex, text, 8)
    if json:
        emit_json({"classification": None, "text_suggestions": hits})
        return
    table = Table(title=f"Entries {escape(repr(text))} points to (not a classification)")
    for column in ("entry", "title", "describe the item as --kind"):
        table.add_column(column)
    for hit in hits:
        entry = annex.entry(hit.entry_id)
        table.add_row(hit.entry_id, escape(hit.title), ", ".join(entry.kinds) if entry else "")
    console.print(table)
    console.print("Give --kind and its parameters (mtcr annex kinds) for a classification with reasons.")


def print_classification(result: Classification, show_all: bool) -> None:
    style = _STATUS_STYLE[result.status]
    console.print(f"[{style}]{escape(result.summary)}[/]")
    console.print(
        f"[dim]{escape(result.annex_document)} ({result.annex_id}), classifier {result.classifier_version}[/]"
    )
    shown = [*result.matches, *(result.rejected if show_all else ())]
    for match in shown:
        _print_match(match)
    for finding in result.incorporations:
        colour = "red" if finding.applies else "green"
        console.print(f"[{colour}]Incorporation:[/] {escape(finding.reason)}")
    for component in result.components:
        console.print(f"[dim]Component[/] {escape(component.summary)}")
    if not show_all and result.rejected:
        console.print(
            f"[dim]{len(result.rejected)} other entries for this kind do not control it (--all shows why).[/]"
        )


def _print_match(match: EntryMatch) -> None:
    style = _STATUS_STYLE[match.status]
    category = f"Category {match.category.value}"
    if match.category != match.listed_category:
        category += f" (listed {match.listed_category.value}, downgraded)"
    table = Table(
        title=f"[{style}]{match.entry_id}[/] {escape(match.title)} - {category} - [{style}]{match.status.value}[/]",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("check")
    table.add_column("threshold / condition")
    table.add_column("item")
    table.add_column("verdict")
    table.add_column("reason")
    for criterion in match.criteria:
        colour = _VERDICT_STYLE[criterion.verdict]
        table.add_row(
            "criterion",
            escape(criterion.description),
            escape(criterion.value),
            f"[{colour}]{criterion.verdict.value}[/]",
            escape(criterion.reason),
        )
    for condition in match.conditions:
        colour = _CONDITION_STYLE[condition.status]
        table.add_row(
            "condition",
            escape(condition.condition),
            "",
            f"[{colour}]{condition.status.value}[/]",
            escape(condition.reason),
        )
    for note in match.decontrols:
        table.add_row("exclusion", escape(note.text), "", note.verdict.value, escape(note.reason))
    for note in match.downgrades:
        verdict = "applies" if note.verdict is Verdict.MET else note.verdict.value
        reason = note.reason + (f"; requires {', '.join(note.requires)}" if note.requires else "")
        table.add_row("downgrade", escape(note.text), "", verdict, escape(reason))
    console.print(table)
    if match.status is not MatchStatus.CONTROLLED:
        console.print(f"  [dim]{escape(match.reason)}[/]")
    elif any(c.status is ConditionStatus.CONFIRMED for c in match.conditions):
        console.print("  [dim]conditions confirmed by the analyst[/]")
