"""The annotator-agreement script, on a tiny PolNeAR-format folder."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script

FIRST = "T1\tSource 0 5\tObama\nT2\tCue 6 10\tsaid\nT3\tContent 11 30\tthe deal is good\n"
# The second annotator marks the same source, a longer cue and no content.
SECOND = "T1\tSource 0 5\tObama\nT2\tCue 6 13\tsaid on\n"


def test_polnear_agreement_scores_the_others_against_the_first(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text("Obama said on Monday the deal is good.", encoding="utf-8")
    (tmp_path / "attributions" / "doc_a.ann").write_text(FIRST, encoding="utf-8")
    (tmp_path / "attributions" / "doc_b.ann").write_text(SECOND, encoding="utf-8")
    (tmp_path / "attributions" / "alone_a.ann").write_text(FIRST, encoding="utf-8")  # one annotator: left out
    documents, scores = load_script("polnear_agreement").agreement(tmp_path)
    assert documents == 1
    assert scores["source"]["exact"] == (1.0, 1.0, 1.0)
    assert scores["cue"]["exact"] == (0.0, 0.0, 0.0)
    assert scores["cue"]["overlap"] == (1.0, 1.0, 1.0)
    assert scores["content"]["overlap"] == (0.0, 0.0, 0.0)
