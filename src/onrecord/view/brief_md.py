"""The brief in Markdown: the same sections as the HTML brief, document text escaped so it stays text.

Markdown renderers pass raw HTML through, so ``<``, ``>`` and ``&`` in document text become entities and
Markdown's own punctuation is backslash-escaped; anchors into the full text are ``<a id>`` elements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from onrecord.record import Record
from onrecord.view.brief import BriefDocument, TreeItem, brief_document
from onrecord.view.text import preview, visible

_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(text: str) -> str:
    """Document text as inert Markdown: no HTML, no emphasis, no links, one line (spaces at the ends kept)."""
    flat = _SPACE.sub(" ", text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return visible(_MARKUP.sub(r"\\\1", flat))  # the marks hold no Markdown that acts mid-line


def _tree(items: list[TreeItem], depth: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'  ' * depth}- [{item.number}](#{item.anchor}) {md(item.text)}")
        lines.extend(_tree(item.children, depth + 1))
    return lines


def _sections(d: BriefDocument) -> list[str]:
    document = d.record.document
    lines = [f"_{md(document.source)} · {document.when} · {d.words:,} words · id {document.id}_", "",
             "Speakers: " + ", ".join(f"{md(label)}" for label in d.speakers.values()), ""]
    if d.exchanges:
        lines += ["## Exchanges", ""]
        for x in d.exchanges:
            lines += [f"**[{x['id']}](#{x['anchor']}) {md(x['speaker'])}:** {md(x['question'])}", ""]
            lines += [f"> [{md(a['speaker'] or 'answer')}](#{a['anchor']}): {md(a['text'])}\n" for a in x["answers"]]
            lines += [f"- {md(r['question'])} **{md(r['verdict'])}**" + (f": “{md(r['evidence'])}”" if r["evidence"] else "")
                      for r in x["replies"]] + ([""] if x["replies"] else [])
    for tree in d.trees:
        lines += [f"## Doctrine: {md(tree['label'])}", "", md(tree["head"]), "", *_tree(tree["entries"], 0), ""]
    if d.actors:
        lines += ["## Actors", "", "| actor | type | mentions | stance |", "|---|---|---|---|"]
        stances = {bar.actor: bar.score for bar in (d.chart.bars if d.chart else [])}
        for a in d.actors:
            score = stances.get(a["name"])
            lines.append(f"| {md(a['name'])} | {a['type']} | {a['mentions']} | {'' if score is None else f'{score:+.2f}'} |")
        lines.append("")
    if d.claims:
        lines += ["## Check-worthy claims", ""]
        lines += [f"1. [{md(preview(c['text'], 200))}](#{c['anchor']}) ({c['standing']})" for c in d.claims] + [""]
    if d.attributions:
        lines += ["## Quotations", ""]
        lines += [f"- [{q['kind']}](#{q['anchor']}) {_attributed(q)}" for q in d.attributions] + [""]
    if d.citations:
        lines += ["## Citations", ""]
        lines += [f"- [{md(c['work'])} {md(c['reference'])}](#{c['anchor']}): “{md(c['quote'])}”" for c in d.citations]
        lines.append("")
    return lines


def _full_text(d: BriefDocument) -> list[str]:
    lines = ["## Full text", ""]
    for turn in d.turns:
        body = "".join("".join(f'<a id="{a}"></a>' for a in piece.anchors) + md(piece.text) for piece in turn.pieces)
        who = md(turn.speaker) if turn.speaker else "_note_"
        lines += [f'<a id="{turn.anchor}"></a>**{who}** ({turn.kind}): {body.strip()}', ""]
    return lines


def brief_markdown(records: Sequence[Record], *, title: str | None = None) -> str:
    """The brief of one or more records as Markdown."""
    several = len(records) > 1
    heading = title or (records[0].document.title if not several else f"Brief of {len(records)} documents")
    lines = [f"# {md(heading or 'Brief')}", ""]
    for index, record in enumerate(records, 1):
        d = brief_document(record, f"d{index}-" if several else "")
        if several:
            lines += [f"# {md(record.document.title or record.document.id)}", ""]
        lines += _sections(d) + _full_text(d)
    return "\n".join(lines).rstrip() + "\n"


def _attributed(q: dict[str, Any]) -> str:
    """Who said it and the words, in the text's order, the words quoted once."""
    source = f"**{md(q['source'] or 'unknown source')}**"
    who = f"{md(q['cue'])} {source}" if q["cue_first"] else f"{source} {md(q['cue'])}"
    return f"{who}: {md(q['content']) if q['quoted'] else '“' + md(q['content']) + '”'}"
