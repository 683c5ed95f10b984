"""Write a Record into the corpus tables: one document, one transaction, whatever layers it has."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from onrecord.corpus.transaction import immediate
from onrecord.corpus.voices import count_countries, weigh
from onrecord.readers.catalog import Entry
from onrecord.record import Record, from_dict, to_dict

# The layers every record has and the corpus keeps in their own tables; every other layer is generic.
CORE_LAYERS = frozenset({"schema", "document", "speakers", "turns", "exchanges", "sentences"})
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


# Each document's title, date, sole speaker (none when several speak) and the country it speaks for.
_STORED = ("SELECT d.id, d.title, d.date, (SELECT CASE WHEN count(*) = 1 THEN max(label) END FROM speakers"
           " WHERE doc = d.rowid), d.speaks_for FROM documents AS d")


def stored(connection: sqlite3.Connection, document_id: str | None = None) -> dict[str, Entry]:
    """What the corpus knows of every stored document (or of the one with this id: the hash of its text), by id,
    as a catalog would say it: ``add`` skips a file whose text and catalog entry are stored already."""
    where, parameters = (" WHERE d.id = ?", (document_id,)) if document_id is not None else ("", ())
    return {row[0]: Entry(*row[1:]) for row in connection.execute(_STORED + where, parameters)}


def _entry_of(record: Record) -> Entry:
    d = record.document
    sole = record.speakers[0].label if len(record.speakers) == 1 else None
    return Entry(d.title, d.date, sole, d.speaks_for)


def store(connection: sqlite3.Connection, record: Record, vectors: Mapping[str, bytes] | None = None) -> str | None:
    """Store ``record`` in one transaction: "added", or "replaced" when a document read from the same source
    (the path as given) with another text was there, which goes; None when the same text is stored already, with
    the same title, date, speaker and voice.

    A file whose text changed (edited, or read better by a newer onrecord: repaired mojibake) is the same
    document, so it replaces its old version rather than sit beside it; so does the same text with other
    metadata (a catalog gave its speaker). A process killed at any point leaves either the whole document or none
    of it, and the old version with it. ``vectors``: the sentences' packed vectors by sentence id, when a worker
    embedded them already (``vectors.sentence_vectors``); the others are embedded here.
    """
    with immediate(connection):
        known = stored(connection, record.document.id).get(record.document.id)
        if known == _entry_of(record):
            return None  # nothing written: the transaction ends empty
        old = connection.execute("DELETE FROM documents WHERE source = ? OR id = ? RETURNING rowid",
                                 (record.document.source, record.document.id)).fetchall()
        data = to_dict(record)
        doc = _insert_document(connection, record, data)
        turns = _insert_turns(connection, doc, record)
        _insert_sentences(connection, doc, record, turns, vectors or {})
        _insert_layers(connection, doc, data)
        count_countries(connection, doc)
        weigh(connection, [doc])
    return "replaced" if old else "added"


def fill(connection: sqlite3.Connection, table: str, keep: Callable[[sqlite3.Connection, dict[int, str]], None], *,
         batch: int) -> int:
    """Run ``keep`` (sentence rowid -> text, inside a transaction per ``batch``) over every sentence that has no
    row in ``table`` yet: what a corpus stored by an older onrecord lacks (vectors, stems). Returns how many."""
    done = 0
    while True:
        rows = connection.execute(
            f"SELECT s.rowid, s.text FROM sentences AS s LEFT JOIN {table} AS k ON k.rowid = s.rowid"
            " WHERE k.rowid IS NULL ORDER BY s.rowid LIMIT ?", (batch,)).fetchall()
        if not rows:
            return done
        with immediate(connection):
            keep(connection, dict(rows))
        done += len(rows)


def year_of(date: str | None, source: str) -> int | None:
    """The year of a document: from its date, else a year in its file name (``IRN_70_2015.txt``)."""
    if date:
        return int(date[:4])
    found = _YEAR.search(Path(source).name)
    return int(found.group(1)) if found else None


def _insert_document(connection: sqlite3.Connection, record: Record, data: dict[str, Any]) -> int:
    d = record.document
    cursor = connection.execute(
        "INSERT INTO documents (id, title, source, date, year, language, format, words, text, record, speaks_for)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (d.id, d.title, d.source, d.date, year_of(d.date, d.source), d.language, d.format, len(d.text.split()),
         d.text, _record_json(data), d.speaks_for),
    )
    doc = int(cursor.lastrowid or 0)
    connection.executemany(
        "INSERT INTO speakers (doc, id, label, role, actor) VALUES (?, ?, ?, ?, ?)",
        [(doc, s.id, s.label, s.role, s.actor) for s in record.speakers],
    )
    return doc


def _record_json(data: dict[str, Any]) -> str:
    """The record (``to_dict``) as JSON without ``document.text`` (stored once, in its own column)."""
    document = {key: value for key, value in data["document"].items() if key != "text"}
    return json.dumps({**data, "document": document}, ensure_ascii=False)


def record_of(connection: sqlite3.Connection, document_id: str) -> Record | None:
    """The stored Record of a document, text included, or None."""
    row = connection.execute("SELECT record, text FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["document"]["text"] = row[1]
    return from_dict(data)


def _insert_turns(connection: sqlite3.Connection, doc: int, record: Record) -> dict[str, int]:
    rowids: dict[str, int] = {}
    for turn in record.turns:
        cursor = connection.execute(
            "INSERT INTO turns (doc, id, speaker, kind, start, end) VALUES (?, ?, ?, ?, ?, ?)",
            (doc, turn.id, turn.speaker, turn.kind, turn.span.start, turn.span.end),
        )
        rowids[turn.id] = int(cursor.lastrowid or 0)
    connection.executemany(
        "UPDATE turns SET question = ? WHERE rowid = ?",
        [(rowids[x.question], rowids[a]) for x in record.exchanges for a in x.answers
         if x.question in rowids and a in rowids],
    )
    return rowids


def _insert_sentences(connection: sqlite3.Connection, doc: int, record: Record, turns: dict[str, int],
                      vectors: Mapping[str, bytes]) -> None:
    from onrecord.corpus.lexical import store_stems
    from onrecord.corpus.vectors import store_vectors

    connection.executemany(
        "INSERT INTO sentences (doc, turn, id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc, turns[s.turn], s.id, s.span.start, s.span.end, s.span.text) for s in record.sentences
         if s.turn in turns],
    )
    rows = connection.execute("SELECT rowid, id, text FROM sentences WHERE doc = ?", (doc,)).fetchall()
    connection.executemany("INSERT INTO sentence_vectors (rowid, vector) VALUES (?, ?)",
                           [(rowid, vectors[id_]) for rowid, id_, _ in rows if id_ in vectors])
    store_vectors(connection, {rowid: text for rowid, id_, text in rows if id_ not in vectors})
    store_stems(connection, {rowid: text for rowid, _, text in rows})


def _insert_layers(connection: sqlite3.Connection, doc: int, data: dict[str, Any]) -> None:
    for layer, items in data.items():
        if layer in CORE_LAYERS or not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            cursor = connection.execute(
                "INSERT INTO findings (doc, layer, item, data) VALUES (?, ?, ?, ?)",
                (doc, layer, index, json.dumps(item, ensure_ascii=False)),
            )
            finding = int(cursor.lastrowid or 0)
            connection.executemany(
                "INSERT INTO spans (finding, doc, layer, path, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                [(finding, doc, layer, path, start, end) for path, start, end in _spans(item, "")],
            )
            if layer == "actors" and isinstance(item, dict):
                _insert_actor_names(connection, doc, finding, item)


def _insert_actor_names(connection: sqlite3.Connection, doc: int, finding: int, actor: dict[str, Any]) -> None:
    """Every name an actor goes by (not pronouns), so that ask can find "Daesh" when asked about "ISIS"."""
    name = str(actor.get("name") or "")
    key = str(actor.get("kb") or name).lower()
    names = {name.lower()} | {
        str(m["span"]["text"]).lower() for m in actor.get("mentions", [])
        if isinstance(m, dict) and m.get("form") != "pronoun" and isinstance(m.get("span"), dict)
    }
    connection.executemany(
        "INSERT INTO actor_names (name, actor, doc, finding) VALUES (?, ?, ?, ?)",
        [(n, key, doc, finding) for n in sorted(names) if n],
    )


def _spans(value: Any, path: str) -> Iterator[tuple[str, int, int]]:
    """Every ``{"start", "end", "text"}`` object inside a finding, with its path (``mentions[2].span``)."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and "text" in value:
            yield path, value["start"], value["end"]
            return
        for key, inner in value.items():
            yield from _spans(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _spans(inner, f"{path}[{index}]")
