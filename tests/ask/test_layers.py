"""Ask signals from the analyses: citations when a quotation is asked for, speech attributed to whom the
question has speak."""

from __future__ import annotations

from pathlib import Path

from onrecord.ask.candidates import Candidate
from onrecord.ask.layers import Findings, asks_quotation
from onrecord.ask.query import parse
from onrecord.corpus import Corpus


def test_layers_question_asking_for_a_quotation(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    asked = [asks_quotation(parse(connection, text)) for text in (
        "Which verse does he quote?", "What did she cite?", "Which Surah is it?", "Who invited the engineers?")]
    assert asked == [True, True, True, False]


def test_layers_speech_attributed_to_whom_the_question_has_speak(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    rows = connection.execute("SELECT s.rowid, s.turn, s.text, t.question FROM sentences AS s"
                              " JOIN turns AS t ON t.rowid = s.turn WHERE s.doc = 1 ORDER BY s.rowid").fetchall()
    candidates = [Candidate(*row) for row in rows]
    marked = Findings(connection, parse(connection, "What do critics say about the bridge?"), candidates)
    assert [c.text for c in candidates if marked.marked(c)] == ["Critics said it was a waste of money."]
    unmarked = Findings(connection, parse(connection, "What does the mayor say about the bridge?"), candidates)
    assert [c.text for c in candidates if unmarked.marked(c)] == []


def test_layers_citation_marks_its_sentence_when_a_quotation_is_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("We must be patient. As the Quran says, \u201cIndeed, with hardship comes ease\u201d (Quran 94:6). "
                    "The harbour will be rebuilt.\n", encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([path])
        connection = corpus.reader()
        rows = connection.execute("SELECT s.rowid, s.turn, s.text, t.question FROM sentences AS s"
                                  " JOIN turns AS t ON t.rowid = s.turn ORDER BY s.rowid").fetchall()
        candidates = [Candidate(*row) for row in rows]
        quoting = Findings(connection, parse(connection, "Which verse does he quote?"), candidates)
        plain = Findings(connection, parse(connection, "Will the harbour be rebuilt?"), candidates)
        assert [c.text for c in candidates if quoting.marked(c)] == [
            "As the Quran says, \u201cIndeed, with hardship comes ease\u201d (Quran 94:6)."]
        assert [c.text for c in candidates if plain.marked(c)] == []
