"""Broken and hostile input: one ``Error:`` line per bad file, the good files of the batch come out, nothing is
lost in silence, and every Record is valid JSON. The bad files are made here, small versions of real ones."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import onrecord.pipeline
from onrecord.cli import app
from onrecord.corpus import Corpus, batch
from onrecord.errors import AnalysisError, ReadError
from onrecord.readers import read_bytes
from onrecord.record import Record, check_spans, to_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "interview.txt"
runner = CliRunner()


def _strict(text: str) -> Any:
    """JSON as the standard has it: NaN and Infinity are not numbers there."""
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "cannot be read as json (RecursionError"),
    "digits.json": (b'{"turns": [{"speaker": "A", "text": "Hi.", "start": ' + b"7" * 5000 + b"}]}",
                    "cannot be read as json (ValueError"),
    "stamp.vtt": (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nModerator: Welcome.\n\n"
                  b"00:00:0x.000 --> 00:00:04.000\nQuestion: Hello?\n", "line 6 has a malformed time stamp '00:00:0x.000'"),
    "clock.srt": (b"1\n00:00:01,000 --> 00:00:02,000\nJOHN: Hello?\n\n2\n99:99:99,000 --> 99:99:99,500\nMARY: Hi.\n",
                  "line 6 has a malformed time stamp '99:99:99,000'"),
}


def test_reliability_bad_files_each_give_one_error_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    for name, (content, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    paths = [str(tmp_path / name) for name in BAD_FILES] + [str(fifo), str(EXAMPLE)]
    result = runner.invoke(app, ["analyze", *paths, "--json"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    reasons = [reason for _, reason in BAD_FILES.values()] + ["not a regular file"]
    assert len(errors) == len(reasons)
    for line, path, reason in zip(errors, paths, reasons, strict=False):
        assert line.startswith("Error: ") and reason in line and path in line, line
    assert [r["document"]["source"] for r in _strict(result.stdout)] == [str(EXAMPLE)]


def test_reliability_json_records_are_valid_json_whatever_the_numbers() -> None:
    data = b'{"turns": [{"speaker": "A", "text": "Hello there.", "start": NaN, "end": Infinity},' \
           b' {"speaker": "B", "text": "Hi \\ud800 you.", "start": 1e999, "end": 2}]}'
    source = read_bytes(data, "nan.json", format="json")
    assert [segment.time for segment in source.segments] == [None, None]
    assert "Hi \ufffd you." in source.text
    record = onrecord.pipeline.analyze_source(source)
    check_spans(record)
    assert _strict(to_json(record))["document"]["text"] == source.text


def test_reliability_a_file_name_that_is_not_utf8_is_read_and_shown(tmp_path: Path) -> None:
    path = Path(os.fsdecode(tmp_path / os.fsdecode(b"caf\xe9.txt")))
    path.write_bytes(EXAMPLE.read_bytes())
    result = runner.invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 0
    assert _strict(result.stdout)["document"]["source"].endswith("caf\ufffd.txt")
    missing = Path(os.fsdecode(tmp_path / os.fsdecode(b"gone\xff.txt")))
    result = runner.invoke(app, ["analyze", str(missing)])
    assert result.stderr.splitlines() == [f"Error: no such file, {tmp_path}/gone\ufffd.txt, check the path"]


@pytest.fixture
def crashing_analysis(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An analysis with a defect that shows on documents holding the word CRASH."""
    original = onrecord.pipeline.annotate

    def annotate(record: Record, doc: Any, **kwargs: Any) -> Record:
        if "CRASH" in record.document.text:
            raise RecursionError("maximum recursion depth exceeded")
        return original(record, doc, **kwargs)

    monkeypatch.setattr(onrecord.pipeline, "annotate", annotate)
    yield


@pytest.mark.usefixtures("crashing_analysis")
def test_reliability_an_analysis_that_fails_is_that_documents_error(tmp_path: Path) -> None:
    crash = tmp_path / "crash.txt"
    crash.write_text("Question: Why?\nAnswer: CRASH, because.\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="cannot be analyzed \\(RecursionError: maximum recursion"):
        onrecord.pipeline.analyze(crash)
    result = runner.invoke(app, ["analyze", str(crash), str(EXAMPLE), "--json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: cannot be analyzed (RecursionError: maximum recursion depth exceeded), {crash}, "
        "report it with the file attached"]
    assert [r["document"]["source"] for r in _strict(result.stdout)] == [str(EXAMPLE)]
    with Corpus(tmp_path / "c.db") as corpus:
        added = corpus.add([crash, EXAMPLE])
    assert (added.added, [path for path, _ in added.failed]) == (1, [str(crash)])


def test_reliability_a_folder_that_cannot_be_walked_is_counted_and_named(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs" / "locked").mkdir(parents=True)
    (tmp_path / "docs" / "interview.txt").write_bytes(EXAMPLE.read_bytes())
    walk = os.walk

    def walk_refusing(top: str, onerror: Any = None) -> Iterator[tuple[str, list[str], list[str]]]:
        for root, folders, files in walk(top, onerror=onerror):
            if "locked" in folders and onerror is not None:  # as os.walk does when a folder's listing is refused
                folders.remove("locked")
                onerror(PermissionError(13, "Permission denied", os.path.join(root, "locked")))
            yield root, folders, files

    monkeypatch.setattr(batch.os, "walk", walk_refusing)
    expansion = batch.expand([tmp_path / "docs"])
    assert expansion.files == [str(tmp_path / "docs" / "interview.txt")]
    locked = str(tmp_path / "docs" / "locked")
    assert expansion.errors == [(locked, f"cannot be walked (Permission denied), {locked}, "
                                         "check the folder's permissions")]
    with Corpus(tmp_path / "c.db") as corpus:
        result = corpus.add([tmp_path / "docs"])
    assert (result.added, result.total, [path for path, _ in result.failed]) == (1, 2, [locked])


def analyze_or_die(paths: list[str], known: Any = None, catalog: Any = None) -> list[batch.Outcome]:
    """A worker's task that kills its process, as the OOM killer would, on a file named ``die``."""
    if any(Path(path).stem == "die" for path in paths):
        os._exit(9)
    return batch.analyze_paths(paths, known, catalog)


def test_reliability_a_worker_that_dies_loses_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["one", "die", "two"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text(f"Question: Why {name}?\nAnswer: Because of {name}.\n", encoding="utf-8")
    monkeypatch.setattr(batch, "analyze_paths", analyze_or_die)
    files = [str(tmp_path / f"{name}.txt") for name in names]
    outcomes = {Path(o.path).stem: o for o in batch.run(files, {}, workers=2)}
    assert sorted(outcomes) == sorted(names)
    assert outcomes["die"].record is None and "the worker process died" in str(outcomes["die"].error)
    assert all(outcomes[name].record is not None for name in ("one", "two"))


@pytest.mark.parametrize(("text", "encoded"), [
    ("Question: Ça coûte combien, señor?\nAnswer: Très cher, à peu près 3 € — «trop».\n", "cp1252"),
    ("Question: Ça coûte combien?\nAnswer: Très cher, señor.\n", "latin-1"),
    ("Вопрос: Как дела у вас сегодня?\nОтвет: Хорошо, спасибо, всё в порядке.\n", "cp1251"),
])
def test_reliability_eight_bit_encodings_are_read_as_written(text: str, encoded: str) -> None:
    assert read_bytes(text.encode(encoded), "old.txt").text == text


def test_reliability_a_utf8_file_with_latin1_lines_is_read_line_by_line() -> None:
    data = "Question: Ça coûte combien, señor?\n".encode() + "Answer: Très cher, à peu près 3 €.\n".encode("cp1252")
    assert read_bytes(data, "mixed.txt").text == "Question: Ça coûte combien, señor?\nAnswer: Très cher, à peu près 3 €.\n"


def test_reliability_a_full_disk_is_said_and_what_was_stored_stays(tmp_path: Path) -> None:
    from onrecord.errors import CorpusError

    corpus = Corpus(tmp_path / "full.db")
    assert corpus.add([EXAMPLE]).added == 1
    pages = corpus.writer().execute("PRAGMA page_count").fetchone()[0]
    corpus.writer().execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "database or disk is full"
    long = tmp_path / "long.txt"
    long.write_text("Question: Why?\n" + "Answer: Because the river does not stop at our border. " * 3000, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        corpus.add([long])
    assert str(caught.value).startswith("the disk is full (database or disk is full), ")
    corpus.close()
    with Corpus(tmp_path / "full.db") as again:
        assert [hit["title"] for hit in again.search("Danube", limit=1)] == [
            "Interview with Foreign Minister Elena Varga on the Danube water agreement"]
        assert again.reader().execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize(("damage", "said"), [
    (lambda data: b"not a database at all\n" * 10, "not an onrecord corpus (file is not a database)"),
    (lambda data: data[:4096] + b"\xff" * (len(data) - 4096), "the corpus file is damaged"),
])
def test_reliability_a_corpus_that_is_no_corpus_is_one_error_line(tmp_path: Path, damage: Any, said: str) -> None:
    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        corpus.add([EXAMPLE])
        corpus.writer().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(damage(path.read_bytes()))
    for command in (["ask", "Danube"], ["search", "Danube"], ["timeline", "Danube"]):
        result = runner.invoke(app, [*command, "--corpus", str(path)])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {said}") and result.stderr.count("\n") == 1, result.stderr


def test_reliability_a_document_whose_text_outgrows_the_limit_is_refused(tmp_path: Path) -> None:
    from formats import docx_bytes
    from onrecord.readers import read

    path = tmp_path / "packed.docx"
    path.write_bytes(docx_bytes(["Question: Why? " + "Answer: because. " * 20_000]))
    assert path.stat().st_size < 50_000
    with pytest.raises(ReadError, match=r"its text is 34\d,\d{3} characters, over the limit of 100,000, "):
        read(path, max_bytes=100_000)


def test_reliability_long_texts_are_parsed_in_segments_into_one_doc() -> None:
    import onrecord.nlp
    from onrecord.nlp import parse, segments

    text = ("Question: Why did the talks fail?\n\nAnswer: The river does not stop at our border. " * 40).strip()
    cuts = segments(text, size=500)
    assert len(cuts) > 5 and cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(text[end - 2:end] == "\n\n" for _, end in cuts[:-1])  # cut at paragraph breaks

    whole = parse(text)
    original = onrecord.nlp.SEGMENT
    try:
        onrecord.nlp.SEGMENT = 500
        assert len(segments(text)) > 5
        joined = parse(text)
    finally:
        onrecord.nlp.SEGMENT = original
    assert joined.text == text
    assert [s.text for s in joined.sents] == [s.text for s in whole.sents]
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]


def test_reliability_a_document_that_hangs_its_analysis_is_stopped(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    original = onrecord.pipeline.annotate

    def annotate(record: Record, doc: Any, **kwargs: Any) -> Record:
        if "HANG" in record.document.text:
            time.sleep(30)
        return original(record, doc, **kwargs)

    monkeypatch.setattr(onrecord.pipeline, "annotate", annotate)
    monkeypatch.setattr(onrecord.pipeline, "limit_for", lambda characters: 1.0)
    monkeypatch.setattr(batch, "limit_for", lambda characters: 1.0)
    hang = tmp_path / "hang.txt"
    hang.write_text("Question: Why?\nAnswer: HANG, because.\n", encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(app, ["analyze", str(hang), str(EXAMPLE), "--json"])
    assert result.stderr.splitlines() == [
        f"Error: its analysis took longer than 1 s, {hang}, report it with the file attached"]
    assert [r["document"]["source"] for r in _strict(result.stdout)] == [str(EXAMPLE)]
    with Corpus(tmp_path / "c.db") as corpus:
        added = corpus.add([hang, EXAMPLE])
    assert (added.added, added.failed) == (1, [(str(hang), result.stderr.strip()[len("Error: "):])])
    assert time.monotonic() - started < 20


def test_reliability_a_docx_that_declares_entities_is_refused(tmp_path: Path) -> None:
    import io
    import zipfile

    from formats import docx_bytes
    from onrecord.readers import read

    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["Question: Why? Answer: PLACEHOLDER and the rest."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                head, body = data.split(b"?>", 1)
                data = head + b'?><!DOCTYPE w:document [<!ENTITY e "Gaza">]>' + body.replace(b"PLACEHOLDER", b"&e;")
            target.writestr(info, data)
    path = tmp_path / "entity.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReadError, match=r"its part word/document\.xml declares a document type"):
        read(path)


def test_reliability_add_with_workers_stores_the_good_files_beside_bad_ones(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = runner.invoke(app, ["add", str(deep), str(EXAMPLE), "--workers", "2", "--corpus", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == f"1 added, 0 skipped (stored already), 1 failed: {tmp_path / 'c.db'}"
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("Error: cannot be read as json (RecursionError")


def test_reliability_a_token_longer_than_any_name_is_no_lost_ligature() -> None:
    from onrecord.analyses.actors.resolve import _ligature_lost
    from onrecord.kb import load_kb

    kb = load_kb()
    assert _ligature_lost("Palesnians", kb) is not None  # "Palestinians" with its "ti" ligature lost
    assert _ligature_lost("Palesnians" * 1_000_000, kb) is None  # at once: once a copy per character (hours)
