"""``mtcr annex``: browse, search and compare the control list."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.tree import Tree

from mtcr.annex.diff import diff as diff_annexes
from mtcr.annex.loader import available, load
from mtcr.annex.model import AllOf, Annex, AnyOf, Criterion, Entry
from mtcr.annex.schema import Category
from mtcr.annex.search import search as search_annex
from mtcr.cli.common import EditionOption, JsonOption, console, domain_errors, emit_json
from mtcr.errors import InputError, NotFoundError

app = typer.Typer(help="Browse, search and compare the MTCR Annex and regimes derived from it.", no_args_is_help=True)


@app.command()
def editions(json: JsonOption = False) -> None:
    """List the Annex editions and regimes that can be loaded.

    Example: mtcr annex editions
    """
    with domain_errors():
        rows = []
        for name in available():
            annex = load(name)
            rows.append(
                {
                    "id": annex.id,
                    "title": annex.title,
                    "document": annex.document,
                    "base": annex.base,
                    "entries": len(annex.entries),
                }
            )
        if json:
            emit_json(rows)
            return
        table = Table(title="Editions and regimes")
        for column in ("id", "title", "document", "base", "entries"):
            table.add_column(column)
        for row in rows:
            table.add_row(*(escape(str(row[c] or "")) for c in ("id", "title", "document", "base", "entries")))
        console.print(table)


@app.command()
def tree(
    item: Annotated[int | None, typer.Option("--item", "-i", help="Show one item (1-20) only.")] = None,
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Show the Annex as a tree: items, then entries and their sub-entries.

    Example: mtcr annex tree --item 2
    """
    with domain_errors():
        annex = load(edition)
        if item is not None and annex.item(item) is None:
            raise InputError("--item", f"no item {item} in {annex.id}; items are 1 to 20")
        items = [i for i in annex.items if item is None or i.number == item]
        if json:
            emit_json(
                [
                    {
                        "item": i.number,
                        "title": i.title,
                        "category": i.category,
                        "reserved": i.reserved,
                        "entries": [
                            {"id": e.id, "title": e.title, "category": e.category}
                            for e in annex.entries_of_item(i.number)
                        ],
                    }
                    for i in items
                ]
            )
            return
        root = Tree(f"[bold]{escape(annex.title)}[/] ({escape(annex.document)}, {annex.date})")
        for it in items:
            label = f"[bold]Item {it.number}[/] {escape(it.title)}"
            label += " [dim](reserved)[/]" if it.reserved else f" [cyan]Category {it.category}[/]"
            branch = root.add(label)
            nodes: dict[str, Tree] = {}
            for entry in annex.entries_of_item(it.number):
                parent = nodes.get(entry.parent_id or "", branch)
                nodes[entry.id] = parent.add(_entry_label(entry, it.category))
        console.print(root)


def _entry_label(entry: Entry, item_category: Category | None) -> str:
    label = f"[green]{entry.id}[/] {escape(entry.title)}"
    if entry.category != item_category:
        label += f" [cyan](Category {entry.category})[/]"
    if entry.criteria is not None:
        label += f" [dim]- {escape(entry.criteria.describe())}[/]"
    return label


@app.command()
def show(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. 2.A.1.c.1, or a definition term such as range.")],
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Show one entry in full: text, criteria, conditions, notes, downgrades, cross-references, sources.

    Example: mtcr annex show 2.A.1.c.1
    """
    with domain_errors():
        annex = load(edition)
        entry = annex.entry(entry_id)
        if entry is None:
            definition = next((d for d in annex.definitions if d.term.lower() == entry_id.lower()), None)
            if definition is None:
                hits = search_annex(annex, entry_id, 3) if entry_id.strip() else []
                hint = f"did you mean {', '.join(h.entry_id for h in hits)}?" if hits else "try mtcr annex search"
                raise NotFoundError("entry", entry_id, hint)
            if json:
                emit_json(definition)
                return
            body = escape(definition.text) + "".join(f"\n\n[dim]Note:[/] {escape(n)}" for n in definition.notes)
            body += "\n\n[dim]Sources: " + escape("; ".join(s.describe() for s in definition.sources)) + "[/]"
            console.print(Panel(body, title=f'Definition: "{escape(definition.term)}"'))
            return
        if json:
            emit_json(entry)
            return
        console.print(_entry_panel(annex, entry))


def criteria_lines(node: Criterion, depth: int = 0) -> list[str]:
    """A criteria tree as indented lines: 'all of:' / 'any of:' with their parts beneath."""
    pad = "  " * depth
    if isinstance(node, (AllOf, AnyOf)):
        head = "all of:" if isinstance(node, AllOf) else "any of:"
        return [f"{pad}{head}"] + [line for child in node.children for line in criteria_lines(child, depth + 1)]
    return [f"{pad}{escape(node.describe())}"]


def _entry_panel(annex: Annex, entry: Entry) -> Panel:
    lines = [escape(entry.text)]
    if entry.criteria is not None:
        lines += ["", "[bold]Technical criteria[/]", *criteria_lines(entry.criteria)]
    if entry.conditions:
        lines += ["", "[bold]Conditions needing analyst confirmation[/]"] + [
            f"- {escape(c.describe())}" for c in entry.conditions
        ]
    if entry.decontrols:
        lines += ["", "[bold]Exclusions[/]"] + [f"- {escape(d.text)}" for d in entry.decontrols]
    if entry.downgrades:
        lines += ["", "[bold]May be treated as Category II[/]"] + [f"- {escape(d.text)}" for d in entry.downgrades]
    if entry.notes:
        lines += ["", "[bold]Notes[/]"] + [f"- {escape(n)}" for n in entry.notes]
    children = annex.children(entry.id)
    if children:
        lines += ["", "[bold]Sub-entries[/]"] + [f"- {c.id} {escape(c.title)}" for c in children]
    if entry.kinds:
        lines += ["", f"[bold]Item kinds[/]: {', '.join(entry.kinds)}"]
    refs = [*(f"EU {r}" for r in entry.eu_refs), *entry.us_refs]
    if refs:
        lines += [f"[bold]Cross-references[/]: {escape(', '.join(refs))}"]
    lines += [
        f"[dim]Sources: {escape('; '.join(s.describe() for s in entry.sources))}[/]",
        f"[dim]{escape(annex.document)} ({annex.id})[/]",
    ]
    return Panel("\n".join(lines), title=f"{entry.id} {escape(entry.title)} [cyan]Category {entry.category}[/]")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to look for in ids, titles, texts and notes.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="Most hits to show (1-500).")] = 10,
    edition: EditionOption = None,
    json: JsonOption = False,
) -> None:
    """Search the Annex, best match first (BM25 ranking over ids, titles, texts and notes).

    Example: mtcr annex search "heat shield"
    """
    with domain_errors():
        annex = load(edition)
        hits = search_annex(annex, text, limit)
        if json:
            emit_json(hits)
            return
        if not hits:
            console.print(f"No entry of {annex.id} mentions {escape(repr(text))}.")
            return
        table = Table(title=f"{escape(repr(text))} in {annex.id}")
        table.add_column("#", justify="right")
        table.add_column("entry")
        table.add_column("title")
        table.add_column("where it matched")
        for rank, hit in enumerate(hits, start=1):
            table.add_row(str(rank), hit.entry_id, escape(hit.title), escape(hit.snippet))
        console.print(table)


@app.command()
def diff(
    before: Annotated[str, typer.Argument(help="Edition or regime id (or regime file) to compare from.")],
    after: Annotated[str, typer.Argument(help="Edition or regime id (or regime file) to compare to.")],
    json: JsonOption = False,
) -> None:
    """Show what changed between two editions or regimes, entry by entry and threshold by threshold.

    Example: mtcr annex diff mtcr-2024 strict-bilateral
    """
    with domain_errors():
        result = diff_annexes(load(before), load(after))
        if json:
            emit_json(result)
            return
        if result.unchanged:
            console.print(f"{escape(before)} and {escape(after)} have the same entries and thresholds.")
            return
        table = Table(title=f"{escape(before)} -> {escape(after)}: {len(result.changes)} entries differ")
        table.add_column("entry")
        table.add_column("change")
        table.add_column("field")
        table.add_column(escape(before))
        table.add_column(escape(after))
        for change in result.changes:
            if not change.fields:
                table.add_row(change.entry_id, change.kind.value, "", "", escape(change.title))
            for field in change.fields:
                table.add_row(
                    change.entry_id, change.kind.value, field.field, escape(field.before), escape(field.after)
                )
        console.print(table)


@app.command()
def kinds(edition: EditionOption = None, json: JsonOption = False) -> None:
    """List the item kinds the classifier knows, the parameters each takes, and the entries that cover it.

    Example: mtcr annex kinds
    """
    with domain_errors():
        annex = load(edition)
        rows = [(k, [e.id for e in annex.entries if k.name in e.kinds]) for k in annex.kinds]
        if json:
            emit_json(
                [
                    {"kind": k.name, "description": k.description, "parameters": list(k.parameters), "entries": ids}
                    for k, ids in rows
                ]
            )
            return
        table = Table(title=f"Item kinds in {annex.id}")
        for column in ("kind", "parameters", "entries", "description"):
            table.add_column(column)
        for k, ids in rows:
            table.add_row(k.name, ", ".join(k.parameters), ", ".join(ids), escape(k.description))
        console.print(table)


@app.command()
def parameters(edition: EditionOption = None, json: JsonOption = False) -> None:
    """List the technical parameters, their SI unit and, for categorical ones, their values.

    Example: mtcr annex parameters
    """
    with domain_errors():
        annex = load(edition)
        if json:
            emit_json(annex.parameters)
            return
        table = Table(title=f"Parameters in {annex.id}")
        for column in ("parameter", "kind", "unit / values", "description"):
            table.add_column(column)
        for p in annex.parameters:
            table.add_row(p.name, p.kind.value, escape(p.unit or ", ".join(p.values)), escape(p.description))
        console.print(table)
