"""The corpus page (documents, filtered by speaker and date) and the document reader."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from onrecord.errors import SpanError
from onrecord.record import Record
from onrecord.view.brief import brief_document
from onrecord.view.marks import Mark
from onrecord.web import data
from onrecord.web.app import page, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def corpus(request: Request, speaker: str = "", since: str = "", until: str = "") -> HTMLResponse:
    """Every document with date, speakers and counts; the filters come from a plain GET form."""
    filters = data.Filters(speaker.strip()[:200], since.strip()[:10], until.strip()[:10])
    with request.app.state.store.read() as connection:
        found = data.documents(connection, filters)
    return page("corpus.html.j2", documents=found, filters=filters, limit=data.LIMIT)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader(request: Request, document_id: str, start: Annotated[int | None, Query(ge=0)] = None,
           end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    """A document as a conversation, with toggles for each layer; ``start``/``end`` highlight a span (``#hit``)."""
    state = request.app.state
    with state.store.read() as connection:
        key = (document_id, data.stamp(connection, document_id))
        record = state.records.get(key, lambda: data.record(connection, document_id))
    span = (start, end) if start is not None and end is not None else None
    return HTMLResponse(state.pages.get((*key, span), lambda: _reader_page(record, span)))


def _reader_page(record: Record, span: tuple[int, int] | None) -> str:
    extra = []
    if span is not None:
        start, end = span
        if not start < end <= len(record.document.text):
            raise SpanError("the span is not inside the document", f"{start}-{end}",
                            f"give 0 <= start < end <= {len(record.document.text)}")
        extra.append(Mark(start, end, "m-hit", "hit", "the evidence you followed"))
    highlighted = record.document.text[span[0]:span[1]] if span is not None else ""
    return render("reader.html.j2", d=brief_document(record, extra=extra), highlighted=highlighted)
