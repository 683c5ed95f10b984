"""CSV: one file per layer, one row per finding (actor mentions and list items have files of their own).

Columns are the finding's fields flattened with dots (``source.span.start``); lists that are not exploded
into their own file are written as JSON. Every row starts with the document id. Cell text is verbatim:
a spreadsheet user who opens a file should keep formulas off (text that starts with ``=`` stays text).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from onrecord.errors import ExportError
from onrecord.export import ensure_parent
from onrecord.record import Record, to_dict


def write_csv(records: Iterable[Record], out: Path) -> list[Path]:
    """Write ``<layer>.csv`` files in the folder ``out`` (plus ``mentions.csv`` and ``items.csv``)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for table, rows in rows_of(record).items():
            tables.setdefault(table, []).extend(rows)
    written = []
    for table, rows in tables.items():
        path = out / f"{table}.csv"
        _write(path, rows)
        written.append(path)
    return written


def rows_of(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table for one record; every layer has its table, empty or not."""
    data = to_dict(record)
    document = {k: v for k, v in data["document"].items() if k != "text"}
    tables: dict[str, list[dict[str, Any]]] = {"documents": [document | {"characters": len(record.document.text)}]}
    doc = record.document.id
    for name in (f.name for f in fields(record)):
        if name in ("document", "schema"):
            continue
        tables[name] = [{"document": doc} | _flatten(item, exploded=name) for item in data[name]]
    tables["mentions"] = [{"document": doc, "actor": a["id"], "name": a["name"]} | _flatten(m)
                          for a in data["actors"] for m in a["mentions"]]
    tables["items"] = [{"document": doc, "enumeration": e["id"], "label": e["label"]} | row
                       for e in data["enumerations"] for row in _items(e["items"], "")]
    return tables


def _items(items: list[dict[str, Any]], prefix: str) -> Iterator[dict[str, Any]]:
    for item in items:
        number = f"{prefix}{item['ordinal']}"
        yield {"number": number, "depth": number.count(".") + 1} | _flatten(item["span"], "span.")
        yield from _items(item["children"], f"{number}.")


# Lists that have a table of their own are summarised by their length in their parent's table.
_EXPLODED = {("actors", "mentions"), ("enumerations", "items")}


def _flatten(value: dict[str, Any], prefix: str = "", exploded: str = "") -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, inner in value.items():
        name = f"{prefix}{key}"
        if isinstance(inner, dict):
            row |= _flatten(inner, f"{name}.")
        elif isinstance(inner, list) and (exploded, key) in _EXPLODED:
            row[f"{name}.count"] = len(inner)
        elif isinstance(inner, list):
            row[name] = json.dumps(inner, ensure_ascii=False)
        else:
            row[name] = inner
    return row


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    ensure_parent(path)
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns) or ["document"])
            writer.writeheader()
            writer.writerows(rows)
    except OSError as error:
        raise ExportError(f"cannot write the export ({error.strerror})", str(path), "choose a writable path") from None
