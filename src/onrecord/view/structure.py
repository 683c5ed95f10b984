"""Terminal sections for the structure of an argument: the doctrine tree, quotations, citations."""

from __future__ import annotations

from rich.console import RenderableType
from rich.panel import Panel
from rich.text import Text
from rich.tree import Tree

from onrecord.record import EnumerationItem, Record
from onrecord.view.text import preview

_FIRST_WORDS = 12
_PREVIEW = 140


def doctrine(record: Record) -> RenderableType | None:
    """Every outermost list as an indented, numbered tree, each item by its first words."""
    outer = [e for e in record.enumerations if e.within is None]
    if not outer:
        return None
    labels = {e.within: e.label for e in record.enumerations if e.within is not None}
    tree = Tree(Text("doctrine", style="bold"))
    for enumeration in outer:
        title = Text(f"{enumeration.id} {enumeration.label}", style="bold")
        if enumeration.head:
            title.append("  " + preview(enumeration.head.text, _PREVIEW), style="dim")
        _add_items(tree.add(title), enumeration.items, enumeration.id, labels)
    return tree


def _add_items(branch: Tree, items: tuple[EnumerationItem, ...], list_id: str, labels: dict[str, str]) -> None:
    for item in items:
        line = Text(f"{item.ordinal}. ", style="bold")
        line.append(" ".join(item.span.text.split()[:_FIRST_WORDS]) + " …")
        node = branch.add(line)
        if item.children:
            nested = labels.get(f"{list_id}.{item.ordinal}", "items")
            _add_items(node.add(Text(nested, style="italic")), item.children, f"{list_id}.{item.ordinal}", labels)


def quotations(record: Record) -> RenderableType | None:
    """Each attribution: its source (and actor), its cue, then what is attributed."""
    if not record.attributions:
        return None
    body = Text()
    for attribution in record.attributions:
        body.append(f"{attribution.id} {attribution.kind}  ", style="dim")
        source, cue = attribution.source, attribution.cue.text if attribution.cue else ""
        if attribution.cue_first:  # "According to the finance ministry": the text's order
            body.append(f"{cue} ", style="cyan")
        body.append(source.span.text if source else "(no source)", style="bold")
        if source and (source.actor or source.kind != "named"):
            body.append(f" [{source.actor or source.kind}]", style="dim")
        body.append(":" if attribution.cue_first else f" {cue}:", style="cyan")
        body.append(" " + preview(attribution.content.text, _PREVIEW) + "\n")
    return Panel(body, title="quotations", title_align="left", expand=True)


def citations(record: Record) -> RenderableType | None:
    """Each citation, parsed, with the words it supports."""
    if not record.citations:
        return None
    body = Text()
    for citation in record.citations:
        body.append(f"{citation.id} ", style="dim")
        body.append(f"{citation.work} {citation.reference}".strip(), style="bold")
        body.append(f"  {citation.span.text}", style="dim")
        if citation.quote:
            body.append("  “" + preview(citation.quote.text, _PREVIEW) + "”")
        body.append("\n")
    return Panel(body, title="citations", title_align="left", expand=True)


