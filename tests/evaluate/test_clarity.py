"""evaluate clarity: a CLARITY-format file scored by the shipped model and by interview-grouped cross-validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from onrecord.cli import app
from onrecord.errors import EvaluationError
from onrecord.evaluate.clarity import evaluate_clarity, read_items

ITEMS = [
    ("a", "Q. Will you sign the bill?", "Will you sign the bill?", "Yes, I will sign it next week.", "Clear Reply", "Explicit"),
    ("a", "Q. Did the talks fail?", "Did the talks fail?", "I'm not going to get into the talks.", "Clear Non-Reply",
     "Declining to answer"),
    ("b", "Q. How many troops are there?", "How many troops are there?", "I don't know.", "Clear Non-Reply",
     "Claims ignorance"),
    ("b", "Q. Is the economy strong?", "Is the economy strong?", "Well, we have always believed in hard work and "
     "in the people of this great country.", "Ambivalent", "General"),
    ("c", "Q. Will taxes rise?", "Will taxes rise?", "No, taxes will not rise this year.", "Clear Reply", "Explicit"),
    ("c", "Q. Why did you veto it?", "Why did you veto it?", "The other party has blocked every reform for years.",
     "Ambivalent", "Deflection"),
]


def _write(path: Path) -> Path:
    lines = [{"interview": {"url": u}, "question": q, "sub_question": s, "answer": a, "clarity": c, "evasion": e}
             for u, q, s, a, c, e in ITEMS]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_clarity_evaluate_scores_both_ways(tmp_path: Path) -> None:
    result = evaluate_clarity(_write(tmp_path / "small.jsonl"))
    assert (result["items"], result["interviews"]) == (6, 3)
    for key in ("shipped", "cross_validated"):
        scores = result[key]
        assert sum(map(sum, scores["confusion"])) == 6
        assert 0.0 <= scores["macro_f1"] <= 1.0 and scores["evasion_items"] == 6
    # the refusal and the claim of ignorance open their answers: the frame rule decides them both ways
    assert result["shipped"]["classes"]["non-reply"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 2}


def test_clarity_evaluate_cli_and_malformed_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "clarity", str(_write(tmp_path / "small.jsonl")), "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)) == {"items", "interviews", "shipped", "cross_validated"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "Q?"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="malformed line"):
        read_items(bad)


DEV = SHARED / "clarity" / "dev.jsonl"


@pytest.mark.skipif(not DEV.is_file(), reason="../shared/data/clarity is not beside the checkout")
def test_clarity_dev_cross_validated_macro_f1() -> None:
    result = evaluate_clarity(DEV)
    assert result["items"] == 157
    assert result["cross_validated"]["macro_f1"] >= 0.61
