"""evaluate attribution: BRAT gold read, spans matched exactly and by overlap."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluate.attribution import evaluate_attribution, read_brat

TEXT = "The mayor said that taxes will fall. Rain came."
BRAT = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 35\tthat taxes will fall\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_ab12.ann").write_text(BRAT, encoding="utf-8")
    return tmp_path


def test_attribution_read_brat(tmp_path: Path) -> None:
    assert read_brat(_folder(tmp_path) / "attributions" / "doc_ab12.ann") == {
        "source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 35)]}


def test_attribution_scores_a_perfect_document(tmp_path: Path) -> None:
    result = evaluate_attribution(_folder(tmp_path))
    perfect = {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert result == {part: {"exact": perfect, "overlap": perfect} for part in ("source", "cue", "content")} | {
        "documents": 1}


def test_attribution_not_a_polnear_folder(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not a PolNeAR folder"):
        evaluate_attribution(tmp_path)
