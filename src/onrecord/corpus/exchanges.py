"""Questions and how they were answered across the corpus, filtered by clarity, answering speaker and actor.

Reads the replies layer (one finding per question of an exchange); the exchange's turns are the question turn
that holds the question and the answer turns that point to it; an actor filter keeps the exchanges in which any
name of the actor is mentioned, in the question or in the answer.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections import defaultdict
from typing import Any

from onrecord.errors import CorpusError
from onrecord.record import CLARITIES


def exchanges(connection: sqlite3.Connection, *, clarity: str | None = None, actor: str | None = None,
              speaker: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The questions of the corpus's exchanges with their clarity and evidence, in date order, that match every
    filter given: ``clarity`` (one of ``CLARITIES``), ``actor`` (any of its names), ``speaker`` (who answers: a
    label or a name, any case)."""
    if clarity is not None and clarity not in CLARITIES:
        raise CorpusError("unknown clarity", repr(clarity), f"use one of {', '.join(CLARITIES)}")
    mentions = _mentions(connection, actor) if actor else None
    if mentions is not None and not mentions:
        return []
    rows = connection.execute(
        "SELECT f.doc, f.data, d.id, d.title, d.date FROM findings AS f JOIN documents AS d ON d.rowid = f.doc"
        " WHERE f.layer = 'replies' AND (?1 IS NULL OR json_extract(f.data, '$.clarity') = ?1)"
        + ("" if mentions is None else f" AND f.doc IN ({','.join('?' * len(mentions))})")
        + " ORDER BY d.year, d.date, d.rowid, f.item",
        [clarity, *(mentions or {})])
    wanted = speaker.strip().lower() if speaker else None
    found: list[dict[str, Any]] = []
    names: dict[int, dict[str, str]] = {}
    for doc, data, document, title, date in rows:
        reply = json.loads(data)
        turns = _turns(connection, doc, int(reply["question"]["start"]), names)
        if turns is None:
            continue
        asker, answerers, start, end = turns
        if wanted is not None and not any(wanted in (label.lower(), name.lower()) for label, name in answerers):
            continue
        if mentions is not None and not _mentioned(mentions[doc], start, end):
            continue
        found.append({"document": document, "title": title, "date": date, "exchange": reply["exchange"],
                      "asker": asker, "answerer": ", ".join(label for label, _ in answerers),
                      "question": reply["question"], "kind": reply["kind"], "clarity": reply["clarity"],
                      "evasion": reply["evasion"], "confidence": reply["confidence"], "evidence": reply["evidence"]})
        if len(found) >= limit:
            break
    return found


def _turns(connection: sqlite3.Connection, doc: int, at: int, names: dict[int, dict[str, str]]
           ) -> tuple[str, list[tuple[str, str]], int, int] | None:
    """The asker's label, the answerers' (label, name), and where the exchange starts and ends."""
    question = connection.execute(
        "SELECT t.rowid, t.start, t.end, sp.label FROM turns AS t"
        " LEFT JOIN speakers AS sp ON sp.doc = t.doc AND sp.id = t.speaker"
        " WHERE t.doc = ? AND t.start <= ? AND ? < t.end", (doc, at, at)).fetchone()
    if question is None:
        return None
    rowid, start, end, asker = question
    answers = connection.execute(
        "SELECT t.end, t.speaker, sp.label FROM turns AS t LEFT JOIN speakers AS sp ON sp.doc = t.doc"
        " AND sp.id = t.speaker WHERE t.question = ? ORDER BY t.start", (rowid,)).fetchall()
    if answers and doc not in names:
        names[doc] = _names(connection, doc)
    labels = list(dict.fromkeys((label or "", names.get(doc, {}).get(speaker) or "") for _, speaker, label in answers))
    return asker or "", labels, start, max([end, *(e for e, _, _ in answers)])


def _names(connection: sqlite3.Connection, doc: int) -> dict[str, str]:
    """The full names the text gives its speakers ("MR. SULLIVAN" is "Jake Sullivan"), by speaker id."""
    row = connection.execute("SELECT json_extract(record, '$.speakers') FROM documents WHERE rowid = ?",
                             (doc,)).fetchone()
    return {s["id"]: s.get("name") or "" for s in json.loads(row[0] or "[]")} if row else {}


def _mentions(connection: sqlite3.Connection, actor: str) -> dict[int, list[int]]:
    """Per document, the sorted offsets where any name of the actor is mentioned."""
    found: dict[int, list[int]] = defaultdict(list)
    for doc, start in connection.execute(
            "SELECT DISTINCT m.doc, m.start FROM actor_names AS a JOIN actor_names AS same ON same.actor = a.actor"
            " JOIN spans AS m ON m.finding = same.finding AND m.path LIKE 'mentions%' WHERE a.name = ?",
            (actor.strip().lower(),)):
        found[doc].append(start)
    return {doc: sorted(starts) for doc, starts in found.items()}


def _mentioned(starts: list[int], start: int, end: int) -> bool:
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end
