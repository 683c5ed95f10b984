"""JSONL, CSV and Web Annotation exports: what goes in comes out, at the same offsets."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.corpus.connection import open_writer
from onrecord.corpus.store import store
from onrecord.export import export, records_of
from onrecord.export.codings import codings
from onrecord.export.csv import safe_cell, unescape, write_csv
from onrecord.export.jsonl import read_jsonl, write_jsonl
from onrecord.export.webanno import write_webanno
from onrecord.pipeline import structure
from onrecord.readers import read
from onrecord.record import Record

runner = CliRunner()


@pytest.fixture(scope="module")
def example_corpus(example_record: Record, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "example.db"
    connection = open_writer(path)
    assert store(connection, example_record)
    connection.close()
    return path


def test_jsonl_round_trips_records(example_record: Record, tmp_path: Path) -> None:
    (path,) = write_jsonl([example_record, example_record], tmp_path / "records.jsonl")
    assert list(read_jsonl(path)) == [example_record, example_record]
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2


def test_csv_writes_one_file_per_layer_with_verbatim_spans(example_record: Record, tmp_path: Path) -> None:
    written = export([example_record], "csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(
        ["documents.csv", "speakers.csv", "turns.csv", "exchanges.csv", "sentences.csv", "actors.csv",
         "enumerations.csv", "attributions.csv", "citations.csv", "claims.csv", "stances.csv", "replies.csv", "mentions.csv",
         "items.csv"])
    text = example_record.document.text
    with (tmp_path / "csv" / "turns.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(example_record.turns)
    for row in rows:
        assert text[int(row["span.start"]):int(row["span.end"])] == unescape(row["span.text"])
    with (tmp_path / "csv" / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        mentions = list(csv.DictReader(handle))
    assert len(mentions) == sum(len(a.mentions) for a in example_record.actors)


# Turns a spreadsheet would run as formulas, and one that already starts with the quote the escape adds.
FORMULAS = ('Q: =HYPERLINK("http://evil.example","click")\n\nA: +1 and -2 and @SUM(A1)\n\n'
            "Q: '=quoted already\n\nA: Plain answer.\n")
FORMULA_TURNS = ['=HYPERLINK("http://evil.example","click")', "+1 and -2 and @SUM(A1)", "'=quoted already",
                 "Plain answer."]


@pytest.fixture
def formula_record(tmp_path: Path) -> Record:
    path = tmp_path / "formulas.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    return structure(read(path))


def _turn_cells(folder: Path) -> list[dict[str, str]]:
    with (folder / "turns.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_safe_cell_quotes_what_a_spreadsheet_would_run() -> None:
    cells = ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "'=1", "Plain", "", "a=1"]
    assert [safe_cell(c) for c in cells] == ["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\t=1", "'\r=1", "''=1", "Plain",
                                              "", "a=1"]
    assert [unescape(safe_cell(c)) for c in cells] == cells
    assert [safe_cell(v) for v in (-0.9, -3, None, True)] == [-0.9, -3, None, True]


def test_csv_quotes_formula_cells_by_default_and_keeps_offsets(formula_record: Record, tmp_path: Path) -> None:
    write_csv([formula_record], tmp_path)
    rows = _turn_cells(tmp_path)
    assert [row["span.text"] for row in rows] == ["'" + text if text[0] in "=+'" else text for text in FORMULA_TURNS]
    text = formula_record.document.text
    assert [text[int(row["span.start"]):int(row["span.end"])] for row in rows] == FORMULA_TURNS
    assert [unescape(row["span.text"]) for row in rows] == FORMULA_TURNS


def test_csv_verbatim_writes_cells_as_they_are(formula_record: Record, tmp_path: Path) -> None:
    connection = open_writer(tmp_path / "formulas.db")
    assert store(connection, formula_record)
    connection.close()
    result = runner.invoke(app, ["export", "csv", "--corpus", str(tmp_path / "formulas.db"), "--out",
                                 str(tmp_path / "csv"), "--verbatim"])
    assert result.exit_code == 0, result.stderr
    assert [row["span.text"] for row in _turn_cells(tmp_path / "csv")] == FORMULA_TURNS


def test_webanno_has_both_selectors_for_every_coding(example_record: Record, tmp_path: Path) -> None:
    (path,) = write_webanno([example_record], tmp_path / "notes.jsonld")
    collection = json.loads(path.read_text(encoding="utf-8"))
    items = collection["first"]["items"]
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["total"] == len(items) == len(codings(example_record))
    text = example_record.document.text
    for item in items:
        position, quote = item["target"]["selector"]
        assert position["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])


def test_export_records_of_a_corpus_are_the_stored_records(example_corpus: Path, example_record: Record) -> None:
    assert list(records_of(example_corpus)) == [example_record]


@pytest.mark.parametrize(("format", "name"), [("qdpx", "out.qdpx"), ("jsonl", "out.jsonl"), ("csv", "csv"),
                                              ("webanno", "out.jsonld")])
def test_export_cli_writes_each_format(example_corpus: Path, tmp_path: Path, format: str, name: str) -> None:
    result = runner.invoke(app, ["export", format, "--corpus", str(example_corpus), "--out", str(tmp_path / name)])
    assert result.exit_code == 0, result.stderr
    written = "14 files" if format == "csv" else "1 file"
    assert result.stdout == f"{written} written to {tmp_path / name}\n"


def test_export_cli_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "xlsx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown export format, 'xlsx', choose parquet, qdpx, jsonl, csv, webanno\n"
