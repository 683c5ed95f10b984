"""The brief: one document or a set, as a self-contained HTML page (inline CSS and SVG) or as Markdown.

Header, exchanges, the doctrine tree, actors with a stance chart, the most check-worthy claims, quotations
and citations; every finding links to its place in the full text at the end. Document text is untrusted:
the HTML templates autoescape it, the Markdown writer escapes it (``brief_md``).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2

from onrecord.export.codings import top_claims
from onrecord.record import Attribution, Claim, EnumerationItem, Record, Turn
from onrecord.view.charts import Chart, stance_bars
from onrecord.view.marks import Mark, Marks, Piece, item_anchor, marks, pieces
from onrecord.view.replies import by_exchange, verdict
from onrecord.view.text import preview, visible_value

ANSWER = 280  # characters of an answer shown in the exchanges section
CLAIMS = 10  # check-worthy claims in a brief


@dataclass
class TreeItem:
    """An enumeration item for the doctrine tree: its number, text, anchor and nested items."""

    number: str
    text: str
    anchor: str
    children: list[TreeItem] = field(default_factory=list)


@dataclass
class TurnView:
    """A turn as the full text shows it: who, what kind, its anchor, its pieces of text."""

    id: str
    anchor: str
    speaker: str
    role: str
    kind: str
    pieces: list[Piece]


@dataclass
class BriefDocument:
    """Everything a brief shows of one record, with anchors made unique by ``prefix``."""

    record: Record
    prefix: str
    speakers: dict[str, str]
    turns: list[TurnView]
    exchanges: list[dict[str, Any]]
    trees: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    chart: Chart | None
    claims: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    words: int = 0



def turn_views(record: Record, prefix: str = "", *, extra: Sequence[Mark] = ()) -> list[TurnView]:
    """Every turn cut into pieces under the record's marks (and ``extra`` marks, e.g. a highlighted span)."""
    found = Marks(sorted([*marks(record, prefix=prefix), *extra], key=lambda m: (m.start, -m.end)))
    speakers = {s.id: s for s in record.speakers}
    views = []
    for turn in record.turns:
        speaker = speakers.get(turn.speaker or "")
        views.append(TurnView(turn.id, f"{prefix}{turn.id}", speaker.label if speaker else "", speaker.role if speaker
                              else "", turn.kind, pieces(record.document.text, turn.span, found)))
    return views


def _tree(items: tuple[EnumerationItem, ...], enumeration: str, prefix: str, above: str) -> list[TreeItem]:
    result = []
    for item in items:
        number = f"{above}{item.ordinal}"
        result.append(TreeItem(number, preview(item.span.text, 140), item_anchor(prefix, enumeration, number),
                               _tree(item.children, enumeration, prefix, f"{number}.")))
    return result


def trees(record: Record, prefix: str = "") -> list[dict[str, Any]]:
    """The doctrine tree: each top-level enumeration with its label, head and nested items."""
    return [{"id": e.id, "label": e.label, "head": e.head.text if e.head else "",
             "entries": _tree(e.items, e.id, prefix, "")} for e in record.enumerations if e.within is None]


def _exchanges(record: Record, prefix: str, turns: dict[str, Turn], labels: dict[str, str]) -> list[dict[str, Any]]:
    result = []
    replies = by_exchange(record)
    for x in record.exchanges:
        question = turns[x.question]
        answers = [{"anchor": f"{prefix}{a}", "speaker": labels.get(turns[a].speaker or "", ""),
                    "text": preview(turns[a].span.text, ANSWER)} for a in x.answers if a in turns]
        judged = [{"question": r.question.text, "clarity": r.clarity,
                   "verdict": verdict(r.clarity, r.evasion, r.confidence),
                   "evidence": preview(r.evidence[0].text, ANSWER) if r.evidence else ""} for r in replies.get(x.id, ())]
        result.append({"id": x.id, "anchor": f"{prefix}{question.id}", "question": question.span.text,
                       "speaker": labels.get(question.speaker or "", ""), "answers": answers, "replies": judged})
    return result


def brief_document(record: Record, prefix: str = "", *, extra: Sequence[Mark] = ()) -> BriefDocument:
    """The brief's view of one record; ``extra`` marks (a highlighted span) join the record's in the full text."""
    labels = {s.id: s.label for s in record.speakers}
    turns = {t.id: t for t in record.turns}
    best = sorted(top_claims(record), key=lambda pair: -pair[0].checkworthiness)[:CLAIMS]
    first = {a.id: min(m.span.start for m in a.mentions) for a in record.actors if a.mentions}
    actors = sorted(record.actors, key=lambda a: -len(a.mentions))
    return BriefDocument(
        record, prefix, labels, turn_views(record, prefix, extra=extra), _exchanges(record, prefix, turns, labels),
        trees(record, prefix),
        [{"name": a.name, "type": a.type, "kb": a.kb, "mentions": len(a.mentions),
          "forms": ", ".join(sorted(Counter(m.span.text for m in a.mentions))[:6]), "first": first.get(a.id)}
         for a in actors],
        stance_bars(record),
        [{"anchor": f"{prefix}{c.sentence}", "score": c.checkworthiness, "text": span.text,
          "standing": standing(c, record)} for c, span in best],
        [_attribution(a, prefix) for a in record.attributions],
        [{"anchor": f"{prefix}{c.id}", "work": c.work, "reference": c.reference, "span": c.span.text,
          "quote": c.quote.text if c.quote else ""} for c in record.citations],
        words=len(record.document.text.split()),
    )


def standing(claim: Claim, record: Record) -> str:
    """Where a sentence stands among the document's by check-worthiness, as a reader takes it in ("top 2%"),
    rather than the ranker's raw score."""
    above = sum(1 for other in record.claims if other.checkworthiness > claim.checkworthiness)
    return f"top {max(1, math.ceil(100 * (above + 1) / max(len(record.claims), 1)))}%"


_OPENING_QUOTES = tuple("“\"‘'«")


def _attribution(attribution: Attribution, prefix: str) -> dict[str, Any]:
    """An attribution as the brief lists it: source and cue in the text's order ("According to the finance
    ministry", "the minister said"), and whether the content brings its own quotation marks."""
    source, cue = attribution.source, attribution.cue
    return {"anchor": f"{prefix}{attribution.id}", "kind": attribution.kind, "source": source.span.text if source else "",
            "cue": cue.text if cue else "", "content": attribution.content.text,
            "cue_first": attribution.cue_first,
            "quoted": attribution.content.text.startswith(_OPENING_QUOTES)}


@functools.cache
def environment() -> jinja2.Environment:
    """Templates of the views; autoescape on for every template, whatever its name."""
    return jinja2.Environment(loader=jinja2.PackageLoader("onrecord.view", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, finalize=visible_value, trim_blocks=True, lstrip_blocks=True)


def brief_html(records: Sequence[Record], *, title: str | None = None) -> str:
    """The brief of one or more records as one self-contained HTML page."""
    documents = [brief_document(r, f"d{i}-" if len(records) > 1 else "") for i, r in enumerate(records, 1)]
    heading = title or (records[0].document.title if len(records) == 1 else f"Brief of {len(records)} documents")
    return environment().get_template("brief.html.j2").render(documents=documents, title=heading or "Brief")
