"""Full-text search over sentences (FTS5, BM25), and keyword in context by sentence."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from onrecord.corpus.words import words
from onrecord.errors import CorpusError

# The best matches first (FTS5 ranks), then the few rows shown are joined to their documents and speakers.
_SELECT = (
    "SELECT d.id, d.title, d.date, sp.label, s.start, s.end, s.text, -h.score"
    " FROM (SELECT rowid, bm25(sentences_fts) AS score FROM sentences_fts WHERE sentences_fts MATCH ?"
    "       ORDER BY bm25(sentences_fts) LIMIT ?) AS h"
    " JOIN sentences AS s ON s.rowid = h.rowid JOIN turns AS t ON t.rowid = s.turn JOIN documents AS d ON d.rowid = s.doc"
    " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker ORDER BY h.score"
)
_ROWS = (
    "SELECT s.rowid, d.id, d.title, d.date, sp.label, s.start, s.end, s.text"
    " FROM sentences AS s JOIN turns AS t ON t.rowid = s.turn JOIN documents AS d ON d.rowid = s.doc"
    " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker WHERE s.rowid IN ({})"
)
# Up to this many matches are ranked here (``bm25.py``: FTS5's formula without its per-phrase posting walks);
# more, and FTS5 ranks them itself.
FEW = 500
SELECTIVE = 2  # the rarest words the index looks up; the others are checked on the sentences found


def escape(query: str) -> str:
    """The query as FTS5 phrases, one per word, all required: quotes, operators and columns lose their power."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words(query))


def search(connection: sqlite3.Connection, query: str, *, raw: bool = False, limit: int = 20) -> list[dict[str, Any]]:
    """Sentences matching ``query``, best first; ``raw`` passes FTS5 syntax (NEAR, OR, prefix*) through."""
    expression = query if raw else escape(query)
    if not expression.strip():
        raise CorpusError("the search query has no words", repr(query), "search for at least one word")
    try:
        rows = None if raw else _few(connection, query, limit)
        if rows is None:
            rows = connection.execute(_SELECT, (expression, limit)).fetchall()
    except sqlite3.OperationalError as error:
        raise CorpusError(f"not a valid FTS5 query ({error})", repr(query),
                          "fix the syntax, or drop --raw to search the words as typed") from None
    return [
        {"document": doc, "title": title, "date": date, "speaker": speaker,
         "span": {"start": start, "end": end, "text": text}, "score": round(score, 4)}
        for doc, title, date, speaker, start, end, text, score in rows
    ]


def _few(connection: sqlite3.Connection, query: str, limit: int) -> list[tuple[Any, ...]] | None:
    """The ``limit`` best matches of an escaped query, or None when the index cannot narrow them to ``FEW``.

    As a query planner would: the index finds the sentences holding the ``SELECTIVE`` rarest words (all the
    words, when those are too common), those sentences' own stems show which hold the other words too, and
    ``bm25.bm25`` ranks them. FTS5's ranking would walk the posting list of every word, "the" included.
    """
    from onrecord.corpus.bm25 import bm25, holds
    from onrecord.corpus.lexical import row_counts, sentence_stems, stems

    typed = words(query)
    phrases = stems(connection, dict(enumerate(typed)))
    counts = row_counts(connection, sorted({stem for phrase in phrases.values() for stem in phrase}))
    rarest = sorted(phrases, key=lambda i: min((counts[stem] for stem in phrases[i]), default=0))[:SELECTIVE]
    matched = _matching(connection, escape(" ".join(typed[i] for i in sorted(rarest))))
    if len(matched) > FEW and len(rarest) < len(typed):  # common words only: all of them, still unranked
        matched = _matching(connection, escape(query))
    if len(matched) > FEW:
        return None
    texts = dict(connection.execute(f"SELECT rowid, text FROM sentences WHERE rowid IN ({','.join('?' * len(matched))})",
                                    matched)) if matched else {}
    tokens = sentence_stems(connection, texts)
    texts = {rowid: text for rowid, text in texts.items() if holds(tokens[rowid], phrases.values())}
    if not texts:
        return []
    scores = bm25(connection, list(phrases.values()), texts)
    best = sorted(scores, key=lambda rowid: (-scores[rowid], rowid))[:limit]
    found = {row[0]: row[1:] for row in connection.execute(_ROWS.format(",".join("?" * len(best))), best)}
    return [(*found[rowid][:7], scores[rowid]) for rowid in best if rowid in found]


def _matching(connection: sqlite3.Connection, expression: str) -> list[int]:
    """The rowids matching ``expression``, ``FEW + 1`` at most, unranked (ranking is what costs)."""
    return [rowid for (rowid,) in connection.execute(
        "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?", (expression, FEW + 1))]


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
