"""The terminal view of a Record (rich): header, speakers, exchanges, then each analysis's section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from onrecord.record import Record, Reply, Turn
from onrecord.view import actors, claims, structure
from onrecord.view.replies import CLARITY_STYLES, by_exchange, verdict
from onrecord.view.summary import summary
from onrecord.view.text import preview

_PREVIEW = 160

Section = Callable[[Record], RenderableType | None]


def header(record: Record) -> RenderableType:
    document = record.document
    lines = Text()
    lines.append(document.title or "(untitled)", style="bold")
    lines.append(f"\n{document.source}  ·  {document.format}  ·  {document.when}  ·  ")
    lines.append(f"{len(document.text.split()):,} words  ·  id {document.id}", style="dim")
    return Panel(lines, expand=True)


def speakers(record: Record) -> RenderableType | None:
    if not record.speakers:
        return None
    counts = Counter(turn.speaker for turn in record.turns if turn.kind != "note")
    table = Table(title="Speakers", title_justify="left", show_edge=False)
    for column in ("id", "speaker", "role", "turns"):
        table.add_column(column)
    for speaker in record.speakers:
        label = Text(speaker.label)
        if speaker.name:  # the person the text introduces behind a surname label
            label.append(f" ({speaker.name})", style="dim")
        table.add_row(speaker.id, label, speaker.role, str(counts[speaker.id]))
    return table


def exchanges(record: Record) -> RenderableType | None:
    """Each exchange as question then answers, then how the answer met each question it asked; turns outside any
    exchange (statements) after them."""
    labels = {s.id: s.label for s in record.speakers}
    replies = by_exchange(record)
    sentences = Counter(sentence.turn for sentence in record.sentences)
    turns = {turn.id: turn for turn in record.turns}
    blocks: list[RenderableType] = []
    in_exchange: set[str] = set()
    for exchange in record.exchanges:
        in_exchange.update((exchange.question, *exchange.answers))
        body = [_turn_line(turns[exchange.question], labels, sentences, "cyan")]
        body += [_turn_line(turns[a], labels, sentences, "green") for a in exchange.answers]
        body += [_reply_line(reply) for reply in replies.get(exchange.id, ())]
        blocks.append(Panel(Group(*body), title=f"{exchange.id}", title_align="left", expand=True))
    loose = [t for t in record.turns if t.id not in in_exchange and t.kind != "note"]
    if loose:
        body = [_turn_line(t, labels, sentences, "white") for t in loose]
        blocks.append(Panel(Group(*body), title="statements", title_align="left", expand=True))
    return Group(*blocks) if blocks else None


def notes(record: Record) -> RenderableType | None:
    found = [t for t in record.turns if t.kind == "note"]
    if not found:
        return None
    body = Text()
    for turn in found:
        body.append(f"{turn.id}  ", style="dim")
        body.append(preview(turn.span.text, _PREVIEW) + "\n", style="italic dim")
    return Panel(body, title="notes (no one's answer)", title_align="left", expand=True)


def _turn_line(turn: Turn, labels: dict[str, str], sentences: Counter[str], colour: str) -> Text:
    count = sentences[turn.id]
    line = Text()
    line.append(f"{turn.id} {turn.kind} · {count} sentence{'s' if count != 1 else ''}  ", style="dim")
    line.append(labels.get(turn.speaker or "", "") + ": ", style=f"bold {colour}")
    # A question is shown whole: what was asked is what the answer is read against.
    line.append(" ".join(turn.span.text.split()) if turn.kind == "question" else preview(turn.span.text, _PREVIEW))
    return line


def _reply_line(reply: Reply) -> Text:
    """ "? Will you go? → non-reply, declines to answer (0.86): I'm not going to get ahead of the President." """
    line = Text("  ? ", style="dim")
    line.append(preview(reply.question.text, 90))
    line.append("  → ", style="dim")
    line.append(verdict(reply.clarity, reply.evasion, reply.confidence), style=CLARITY_STYLES[reply.clarity])
    if reply.evidence:
        line.append(": " + preview(reply.evidence[0].text, 110), style="italic")
    return line


# In order; later analyses add their sections here.
SECTIONS: tuple[Section, ...] = (header, summary, speakers, exchanges, notes, actors.actors, actors.stances, structure.doctrine, structure.quotations, structure.citations, claims.claims)


def render(record: Record, *, sections: Iterable[Section] = SECTIONS) -> list[RenderableType]:
    """The renderables of every section that has something to show."""
    return [part for section in sections if (part := section(record)) is not None]


def show(record: Record, console: Console) -> None:
    """Print the record to a rich console."""
    for part in render(record):
        console.print(part)
    console.print()

