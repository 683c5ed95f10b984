"""JSON Lines: one Record (schema ``onrecord/record@1``) per line, for jq, pandas and DuckDB."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.errors import ExportError
from onrecord.export import ensure_parent
from onrecord.record import Record, from_json, to_json


def write_jsonl(records: Iterable[Record], out: Path) -> list[Path]:
    """Write one Record per line to the file ``out``."""
    ensure_parent(out)
    try:
        with out.open("w", encoding="utf-8", newline="\n") as handle:
            for record in records:
                handle.write(to_json(record, indent=None) + "\n")
    except OSError as error:
        raise ExportError(f"cannot write the export ({error.strerror})", str(out), "choose a writable path") from None
    return [out]


def read_jsonl(path: Path) -> Iterator[Record]:
    """The Records of a file ``write_jsonl`` wrote, one at a time."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield from_json(line)
    except OSError as error:
        raise ExportError(f"cannot read the file ({error.strerror})", str(path), "give a JSONL file") from None
