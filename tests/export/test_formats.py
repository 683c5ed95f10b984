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
from onrecord.export.jsonl import read_jsonl, write_jsonl
from onrecord.export.webanno import write_webanno
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
         "enumerations.csv", "attributions.csv", "citations.csv", "claims.csv", "stances.csv", "mentions.csv",
         "items.csv"])
    text = example_record.document.text
    with (tmp_path / "csv" / "turns.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(example_record.turns)
    for row in rows:
        assert text[int(row["span.start"]):int(row["span.end"])] == row["span.text"]
    with (tmp_path / "csv" / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        mentions = list(csv.DictReader(handle))
    assert len(mentions) == sum(len(a.mentions) for a in example_record.actors)


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
    count = 13 if format == "csv" else 1
    assert result.stdout == f"{count} files written to {tmp_path / name}\n"


def test_export_cli_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "xlsx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown export format, 'xlsx', choose parquet, qdpx, jsonl, csv, webanno\n"
