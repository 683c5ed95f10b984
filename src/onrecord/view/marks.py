"""Where each finding stands in the text, as marks; and a stretch of text cut into pieces under its marks.

The web reader and the brief draw the same marks: a piece of text carries the classes of every mark over it
(``m-actor s-hostile``, ``m-enum`` ...) and the anchors of the marks that start there, so that a link to a
finding lands on its first character. Pieces hold plain text; templates escape it.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from onrecord.export.codings import stance_label, top_claims
from onrecord.record import EnumerationItem, Record, Span, iter_spans

# Layers with a mark of their own; any other layer with spans is marked ``m-other``.
KNOWN = frozenset({"document", "speakers", "turns", "exchanges", "sentences", "actors", "stances", "enumerations",
                   "attributions", "citations", "claims", "schema"})


@dataclass(frozen=True)
class Mark:
    """A finding over ``[start, end)``: CSS classes, an anchor id (or ""), a tooltip."""

    start: int
    end: int
    classes: str
    anchor: str = ""
    title: str = ""


@dataclass(frozen=True)
class Piece:
    """A stretch of text with the classes and titles of the marks over it and the anchors that start in it."""

    text: str
    classes: str = ""
    anchors: tuple[str, ...] = ()
    title: str = ""


def marks(record: Record, *, prefix: str = "") -> list[Mark]:
    """Every mark of a record, anchors prefixed with ``prefix`` (several documents on one page)."""
    found = [*_actors(record, prefix), *_enumerations(record, prefix), *_attributions(record, prefix),
             *_citations(record, prefix), *_claims(record, prefix), *_others(record)]
    return sorted(found, key=lambda m: (m.start, -m.end))


def _actors(record: Record, prefix: str) -> Iterator[Mark]:
    """Mentions coloured by the stance of the speaker whose turn they are in; the first one anchored."""
    stances = {(s.actor, s.holder): s.score for s in record.stances if not s.own}
    own = {(s.actor, s.holder) for s in record.stances if s.own}
    turns = sorted((t.span.start, t.span.end, t.speaker or "") for t in record.turns)
    starts = [start for start, _, _ in turns]
    for actor in record.actors:
        first = min((m.span.start for m in actor.mentions), default=-1)
        for mention in actor.mentions:
            index = bisect.bisect_right(starts, mention.span.start) - 1
            holder = turns[index][2] if index >= 0 and mention.span.start < turns[index][1] else ""
            score = stances.get((actor.id, holder))
            label = "unscored" if score is None else stance_label(score)
            title = actor.name if score is None else f"{actor.name}: stance {score:+.2f}"
            if (actor.id, holder) in own:
                title = f"{actor.name}: the speaker's own side"
            anchor = f"{prefix}at-{first}" if mention.span.start == first else ""
            yield Mark(mention.span.start, mention.span.end, f"m-actor s-{label}", anchor, title)


def item_anchor(prefix: str, enumeration: str, number: str) -> str:
    """The anchor of an enumeration item: ``e1-3-2`` for item 3.2 of list e1."""
    return f"{prefix}{enumeration}-{number.replace('.', '-')}"


def _items(items: tuple[EnumerationItem, ...], enumeration: str, prefix: str, above: str) -> Iterator[Mark]:
    for item in items:
        number = f"{above}{item.ordinal}"
        yield Mark(item.span.start, item.span.end, "m-enum", item_anchor(prefix, enumeration, number), f"item {number}")
        yield from _items(item.children, enumeration, prefix, f"{number}.")


def _enumerations(record: Record, prefix: str) -> Iterator[Mark]:
    for enumeration in record.enumerations:
        if enumeration.within is None:
            yield from _items(enumeration.items, enumeration.id, prefix, "")


def _attributions(record: Record, prefix: str) -> Iterator[Mark]:
    for a in record.attributions:
        source = a.source.span.text if a.source else "unknown source"
        yield Mark(a.content.start, a.content.end, "m-attr", f"{prefix}{a.id}", f"{a.kind}, said by {source}")
        if a.source is not None:
            yield Mark(a.source.span.start, a.source.span.end, "m-source", title="source of an attribution")


def _citations(record: Record, prefix: str) -> Iterator[Mark]:
    for c in record.citations:
        yield Mark(c.span.start, c.span.end, "m-cite", f"{prefix}{c.id}", f"{c.work} {c.reference}")
        if c.quote is not None:
            yield Mark(c.quote.start, c.quote.end, "m-quote", title=f"quoted from {c.work} {c.reference}")


# The share of a document's sentences, the most check-worthy, that the text underlines: an underline on every
# answer's best sentences would say nothing in a short interview.
CLAIM_SHARE = 0.1


def _claims(record: Record, prefix: str) -> Iterator[Mark]:
    """The most check-worthy sentences of the answers, when they rank in the document's top tenth, titled by
    their rank ("3rd most check-worthy of 188 sentences"), not by a raw score."""
    ranked = sorted(record.claims, key=lambda c: -c.checkworthiness)
    ranks = {claim.sentence: rank for rank, claim in enumerate(ranked, 1)}
    top = max(1, math.ceil(CLAIM_SHARE * len(ranked)))
    for claim, span in top_claims(record):
        rank = ranks[claim.sentence]
        # Each keeps its anchor (the claims list links to it); only the top tenth is underlined.
        yield Mark(span.start, span.end, "m-claim" if rank <= top else "", f"{prefix}{claim.sentence}",
                   f"check-worthy: {_ordinal(rank)} of {len(ranked)} sentences")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _others(record: Record) -> Iterator[Mark]:
    for layer in (name for name in record.__dataclass_fields__ if name not in KNOWN):
        for path, span in iter_spans(getattr(record, layer), layer):
            yield Mark(span.start, span.end, "m-other", title=path)


class Marks:
    """Marks sorted by start (ties keep their order), indexed to find the marks over a span without a full scan."""

    def __init__(self, found: list[Mark]) -> None:
        self.found = sorted(found, key=lambda m: m.start)
        self.starts = [m.start for m in self.found]
        self.longest = max((m.end - m.start for m in self.found), default=0)

    def over(self, span: Span) -> list[Mark]:
        """The marks over ``span`` (and empty anchored marks inside it), in start order."""
        # A mark over the span starts less than the longest mark's length before it: only that window is read.
        window = self.found[bisect.bisect_left(self.starts, span.start - self.longest):
                            bisect.bisect_left(self.starts, span.end)]
        return [m for m in window if m.end > span.start] + [
            m for m in window if m.start == m.end and span.start <= m.start and m.anchor]


def pieces(text: str, span: Span, found: list[Mark] | Marks) -> list[Piece]:
    """``span`` cut at every mark boundary inside it; ``found`` sorted by start (as ``marks`` returns) or indexed."""
    inside = (found if isinstance(found, Marks) else Marks(found)).over(span)
    cuts = sorted({span.start, span.end, *(max(m.start, span.start) for m in inside),
                   *(min(m.end, span.end) for m in inside)})
    starts = sorted(inside, key=lambda m: m.start)
    active: list[tuple[int, int, Mark]] = []
    result: list[Piece] = []
    index = 0
    for left, right in itertools.pairwise(cuts):
        anchors = []
        while index < len(starts) and max(starts[index].start, span.start) <= left:
            mark = starts[index]
            heapq.heappush(active, (mark.end, index, mark))
            if mark.anchor and mark.start >= span.start:
                anchors.append(mark.anchor)
            index += 1
        while active and active[0][0] <= left:
            heapq.heappop(active)
        over = [m for _, _, m in sorted(active, key=lambda entry: entry[1])]
        result.append(Piece(text[left:right], " ".join(dict.fromkeys(m.classes for m in over)), tuple(anchors),
                            "; ".join(dict.fromkeys(m.title for m in over if m.title))))
    return result
