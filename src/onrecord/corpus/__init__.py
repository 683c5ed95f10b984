"""The corpus: many Records in one SQLite file, and the ways to question them.

``Corpus(path).add(...)`` stores documents; ``ask``, ``search``, ``kwic``, ``keyness`` and ``timeline`` read
them through read-only connections, so they run while another process adds.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from onrecord.corpus.connection import DEFAULT_PATH, database_errors, open_reader, open_writer, snapshot
from onrecord.corpus.store import store, stored
from onrecord.readers.catalog import Entry

__all__ = ["DEFAULT_PATH", "AddResult", "Corpus"]


@dataclass
class AddResult:
    """What ``Corpus.add`` did: documents stored, skipped (same text stored already) and failed (with why).

    ``notes`` are the files a folder walk left out because their names say they describe the folder
    (README.txt, LICENSE); ``total`` counts the files read, not those. ``replaced`` are the files stored
    before with another text, whose old version this add replaced.
    """

    added: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    total: int = 0
    notes: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # sources whose stored text was replaced (counted in added)


Progress = Callable[[AddResult, str | None], None]
_Method = TypeVar("_Method", bound=Callable[..., Any])


def _guarded(method: _Method) -> _Method:
    """SQLite's errors in a corpus method (disk full, a file that is no corpus, a damaged one) as ``CorpusError``."""
    @functools.wraps(method)
    def guarded(self: Corpus, *args: Any, **kwargs: Any) -> Any:
        with database_errors(self.path):
            return method(self, *args, **kwargs)

    return cast(_Method, guarded)


class Corpus:
    """A corpus file. Opening is lazy: nothing touches the disk until a method needs it."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH) -> None:
        self.path = Path(path)
        self._writer: sqlite3.Connection | None = None
        self._reader: sqlite3.Connection | None = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections this object opened."""
        for connection in (self._writer, self._reader):
            if connection is not None:
                connection.close()
        self._writer = self._reader = None

    def writer(self) -> sqlite3.Connection:
        """The one writing connection (created and migrated on first use)."""
        if self._writer is None:
            self._writer = open_writer(self.path)
        return self._writer

    def reader(self) -> sqlite3.Connection:
        """A read-only connection, for this thread."""
        if self._reader is None:
            self._reader = open_reader(self.path)
        return self._reader

    @_guarded
    def add(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        workers: int = 1,
        scheduler: str | None = None,
        catalog: str | os.PathLike[str] | Mapping[str, Entry] | None = None,
        progress: Progress | None = None,
    ) -> AddResult:
        """Read, analyze and store files (folders are walked); each document is stored whole or not at all.

        A file whose text is stored already is skipped; a file that fails is recorded in ``failed`` and
        skipped. Walking a folder leaves out README, LICENSE and the like (``AddResult.notes``). ``catalog``: a CSV
        file that gives files their title, date, speaker and the country they speak for, or its entries
        (``read.catalog``); a file stored already with other metadata is stored again. ``progress`` is called
        after each file with the tally and the error, if any.
        """
        from onrecord.corpus.batch import expand, run
        from onrecord.corpus.lexical import store_stems
        from onrecord.corpus.store import fill
        from onrecord.corpus.vectors import BATCH, store_vectors
        from onrecord.corpus.voices import weigh_again
        from onrecord.readers.catalog import read_catalog

        expansion = expand(paths)
        entries = read_catalog(catalog) if isinstance(catalog, str | os.PathLike) else catalog
        result = AddResult(total=len(expansion.files) + len(expansion.errors), notes=expansion.notes)
        for folder, error in expansion.errors:  # a folder that cannot be walked is counted and named
            result.failed.append((folder, error))
            if progress is not None:
                progress(result, error)
        connection = self.writer()
        # Sentences stored before the corpus kept vectors or stems get them now.
        fill(connection, "sentence_vectors", store_vectors, batch=BATCH)
        fill(connection, "sentence_stems", store_stems, batch=5 * BATCH)
        for outcome in run(expansion.files, stored(connection), workers=workers, scheduler=scheduler,
                           catalog=entries):
            kept = store(connection, outcome.record, outcome.vectors) if outcome.record is not None else None
            if kept:
                result.added += 1
                if kept == "replaced":
                    result.replaced.append(outcome.path)
            elif outcome.error is not None:
                result.failed.append((outcome.path, outcome.error))
            else:
                result.skipped += 1
            if progress is not None:
                progress(result, outcome.error)
        weigh_again(connection)  # voices are weighed against the corpus, which changed
        return result

    @_guarded
    def ask(self, question: str, *, k: int = 5) -> dict[str, Any]:
        """The best evidence for a question: verbatim sentences, best first (``ask --json`` shape)."""
        from onrecord.ask import ask

        with snapshot(self.reader()) as connection:
            return ask(connection, question, k=k)

    @_guarded
    def search(self, query: str, *, raw: bool = False, limit: int = 20) -> list[dict[str, Any]]:
        """Sentences matching a full-text query, best first; FTS5 syntax only when ``raw``."""
        from onrecord.corpus.search import search

        with snapshot(self.reader()) as connection:
            return search(connection, query, raw=raw, limit=limit)

    @_guarded
    def kwic(self, term: str, *, window: int = 6, limit: int = 50) -> list[dict[str, Any]]:
        """Keyword in context: each sentence where ``term`` occurs, split into left, keyword, right."""
        from onrecord.corpus.search import kwic

        with snapshot(self.reader()) as connection:
            return kwic(connection, term, window=window, limit=limit)

    @_guarded
    def keyness(self, target: str, *, by: str = "document", limit: int = 20) -> list[dict[str, Any]]:
        """Words the target (a document id or title, a speaker, or a year range) uses distinctively."""
        from onrecord.corpus.stats import keyness

        with snapshot(self.reader()) as connection:
            return keyness(connection, target, by=by, limit=limit)

    @_guarded
    def timeline(self, actor: str) -> list[dict[str, Any]]:
        """Mentions (and stance, when analyzed) of an actor per document and speaker, in date order."""
        from onrecord.corpus.stats import timeline

        with snapshot(self.reader()) as connection:
            return timeline(connection, actor)

    @_guarded
    def exchanges(self, *, clarity: str | None = None, actor: str | None = None, speaker: str | None = None,
                  limit: int = 50) -> list[dict[str, Any]]:
        """The questions of the corpus's exchanges with how they were answered (clarity, technique, evidence),
        filtered by clarity, the actor talked about and the speaker who answers."""
        from onrecord.corpus.exchanges import exchanges

        with snapshot(self.reader()) as connection:
            return exchanges(connection, clarity=clarity, actor=actor, speaker=speaker, limit=limit)

    @_guarded
    def export_parquet(self, out: str | os.PathLike[str]) -> list[Path]:
        """Write every table and layer as Parquet files in folder ``out``; return the files written."""
        from onrecord.corpus.export import export_parquet

        with snapshot(self.reader()) as connection:
            return export_parquet(connection, Path(out))
