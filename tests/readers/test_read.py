from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from formats import FONT, WRITERS, docx_bytes
from onrecord.errors import ReadError
from onrecord.readers import read, read_bytes
from onrecord.transcript import Transcript, transcribe

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "onrecord" / "examples" / "interview.txt"


def _shape(t: Transcript) -> list[tuple[str | None, str, str]]:
    labels = {s.id: s.label for s in t.speakers}
    return [(labels.get(turn.speaker or ""), turn.kind, " ".join(turn.span.text.split())) for turn in t.turns]


def _formats(text: str, tmp_path: Path, formats: tuple[str, ...]) -> dict[str, Transcript]:
    if "pdf" in formats and not FONT.is_file():
        pytest.skip("fonts-dejavu-core is not installed (make system-deps)")
    return {fmt: transcribe(read(WRITERS[fmt](text, tmp_path / f"doc.{fmt}"))) for fmt in formats}


def test_read_every_format_gives_the_same_reference_turns(reference_text: str, tmp_path: Path) -> None:
    plain = _shape(transcribe(read_bytes(reference_text.encode(), "ref.txt")))
    for fmt, transcript in _formats(reference_text, tmp_path, ("html", "docx", "pdf", "json")).items():
        assert _shape(transcript) == plain, fmt


def test_read_example_in_html_docx_pdf_gives_the_same_turns(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    plain = _shape(transcribe(read(EXAMPLE)))
    assert len(plain) == 10
    for fmt, transcript in _formats(text, tmp_path, ("html", "docx", "pdf")).items():
        assert _shape(transcript) == plain, fmt


def test_read_text_metadata_title_and_date() -> None:
    source = read(EXAMPLE)
    assert (source.title, source.date, source.format) == (
        "Interview with Foreign Minister Elena Varga on the Danube water agreement", "2025-03-14", "txt")
    named = read_bytes(b"Q: Hi?\nA: Yes.", "nyt_2016-09-08_story.txt", title="T", speaker="X")
    assert (named.title, named.date, named.speaker) == ("T", "2016-09-08", "X")


def test_read_year_in_file_name_is_the_period_when_no_day_is_known() -> None:
    speech = read_bytes(b"Mr. President, my delegation thanks you.", "IRN_42_1987.txt")
    assert (speech.date, speech.period) == (None, "1987")
    dated = read_bytes(b"Mr. President, my delegation thanks you.", "IRN_42_1987.txt", date="1987-09-22")
    assert (dated.date, dated.period) == ("1987-09-22", None)
    assert read_bytes(b"Some words.", "report_1999_2004.txt").period is None  # two years: neither
    assert read_bytes(b"Some words.", "notes_12345.txt").period is None


def test_read_a_date_in_the_text_of_another_year_than_the_file_name_is_an_event_not_the_documents_date() -> None:
    recalled = read_bytes(b"Mr. President, on 11 September 2001 the world changed.", "IDN_60_2005.txt")
    assert (recalled.date, recalled.period) == (None, "2005")
    dated = read_bytes(b"New York, 21 September 2005. Mr. President, we meet again.", "IDN_60_2005.txt")
    assert (dated.date, dated.period) == ("2005-09-21", None)


def test_read_repairs_mojibake_and_keeps_sound_text() -> None:
    words = " In the words of the Gospel according to Saint Mark, one could say to the mountain:"
    broken = f"{words} â€œBe thou removedâ€\x9d (Mark 11:23)".encode()
    assert read_bytes(broken, "m.txt").text == f"{words} “Be thou removed” (Mark 11:23)"
    sound = "“Déjà vu” — naïve café, 5 €, İstanbul, Ahmadian’s"
    assert read_bytes(sound.encode(), "s.txt").text == sound


def test_read_normalizes_line_ends_and_unicode() -> None:
    source = read_bytes(("Cafe\u0301 one\r\ntwo\rthree" + " word" * 60 + "\x07").encode(), "n.txt")
    assert source.text == "Café one\ntwo\nthree" + " word" * 60


def test_read_html_keeps_bold_labels_and_metadata() -> None:
    page = (b"<html><head><title>Talk</title><meta property='article:published_time' content='2024-12-18'>"
            b"</head><body><p><b>Moderator</b>: Why?</p><p><b>Jane Roe:</b> Because.</p>"
            b"<script>alert(1)</script></body></html>")
    source = read_bytes(page, "p.html", format="html")
    assert source.text == "Moderator: Why?\nJane Roe: Because."
    assert (source.title, source.date) == ("Talk", "2024-12-18")
    t = transcribe(source)
    assert _shape(t) == [("Moderator", "question", "Why?"), ("Jane Roe", "answer", "Because.")]


def test_read_subtitles_voices_and_timestamps() -> None:
    vtt = (b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Lisa Doucet>Hello there,\nthis is it?\n\n"
           b"00:00:04.500 --> 00:00:06.000\n<v Bob>Hi Lisa.\n\n00:00:06.000 --> 00:00:08.250\n(LAUGHTER) Yes.\n")
    t = transcribe(read_bytes(vtt, "a.vtt", format="vtt"))
    assert _shape(t) == [("Lisa Doucet", "question", "Hello there, this is it?"), ("Bob", "answer", "Hi Lisa."),
                         (None, "note", "(LAUGHTER)"), ("Bob", "answer", "Yes.")]
    assert [(turn.time.start, turn.time.end) if turn.time else None for turn in t.turns] == [
        (1.0, 4.0), (4.5, 8.25), None, (4.5, 8.25)]
    srt = b"1\n00:00:01,000 --> 00:00:02,000\nJOHN: Hello?\n\n2\n00:00:02,500 --> 00:00:03,000\nMARY: Hi.\n"
    assert _shape(transcribe(read_bytes(srt, "a.srt", format="srt"))) == [
        ("JOHN", "question", "Hello?"), ("MARY", "answer", "Hi.")]


def test_read_json_turns_merge_one_speakers_segments() -> None:
    data = {"title": "Call", "date": "2024-01-02", "segments": [
        {"speaker": "SPEAKER_00", "text": "Are you there?", "start": 0.5, "end": 1.5},
        {"speaker": "SPEAKER_01", "text": "Yes.", "start": 2, "end": 3},
        {"speaker": "SPEAKER_01", "text": "I am.", "start": 3, "end": 4}]}
    source = read_bytes(json.dumps(data).encode(), "c.json", format="json")
    assert (source.title, source.date) == ("Call", "2024-01-02")
    t = transcribe(source)
    assert _shape(t) == [("SPEAKER_00", "question", "Are you there?"), ("SPEAKER_01", "answer", "Yes. I am.")]
    assert t.turns[1].time is not None and (t.turns[1].time.start, t.turns[1].time.end) == (2.0, 4.0)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [("Le président a dit: «Non».", "latin-1"), ("Question: Où?\nA: Là.", "utf-16"),
     ("Question: Où?\nA: Là.", "utf-16-le"), ("Plain ASCII.", "ascii"), ("Über — “quoted”", "utf-8-sig")],
)
def test_read_detects_encodings(data: str, encoding: str) -> None:
    assert read_bytes(data.encode(encoding), "e.txt").text == data


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 300_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n\t ", "the file is empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary data"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "damaged or truncated PDF"),
        ("corrupt.docx", b"PK\x03\x04 this is not a zip", "not a Word document"),
        ("notdocx.docx", docx_bytes(["x"])[:200], "not a Word document"),
        ("empty.html", b"<html><head><title>x</title></head><body><script>1</script></body></html>", "no text"),
        ("bad.json", b"{\"turns\": 3}", "no list of turns"),
        ("bad.vtt", b"WEBVTT\n\nnot a cue", "no text"),
    ],
)
def test_read_bad_input_says_why(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason) as caught:
        read(path)
    assert str(path) in str(caught.value)


def test_read_refuses_zip_bombs(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip_bomb())
    with pytest.raises(ReadError, match="a zip bomb"):
        read(path)


def test_read_refuses_missing_paths_directories_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(ReadError, match="500 bytes is over the limit of 100"):
        read(big, max_bytes=100)


def test_read_title_is_no_salutation_nor_invocation() -> None:
    for opening in ("In the name of God, the Compassionate, the Merciful", "Mr. President", "Excellencies"):
        assert read_bytes(f"{opening}\nWe meet today.".encode(), "IRN_70_2015.txt").title == "IRN_70_2015"
    assert read_bytes(b"Interview with the Minister\nQ: Why?", "a.txt").title == "Interview with the Minister"


def test_read_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError, match="not a regular file"):
        read(pipe)
