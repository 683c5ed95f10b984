"""Stored sentence vectors: int8 with a scale, close to the exact cosines, filled for older corpora."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from onrecord.corpus import Corpus
from onrecord.corpus.vectors import pack, unpack

from .conftest import write_documents


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
