"""The questions page: the corpus's questions and how they were answered, filtered by clarity, actor and speaker."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onrecord.corpus.exchanges import exchanges
from onrecord.record import CLARITIES
from onrecord.view.replies import CLARITY_NAMES, verdict
from onrecord.web.app import page

router = APIRouter()
LIMIT = 200


@router.get("/exchanges", response_class=HTMLResponse)
def questions(request: Request, clarity: str = "", actor: str = "", speaker: str = "") -> HTMLResponse:
    """The filter form and the questions that match it, each with its verdict and evidence."""
    chosen = clarity if clarity in CLARITIES else None
    with request.app.state.store.read() as connection:
        found = exchanges(connection, clarity=chosen, actor=actor.strip()[:200] or None,
                          speaker=speaker.strip()[:200] or None, limit=LIMIT)
    for item in found:
        item["verdict"] = verdict(item["clarity"], item["evasion"], item["confidence"])
    return page("exchanges.html.j2", found=found, clarity=chosen or "", actor=actor, speaker=speaker,
                clarities=CLARITY_NAMES, limit=LIMIT)
