"""Corpus commands: add, ask, search, kwic, keyness, timeline, exchanges, export. Thin wrappers over ``Corpus``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from onrecord.cli.app import app, fail
from onrecord.defaults import DEFAULT_CORPUS as DEFAULT_PATH
from onrecord.errors import OnrecordError

if TYPE_CHECKING:
    from onrecord.corpus import AddResult, Corpus

CorpusOption = Annotated[Path, typer.Option("--corpus", help="The corpus file (SQLite).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@contextmanager
def _corpus(path: Path) -> Iterator[Corpus]:
    """The corpus at ``path``; a library error inside the block becomes one ``Error:`` line and exit 1."""
    from onrecord.corpus import Corpus  # on use: showing the commands loads no corpus code

    try:
        with Corpus(path) as corpus:
            yield corpus
    except OnrecordError as error:
        fail(str(error))


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _table(title: str, columns: list[str], rows: list[list[Any]], *, text: str | None = None) -> None:
    """Print rows as a table; the ``text`` column (quoted text) takes the width the others leave."""
    table = Table(title=title, show_lines=text is not None)
    for column in columns:
        table.add_column(column, overflow="fold", ratio=1 if column == text else None,
                         max_width=None if text is None or column == text else 24)
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    Console(highlight=False).print(table)


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Transcript files, or folders to walk.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    workers: Annotated[int, typer.Option("--workers", help="Processes that analyze in parallel.", min=1)] = 1,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler, tcp://HOST:PORT.")] = None,
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", help="CSV with columns file,title,date,speaker,speaks_for: what the files do not say.")] = None,
) -> None:
    """Read, analyze and store documents in the corpus; documents stored already are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from onrecord.readers.catalog import read_catalog

    console = Console(stderr=True, highlight=False)
    columns = (TextColumn("adding"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} documents/s"), TimeElapsedColumn())
    with _corpus(corpus) as store:
        entries = read_catalog(catalog) if catalog is not None else None  # a wrong catalog stops before any work
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("add", total=None, rate="0.0")

            def advance(result: AddResult, error: str | None) -> None:
                if error is not None:
                    console.print(f"Error: {error}", markup=False, soft_wrap=True)
                done = result.added + result.skipped + len(result.failed)
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, total=result.total, completed=done, rate=f"{done / elapsed:.1f}")

            result = store.add(files, workers=workers, scheduler=scheduler, catalog=entries, progress=advance)
    print(f"{result.added} added, {result.skipped} skipped (stored already), {len(result.failed)} failed: {corpus}")
    if result.replaced:
        shown = ", ".join(result.replaced[:3]) + (", ..." if len(result.replaced) > 3 else "")
        print(f"{len(result.replaced)} replaced (their text or catalog entry changed since they were stored): {shown}")
    if result.notes:
        shown = ", ".join(Path(note).name for note in result.notes[:3]) + (", ..." if len(result.notes) > 3 else "")
        print(f"{len(result.notes)} folder notes left out (README, LICENSE...; name them to add them): {shown}")
    if result.failed:
        raise typer.Exit(1)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain words.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    k: Annotated[int, typer.Option("-k", help="How many pieces of evidence.", min=1)] = 5,
    json_output: JsonOption = False,
) -> None:
    """Find the sentences that answer a question, quoted verbatim with their speaker and document (--json adds
    scores and offsets)."""
    with _corpus(corpus) as store:
        answer = store.ask(question, k=k)
    if json_output:
        _print_json(answer)
        return
    # What a reader needs at 80 columns: the rank, who said it where, and the words themselves.
    table = Table(title=question, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("who, where", max_width=22, overflow="fold")
    table.add_column("evidence", ratio=1, overflow="fold")
    for rank, evidence in enumerate(answer["evidence"], 1):
        source = Text(evidence["speaker"] or "", style="bold")
        source.append(f"\n{evidence['title']}", style="dim")
        table.add_row(str(rank), source, Text(" ".join(evidence["span"]["text"].split())))
    Console(highlight=False).print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them); FTS5 syntax with --raw.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    raw: Annotated[bool, typer.Option("--raw", help="Pass FTS5 query syntax through (OR, NEAR, prefix*).")] = False,
    limit: Annotated[int, typer.Option("--limit", help="How many sentences.", min=1)] = 20,
    json_output: JsonOption = False,
) -> None:
    """Full-text search over the corpus's sentences, best match first."""
    with _corpus(corpus) as store:
        hits = store.search(query, raw=raw, limit=limit)
    if json_output:
        _print_json({"query": query, "hits": hits})
        return
    rows = [[h["score"], h["title"], h["speaker"], f"{h['span']['start']}-{h['span']['end']}", h["span"]["text"]]
            for h in hits]
    _table(query, ["score", "document", "speaker", "offsets", "sentence"], rows, text="sentence")


@app.command()
def kwic(
    term: Annotated[str, typer.Argument(help="A word or phrase; end it with * for a prefix.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    window: Annotated[int, typer.Option("--window", help="Words of context on each side.", min=1)] = 6,
    limit: Annotated[int, typer.Option("--limit", help="How many lines.", min=1)] = 50,
    json_output: JsonOption = False,
) -> None:
    """Keyword in context: every occurrence of a term with the words around it in its sentence."""
    with _corpus(corpus) as store:
        lines = store.kwic(term, window=window, limit=limit)
    if json_output:
        _print_json({"term": term, "lines": lines})
        return
    _table(term, ["document", "offset", "left", "keyword", "right"],
           [[x["title"], x["span"]["start"], x["left"], x["keyword"], x["right"]] for x in lines])


@app.command()
def keyness(
    target: Annotated[str, typer.Argument(help="A document id or title, a speaker label, or years (2010-2015).")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    by: Annotated[str, typer.Option("--by", help="What TARGET names: document, speaker or year.")] = "document",
    limit: Annotated[int, typer.Option("--limit", help="How many words.", min=1)] = 20,
    json_output: JsonOption = False,
) -> None:
    """Words a document, speaker or period uses distinctively: log-likelihood (G2) and Log Ratio."""
    with _corpus(corpus) as store:
        terms = store.keyness(target, by=by, limit=limit)
    if json_output:
        _print_json({"target": target, "by": by, "terms": terms})
        return
    _table(f"keyness of {target}", ["term", "target", "reference", "G2", "log ratio"],
           [[t["term"], t["target"], t["reference"], t["g2"], t["log_ratio"]] for t in terms])


@app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help="An actor's name or alias, e.g. Israel.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    json_output: JsonOption = False,
) -> None:
    """Mentions (and stance, when analyzed) of an actor per document and speaker, in date order."""
    with _corpus(corpus) as store:
        rows = store.timeline(actor)
    if json_output:
        _print_json({"actor": actor, "timeline": rows})
        return
    # One "when" column: the day when the document gives it, else its year.
    _table(f"timeline of {actor}", ["when", "document", "speaks for", "speaker", "mentions", "stance"],
           [[r["date"] or r["year"], r["title"], r["speaks_for"], r["speaker"], r["mentions"],
             "" if r["stance"] is None else f"{r['stance']:+.2f}"] for r in rows])


@app.command()
def exchanges(
    clarity: Annotated[str | None, typer.Option("--clarity", help="Only answers of this clarity: reply, ambivalent or "
                                                "non-reply.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only exchanges that mention this actor (any name).")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only answers by this speaker (label or name).")] = None,
    corpus: CorpusOption = Path(DEFAULT_PATH),
    limit: Annotated[int, typer.Option("--limit", help="How many questions.", min=1)] = 50,
    json_output: JsonOption = False,
) -> None:
    """Questions and how they were answered: each question of an exchange with its clarity, technique and
    evidence, in date order, filtered by clarity, actor and answering speaker."""
    from onrecord.view.replies import verdict

    with _corpus(corpus) as store:
        found = store.exchanges(clarity=clarity, actor=actor, speaker=speaker, limit=limit)
    if json_output:
        _print_json({"clarity": clarity, "actor": actor, "speaker": speaker, "exchanges": found})
        return
    _table("exchanges", ["when", "document", "answerer", "question", "answer"],
           [[x["date"], x["title"], x["answerer"], x["question"]["text"],
             verdict(x["clarity"], x["evasion"], x["confidence"]) + ": "
             + " ".join(e["text"] for e in x["evidence"])] for x in found], text="answer")


@app.command()
def export(
    format: Annotated[str, typer.Argument(help="Output format: parquet, qdpx, jsonl, csv or webanno.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write: a folder (parquet, csv) or a file.")],
    corpus: CorpusOption = Path(DEFAULT_PATH),
    verbatim: Annotated[bool, typer.Option("--verbatim", help="csv: write text cells as they are, even those a "
                                           "spreadsheet would run as formulas (for programs, not spreadsheets).")] = False,
) -> None:
    """Export the corpus: parquet (one file per table), qdpx (REFI-QDA project), jsonl (one Record per line),
    csv (one file per layer; text a spreadsheet would run as a formula gets a leading ') or webanno
    (W3C Web Annotation JSON-LD)."""
    from onrecord.export import FORMATS, records_of
    from onrecord.export import export as export_records

    if format in FORMATS:
        try:
            written = export_records(records_of(corpus), format, out, excel_safe=not verbatim)
        except OnrecordError as error:
            fail(str(error))
        print(f"{_files(len(written))} written to {out}")
        return
    if format != "parquet":
        fail(f"unknown export format, {format!r}, choose parquet, {', '.join(FORMATS)}", 2)
    with _corpus(corpus) as store:
        written = store.export_parquet(out)
    print(f"{_files(len(written))} written to {out}")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
