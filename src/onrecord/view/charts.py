"""Charts as data for inline SVG templates: bars of stance per actor, and stance over time."""

from __future__ import annotations

from dataclasses import dataclass, field

from onrecord.export.codings import stance_label
from onrecord.record import Record
from onrecord.view.text import preview

WIDTH = 640
ROW = 22
LABEL = 220  # room for the labels left of the bars
LABEL_CHARACTERS = 36  # what fits in it at the chart's type size
MOST = 20  # bars in a stance chart: the actors mentioned most


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: from the middle line to the left (hostile) or right (favourable)."""

    label: str
    score: float
    x: float
    y: float
    width: float
    kind: str
    actor: str = ""  # the actor's name, whole (the label may be cut to fit)


@dataclass(frozen=True)
class Point:
    """One dot of a series: where it is, what it says, and the stance it shows."""

    x: float
    y: float
    label: str
    score: float
    kind: str


@dataclass
class Chart:
    """What an SVG template needs: its size, the middle line, bars or points, axis labels."""

    width: int
    height: int
    middle: float
    bars: list[Bar] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    title: str = ""


def stance_bars(record: Record, *, most: int = MOST) -> Chart | None:
    """Each speaker's stance toward the actors mentioned most, as bars around zero; None without stances. Those
    who ask (interviewers, moderators, the audience) are left out: an analyst reads the answerers' stances."""
    stances = record.answerers_stances
    if not stances:
        return None
    actors = {a.id: a for a in record.actors}
    speakers = {s.id: s.label for s in record.speakers}
    ranked = sorted(stances, key=lambda s: -len(actors[s.actor].mentions) if s.actor in actors else 0)[:most]
    half = (WIDTH - LABEL - 20) / 2
    middle = LABEL + half
    title = "Stance toward the actors mentioned most"
    if len({s.holder for s in ranked}) == 1:
        title += f": {speakers.get(ranked[0].holder, ranked[0].holder)}"
    chart = Chart(WIDTH, ROW * len(ranked) + 30, middle, title=title)
    several = len({s.holder for s in ranked}) > 1  # the holder is named only when there is more than one
    for row, stance in enumerate(ranked):
        name = actors[stance.actor].name if stance.actor in actors else stance.actor
        label = preview(f"{speakers.get(stance.holder, stance.holder)} → {name}" if several else name, LABEL_CHARACTERS)
        width = abs(stance.score) * half
        x = middle - width if stance.score < 0 else middle
        chart.bars.append(Bar(label, stance.score, x, row * ROW + 4, max(width, 1.0), stance_label(stance.score), name))
    chart.ticks = [(LABEL, "-1 hostile"), (middle, "0"), (WIDTH - 20, "+1 favourable")]
    return chart


def stance_series(rows: list[tuple[str, float]], *, title: str = "") -> Chart | None:
    """Stance over time: ``rows`` are (date or year label, score) in time order; None when empty."""
    if not rows:
        return None
    height, top, bottom = 220, 20, 180
    step = (WIDTH - 80) / max(len(rows) - 1, 1)
    chart = Chart(WIDTH, height, (top + bottom) / 2, title=title)
    for index, (label, score) in enumerate(rows):
        y = chart.middle - score * (bottom - top) / 2
        chart.points.append(Point(40 + index * step, y, label, score, stance_label(score)))
    chart.ticks = [(float(top), "+1"), (chart.middle, "0"), (float(bottom), "-1")]
    return chart
