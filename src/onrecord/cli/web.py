"""The commands that show records to people: serve (the web reader) and report (a brief of stored documents)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from onrecord.cli.app import OutputFormat, app, brief, emit, fail
from onrecord.defaults import DEFAULT_CORPUS as DEFAULT_PATH
from onrecord.errors import OnrecordError, WebError

LOCAL = "127.0.0.1"


@app.command()
def report(
    documents: Annotated[list[str] | None, typer.Argument(help="Document ids (or titles); all documents if none.")] = None,
    corpus: Annotated[Path, typer.Option("--corpus", help="The corpus file (SQLite).")] = Path(DEFAULT_PATH),
    output_format: Annotated[OutputFormat, typer.Option("--format", help="Brief format: html or md.")] = OutputFormat.html,
    out: Annotated[Path | None, typer.Option("--out", help="Write the brief to this file instead of the terminal.")] = None,
) -> None:
    """Write the brief (HTML or Markdown) of documents stored in the corpus."""
    from onrecord.export import records_of

    if output_format not in (OutputFormat.html, OutputFormat.md):
        fail(f"a report is a brief, {output_format.value!r}, choose --format html or md", 2)
    wanted = set(documents or ())
    try:
        records = [r for r in records_of(corpus) if not wanted or wanted & {r.document.id, r.document.title}]
    except OnrecordError as error:
        fail(str(error))
    if not records:
        fail(f"no stored document matches, {', '.join(sorted(wanted)) or corpus}, list them with onrecord search")
    emit(brief(output_format.value, records), out)


def check_host(host: str, *, explicit: bool) -> None:
    """Refuse a non-loopback address unless the user typed ``--host`` themselves."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not explicit:
        raise WebError("refusing to serve beyond this machine", host, f"pass --host {host} explicitly to allow it")


@app.command()
def serve(
    corpus: Annotated[Path, typer.Option("--corpus", help="The corpus file (SQLite).")] = Path(DEFAULT_PATH),
    host: Annotated[str | None, typer.Option("--host", help="Address to bind (default 127.0.0.1); a non-loopback "
                                             "address is served only when given here.")] = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="A further name the reader is reached "
                                                         "by (the Host header), beside the bound address.")] = None,
) -> None:
    """Serve the web reader of a corpus (documents, reader, ask, actors) on this machine."""
    import os
    import sys

    import uvicorn

    from onrecord.web.app import LOOPBACK_HOSTS, create_app

    if host is not None and not host.strip():
        fail("--host is empty, '', give the address to bind (127.0.0.1 for this machine only)", 2)
    address = host or os.environ.get("ONRECORD_HOST") or LOCAL
    try:
        check_host(address, explicit=host is not None)
        application = create_app(corpus, hosts=(*LOOPBACK_HOSTS, address, *(allow_host or ())))
    except OnrecordError as error:
        fail(str(error))
    if address not in (LOCAL, "localhost"):
        print(f"Warning: serving on {address}: anyone who can reach this address can read the corpus"
              " (it answers to the names given with --allow-host)", file=sys.stderr)
    print(f"onrecord: serving {corpus} on http://{address}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(application, host=address, port=port, log_level="warning")
