"""Sentence vectors kept in the corpus, so that ask embeds only the question: int8 with a scale per vector.

A unit vector ``v`` is stored as 4 bytes of float32 ``m = max|v|`` and 256 int8 ``round(v / m * 127)``; the
cosine of two restored vectors differs from the exact one by well under 0.01, and a sentence costs 260 bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from onrecord.corpus.connection import by_rowid
from onrecord.corpus.embed import embed
from onrecord.record import Record

_BYTES = 4 + 256  # float32 scale + int8 codes of wordllama's 256 dimensions
# Sentences embedded per transaction when filling a corpus stored before vectors were kept (``store.fill``).
BATCH = 2000


def pack(vectors: np.ndarray[Any, np.dtype[np.float32]]) -> list[bytes]:
    """One blob per row of ``vectors``."""
    scales = np.maximum(np.abs(vectors).max(axis=1, keepdims=True), 1e-12).astype(np.float32)
    codes = np.round(vectors / scales * 127).astype(np.int8)
    return [scale.tobytes() + code.tobytes() for scale, code in zip(scales, codes, strict=True)]


def unpack(blobs: Iterable[bytes]) -> np.ndarray[Any, np.dtype[np.float32]]:
    """The vectors of ``blobs``, one row each (not renormalized: the quantization error is tiny)."""
    joined = b"".join(blobs)
    if not joined:
        return np.zeros((0, 1), dtype=np.float32)
    raw = np.frombuffer(joined, dtype=np.uint8).reshape(-1, _BYTES)
    scales = raw[:, :4].copy().view(np.float32) / 127
    return (raw[:, 4:].view(np.int8).astype(np.float32) * scales).astype(np.float32, copy=False)


def sentence_vectors(record: Record) -> dict[str, bytes]:
    """Each sentence's packed vector, by sentence id: embedded where the record is made (a worker of ``add``), so
    that the one writer only keeps them."""
    return dict(zip((s.id for s in record.sentences), pack(embed([s.span.text for s in record.sentences])),
                    strict=True))


def store_vectors(connection: sqlite3.Connection, texts: Mapping[int, str]) -> None:
    """Embed and keep the vectors of sentences (rowid -> text), inside the caller's transaction."""
    if texts:
        blobs = pack(embed(list(texts.values())))
        connection.executemany("INSERT OR REPLACE INTO sentence_vectors (rowid, vector) VALUES (?, ?)",
                               zip(texts, blobs, strict=True))


def vectors_of(connection: sqlite3.Connection, texts: Mapping[int, str]) -> dict[int, np.ndarray[Any, Any]]:
    """The vectors of sentences by rowid: stored ones read back, the others (none in a filled corpus) embedded."""
    keys = sorted(texts)
    found: dict[int, np.ndarray[Any, Any]] = {}
    rows = by_rowid(connection, "sentence_vectors", "vector", keys)
    found.update(zip((rowid for rowid, _ in rows), unpack(blob for _, blob in rows), strict=True))
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(zip(missing, embed([texts[key] for key in missing]), strict=True))
    return found
