"""Ask's candidate pools: BM25 over the rarest concepts, within the documents that speak for an actor, and
common words that must come together."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.ask import candidates as pools
from onrecord.ask.query import parse
from onrecord.corpus import Corpus


def test_candidates_rowid_ranges_merge_when_they_overlap_or_touch() -> None:
    assert pools._merged([(5, 9), (1, 3), (4, 4), (20, 30), (25, 26), (32, 40)]) == [(1, 9), (20, 30), (32, 40)]


def test_candidates_voiced_pool_is_fts5_bm25_within_the_voiced_documents(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    question = parse(connection, "What does Norway say about coastal towns and the harbour?")
    match = pools.match_expression(connection, question, without=frozenset({"norway"}))
    assert match is not None and "norway" not in match
    where, parameters = pools.filters(question)
    found: dict[int, pools.Candidate] = {}
    pools._voiced_bm25(connection, match, ["q20"], where, parameters, found, top=100.0)
    # The same ranking by joining every match to its document, as SQL would plan it.
    expected = connection.execute(
        "SELECT s.rowid, -bm25(sentences_fts) FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid"
        " WHERE sentences_fts MATCH ? AND s.doc IN (SELECT doc FROM voices WHERE actor = 'q20')"
        " ORDER BY bm25(sentences_fts)", (match,)).fetchall()
    assert [(c.rowid, round(c.bm25 * 100, 9)) for c in found.values()] == [(r, round(s, 9)) for r, s in expected]
    assert len(expected) >= 2 and {c.text for c in found.values()} >= {
        "Fishing quotas must be shared fairly between the coastal towns."}
    # A year filter ranks while it filters: no speech of 2021 in 2019.
    dated = parse(connection, "What did Norway say about coastal towns in 2019?")
    where, parameters = pools.filters(dated)
    found.clear()
    pools._voiced_bm25(connection, match, ["q20"], where, parameters, found, top=1.0)
    assert parameters == [2019, 2019] and found == {}


def test_candidates_common_words_alone_must_come_together(small_corpus: Path, monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    connection = Corpus(small_corpus).reader()
    question = parse(connection, "Did the harbour workers get support?")
    match = pools.match_expression(connection, question)
    assert match is not None and " AND " not in match
    monkeypatch.setattr(pools, "BUDGET", 0)  # even the rarest concept is in too many sentences
    together = pools.match_expression(connection, question)
    assert together is not None and together.count(" AND ") == 1
    rarest, others = together.split(" AND ")
    assert match == '"workers"' and rarest == '("workers")' and set(others.strip('()').split(' OR ')) == {'"harbour"', '"support"'}
    found = connection.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?",
                               (together,)).fetchall()
    assert len(found) == 1
