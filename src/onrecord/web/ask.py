"""The ask page: evidence for a question, each linked to its exact span in the reader."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from onrecord.corpus import Corpus
from onrecord.web.app import page

router = APIRouter()


@router.get("/ask", response_class=HTMLResponse)
def ask(request: Request, q: str = "", k: Annotated[int, Query(ge=1, le=50)] = 5) -> HTMLResponse:
    """The ask form and, when a question is given, its evidence best first."""
    answer = None
    if q.strip():
        with Corpus(request.app.state.store.path) as corpus:
            answer = corpus.ask(q.strip()[:500], k=k)
    return page("ask.html.j2", question=q, answer=answer, k=k)
