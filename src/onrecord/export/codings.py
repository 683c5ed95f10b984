"""The findings of a Record as codings: a code path and the verbatim span it is attached to.

One flat list serves every export that codes text (REFI-QDA, W3C Web Annotation) and the views that
highlight it, so that a finding is named the same way everywhere. Layers without a rule of their own are
coded generically: every span they hold gets the code ``(layer,)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields

from onrecord.record import Claim, EnumerationItem, Record, Span, iter_spans

# Layers that are the document's structure, not findings about it.
STRUCTURE = frozenset({"document", "speakers", "turns", "exchanges", "sentences", "schema"})
# A reader scans for what to check first: the few most check-worthy sentences of each answer.
CLAIMS_PER_TURN = 3
# Stance scores closer to zero than this read as neutral.
NEUTRAL = 0.1
# How codes and views name answer clarity and the evasion techniques.
CLARITY_NAMES = {"reply": "clear reply", "ambivalent": "ambivalent", "non-reply": "non-reply"}
EVASION_NAMES = {"explicit": "explicit", "implicit": "implicit", "dodging": "dodges", "deflection": "deflects",
                 "partial": "partial answer", "general": "too general", "declining": "declines to answer",
                 "ignorance": "claims not to know", "clarification": "asks what was meant"}


@dataclass(frozen=True)
class Coding:
    """A code (a path from the top of the codebook, e.g. ``("actors", "Israel")``) on one span."""

    code: tuple[str, ...]
    span: Span
    note: str = ""


def stance_label(score: float) -> str:
    """favourable, neutral or hostile, for a stance score in [-1, 1]."""
    if score >= NEUTRAL:
        return "favourable"
    return "hostile" if score <= -NEUTRAL else "neutral"


def top_claims(record: Record, *, per_turn: int = CLAIMS_PER_TURN) -> list[tuple[Claim, Span]]:
    """The most check-worthy sentences of each answer or statement, best first within a turn, turns in order."""
    sentences = {s.id: s for s in record.sentences}
    by_turn: dict[str, list[tuple[Claim, Span]]] = {}
    for claim in record.claims:
        sentence = sentences.get(claim.sentence)
        if sentence is not None and claim.turn_kind in ("answer", "statement"):
            by_turn.setdefault(sentence.turn, []).append((claim, sentence.span))
    return [pair for found in by_turn.values()
            for pair in sorted(found, key=lambda p: -p[0].checkworthiness)[:per_turn]]


def codings(record: Record) -> list[Coding]:
    """Every coding of a record, layer by layer, in the order of the Record's fields."""
    found: list[Coding] = []
    for layer in (f.name for f in fields(record)):
        if layer in STRUCTURE:
            continue
        rule = _RULES.get(layer, _generic(layer))
        found.extend(rule(record))
    return found


def _actors(record: Record) -> Iterator[Coding]:
    for actor in record.actors:
        for mention in actor.mentions:
            yield Coding(("actors", actor.name), mention.span, f"{actor.type}, {mention.form}")


def _stances(record: Record) -> Iterator[Coding]:
    actors = {a.id: a.name for a in record.actors}
    speakers = {s.id: s.label for s in record.speakers}
    for stance in record.stances:
        note = f"{speakers.get(stance.holder, stance.holder)} on {actors.get(stance.actor, stance.actor)}: {stance.score:+.2f}"
        for span in stance.evidence:
            yield Coding(("stance", "own side" if stance.own else stance_label(stance.score)), span, note)


def _items(items: tuple[EnumerationItem, ...], code: tuple[str, ...], prefix: str) -> Iterator[Coding]:
    for item in items:
        number = f"{prefix}{item.ordinal}"
        yield Coding(code, item.span, f"item {number}")
        yield from _items(item.children, code, f"{number}.")


def _enumerations(record: Record) -> Iterator[Coding]:
    for enumeration in record.enumerations:
        if enumeration.within is None:  # a nested list is coded with the items of its parent
            yield from _items(enumeration.items, ("enumerations", enumeration.label or "list"), "")


def _attributions(record: Record) -> Iterator[Coding]:
    for attribution in record.attributions:
        source = attribution.source.span.text if attribution.source else "unknown source"
        yield Coding(("attributions", attribution.kind), attribution.content, f"said by: {source}")
        if attribution.source is not None:
            yield Coding(("attributions", "sources"), attribution.source.span, attribution.source.kind)


def _citations(record: Record) -> Iterator[Coding]:
    for citation in record.citations:
        yield Coding(("citations", citation.work or "other"), citation.span, citation.reference)
        if citation.quote is not None:
            yield Coding(("citations", "quoted words"), citation.quote, f"{citation.work} {citation.reference}")


def _claims(record: Record) -> Iterator[Coding]:
    for claim, span in top_claims(record):
        yield Coding(("claims", "check-worthy"), span, f"check-worthiness {claim.checkworthiness:.2f}")


def _replies(record: Record) -> Iterator[Coding]:
    """Each question coded with its clarity and technique; the answer sentences that show it as its evidence."""
    for reply in record.replies:
        clarity, technique = CLARITY_NAMES[reply.clarity], EVASION_NAMES[reply.evasion]
        note = f"{reply.exchange}: {clarity}, {technique} (confidence {reply.confidence:.2f})"
        yield Coding(("clarity", clarity, technique), reply.question, note)
        for span in reply.evidence:
            yield Coding(("clarity", "evidence", clarity), span, note)


def _generic(layer: str) -> Callable[[Record], Iterator[Coding]]:
    def rule(record: Record) -> Iterator[Coding]:
        for path, span in iter_spans(getattr(record, layer), layer):
            yield Coding((layer,), span, path)

    return rule


_RULES: dict[str, Callable[[Record], Iterator[Coding]]] = {
    "actors": _actors,
    "stances": _stances,
    "enumerations": _enumerations,
    "attributions": _attributions,
    "citations": _citations,
    "claims": _claims,
    "replies": _replies,
}
