"""Export the corpus as Parquet, one file per table, for DuckDB, Polars or Spark users."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from onrecord.errors import CorpusError

# Each table with the columns exported; offsets are character offsets into documents.text.
TABLES: dict[str, str] = {
    "documents": "rowid AS doc, id, title, source, date, year, language, format, words, text, record",
    "speakers": "doc, id, label, role, actor",
    "turns": "rowid AS turn, doc, id, speaker, kind, start, \"end\", question",
    "sentences": "rowid AS sentence, doc, turn, id, start, \"end\", text",
    "findings": "rowid AS finding, doc, layer, item, data",
    "spans": "finding, doc, layer, path, start, \"end\"",
}
_ROWS = 5_000  # rows per Parquet row group: memory stays flat on any corpus size
_INTEGERS = frozenset({"doc", "year", "words", "turn", "start", "end", "question", "sentence", "finding", "item"})


def export_parquet(connection: sqlite3.Connection, out: Path) -> list[Path]:
    """Write ``<table>.parquet`` in ``out`` for every table; layers are rows of findings and spans."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CorpusError(f"cannot create the output folder ({error.strerror})", str(out), "choose a writable path") from None
    written = []
    for table, columns in TABLES.items():
        cursor = connection.execute(f"SELECT {columns} FROM {table}")
        names = [column[0] for column in cursor.description]
        schema = pa.schema([(n, pa.int64() if n in _INTEGERS else pa.string()) for n in names])
        path = out / f"{table}.parquet"
        with pq.ParquetWriter(path, schema) as writer:
            while rows := cursor.fetchmany(_ROWS):
                writer.write_table(pa.Table.from_pylist([dict(zip(names, row, strict=True)) for row in rows], schema))
        written.append(path)
    return written
