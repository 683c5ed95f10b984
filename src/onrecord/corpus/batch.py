"""Turn files into Records in batches: in this process, in worker processes, or on a Dask cluster.

Workers read and analyze; only the caller writes to the corpus (SQLite has one writer).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from onrecord.deadline import deadline, limit_for
from onrecord.errors import CorpusError, OnrecordError, unexpected
from onrecord.readers import shown_name
from onrecord.readers.catalog import COLUMNS, Entry, resolved
from onrecord.record import Record

# What the corpus knows of each stored document, by id: its title, date, sole speaker and the country it speaks
# for, as a catalog would give them (``store.stored``).
Known = Mapping[str, Entry]

# Documents per task: enough for spaCy's batching, small enough that progress moves and memory stays flat.
CHUNK = 4
_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".srt",
                       ".vtt", ".json"})
# Files that describe a folder rather than belong to it (README.txt beside 4,841 speeches): left out when a
# folder is walked, whatever their extension; named on their own, they are added like any file.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "copying", "notice", "authors", "contributors",
                          "contributing", "changelog", "changes", "history", "news", "install", "citation",
                          "manifest", "todo"})


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its Record, or that it was stored already, or why it failed."""

    path: str
    record: Record | None = None
    skipped: bool = False
    error: str | None = None
    vectors: dict[str, bytes] | None = None  # the record's sentence vectors, by sentence id (``vectors.pack``)


@dataclass(frozen=True)
class Expansion:
    """The files a list of paths stands for, the folder notes (README, LICENSE...) left out, and the folders
    that could not be walked, with why (path, reason): failures to count, never files silently missed."""

    files: list[str]
    notes: list[str]
    errors: list[tuple[str, str]] = field(default_factory=list)


def expand(paths: Iterable[str | os.PathLike[str]]) -> Expansion:
    """Files as named, and every transcript file (by extension) under each folder, sorted, but folder notes."""
    expansion = Expansion([], [])
    for path in paths:
        entry = Path(path)
        if entry.is_dir():
            _walk(entry, expansion)
        else:
            expansion.files.append(str(entry))
    return expansion


def _walk(folder: Path, expansion: Expansion) -> None:
    def refused(error: OSError) -> None:
        where = shown_name(error.filename or folder)
        expansion.errors.append((where, f"cannot be walked ({error.strerror or error}), {where}, "
                                        "check the folder's permissions"))

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=refused):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(root, name) for name in names)
    for file in sorted(found):
        # Not only regular files: a pipe or a device named like a transcript is read, and refused, by name.
        if file.suffix.lower() in _SUFFIXES and not file.name.startswith(".") and not file.is_dir():
            (expansion.notes if is_folder_note(file) else expansion.files).append(str(file))


def is_folder_note(path: Path) -> bool:
    """Whether a file's name says it describes its folder: README, LICENSE.md, CHANGELOG.txt, ..."""
    return path.name.split(".")[0].lower() in FOLDER_NOTES


_KNOWN: Known = {}


def _remember(known: Known) -> None:
    """Worker-process initializer: what the corpus knows of its documents, sent once rather than with every task."""
    global _KNOWN
    _KNOWN = known


def analyze_paths(paths: Sequence[str], known: Known | None = None, catalog: Mapping[str, Entry] | None = None
                  ) -> list[Outcome]:
    """Read and analyze ``paths``; a file that fails becomes an Outcome with its error, not an exception.
    ``catalog``: what a catalog says of them, by resolved path (``read.catalog``)."""
    from onrecord.pipeline import analyze_sources
    from onrecord.readers import read
    from onrecord.record import document_id

    known = _KNOWN if known is None else known
    outcomes: dict[str, Outcome] = {}
    sources = []
    read_paths = []
    for path in paths:
        entry = catalog.get(resolved(path)) if catalog else None
        try:
            source = read(path, **vars(entry)) if entry is not None else read(path)
        except OnrecordError as error:
            outcomes[path] = Outcome(path, error=str(error))
            continue
        if stored_as(known.get(document_id(source.text)), entry):
            outcomes[path] = Outcome(path, skipped=True)
        else:
            sources.append(source)
            read_paths.append(path)
    # A source is named as shown (a file name's stray bytes as U+FFFD); its outcome goes to the path as given.
    given = {source.path: path for source, path in zip(sources, read_paths, strict=True)}
    try:
        with deadline(sum(limit_for(len(source.text)) for source in sources), ", ".join(given)):
            for record in analyze_sources(sources):
                outcomes[given[record.document.source]] = _analyzed(record)
    except Exception:  # one bad document must not lose the others: redo them one at a time, each with its limit
        for source in sources:
            if given[source.path] not in outcomes:
                outcomes[given[source.path]] = _analyze_one(source)
    return [outcomes[path] for path in paths if path in outcomes]


def stored_as(stored: Entry | None, entry: Entry | None) -> bool:
    """Whether a document stored as ``stored`` (None: not stored) is what a file with the catalog ``entry`` (None:
    not in the catalog) would store: the same text, and what the catalog says of it."""
    if stored is None:
        return False
    return entry is None or all(getattr(entry, c) in (None, getattr(stored, c)) for c in COLUMNS)


def _analyzed(record: Record) -> Outcome:
    """A record's outcome, with its sentence vectors: embedding them here, in the workers, spares the writer."""
    from onrecord.corpus.vectors import sentence_vectors

    return Outcome(record.document.source, record=record, vectors=sentence_vectors(record))


def _analyze_one(source: Any) -> Outcome:
    from onrecord.pipeline import analyze_source

    try:
        return _analyzed(analyze_source(source))
    except OnrecordError as error:  # a crash in one analysis is that document's failure, reported and skipped
        return Outcome(source.path, error=str(error))
    except Exception as error:  # embedding its sentences failed
        return Outcome(source.path, error=f"cannot be stored ({unexpected(error)}), {source.path}, "
                                          "report it with the file attached")


def run(
    files: Sequence[str], known: Known, *, workers: int = 1, scheduler: str | None = None,
    catalog: Mapping[str, Entry] | None = None,
) -> Iterator[Outcome]:
    """Outcomes for ``files``, as workers finish them (not in order when there are several workers); ``catalog``
    says what the files do not (``read.catalog``), each task takes its files' entries along.

    Several workers take the largest files first, so that the last tasks are short and no worker waits long
    for the others at the end (longest processing time first).
    """
    chunks = tasks(files, largest_first=workers > 1 or scheduler is not None)
    catalog = catalog or {}
    if scheduler is not None:
        yield from _run_dask(chunks, known, scheduler, catalog)
    elif workers <= 1:
        for chunk in chunks:
            yield from analyze_paths(chunk, known, _entries(catalog, chunk))
    else:
        yield from _in_processes(chunks, known, catalog, workers)


def _in_processes(chunks: list[list[str]], known: Known, catalog: Mapping[str, Entry], workers: int
                  ) -> Iterator[Outcome]:
    """Outcomes from a pool of worker processes. A worker that dies (killed, or out of memory) breaks the pool:
    the files it had not finished go again in a fresh pool, one at a time, so that a file that kills its worker
    again is named and the others are analyzed."""
    context = multiprocessing.get_context("spawn")  # fork would copy the caller's threads and locks
    depth = 2 * workers
    while chunks:
        seen: set[str] = set()
        with cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_remember, initargs=(known,)) as pool:
            try:
                for outcome in _drain(chunks, lambda chunk: pool.submit(analyze_paths, chunk, None,
                                                                        _entries(catalog, chunk)), _first_done, depth):
                    seen.add(outcome.path)
                    yield outcome
                return
            except BrokenProcessPool:
                left = [path for chunk in chunks for path in chunk if path not in seen]
        if depth == 1 and left:  # one file was in flight: it is the one that killed its worker
            yield Outcome(left[0], error=f"its analysis stopped (the worker process died: killed, or out of "
                                         f"memory), {left[0]}, try it alone or with a lower --max-bytes")
            left = left[1:]
        chunks, depth = [[path] for path in left], 1


def _entries(catalog: Mapping[str, Entry], chunk: list[str]) -> dict[str, Entry]:
    """The catalog entries of a task's files, which travel with the task."""
    keys = (resolved(path) for path in chunk) if catalog else ()
    return {key: catalog[key] for key in keys if key in catalog}


def tasks(files: Sequence[str], *, largest_first: bool = False) -> list[list[str]]:
    """``files`` cut into tasks of ``CHUNK``, in order or the largest files first."""
    ordered = sorted(files, key=lambda path: -_size(path)) if largest_first else list(files)
    return [ordered[i : i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # reported by the worker that tries to read it
        return 0


def _first_done(pending: set[Any]) -> tuple[set[Any], set[Any]]:
    done, rest = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
    return set(done), set(rest)


def _drain(
    chunks: list[list[str]], submit: Callable[[list[str]], Any],
    wait: Callable[[set[Any]], tuple[set[Any], set[Any]]], depth: int,
) -> Iterator[Outcome]:
    """Keep ``depth`` tasks in flight, so memory holds a few results, never the whole batch."""
    queue = iter(chunks)
    pending = {submit(chunk) for chunk in islice(queue, depth)}
    while pending:
        done, pending = wait(pending)
        for future in done:
            yield from future.result()
            following = next(queue, None)
            if following is not None:
                pending.add(submit(following))


def _run_dask(chunks: list[list[str]], known: Known, scheduler: str, catalog: Mapping[str, Entry]
              ) -> Iterator[Outcome]:
    try:
        from distributed import Client, wait
    except ImportError:
        raise CorpusError("dask.distributed is not installed", scheduler, "pip install distributed") from None
    try:
        client = Client(scheduler, timeout=10)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise CorpusError(f"cannot reach the Dask scheduler ({error})", scheduler,
                          "start it with: dask scheduler, or check the address") from None
    with client:
        # scatter takes a list as many items: wrap the mapping so that it travels, once per worker, as one.
        [shared] = client.scatter([known], broadcast=True)  # type: ignore[no-untyped-call]
        workers = max(len(client.scheduler_info().get("workers", {})), 1)

        def first(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            result = wait(list(pending), return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
            return set(result.done), set(result.not_done)

        yield from _drain(chunks, lambda chunk: client.submit(analyze_paths, chunk, shared, _entries(catalog, chunk),
                                                              pure=False), first, 2 * workers)
