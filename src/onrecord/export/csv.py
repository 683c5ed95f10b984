"""CSV: one file per layer, one row per finding (actor mentions and list items have files of their own).

Columns are the finding's fields flattened with dots (``source.span.start``); lists that are not exploded
into their own file are written as JSON. Every row starts with the document id.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
("CSV injection"), and document text is untrusted. By default a text cell that starts with one of these, or
with ``'``, is written with a ``'`` in front, which spreadsheets show as text; the rule is exact both ways,
so ``unescape`` (drop one leading ``'``) gives back the verbatim text of any cell. Offsets and numbers are
never changed. ``excel_safe=False`` writes every cell verbatim, for programs only.
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

# What makes a spreadsheet read a cell as a formula (OWASP, CSV injection); the quote itself so that unescape is exact.
FORMULA = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: text starting with a formula character or a quote gets a quote in front."""
    if isinstance(value, str) and value.startswith((*FORMULA, QUOTE)):
        return QUOTE + value
    return value


def unescape(cell: str) -> str:
    """The verbatim text of a cell ``write_csv`` wrote spreadsheet-safe (the default): one leading quote dropped."""
    return cell[len(QUOTE):] if cell.startswith(QUOTE) else cell


def write_csv(records: Iterable[Record], out: Path, *, excel_safe: bool = True) -> list[Path]:
    """Write ``<layer>.csv`` files in the folder ``out`` (plus ``mentions.csv`` and ``items.csv``).

    ``excel_safe`` (the default) quotes text cells a spreadsheet would run as formulas; ``False`` keeps them verbatim.
    """
    tables: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for table, rows in rows_of(record).items():
            tables.setdefault(table, []).extend(rows)
    written = []
    for table, rows in tables.items():
        path = out / f"{table}.csv"
        _write(path, [_safe(row) for row in rows] if excel_safe else rows)
        written.append(path)
    return written


def _safe(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


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
