"""Commands on documents: analyze (a file's Record, shown or written) and evaluate (scores against gold)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from onrecord.cli.app import OutputFormat, app, brief, emit, fail, report
from onrecord.defaults import DEFAULT_MAX_BYTES
from onrecord.errors import OnrecordError
from onrecord.evaluate import TASKS, evaluation
from onrecord.record import Record


@app.command()
def analyze(
    files: Annotated[list[Path], typer.Argument(help="Transcript files: txt, md, html, pdf, docx, srt, vtt, json.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the Record as JSON (same as --format json).")] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="Output: text, json, or a brief in md or html.")] = OutputFormat.text,
    out: Annotated[Path | None, typer.Option("--out", help="Write the output to this file instead of the terminal.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse files larger than this.", min=1)] = DEFAULT_MAX_BYTES,
    title: Annotated[str | None, typer.Option(help="Title of the document, over what the file says.")] = None,
    date: Annotated[str | None, typer.Option(help="Date of the document, YYYY-MM-DD.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Who speaks, for a speech without speaker labels.")] = None,
    speaks_for: Annotated[str | None, typer.Option(help="The country whose words these are.")] = None,
    kb: Annotated[Path | None, typer.Option("--kb", help="Knowledge base of actors (YAML) that extends the bundled one.")] = None,
) -> None:
    """Analyze transcript files and show (or write) their Records."""
    from onrecord.pipeline import analyze as analyze_file
    from onrecord.readers.metadata import valid_date

    if date is not None and valid_date(date) is None:
        fail(f"--date is not a date, {date!r}, give it as YYYY-MM-DD", 2)
    as_json = json_output or output_format is OutputFormat.json
    live = not as_json and output_format is OutputFormat.text and out is None
    records = []
    failed = 0
    for file in files:
        try:
            records.append(analyze_file(file, max_bytes=max_bytes, title=title, date=date, speaker=speaker,
                                        speaks_for=speaks_for, kb=kb))
        except OnrecordError as error:
            report(error)
            failed += 1
            continue
        if live:  # show each record as soon as it is ready; a long batch shows progress
            from onrecord.view.terminal import show

            show(records[-1], Console(highlight=False))
    if not live:
        _output(records, OutputFormat.json if as_json else output_format, out, several=len(files) > 1)
    if failed:
        raise typer.Exit(1)


def _output(records: list[Record], output_format: OutputFormat, out: Path | None, *, several: bool) -> None:
    """Write the records as JSON (one record, or a list for several files), a brief, or the text view."""
    from onrecord.record import to_dict, to_json

    if output_format is OutputFormat.json:
        import json

        if several:
            emit(json.dumps([to_dict(r) for r in records], ensure_ascii=False, indent=2, allow_nan=False) + "\n", out)
        elif records:
            emit(to_json(records[0]) + "\n", out)
    elif output_format in _BRIEFS:
        if records:
            emit(brief(_BRIEFS[output_format], records), out)
    elif out is not None:
        _write_text(records, out)


_BRIEFS = {OutputFormat.md: "md", OutputFormat.html: "html"}


def _write_text(records: list[Record], out: Path) -> None:
    from onrecord.view.terminal import show

    try:
        with out.open("w", encoding="utf-8") as handle:
            console = Console(file=handle, width=120, highlight=False, color_system=None)
            for record in records:
                show(record, console)
    except OSError as error:
        fail(f"cannot write the output ({error.strerror}), {out}, choose a writable path")


@app.command()
def evaluate(
    task: Annotated[str, typer.Argument(help=f"What to score: {', '.join(TASKS)}.")],
    data: Annotated[Path, typer.Argument(help="Gold data: a file or folder (see the README for each task).")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score onrecord against gold data and print the figures."""
    if task not in TASKS:
        fail(f"unknown evaluation task, {task!r}, choose one of {', '.join(TASKS)}", 2)
    scoring = evaluation(task)
    try:
        result = scoring.run(data)
    except OnrecordError as error:
        fail(str(error))
    if json_output:
        import json

        print(json.dumps(result, indent=2))
    else:
        scoring.show(result, Console(highlight=False))
