from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REFERENCE, SHARED, requires_shared
from onrecord.errors import EvaluationError
from onrecord.evaluate.elecdeb import Debate, GoldTurn, render
from onrecord.evaluate.turns import _score_by_words, evaluate_turns
from onrecord.readers import read_bytes
from onrecord.transcript import transcribe

ROOT = Path(__file__).resolve().parents[2]


def test_turns_gold_file_scores_exact_matches(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Q: Why?\nA: Because.\nMore.\nComment", encoding="utf-8")
    gold = {"document": "doc.txt", "turns": [
        {"speaker": "Q", "kind": "question", "start": 3, "end": 7},
        {"speaker": "A", "kind": "answer", "start": 11, "end": 25},
        {"speaker": None, "kind": "note", "start": 26, "end": 33},
        {"speaker": "A", "kind": "answer", "start": 99, "end": 100},
    ]}
    (tmp_path / "doc.turns.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate_turns(tmp_path)
    assert result["boundary"] == {"p": 1.0, "r": 0.75, "f1": 0.8571}
    assert (result["speaker_accuracy"], result["kind_accuracy"], result["turns"]) == (1.0, 1.0, 4)


def test_turns_word_positions_compare_any_format() -> None:
    debate = Debate("1/1/2000", (GoldTurn("MODERATOR", "Why?"), GoldTurn("MR. SMITH", "Because. (LAUGHTER)"),
                                 GoldTurn("JONES", "No.")))
    for fmt in ("txt", "html", "docx"):
        payload, name = render(debate, fmt)
        source = read_bytes(payload, name, format=fmt)
        tally = _score_by_words(source.text, transcribe(source), debate.turns)
        assert (tally.gold, tally.predicted, tally.matched, tally.speaker_right) == (3, 3, 3, 3), fmt


def test_turns_missing_data_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no gold data there"):
        evaluate_turns(tmp_path / "nothing")
    with pytest.raises(EvaluationError, match=r"no \*.turns.json gold files"):
        evaluate_turns(tmp_path)


@requires_shared
def test_turns_reference_gold_is_recovered_exactly() -> None:
    assert REFERENCE.is_file()
    result = evaluate_turns(ROOT / "evaluation" / "turns")
    assert (result["boundary"]["f1"], result["speaker_accuracy"], result["kind_accuracy"]) == (1.0, 1.0, 1.0)


@requires_shared
def test_turns_elecdeb_debates_in_three_formats() -> None:
    result = evaluate_turns(SHARED / "elecdeb60to20" / "full_debates.csv")
    assert result["turns"] == 3 * 7853
    assert result["boundary"]["f1"] >= 0.99
    assert result["speaker_accuracy"] >= 0.99
    assert set(result["formats"]) == {"txt", "html", "docx"}
