"""What ask knows of each candidate sentence, as numbers: the features its ranker weighs.

Each feature is a number from 0 to about 1 per candidate:

- ``bm25``: its BM25 score, divided by the best of its pool; ``similarity`` and ``context``: wordllama
  similarity of the sentence and of its passage (two sentences each side in its turn) to the question;
- ``question``: how close the interviewer's question it answers is to the user's; ``lead``: it opens the answer
  to the closest one;
- ``words``, ``passage``, ``turn``: the share of the question's concepts (rarity-weighted; an actor with all its
  names) in the sentence, its passage and its turn;
  ``soft``: how near its words come to the question's words that it lacks (wordllama word vectors);
- ``voice``: its document speaks for the actor the question has speak; ``voiced``: for any actor it names;
  ``document``: how well its document matches (its best candidates at first look, against the best document's);
- ``finding``: the analyses marked it (a citation when a quotation is asked for, speech reported from the one
  the question has speak); ``kind``: it holds the kind of answer asked for (a number for "how many", a date for
  "when", a name for "who"); ``length``: its length, up to ``LONG`` words.

The first look at every candidate computes the ``SHALLOW`` ones from the sentence alone; the ranking computes
them all for a shortlist. Both weight vectors live in ``onrecord/data/ask-weights.json``, fitted by
``scripts/train_ask.py`` on questions written for that.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Sequence
from importlib import resources
from typing import Any, Protocol

import numpy as np

from onrecord.ask.answer_kind import answer_kind, holds
from onrecord.ask.layers import Findings
from onrecord.ask.query import ASKING, Question
from onrecord.ask.signals import Words, texts_around
from onrecord.corpus.embed import embed
from onrecord.corpus.vectors import vectors_of
from onrecord.corpus.words import STOPWORDS, words

FEATURES = ("bm25", "similarity", "context", "question", "lead", "words", "passage", "turn", "voice", "finding",
            "voiced", "length", "kind", "soft", "document")
# A sentence of this many words or more counts as long (the ``length`` feature is its share of it).
LONG = 25
FLOOR = 0.2  # word similarity below this is no likeness (unrelated words score 0 to 0.15)


class Scored(Protocol):
    """A candidate sentence as ask holds it (``ask.Candidate``)."""

    rowid: int
    turn: int
    text: str
    asked: int | None
    bm25: float
    question: float
    lead: bool
    document: float


# What a first look at every candidate computes (from the sentence alone); the others need its neighbours or its
# document.
SHALLOW = ("bm25", "similarity", "question", "lead", "words", "voice", "voiced", "length", "kind")


def features(connection: sqlite3.Connection, question: Question, candidates: Sequence[Scored], *,
             deep: bool = True, words: Words | None = None) -> np.ndarray[Any, Any]:
    """One row of ``FEATURES`` per candidate, in order; with ``deep`` False only the ``SHALLOW`` ones (the
    others are 0), which need no neighbouring sentences and cost a fraction. ``words``: the question's
    ``Words`` from an earlier stage of the same question, which keeps what it learnt."""
    table = np.zeros((len(candidates), len(FEATURES)), dtype=np.float32)
    if not candidates:
        return table
    texts = texts_around(connection, candidates) if deep else {c.rowid: c.text for c in candidates}
    if words is None:
        words = Words(connection, question)
    words.read(texts)
    asked, by_rowid = embed([question.text])[0], vectors_of(connection, texts)
    kind = answer_kind(question.text)
    columns = {
        "bm25": [c.bm25 for c in candidates],
        "similarity": np.stack([by_rowid[c.rowid] for c in candidates]) @ asked,
        "question": [c.question for c in candidates],
        "lead": [c.lead for c in candidates],
        "words": [words.cover([c.rowid], c) for c in candidates],
        "voice": [words.spoken(c) for c in candidates],
        "voiced": [words.voiced_any(c) for c in candidates],
        "length": [min(len(c.text.split()) / LONG, 1.0) for c in candidates],
        "kind": [holds(kind, c.text) for c in candidates],
    }
    if deep:
        findings = Findings(connection, question, candidates)
        passages = [words.passage(c) for c in candidates]
        # A passage's vector: the sum of its sentences' (each embedded once, however many passages hold it).
        summed = np.stack([np.sum([by_rowid[r] for r in around], axis=0) for around in passages])
        norms = np.linalg.norm(summed, axis=1)
        columns |= {
            "context": (summed @ asked) / np.where(norms > 0, norms, 1.0),
            "passage": [words.cover(around, c) for around, c in zip(passages, candidates, strict=True)],
            "turn": [words.cover(words.turn(c)) for c in candidates],
            "finding": [findings.marked(c) for c in candidates],
            "soft": soft_cover([t for t in question.terms if t not in ASKING], [c.text for c in candidates]),
            "document": [c.document for c in candidates],
        }
    for name, values in columns.items():
        table[:, FEATURES.index(name)] = values
    return table


def soft_cover(terms: Sequence[str], texts: Sequence[str]) -> np.ndarray[Any, Any]:
    """For each text, the mean over ``terms`` of the closest word's similarity (wordllama word vectors, below
    ``FLOOR`` counted as 0): "wiped out" comes near "eliminate", "freed" near "released"."""
    if not terms:
        return np.zeros(len(texts), dtype=np.float32)
    tokens = [[w for w in words(text) if w not in STOPWORDS] for text in texts]
    vocabulary = sorted({w for found in tokens for w in found} | set(terms))
    vectors = word_vectors(vocabulary)
    place = {w: i for i, w in enumerate(vocabulary)}
    closeness = vectors[[place[t] for t in terms]] @ vectors.T  # terms x vocabulary
    closeness = np.where(closeness >= FLOOR, closeness, 0.0)
    # Every text's words side by side: the closest of each text's is a maximum over its own slice of columns.
    result = np.zeros(len(texts), dtype=np.float32)
    having = [row for row, found in enumerate(tokens) if found]
    if having:
        columns = closeness[:, [place[w] for row in having for w in tokens[row]]]
        starts = np.cumsum([0] + [len(tokens[row]) for row in having[:-1]])
        result[having] = np.maximum.reduceat(columns, starts, axis=1).mean(axis=0)
    return result


_WORD_VECTORS: dict[str, np.ndarray[Any, Any]] = {}
_CACHE = 50_000  # words whose vectors are kept (1 KB each)


def word_vectors(vocabulary: Sequence[str]) -> np.ndarray[Any, Any]:
    """Unit wordllama vectors of single words, one row each (kept between questions)."""
    unknown = [w for w in vocabulary if w not in _WORD_VECTORS]
    if unknown:
        if len(_WORD_VECTORS) > _CACHE:
            _WORD_VECTORS.clear()
        _WORD_VECTORS.update(zip(unknown, embed(unknown), strict=True))
    return np.stack([_WORD_VECTORS[w] for w in vocabulary])


@functools.cache
def feature_weights(stage: str = "deep") -> np.ndarray[Any, Any]:
    """The ranker's weight of each feature, in ``FEATURES`` order (package data, read once): ``deep`` for the
    ranking, ``first_look`` for the first look, which chooses the shortlist from the ``SHALLOW`` features."""
    data = json.loads((resources.files("onrecord") / "data" / "ask-weights.json").read_text(encoding="utf-8"))
    return np.array([float(data[stage].get(name, 0.0)) for name in FEATURES], dtype=np.float32)
