"""A catalog: a CSV table that says, file by file, what the files themselves do not (quanteda's docvars).

One row per file, with a header; ``file`` is required (a path relative to the catalog's folder, or absolute), the
other columns are optional and an empty cell says nothing: ``title``, ``date`` (YYYY-MM-DD), ``speaker`` (who
speaks, for a speech without speaker labels) and ``speaks_for`` (the country whose words these are: a speech at
the UN, an official's interview). Other columns are left alone, so a catalog kept for other tools can serve.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, fields
from pathlib import Path

from onrecord.errors import ReadError
from onrecord.readers.metadata import valid_date

MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Entry:
    """What a catalog says of one file; None where it says nothing."""

    title: str | None = None
    date: str | None = None
    speaker: str | None = None
    speaks_for: str | None = None


COLUMNS = tuple(f.name for f in fields(Entry))


def read_catalog(path: str | os.PathLike[str]) -> dict[str, Entry]:
    """The entries of a catalog file, by each file's resolved path; ``ReadError`` names the row that is wrong."""
    name = str(path)
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise ReadError(f"a catalog over {MAX_BYTES:,} bytes", name, "split it")
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReadError("no such catalog", name, "check the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReadError(f"the catalog cannot be read ({error})", name, "give a CSV file in UTF-8") from None
    rows = csv.DictReader(io.StringIO(text, newline=""))  # a quoted cell may hold a line break
    header = [column.strip() for column in rows.fieldnames or ()]
    if "file" not in header:
        raise ReadError("the catalog has no 'file' column", name, f"give a header: file,{','.join(COLUMNS)}")
    if not set(header) & set(COLUMNS):
        raise ReadError("the catalog says nothing of its files", name, f"add one of the columns {', '.join(COLUMNS)}")
    folder = file.resolve().parent
    entries: dict[str, Entry] = {}
    for line, row in enumerate(rows, start=2):
        # A cell's line breaks and runs of spaces are one space ("Siaosi ’Ofakivahafolau\nSovaleni"); a path's are kept.
        cells = {key.strip(): (value or "").strip() if key.strip() == "file" else " ".join((value or "").split())
                 for key, value in row.items() if isinstance(key, str)}
        if not cells.get("file"):
            raise ReadError(f"row {line} of the catalog names no file", name, "give each row a file")
        date = cells.get("date") or None
        if date is not None and valid_date(date) is None:
            raise ReadError(f"row {line} of the catalog {name} has a date that is not YYYY-MM-DD", date,
                            "write it as 2023-09-21")
        entries[resolved(folder / cells["file"])] = Entry(**{column: cells.get(column) or None for column in COLUMNS})
    return entries


def resolved(path: str | os.PathLike[str]) -> str:
    """The key a file has in a catalog: its absolute path, links resolved."""
    return str(Path(path).resolve())
