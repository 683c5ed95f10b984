"""The actors section of the terminal view: who is talked about, how often, under which forms, and how."""

from __future__ import annotations

from collections import Counter

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from onrecord.record import Record
from onrecord.view.text import preview

_BAR = 10
_SHOWN = 8  # stances with their evidence: the strongest, hostile or favourable
_EVIDENCE = 150


def actors(record: Record) -> RenderableType | None:
    """Actors with their mentions, forms and the main speaker's stance (most mentioned first)."""
    if not record.actors:
        return None
    stances = {(s.actor, s.holder): s.score for s in record.stances if not s.own}
    own = {(s.actor, s.holder) for s in record.stances if s.own}
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
        shown = Text("own side", style="dim") if (actor.id, holder or "") in own else bar(score)
        table.add_row(actor.id, name, actor.type, str(len(actor.mentions)),
                      ", ".join(f"{form} {count}" for form, count in forms.most_common()), shown)
    return table


def stances(record: Record) -> RenderableType | None:
    """The main speaker's strongest stances, each with the sentences that show it: a score is read with its
    evidence, never alone."""
    holder = _main_speaker(record)
    names = {a.id: a.name for a in record.actors}
    shown = sorted((s for s in record.stances if s.holder == holder and s.evidence and s.actor in names and not s.own),
                   key=lambda s: (-abs(s.score), s.actor))[:_SHOWN]
    if not shown:
        return None
    table = Table(title=f"Stance of {_label(record, holder)}: the evidence", title_justify="left", show_edge=False)
    for column in ("actor", "stance", "evidence"):
        table.add_column(column)
    for stance in shown:
        quote = Text(f"“{preview(stance.evidence[0].text, _EVIDENCE)}”")
        if len(stance.evidence) > 1:
            quote.append(f"  +{len(stance.evidence) - 1} more", style="dim")
        table.add_row(names[stance.actor], bar(stance.score), quote)
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


def _label(record: Record, speaker: str | None) -> str:
    found = next((s for s in record.speakers if s.id == speaker), None)
    return (found.name or found.label) if found is not None else "the speaker"
