"""Export as Parquet: one file per table, every row."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from onrecord.corpus import Corpus


def test_export_writes_every_table(small_corpus: Path, tmp_path: Path) -> None:
    written = Corpus(small_corpus).export_parquet(tmp_path / "out")
    assert [p.name for p in written] == ["documents.parquet", "speakers.parquet", "turns.parquet",
                                         "sentences.parquet", "findings.parquet", "spans.parquet"]
    assert pq.read_table(tmp_path / "out" / "sentences.parquet").num_rows == 12
    assert pq.read_table(tmp_path / "out" / "documents.parquet").column("year").to_pylist() == [2019, 2021]
