"""Gold that points into documents by offsets and a digest, never holding their text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluate.excerpts import digest, load_questions

TEXT = "Question: Is the bridge open?\nMayor Lind: The bridge reopened on Monday after repairs.\n"


def test_load_questions_reads_each_answer_from_its_document(tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    (tmp_path / "ungdc" / "UNGA 70 - 2015").mkdir(parents=True)
    (tmp_path / "seed" / "mayor.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "ungdc" / "UNGA 70 - 2015" / "NOR_70_2015.txt").write_text("Norway supports the Goals.\n",
                                                                           encoding="utf-8")
    answer = "reopened on Monday"
    start = TEXT.index(answer)
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps({"questions": [
        {"question": "When did the bridge open again?", "document": "mayor",
         "answers": [[start, start + len(answer), digest(answer)]]},
        {"question": "Whom does Norway back?", "document": "NOR_70_2015", "answers": [[7, 15, digest("supports")]]},
    ]}), encoding="utf-8")
    loaded = load_questions(questions, tmp_path)
    assert [q["answers"] for q in loaded] == [[answer], ["supports"]]
    assert loaded[0]["question"] == "When did the bridge open again?"
    (tmp_path / "seed" / "mayor.txt").write_text("Note: moved.\n" + TEXT, encoding="utf-8")
    with pytest.raises(EvaluationError, match="not the one labelled"):
        load_questions(questions, tmp_path)
    (tmp_path / "seed" / "mayor.txt").unlink()
    with pytest.raises(EvaluationError, match="document not found"):
        load_questions(questions, tmp_path)
