"""The transcript survey counts exchanges, unopened label lines, clock speakers and furniture per folder."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script


def test_transcript_survey_counts_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\n---\n2:50 P.M. EDT\nMS. PSAKI: Hi.\nQ Why now?\nMS. PSAKI: "
                                 "Because.\nQ And then?\nMS. PSAKI: Later.\nEND 3:00 P.M. EDT\n", encoding="utf-8")
    (folder / "b.txt").write_text("A speech with no questions.\nIt goes on.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "README.md").write_text("Q: not a transcript", encoding="utf-8")
    report = load_script("transcript_survey").survey(folder).report()
    assert report["documents"] == 2
    assert report["failed"] == [f"the file is empty, {folder / 'empty.txt'}, check that it is the transcript you meant"]
    assert (report["with_exchange"], report["with_question_line"]) == (1, 1)
    assert report["question_line_without_exchange"] == []
    assert report["label_lines_opening_no_turn"] == {}
    assert report["time_or_date_speakers"] == []
    assert report["turns_with_furniture"] == 0


def test_transcript_survey_main_prints_per_folder(tmp_path: Path, capsys: object) -> None:
    folder = tmp_path / "kremlin"
    folder.mkdir()
    (folder / "a.txt").write_text("Question: Why?\nVladimir Putin: Because.\n", encoding="utf-8")
    assert load_script("transcript_survey").main([str(folder)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith("== kremlin: 1 documents read, 0 failed\n   with at least one answered exchange: 1\n")
