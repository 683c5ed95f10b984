"""The command line's app and what its commands share: the ``Error:`` line, output to a file or the terminal."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from onrecord.errors import OnrecordError
from onrecord.record import Record

app = typer.Typer(
    name="onrecord",
    help="Turn interviews, press conferences, debates and speeches into a cited, structured record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(shown: bool) -> None:
    if shown:
        from importlib.metadata import version

        print(f"onrecord {version('onrecord')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print onrecord's version and exit.")] = False,
) -> None:
    """Turn interviews, press conferences, debates and speeches into a cited, structured record."""


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one ``Error:`` line on stderr and exit."""
    report(message)
    raise typer.Exit(code)


def report(error: OnrecordError | str) -> None:
    """Print one ``Error:`` line on stderr, on one line whatever the message holds (a file name's stray bytes,
    its line breaks)."""
    line = " ".join(f"Error: {error}".split())
    print(line.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


def brief(kind: str, records: list[Record]) -> str:
    if kind == "html":
        from onrecord.view.brief import brief_html

        return brief_html(records)
    from onrecord.view.brief_md import brief_markdown

    return brief_markdown(records)


def emit(payload: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(payload)
        return
    try:
        out.write_text(payload, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write the output ({error.strerror}), {out}, choose a writable path")
