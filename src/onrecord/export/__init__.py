"""Exports to analysts' tools: one module per format, each with a ``write_<format>(records, out)``.

``EXPORTS`` maps a format name to its writer; ``records_of`` streams the Records stored in a corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from onrecord.corpus.store import record_of
from onrecord.errors import ExportError
from onrecord.record import Record

Writer = Callable[[Iterable[Record], Path], list[Path]]


def _writers() -> dict[str, Writer]:
    from onrecord.export.csv import write_csv
    from onrecord.export.jsonl import write_jsonl
    from onrecord.export.qdpx import write_qdpx
    from onrecord.export.webanno import write_webanno

    return {"qdpx": write_qdpx, "jsonl": write_jsonl, "csv": write_csv, "webanno": write_webanno}


FORMATS = ("qdpx", "jsonl", "csv", "webanno")


def export(records: Iterable[Record], format: str, out: str | os.PathLike[str], *, excel_safe: bool = True) -> list[Path]:
    """Write ``records`` in ``format`` to ``out``; return the files written.

    ``excel_safe=False`` writes csv cells verbatim even where a spreadsheet would run them as formulas
    (see ``onrecord.export.csv``); the other formats are always verbatim.
    """
    writers = _writers()
    if format not in writers:
        raise ExportError("unknown export format", repr(format), f"choose one of {', '.join(FORMATS)}")
    if format == "csv":
        from onrecord.export.csv import write_csv

        return write_csv(records, Path(out), excel_safe=excel_safe)
    return writers[format](records, Path(out))


def records_of(corpus: str | os.PathLike[str]) -> Iterator[Record]:
    """Every Record stored in a corpus file, in the order they were added, one at a time."""
    from onrecord.corpus.connection import open_reader

    connection = open_reader(Path(corpus))
    try:
        rowid = 0
        while True:
            row = connection.execute("SELECT rowid, id FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 1",
                                     (rowid,)).fetchone()
            if row is None:
                return
            rowid = row[0]
            record = record_of(connection, row[1])
            if record is not None:
                yield record
    finally:
        connection.close()


def ensure_parent(path: Path) -> None:
    """Create the folder ``path`` goes in, or say why it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create the output folder ({error.strerror})", str(path.parent),
                          "choose a writable path") from None

