"""BM25 as FTS5 computes it, for a handful of matched sentences, without FTS5's cost of counting each phrase.

FTS5's ``bm25()`` learns how many rows hold each phrase by walking the phrase's whole posting list, in every
query: for a query with a common word ("the") over a million sentences that walk takes most of the time, even
when one sentence matches. Here the counts come from the index's vocabulary and are kept while the index does
not change (``lexical.row_counts``); the row count and total tokens come from the index's averages record, each
row's length from its ``docsize`` row, and term frequencies from the porter stems of the matched sentences: the
same formula (k1 = 1.2, b = 0.75) and the same numbers, so the same scores. One difference: a phrase of several
tokens ("Haiti's") counts as rare as its rarest token, where FTS5 counts the rows holding the whole phrase.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence

from onrecord.corpus.lexical import index_totals, row_counts, sentence_stems, varints

K1, B = 1.2, 0.75


def bm25(connection: sqlite3.Connection, phrases: Sequence[Sequence[str]], rows: dict[int, str]) -> dict[int, float]:
    """The BM25 score (positive: higher is better) of each matched sentence (rowid -> text) for ``phrases``,
    each a sequence of stems. A phrase of several words counts as rare as its rarest word."""
    total_rows, total_tokens, _ = index_totals(connection)
    average = total_tokens / max(total_rows, 1)
    counts = row_counts(connection, sorted({stem for phrase in phrases for stem in phrase}))
    idf = []
    for phrase in phrases:
        holding = min((counts.get(stem, 0) for stem in phrase), default=0)
        idf.append(max(math.log((total_rows - holding + 0.5) / (holding + 0.5)), 1e-6))
    marks = ",".join("?" * len(rows))
    sizes = {rowid: varints(size)[0] for rowid, size in connection.execute(
        f"SELECT id, sz FROM sentences_fts_docsize WHERE id IN ({marks})", sorted(rows))}
    tokens = sentence_stems(connection, rows)
    scores: dict[int, float] = {}
    for rowid, found in tokens.items():
        length = sizes.get(rowid, len(found))
        score = 0.0
        for phrase, weight in zip(phrases, idf, strict=True):
            frequency = _occurrences(found, phrase)
            score += weight * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / average))
        scores[rowid] = score
    return scores


def holds(tokens: list[str], phrases: Iterable[Sequence[str]]) -> bool:
    """Whether ``tokens`` (a sentence's stems) hold every phrase, as FTS5's implicit AND of phrases does."""
    return all(_occurrences(tokens, phrase) for phrase in phrases)


def _occurrences(tokens: list[str], phrase: Sequence[str]) -> int:
    size = len(phrase)
    return sum(1 for i in range(len(tokens) - size + 1) if tokens[i : i + size] == list(phrase)) if size else 0
