"""Read-only queries the pages need; every value from a URL is a bound parameter, never SQL text."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from onrecord.corpus.store import record_of
from onrecord.errors import WebError
from onrecord.record import Record

LIMIT = 500  # documents on the corpus page


@dataclass(frozen=True)
class Filters:
    """What the corpus page is filtered by: a speaker label (substring) and a date range (YYYY or YYYY-MM-DD)."""

    speaker: str = ""
    since: str = ""
    until: str = ""


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def documents(connection: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """The documents matching the filters, by date then title, with their speakers and counts."""
    day = "coalesce(d.date, d.year || '-01-01')"
    rows = connection.execute(
        "SELECT d.id, d.title, d.date, d.year, d.words,"
        " (SELECT group_concat(s.label, char(31)) FROM speakers AS s WHERE s.doc = d.rowid),"
        " (SELECT count(*) FROM turns AS t WHERE t.doc = d.rowid AND t.kind = 'question'),"
        " (SELECT count(*) FROM findings AS f WHERE f.doc = d.rowid AND f.layer = 'actors'),"
        " (SELECT count(*) FROM findings AS f WHERE f.doc = d.rowid AND f.layer = 'attributions')"
        f" FROM documents AS d WHERE (?1 = '' OR EXISTS (SELECT 1 FROM speakers AS s WHERE s.doc = d.rowid"
        f" AND s.label LIKE ?2 ESCAPE '\\')) AND (?3 = '' OR {day} >= ?3) AND (?4 = '' OR substr({day}, 1, length(?4)) <= ?4)"
        " ORDER BY d.date IS NULL, d.date, d.year, d.title LIMIT ?5",
        (filters.speaker, _like(filters.speaker), filters.since, filters.until, LIMIT),
    ).fetchall()
    return [{"id": r[0], "title": r[1], "date": r[2] or (str(r[3]) if r[3] else ""), "words": r[4],
             "speakers": (r[5] or "").split("\x1f") if r[5] else [], "questions": r[6], "actors": r[7],
             "attributions": r[8]} for r in rows]


def record(connection: sqlite3.Connection, document_id: str) -> Record:
    """The stored Record of a document; ``WebError`` (a 404) when there is none."""
    found = record_of(connection, document_id)
    if found is None:
        raise WebError("no such document", document_id[:40], "go back to the corpus page and pick one")
    return found


def stamp(connection: sqlite3.Connection, document_id: str) -> tuple[int, int]:
    """What identifies the stored version of a document (row and record size), for caching; 404 when missing."""
    row = connection.execute("SELECT rowid, length(record) FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise WebError("no such document", document_id[:40], "go back to the corpus page and pick one")
    return int(row[0]), int(row[1])


def mentions(connection: sqlite3.Connection, name: str, *, limit: int = 200) -> list[dict[str, Any]]:
    """Where an actor (any of its names) is mentioned across the corpus: document, offsets, words used."""
    rows = connection.execute(
        "SELECT DISTINCT d.id, d.title, d.date, d.year, f.data FROM actor_names AS n"
        " JOIN findings AS f ON f.rowid = n.finding JOIN documents AS d ON d.rowid = n.doc"
        " WHERE n.actor IN (SELECT actor FROM actor_names WHERE name = lower(?)) ORDER BY d.date, d.year, d.title",
        (name,),
    ).fetchall()
    found: list[dict[str, Any]] = []
    for document, title, date, year, data in rows:
        for mention in json.loads(data).get("mentions", []):
            if len(found) < limit:
                found.append({"document": document, "title": title, "date": date or year, "span": mention["span"],
                              "form": mention["form"]})
    return found


def actors(connection: sqlite3.Connection, *, limit: int = LIMIT) -> list[dict[str, Any]]:
    """The actors of the corpus, those in the most documents first: name, type, and how many documents."""
    rows = connection.execute(
        "SELECT json_extract(f.data, '$.name'), json_extract(f.data, '$.type'), count(DISTINCT n.doc)"
        " FROM actor_names AS n JOIN findings AS f ON f.rowid = n.finding"
        " GROUP BY n.actor ORDER BY count(DISTINCT n.doc) DESC, json_extract(f.data, '$.name') LIMIT ?",
        (limit,),
    ).fetchall()
    return [{"name": name, "type": kind, "documents": count} for name, kind, count in rows if name]
