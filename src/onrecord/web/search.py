"""The search page: the corpus's sentences that hold every word typed, best first, each linked to the reader."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onrecord.corpus.search import search as search_sentences
from onrecord.web.app import page

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    """The search form and, when words are given, the sentences that hold them."""
    hits = None
    if q.strip():
        with request.app.state.store.read() as connection:
            hits = search_sentences(connection, q.strip()[:500], limit=50)
    return page("search.html.j2", query=q, hits=hits)
