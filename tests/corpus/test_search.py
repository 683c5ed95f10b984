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
