"""The CLEF reader, the ranking measures on hand-computed cases, and ``evaluate checkworthy``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.errors import EvaluationError
from onrecord.evaluate.checkworthy import clef_record, evaluate_checkworthy, read_clef
from onrecord.evaluate.ranking import (
    average_precision,
    mean_measures,
    measures,
    precision_at,
    r_precision,
    rank_labels,
    reciprocal_rank,
)
from onrecord.record import check_spans

CLEF = (
    "1\tHOLT\tWhat will you do about jobs?\t0\n"
    "2\tTRUMP\tOur jobs are fleeing the country.\t0\n"
    "3\tTRUMP\tFord is moving 2,500 jobs to Mexico in 2017.\t1\n"
    "4\tTRUMP\tWe have a trade deficit of almost $800 billion a year.\t1\n"
    "5\tSYSTEM\t(APPLAUSE)\t0\n"
    "6\tCLINTON\tThank you, Lester.\t0\n"
)


def write(tmp_path: Path, text: str, name: str = "debate.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ranking_average_precision_hand_computed() -> None:
    # relevant at ranks 2 and 4: (1/2 + 2/4) / 2
    assert average_precision([0, 1, 0, 1]) == 0.5
    assert average_precision([1, 1, 0]) == 1.0
    assert average_precision([0, 0]) == 0.0


def test_ranking_reciprocal_rank_and_r_precision_hand_computed() -> None:
    assert reciprocal_rank([0, 0, 1, 1]) == 1 / 3
    assert reciprocal_rank([0]) == 0.0
    # R = 2 relevant, one of them in the first 2
    assert r_precision([1, 0, 1, 0]) == 0.5


def test_ranking_precision_at_counts_short_lists_as_misses() -> None:
    assert precision_at([1, 0, 1], 3) == 2 / 3
    assert precision_at([1, 0, 1], 5) == 0.4


def test_ranking_rank_labels_ties_keep_file_order() -> None:
    assert rank_labels([0.1, 0.9, 0.1, 0.5], [1, 0, 0, 1]) == [0, 1, 1, 0]


def test_ranking_mean_measures_averages_files() -> None:
    result = mean_measures([measures([1, 0]), measures([0, 1])])
    assert result == {"map": 0.75, "rr": 0.75, "r_precision": 0.5,
                      "p_at": {"1": 0.5, "3": 0.3333, "5": 0.2, "10": 0.1, "20": 0.05, "50": 0.02}, "files": 2}


def test_checkworthy_read_clef_reads_lines(tmp_path: Path) -> None:
    lines = read_clef(write(tmp_path, CLEF))
    assert [(g.number, g.speaker, g.label) for g in lines] == [
        (1, "HOLT", 0), (2, "TRUMP", 0), (3, "TRUMP", 1), (4, "TRUMP", 1), (5, "SYSTEM", 0), (6, "CLINTON", 0)]


@pytest.mark.parametrize("bad", ["7\tTRUMP\tNo label here.", "x\tTRUMP\tWrong number.\t1", "7\tTRUMP\tBad label.\t2"])
def test_checkworthy_read_clef_names_file_and_line(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, CLEF + bad + "\n")
    with pytest.raises(EvaluationError) as error:
        read_clef(path)
    assert str(error.value) == (f"malformed line, {path}:7, "
                                "expected line_no<TAB>speaker<TAB>sentence<TAB>label, label 0 or 1")


def test_checkworthy_clef_record_turns_and_kinds(tmp_path: Path) -> None:
    record = clef_record(read_clef(write(tmp_path, CLEF)))
    assert check_spans(record) == 10
    assert [(t.id, t.kind, t.span.text) for t in record.turns] == [
        ("t1", "question", "What will you do about jobs?"),
        ("t2", "answer", "Our jobs are fleeing the country.\nFord is moving 2,500 jobs to Mexico in 2017.\n"
                         "We have a trade deficit of almost $800 billion a year."),
        ("t3", "note", "(APPLAUSE)"),
        ("t4", "answer", "Thank you, Lester."),
    ]
    assert [s.turn for s in record.sentences] == ["t1", "t2", "t2", "t2", "t3", "t4"]


def test_checkworthy_evaluate_ranks_claims_first(tmp_path: Path) -> None:
    write(tmp_path, CLEF)
    result = evaluate_checkworthy(tmp_path)
    assert result["files"] == 1
    assert result["map"] == 1.0
    assert result["p_at"]["1"] == 1.0


def test_checkworthy_cli_json_shape(tmp_path: Path) -> None:
    write(tmp_path, CLEF)
    outcome = CliRunner().invoke(app, ["evaluate", "checkworthy", str(tmp_path), "--json"])
    assert outcome.exit_code == 0
    result = json.loads(outcome.stdout)
    assert list(result) == ["map", "rr", "r_precision", "p_at", "files"]
    assert list(result["p_at"]) == ["1", "3", "5", "10", "20", "50"]


def test_checkworthy_cli_malformed_line_is_one_error_line(tmp_path: Path) -> None:
    path = write(tmp_path, "1\tTRUMP\tonly three fields\n")
    outcome = CliRunner().invoke(app, ["evaluate", "checkworthy", str(path)])
    assert outcome.exit_code == 1
    assert outcome.stderr == (f"Error: malformed line, {path}:1, "
                              "expected line_no<TAB>speaker<TAB>sentence<TAB>label, label 0 or 1\n")


def test_checkworthy_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"no \*\.tsv files"):
        evaluate_checkworthy(tmp_path)
