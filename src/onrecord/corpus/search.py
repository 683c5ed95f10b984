"""Full-text search over sentences (FTS5, BM25), and keyword in context by sentence."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from onrecord.corpus.query import words
from onrecord.errors import CorpusError

_SELECT = (
    "SELECT d.id, d.title, d.date, sp.label, s.start, s.end, s.text, -bm25(sentences_fts)"
    " FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid"
    " JOIN turns AS t ON t.rowid = s.turn JOIN documents AS d ON d.rowid = s.doc"
    " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
    " WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts) LIMIT ?"
)


def escape(query: str) -> str:
    """The query as FTS5 phrases, one per word, all required: quotes, operators and columns lose their power."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words(query))


def search(connection: sqlite3.Connection, query: str, *, raw: bool = False, limit: int = 20) -> list[dict[str, Any]]:
    """Sentences matching ``query``, best first; ``raw`` passes FTS5 syntax (NEAR, OR, prefix*) through."""
    expression = query if raw else escape(query)
    if not expression.strip():
        raise CorpusError("the search query has no words", repr(query), "search for at least one word")
    try:
        rows = connection.execute(_SELECT, (expression, limit)).fetchall()
    except sqlite3.OperationalError as error:
        raise CorpusError(f"not a valid FTS5 query ({error})", repr(query),
                          "fix the syntax, or drop --raw to search the words as typed") from None
    return [
        {"document": doc, "title": title, "date": date, "speaker": speaker,
         "span": {"start": start, "end": end, "text": text}, "score": round(score, 4)}
        for doc, title, date, speaker, start, end, text, score in rows
    ]


def kwic(connection: sqlite3.Connection, term: str, *, window: int = 6, limit: int = 50) -> list[dict[str, Any]]:
    """Each occurrence of ``term`` (a word or phrase; ``word*`` for prefixes) with ``window`` words each side.

    Context stops at the sentence's edges, as quanteda's ``kwic`` does with sentence units.
    """
    pattern = _pattern(term)
    phrase = escape(term.rstrip("*")).replace('" "', " ")
    if term.rstrip().endswith("*"):
        phrase += " *"
    rows = connection.execute(_SELECT, (phrase, limit * 4)).fetchall()
    lines: list[dict[str, Any]] = []
    for doc, title, _, speaker, start, _, text, _ in sorted(rows, key=lambda r: (r[1], r[4])):
        for found in pattern.finditer(text):
            left = " ".join(text[: found.start()].split()[-window:])
            right = " ".join(text[found.end() :].split()[:window])
            lines.append({"document": doc, "title": title, "speaker": speaker,
                          "span": {"start": start + found.start(), "end": start + found.end(), "text": found.group()},
                          "left": left, "keyword": found.group(), "right": right})
            if len(lines) >= limit:
                return lines
    return lines


def _pattern(term: str) -> re.Pattern[str]:
    parts = words(term.rstrip("*"))
    if not parts:
        raise CorpusError("the keyword has no words", repr(term), "give a word or a phrase")
    body = r"\W+".join(re.escape(p).replace("'", "['’]") for p in parts)
    tail = r"\w*" if term.rstrip().endswith("*") else r"(?!\w)"
    return re.compile(rf"(?<!\w){body}{tail}", re.IGNORECASE)
