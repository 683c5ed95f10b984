"""Keyness (log-likelihood with Log Ratio) and actor timelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.corpus import Corpus
from onrecord.corpus.store import store
from onrecord.errors import CorpusError
from onrecord.record import Actor, Document, Mention, Record, Span, Speaker, Stance, Turn, document_id
from onrecord.web.actors import stance_charts


def test_stats_keyness_of_a_year(small_corpus: Path) -> None:
    terms = Corpus(small_corpus).keyness("2021", by="year", limit=3)
    assert terms == [
        {"term": "harbour", "target": 3, "reference": 0, "g2": 5.73, "log_ratio": 3.26},
        {"term": "coastal", "target": 2, "reference": 0, "g2": 3.82, "log_ratio": 2.68},
        {"term": "towns", "target": 2, "reference": 0, "g2": 3.82, "log_ratio": 2.68},
    ]


def test_stats_keyness_rejects_an_unknown_unit(small_corpus: Path) -> None:
    with pytest.raises(CorpusError, match="unknown keyness unit"):
        Corpus(small_corpus).keyness("x", by="decade")


def test_stats_timeline_counts_sentences_without_an_actors_layer(small_corpus: Path) -> None:
    rows = Corpus(small_corpus).timeline("coastal towns")
    assert [(r["date"], r["speaker"], r["mentions"], r["source"]) for r in rows] == [
        ("2021-06-04", "Unnamed speaker", 2, "text")]


def test_stats_timeline_uses_the_actors_layer(tmp_path: Path) -> None:
    text = "Israel spoke. The Zionist regime answered."
    record = Record(
        document=Document(document_id(text), "t", "t.txt", "2015-09-30", "en", text),
        speakers=(Speaker("s1", "A", "speaker"),),
        turns=(Turn("t1", "s1", "statement", Span.of(text, 0, len(text))),),
        actors=(Actor("a1", "Israel", "country", "Q801",
                      (Mention(Span.of(text, 0, 6), "name"), Mention(Span.of(text, 14, 32), "epithet"))),),
        stances=(Stance("a1", "s1", -0.5), Stance("a1", "s1", -0.9)),
    )
    with Corpus(tmp_path / "c.db") as corpus:
        store(corpus.writer(), record)
        rows = corpus.timeline("the Zionist regime")
    assert [(r["date"], r["speaker"], r["mentions"], r["stance"], r["source"]) for r in rows] == [
        ("2015-09-30", "A", 2, -0.7, "actors")]


def test_stats_timeline_says_whom_each_document_speaks_for(tmp_path: Path) -> None:
    def record(text: str, speaks_for: str, score: float) -> Record:
        return Record(
            document=Document(document_id(text), speaks_for, f"{speaks_for}.txt", "2015-09-30", "en", text,
                              speaks_for=speaks_for),
            speakers=(Speaker("s1", "A", "speaker"),),
            turns=(Turn("t1", "s1", "statement", Span.of(text, 0, len(text))),),
            actors=(Actor("a1", "Israel", "country", "Q801", (Mention(Span.of(text, 0, 6), "name"),)),),
            stances=(Stance("a1", "s1", score),),
        )

    with Corpus(tmp_path / "c.db") as corpus:
        store(corpus.writer(), record("Israel is our enemy.", "Iran", -0.8))
        store(corpus.writer(), record("Israel is our home.", "Israel", 0.8))
        rows = corpus.timeline("Israel")
    assert sorted((r["speaks_for"], r["stance"]) for r in rows) == [("Iran", -0.8), ("Israel", 0.8)]
    charts = stance_charts("Israel", rows)
    assert [c.title for c in charts] == ["Stance toward Israel in the words of Iran",
                                         "Stance toward Israel in the words of Israel"]
    assert [[p.score for p in c.points] for c in charts] == [[-0.8], [0.8]]


def test_stats_keyness_leaves_out_letters_alone(tmp_path: Path) -> None:

    texts = {"a.txt": "The U. N. must act. The U. N. must reform. The U. N. and the U. S. agree.",
             "b.txt": "The council met. The council voted."}
    with Corpus(tmp_path / "c.db") as corpus:
        for name, text in texts.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        assert corpus.add([tmp_path / "a.txt", tmp_path / "b.txt"]).failed == []
        terms = [t["term"] for t in corpus.keyness("a", by="document", limit=10)]
    assert terms and all(len(term) > 1 for term in terms)
