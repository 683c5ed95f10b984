"""Stored sentence vectors: int8 with a scale, close to the exact cosines, filled for older corpora."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from conftest import write_documents
from onrecord.corpus import Corpus
from onrecord.corpus.vectors import pack, unpack


def test_vectors_pack_keeps_cosines_within_a_hundredth() -> None:
    rng = np.random.default_rng(3)
    exact = rng.normal(size=(50, 256)).astype(np.float32)
    exact /= np.linalg.norm(exact, axis=1, keepdims=True)
    blobs = pack(exact)
    restored = unpack(blobs)
    assert {len(blob) for blob in blobs} == {260}
    assert float(np.abs(restored @ restored.T - exact @ exact.T).max()) < 0.01


def test_vectors_fill_embeds_sentences_stored_without_vectors(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(write_documents(tmp_path / "docs"))
        corpus.writer().execute("DELETE FROM sentence_vectors WHERE rowid > 3")
        before = corpus.ask("Who invited the engineers?", k=1)
        corpus.add([])
        counts = corpus.writer().execute(
            "SELECT (SELECT count(*) FROM sentence_vectors), (SELECT count(*) FROM sentences)").fetchone()
        assert counts == (12, 12)
        after = corpus.ask("Who invited the engineers?", k=1)
        # Embedded on the fly before, read back from int8 after: the same evidence, the score within 0.01.
        assert [e["span"] for e in after["evidence"]] == [e["span"] for e in before["evidence"]]
        assert abs(after["evidence"][0]["score"] - before["evidence"][0]["score"]) < 0.01


def test_vectors_embedded_by_the_worker_are_kept_as_the_writer_would_embed_them(tmp_path: Path) -> None:
    import sqlite3

    from onrecord.corpus.batch import analyze_paths
    from onrecord.corpus.connection import open_writer
    from onrecord.corpus.store import store
    from onrecord.corpus.vectors import sentence_vectors

    paths = write_documents(tmp_path / "docs")
    outcome = analyze_paths([str(paths[0])], {})[0]
    assert outcome.record is not None and outcome.vectors == sentence_vectors(outcome.record)
    assert len(outcome.vectors) == len(outcome.record.sentences) == 8
    kept = []
    for name, vectors in (("worker.db", outcome.vectors), ("writer.db", None)):
        store(open_writer(tmp_path / name), outcome.record, vectors)
        kept.append(sqlite3.connect(tmp_path / name).execute(
            "SELECT s.id, v.vector FROM sentences AS s JOIN sentence_vectors AS v ON v.rowid = s.rowid"
            " ORDER BY s.rowid").fetchall())
    assert kept[0] == kept[1] and len(kept[0]) == 8
