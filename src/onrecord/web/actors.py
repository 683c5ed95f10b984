"""The actor page: mentions across the corpus and stance over time as an inline SVG chart."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onrecord.corpus.stats import timeline
from onrecord.errors import WebError
from onrecord.view.charts import Chart, stance_series
from onrecord.web import data
from onrecord.web.app import page

router = APIRouter()


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request) -> HTMLResponse:
    """Who the corpus talks about, the actors in the most documents first."""
    with request.app.state.store.read() as connection:
        found = data.actors(connection)
    return page("actors.html.j2", actors=found, limit=data.LIMIT)


@router.get("/actors/{name}", response_class=HTMLResponse)
def actor(request: Request, name: str) -> HTMLResponse:
    """Where ``name`` (or another name of the same actor) is mentioned, and how each speaker treats it over time."""
    with request.app.state.store.read() as connection:
        mentions = data.mentions(connection, name[:200])
        rows = timeline(connection, name[:200])
    if not mentions and not rows:
        raise WebError("no actor by this name in the corpus", name[:80], "search for another name")
    return page("actor.html.j2", name=name, mentions=mentions, rows=rows, charts=stance_charts(name, rows))


CHARTS = 6  # voices charted on an actor page, those with the most documents first


def stance_charts(name: str, rows: list[dict[str, Any]]) -> list[Chart]:
    """Stance toward ``name`` over time, one chart per country the documents speak for (per speaker where that
    is not known): Israel's speeches and Iran's never make one line."""
    by_voice: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row.get("stance") is not None:
            voice = row.get("speaks_for") or row.get("speaker") or "unknown speaker"
            by_voice[voice][str(row.get("date") or row.get("year") or "?")].append(float(row["stance"]))
    voices = sorted(by_voice, key=lambda v: -sum(len(s) for s in by_voice[v].values()))[:CHARTS]
    charts = []
    for voice in voices:
        series = [(label, sum(scores) / len(scores)) for label, scores in by_voice[voice].items()]
        chart = stance_series(series, title=f"Stance toward {name} in the words of {voice}")
        if chart is not None:
            charts.append(chart)
    return charts
