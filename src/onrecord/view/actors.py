"""The actors section of the terminal view: who is talked about, how often, under which forms, and how."""

from __future__ import annotations

from collections import Counter

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from onrecord.record import Record

_BAR = 10


def actors(record: Record) -> RenderableType | None:
    """Actors with their mentions, forms and the main speaker's stance (most mentioned first)."""
    if not record.actors:
        return None
    stances = {(s.actor, s.holder): s.score for s in record.stances}
    holder = _main_speaker(record)
    table = Table(title="Actors", title_justify="left", show_edge=False)
    for column in ("id", "actor", "type", "mentions", "forms", f"stance ({holder or '-'})"):
        table.add_column(column)
    for actor in sorted(record.actors, key=lambda a: (-len(a.mentions), a.id)):
        forms = Counter(m.form for m in actor.mentions)
        name = Text(actor.name)
        if actor.kb:
            name.append(f" {actor.kb}", style="dim")
        score = stances.get((actor.id, holder or ""))
        table.add_row(actor.id, name, actor.type, str(len(actor.mentions)),
                      ", ".join(f"{form} {count}" for form, count in forms.most_common()), bar(score))
    return table


def bar(score: float | None) -> Text:
    """A stance as a bar: red to the left for hostile, green to the right for favourable."""
    if score is None:
        return Text("")
    size = round(abs(score) * _BAR)
    text = Text()
    text.append(" " * (_BAR - size) + "█" * size if score < 0 else " " * _BAR, style="red")
    text.append("│")
    text.append("█" * size if score > 0 else "", style="green")
    text.append(f" {score:+.2f}")
    return text


def _main_speaker(record: Record) -> str | None:
    """The speaker with the most answer or statement turns: whose stance the table shows."""
    counts = Counter(t.speaker for t in record.turns if t.kind in ("answer", "statement") and t.speaker)
    return counts.most_common(1)[0][0] if counts else None
