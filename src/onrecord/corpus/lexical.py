"""Word variants and word weights for ask, from SQLite itself: no stemmer to keep in step with the index.

Stems come from the same FTS5 ``porter`` tokenizer that built the corpus index (a scratch FTS5 table in the
connection's in-memory ``temp`` schema, read back through ``fts5vocab``), so "regret" in a question meets
"regrets" in a sentence exactly as the index does. Weights are inverse sentence frequencies, read from the
index's own vocabulary (``fts5vocab`` over ``sentences_fts``): a rare word matched counts for more than a
common one, and an actor's names ("ISIS", "Daesh", "the Islamic State") count once, as one concept.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from onrecord.corpus.connection import by_rowid
from onrecord.corpus.words import STOPWORDS, words

Name = tuple[str, ...]  # the stems of one name of a concept; all must occur for the name to match
Concept = tuple[Name, ...]  # a question word (or an actor it names), with its other names

_TOKENIZER = "porter unicode61 remove_diacritics 2"  # as in the sentences_fts migration
_TOKEN = re.compile(r"[^\W_]+")  # unicode61's tokens: runs of letters and digits
_STEMS: dict[str, str] = {}
_CACHE = 200_000
_COUNTS: dict[str, Any] = {}  # "key": (database path, index averages record), "counts": stem -> sentences


def _prepare(connection: sqlite3.Connection) -> None:
    """Scratch tables in ``temp`` (allowed on a read-only connection), created once per connection."""
    connection.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.ask_stems USING fts5(text, tokenize='{_TOKENIZER}')")
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.ask_stem_terms USING fts5vocab(temp, ask_stems, instance)")
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.ask_vocabulary USING fts5vocab(main, sentences_fts, row)")


def stems(connection: sqlite3.Connection, texts: Mapping[int, str]) -> dict[int, list[str]]:
    """The porter stems of each text's tokens, in order, keyed as ``texts`` is."""
    tokens = {key: [t.lower() for t in _TOKEN.findall(text)] for key, text in texts.items()}
    stem = stem_tokens(connection, {t for found in tokens.values() for t in found})
    return {key: [stem[t] for t in found] for key, found in tokens.items()}


def sentence_stems(connection: sqlite3.Connection, texts: Mapping[int, str], *, joined: bool = False
                   ) -> dict[int, Any]:
    """The stems of corpus sentences (rowid -> text): as the corpus keeps them, else made (a corpus not yet
    filled); a list each, or with ``joined`` one string of them joined by spaces (as kept)."""
    keys = sorted(texts)
    found: dict[int, Any] = dict(by_rowid(connection, "sentence_stems", "stems", keys))
    missing = {key: texts[key] for key in keys if key not in found}
    if missing:
        found.update((key, " ".join(made)) for key, made in stems(connection, missing).items())
    return found if joined else {key: kept.split() for key, kept in found.items()}


def store_stems(connection: sqlite3.Connection, texts: Mapping[int, str]) -> None:
    """Keep the stems of sentences (rowid -> text), inside the caller's transaction."""
    connection.executemany("INSERT OR REPLACE INTO sentence_stems (rowid, stems) VALUES (?, ?)",
                           [(rowid, " ".join(found)) for rowid, found in stems(connection, texts).items()])


def stem_tokens(connection: sqlite3.Connection, tokens: set[str]) -> dict[str, str]:
    """The porter stem of each token (cached: the same words come back in every question)."""
    unknown = sorted(tokens - _STEMS.keys())
    if unknown:
        if len(_STEMS) > _CACHE:
            _STEMS.clear()
        _prepare(connection)
        # One row per token would cost an FTS5 insert each; one row of all tokens, read back by position.
        connection.execute("INSERT INTO temp.ask_stems (rowid, text) VALUES (1, ?)", (" ".join(unknown),))
        try:
            terms = [t for (t,) in connection.execute("SELECT term FROM temp.ask_stem_terms ORDER BY offset")]
        finally:
            connection.execute("DELETE FROM temp.ask_stems")
        if len(terms) != len(unknown):  # a token the tokenizer cuts differently: keep it as it is
            terms = unknown
        _STEMS.update(zip(unknown, terms, strict=True))
    return {t: _STEMS[t] for t in tokens}


def concepts(connection: sqlite3.Connection, groups: Sequence[Sequence[str]]) -> list[Concept]:
    """Each group of names (a question word and its aliases) as stems, one per group (empty when only
    stopwords); stopwords and empty names dropped."""
    names = {text for group in groups for text in group}
    keyed = dict(enumerate(sorted(names)))
    stemmed = stems(connection, {key: " ".join(w for w in words(text) if w not in STOPWORDS)
                                 for key, text in keyed.items()})
    by_text = {text: tuple(stemmed[key]) for key, text in keyed.items()}
    return [tuple(dict.fromkeys(by_text[text] for text in group if by_text[text])) for group in groups]


def index_totals(connection: sqlite3.Connection) -> tuple[int, int, bytes]:
    """Sentences and tokens in the index, from FTS5's averages record (and the record itself, which changes
    with every stored document)."""
    row = connection.execute("SELECT block FROM sentences_fts_data WHERE id = 1").fetchone()
    block = bytes(row[0]) if row else b""
    values = varints(block)
    return (values[0], values[1], block) if len(values) >= 2 else (0, 0, block)


def row_counts(connection: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    """How many sentences hold each stem. ``fts5vocab`` counts by walking the stem's posting list (tens of ms for
    "the" in a million sentences), so counts are kept per database and index state, and reused."""
    (path,) = [row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"]
    key = (path, index_totals(connection)[2])
    if _COUNTS.get("key") != key:
        _COUNTS.clear()
        _COUNTS["key"] = key
    counts: dict[str, int] = _COUNTS.setdefault("counts", {})
    unknown = sorted(set(terms) - counts.keys())
    if unknown:
        _prepare(connection)
        found = dict(connection.execute(
            f"SELECT term, doc FROM temp.ask_vocabulary WHERE term IN ({','.join('?' * len(unknown))})", unknown))
        if len(counts) > _CACHE:
            counts.clear()
        counts.update((term, int(found.get(term, 0))) for term in unknown)
    return {term: counts[term] for term in terms}


def varints(blob: bytes) -> list[int]:
    """The SQLite varints of ``blob`` (FTS5 stores its averages and row sizes so)."""
    values: list[int] = []
    position = 0
    while position < len(blob):
        value = 0
        for index in range(9):
            byte = blob[position]
            position += 1
            if index == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return values


def frequencies(connection: sqlite3.Connection, found: Sequence[Concept]) -> list[int]:
    """How many sentences hold each concept, about: a name counts as its rarest stem, names add up."""
    terms = sorted({stem for concept in found for name in concept for stem in name})
    counts = row_counts(connection, terms)
    total = max(index_totals(connection)[0], 1)
    return [min(sum(min(counts.get(stem, 0) for stem in name) for name in concept), total) for concept in found]


def weights(connection: sqlite3.Connection, found: Sequence[Concept]) -> list[float]:
    """Inverse sentence frequency of each concept (BM25's idf)."""
    return rarities(connection, frequencies(connection, found))


def rarities(connection: sqlite3.Connection, counts: Sequence[int]) -> list[float]:
    """BM25's idf of concepts that ``counts`` sentences of the corpus hold, each (``frequencies``)."""
    total = max(index_totals(connection)[0], 1)
    return [idf(total, count) for count in counts]


def idf(total: int, frequency: int) -> float:
    """BM25's inverse frequency of what ``frequency`` of ``total`` items hold (never below 0)."""
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


def matched(concept: Concept, present: set[str]) -> bool:
    """Whether one of the concept's names has all its stems (or variants of them) in ``present``."""
    return any(all(stem in present or _variant_in(stem, present) for stem in name) for name in concept)


def variants(one: str, other: str) -> bool:
    """Word variants the porter stemmer leaves apart ("creat"/"creation", "nation"/"nationalist",
    "weaker"/"weaken"): equal, or one of five letters or more begins the other, or both are such a beginning
    and one letter more."""
    shorter, longer = sorted((one, other), key=len)
    if one == other or (len(shorter) >= 5 and longer.startswith(shorter)):
        return True
    return len(one) == len(other) >= 6 and one[:-1] == other[:-1]


def _variant_in(stem: str, present: set[str]) -> bool:
    return len(stem) >= 5 and any(word[:5] == stem[:5] and variants(stem, word) for word in present)
