"""The FastAPI app: pages by noun (documents, ask, actors), errors as HTML pages, htmx served locally."""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from onrecord.corpus.connection import failure, open_reader
from onrecord.errors import CorpusError, OnrecordError, WebError
from onrecord.record import Record
from onrecord.view.text import visible_value
from onrecord.web.cache import LRU

STATIC = Path(__file__).parent / "static"
RECORDS = 8  # decoded records kept (the largest UN speech is a few MB decoded)
PAGES = 64  # rendered reader pages kept (plain or with a highlighted span; ~130 kB each for the largest)
HTMX_VERSION = "2.0.11"  # from the npm package htmx.org, licence 0BSD (static/htmx.LICENSE)
# No script, style or image from anywhere but this server; inline styles for the highlight colours.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


@functools.cache
def environment() -> jinja2.Environment:
    """The web pages' templates, with the brief's macros and stylesheet; autoescape always on."""
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("onrecord.web", "templates"),
                                  jinja2.PackageLoader("onrecord.view", "templates")])
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, finalize=visible_value, trim_blocks=True,
                              lstrip_blocks=True)


def render(template: str, **context: Any) -> str:
    """A template rendered to HTML text."""
    return environment().get_template(template).render(htmx=HTMX_VERSION, **context)


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered template as an HTML response."""
    return HTMLResponse(render(template, **context), status_code=status)


class Store:
    """The corpus file the app reads; one read-only connection per request (SQLite connections are per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        open_reader(path).close()  # fail now, not on the first request, when the corpus is missing or stale

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        connection = open_reader(self.path)
        try:
            yield connection
        finally:
            connection.close()


LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


def create_app(corpus: str | os.PathLike[str], *, hosts: Sequence[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The web reader of the corpus at ``corpus`` (which must exist), answering only requests addressed to one of
    ``hosts`` (the ``Host`` header): a web page elsewhere that rebinds its own name to this machine's address gets
    400, never the corpus."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from onrecord.web import actors, ask, documents, exchanges, search

    app = FastAPI(title="onrecord", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.state.store = Store(Path(corpus))
    # Stored records never change: decoding a large one and rendering its reader page is done once.
    app.state.records = LRU[Record](RECORDS)
    app.state.pages = LRU[str](PAGES)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (documents, ask, actors, search, exchanges):
        app.include_router(module.router)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(OnrecordError)
    async def onrecord_error(request: Request, error: OnrecordError) -> HTMLResponse:
        if isinstance(error, CorpusError):  # the server's corpus, not the request, is at fault
            return page("error.html.j2", 503, title="The corpus cannot be read", error=error)
        status = 404 if isinstance(error, WebError) else 400
        return page("error.html.j2", status, title="Not found" if status == 404 else "Bad request", error=error)

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_error(request: Request, error: sqlite3.DatabaseError) -> HTMLResponse:
        return await onrecord_error(request, failure(error, app.state.store.path))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> HTMLResponse:
        return page("error.html.j2", error.status_code, title=str(error.detail), error=None)

    return app
