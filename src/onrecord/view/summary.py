"""The terminal view's summary: what a reader takes in before the details."""

from __future__ import annotations

from collections import Counter

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from onrecord.record import Record
from onrecord.view.text import preview

# Actors named in the summary on each side of the answerers' stance, and claims quoted.
MOST = 3
_CLAIM = 120


def summary(record: Record) -> RenderableType | None:
    """Who speaks, how many questions were answered, the doctrine's lists, whom the answerers are most hostile
    and most favourable to, and the sentences most worth checking."""
    if not record.speakers:
        return None
    body = Table.grid(padding=(0, 2))
    body.add_column(style="bold", no_wrap=True)
    body.add_column()
    _line(body, "speakers", _speakers(record))
    if record.exchanges:
        answered = sum(1 for x in record.exchanges if x.answers)
        _line(body, "exchanges", f"{answered} of {len(record.exchanges)} questions answered")
    if record.enumerations:
        _line(body, "lists", ", ".join(f"{e.label} ({len(e.items)})" for e in record.enumerations if e.within is None))
    hostile, favourable = _sides(record)
    if hostile:
        _line(body, "most hostile to", hostile)
    if favourable:
        _line(body, "most favourable to", favourable)
    sentences = {s.id: s.span.text for s in record.sentences}
    best = sorted(record.claims, key=lambda c: -c.checkworthiness)[:MOST]
    for rank, claim in enumerate(best, 1):
        _line(body, "to check" if rank == 1 else "", f"{rank}. {preview(sentences.get(claim.sentence, ''), _CLAIM)}")
    return Panel(body, title="summary", title_align="left", expand=True)


def _line(body: Table, key: str, value: str) -> None:
    body.add_row(key, Text(value))  # document text is never markup


def _speakers(record: Record) -> str:
    turns = Counter(t.speaker for t in record.turns if t.kind != "note")
    return "; ".join(f"{s.label}{f' ({s.name})' if s.name else ''}, {s.role}, {turns[s.id]} turns"
                     for s in record.speakers)


def _sides(record: Record) -> tuple[str, str]:
    """The actors the answerers are most hostile and most favourable to, with their scores."""
    names = {a.id: a.name for a in record.actors}
    scores = sorted((s.score, names.get(s.actor, s.actor)) for s in record.answerers_stances)
    hostile = ", ".join(f"{name} {score:+.2f}" for score, name in scores[:MOST] if score < 0)
    favourable = ", ".join(f"{name} {score:+.2f}" for score, name in reversed(scores[-MOST:]) if score > 0)
    return hostile, favourable
