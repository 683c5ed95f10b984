"""Text statistics over the corpus: keyness (what a part says distinctively) and actor timelines."""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from onrecord.corpus.voices import voice_name
from onrecord.corpus.words import STOPWORDS, words
from onrecord.errors import CorpusError

BY = ("document", "speaker", "year")
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")


def keyness(connection: sqlite3.Connection, target: str, *, by: str = "document", limit: int = 20) -> list[dict[str, Any]]:
    """Words the target uses more than the rest of the corpus: Dunning log-likelihood (G2) with Log Ratio.

    ``by`` says what ``target`` names: a document (id or title), a speaker label, or a year (``2015``,
    ``2010-2015``). Log Ratio is log2 of the ratio of relative frequencies (0.5 added to zero counts).
    """
    condition, parameters = _target(by, target)
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    rows = connection.execute(
        "SELECT s.text, " + condition + " FROM sentences AS s JOIN turns AS t ON t.rowid = s.turn"
        " JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        " WHERE t.kind != 'note'", parameters)
    for text, is_target in rows:
        # A letter alone is no word a reader looks for: the "n" of "U. N.", an initial, a list's "a)".
        (inside if is_target else outside).update(w for w in words(text) if not w.isdigit() and len(w) > 1)
    if not inside:
        raise CorpusError(f"no text in the corpus for this {by}", repr(target), f"check the {by} with onrecord search")
    return _scores(inside, outside, limit)


def _target(by: str, target: str) -> tuple[str, list[Any]]:
    if by == "document":
        return "(d.id = ? OR d.title = ?)", [target, target]
    if by == "speaker":
        return "(sp.label = ?)", [target]
    if by == "year":
        found = _YEARS.match(target)
        if found is None:
            raise CorpusError("not a year or a range of years", repr(target), "give 2015 or 2010-2015")
        return "(d.year BETWEEN ? AND ?)", [int(found.group(1)), int(found.group(2) or found.group(1))]
    raise CorpusError("unknown keyness unit", repr(by), f"use one of {', '.join(BY)}")


def _scores(inside: Counter[str], outside: Counter[str], limit: int) -> list[dict[str, Any]]:
    a_total, b_total = sum(inside.values()), max(sum(outside.values()), 1)
    results: list[dict[str, Any]] = []
    for word, a in inside.items():
        b = outside.get(word, 0)
        if word in STOPWORDS or a < 2 or a / a_total <= b / b_total:
            continue
        g2 = _log_likelihood(a, b, a_total, b_total)
        ratio = math.log2(((a or 0.5) / a_total) / ((b or 0.5) / b_total))
        results.append({"term": word, "target": a, "reference": b, "g2": round(g2, 2), "log_ratio": round(ratio, 2)})
    results.sort(key=lambda r: (-float(r["g2"]), str(r["term"])))
    return results[:limit]


def _log_likelihood(a: int, b: int, a_total: int, b_total: int) -> float:
    expected_a = a_total * (a + b) / (a_total + b_total)
    expected_b = b_total * (a + b) / (a_total + b_total)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, expected_a), (b, expected_b)) if o > 0)


def timeline(connection: sqlite3.Connection, actor: str) -> list[dict[str, Any]]:
    """Per document and speaker, in date order: how often ``actor`` is mentioned, the stance toward it, and the
    country the document speaks for (``speaks_for``), so that no view averages one country's words with another's.

    Uses the actors layer (every name and alias of the actor) when the corpus has one for the actor, and
    counts sentences naming it otherwise (``"source": "text"``, no stance).
    """
    findings = connection.execute(
        "SELECT DISTINCT f.rowid, f.doc, f.data FROM actor_names AS a JOIN actor_names AS same ON same.actor = a.actor"
        " JOIN findings AS f ON f.rowid = same.finding WHERE a.name = ?", (actor.strip().lower(),)).fetchall()
    if findings:
        return _from_actors(connection, findings)
    return _from_text(connection, actor)


def _from_actors(connection: sqlite3.Connection, findings: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(findings))
    rows = connection.execute(
        "SELECT d.id, d.title, d.date, d.year, d.rowid, sp.label, sp.id, count(*), v.actor FROM spans AS m"
        " JOIN documents AS d ON d.rowid = m.doc LEFT JOIN voices AS v ON v.doc = d.rowid"
        " LEFT JOIN turns AS t ON t.doc = m.doc AND t.start <= m.start AND m.start < t.end"
        " LEFT JOIN speakers AS sp ON sp.doc = m.doc AND sp.id = t.speaker"
        f" WHERE m.finding IN ({marks}) AND m.path LIKE 'mentions%'"
        " GROUP BY d.rowid, sp.id ORDER BY d.year, d.date, d.rowid, sp.label",
        [rowid for rowid, _, _ in findings]).fetchall()
    stances = _stances(connection, findings)
    return [{"document": doc, "title": title, "date": date, "year": year, "speaker": label, "mentions": count,
             "stance": stances.get((rowid, speaker)), "speaks_for": voice_name(voice), "source": "actors"}
            for doc, title, date, year, rowid, label, speaker, count, voice in rows]


def _stances(connection: sqlite3.Connection, findings: list[tuple[int, int, str]]) -> dict[tuple[int, str], float]:
    """Mean stance score per (document, holder) toward the actor, from the stances layer if it ran."""
    ids = {(doc, json.loads(data).get("id")) for _, doc, data in findings}
    docs = sorted({doc for doc, _ in ids})
    marks = ",".join("?" * len(docs))
    scores: dict[tuple[int, str], list[float]] = {}
    for doc, data in connection.execute(
            f"SELECT doc, data FROM findings WHERE layer = 'stances' AND doc IN ({marks})", docs):
        stance = json.loads(data)
        own = stance.get("own") is True  # the speaker's own side: self-presentation, not a stance toward it
        if (doc, stance.get("actor")) in ids and isinstance(stance.get("score"), int | float) and not own:
            scores.setdefault((doc, str(stance.get("holder"))), []).append(float(stance["score"]))
    return {key: round(sum(values) / len(values), 3) for key, values in scores.items()}


def _from_text(connection: sqlite3.Connection, actor: str) -> list[dict[str, Any]]:
    phrase = '"' + " ".join(words(actor)).replace('"', '""') + '"'
    if phrase == '""':
        raise CorpusError("the actor has no name", repr(actor), "give a name such as Israel")
    rows: Iterable[tuple[Any, ...]] = connection.execute(
        "SELECT d.id, d.title, d.date, d.year, sp.label, count(*), v.actor FROM sentences_fts"
        " JOIN sentences AS s ON s.rowid = sentences_fts.rowid JOIN turns AS t ON t.rowid = s.turn"
        " JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        " LEFT JOIN voices AS v ON v.doc = d.rowid"
        " WHERE sentences_fts MATCH ? GROUP BY d.rowid, sp.id ORDER BY d.year, d.date, d.rowid, sp.label",
        (phrase,))
    return [{"document": doc, "title": title, "date": date, "year": year, "speaker": label, "mentions": count,
             "stance": None, "speaks_for": voice_name(voice), "source": "text"}
            for doc, title, date, year, label, count, voice in rows]
