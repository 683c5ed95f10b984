"""Search (escaped by default, raw on request) and keyword in context."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.corpus import Corpus
from onrecord.corpus.search import escape
from onrecord.errors import CorpusError


def test_search_escapes_fts_syntax() -> None:
    assert escape('coastal OR "towns" NEAR(') == '"coastal" "or" "towns" "near"'


def test_search_finds_all_words(small_corpus: Path) -> None:
    hits = Corpus(small_corpus).search("coastal towns")
    assert [h["span"]["text"] for h in hits] == [
        "Fishing quotas must be shared fairly between the coastal towns.",
        "Norway will double its support for coastal towns and for the harbour workers."]
    assert Corpus(small_corpus).search('towns" OR bridge') == []


def test_search_raw_passes_syntax_and_reports_errors(small_corpus: Path) -> None:
    hits = Corpus(small_corpus).search("bergen OR tromso", raw=True)
    assert sorted(h["span"]["text"] for h in hits) == [
        "The harbour of Tromso was rebuilt after the storm.", "The mayor of Bergen invited them after the flood."]
    with pytest.raises(CorpusError, match="not a valid FTS5 query"):
        Corpus(small_corpus).search("NEAR(", raw=True)


def test_search_kwic_splits_each_sentence(small_corpus: Path) -> None:
    lines = Corpus(small_corpus).kwic("coastal towns", window=3)
    assert [(x["left"], x["keyword"], x["right"], x["span"]["start"]) for x in lines] == [
        ("fairly between the", "coastal towns", ".", 128),
        ("its support for", "coastal towns", "and for the", 178)]


def test_search_bm25_equals_fts5_bm25(small_corpus: Path) -> None:
    from onrecord.corpus.bm25 import bm25
    from onrecord.corpus.lexical import stems

    connection = Corpus(small_corpus).reader()
    for query in ("the", "coastal towns", "harbour the"):
        expected = dict(connection.execute("SELECT rowid, -bm25(sentences_fts) FROM sentences_fts"
                                           " WHERE sentences_fts MATCH ?", (escape(query),)))
        texts = dict(connection.execute(f"SELECT rowid, text FROM sentences WHERE rowid IN ({','.join('?' * len(expected))})",
                                        sorted(expected)))
        phrases = list(stems(connection, {i: w for i, w in enumerate(query.split())}).values())
        found = bm25(connection, phrases, texts)
        assert sorted(found) == sorted(expected) and len(found) >= 2
        assert all(abs(found[rowid] - expected[rowid]) < 1e-9 for rowid in expected)


def test_search_rarest_words_first_gives_the_fts5_result(small_corpus: Path) -> None:
    from onrecord.corpus.search import _SELECT

    corpus = Corpus(small_corpus)
    for query in ("the harbour", "for the coastal towns", "the of", "towns the fairly"):
        expected = corpus.reader().execute(_SELECT, (escape(query), 20)).fetchall()
        assert [(h["span"]["start"], round(h["score"], 4)) for h in corpus.search(query)] == [
            (row[4], round(row[7], 4)) for row in expected]
        assert expected


def test_search_word_counts_follow_the_index(tmp_path: Path) -> None:
    from onrecord.corpus.lexical import row_counts, varints

    assert varints(bytes.fromhex("818A4C98CB5D")) == [17740, 402909]
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The harbour was rebuilt.\n", encoding="utf-8")
    second.write_text("The harbour and the harbour town.\n", encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([first])
        reader = Corpus(tmp_path / "c.db")
        assert row_counts(reader.reader(), ["harbour", "town"]) == {"harbour": 1, "town": 0}
        corpus.add([second])
        assert row_counts(reader.reader(), ["harbour", "town"]) == {"harbour": 2, "town": 1}
        reader.close()


def test_search_common_rarest_words_fall_back_to_all_words(small_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.corpus import search as module

    looked_up: list[str] = []
    matching = module._matching

    def spy(connection: object, expression: str) -> list[int]:
        looked_up.append(expression)
        return matching(connection, expression)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "FEW", 1)
    monkeypatch.setattr(module, "SELECTIVE", 1)
    monkeypatch.setattr(module, "_matching", spy)
    hits = Corpus(small_corpus).search("towns harbour")
    assert looked_up == ['"towns"', '"towns" "harbour"']
    assert [(h["span"]["text"], h["score"]) for h in hits] == [
        (row[6], round(row[7], 4)) for row in Corpus(small_corpus).reader().execute(
            module._SELECT, ('"towns" "harbour"', 20))]
    assert len(hits) == 1
