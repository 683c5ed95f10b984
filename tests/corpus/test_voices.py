"""Whom a document speaks for: its country mentions weighed against the corpus (tf-idf), kept in ``voices``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from onrecord.corpus import Corpus
from onrecord.corpus.voices import weigh, weigh_again


def _corpus(mentions: dict[int, dict[str, int]], stated: dict[int, str] | None = None) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.executescript("""
        CREATE TABLE documents (rowid INTEGER PRIMARY KEY, speaks_for TEXT);
        CREATE TABLE country_mentions (doc INTEGER, actor TEXT, mentions INTEGER, first INTEGER,
                                       PRIMARY KEY (doc, actor)) WITHOUT ROWID;
        CREATE TABLE voices (doc INTEGER PRIMARY KEY, actor TEXT NOT NULL);
    """)
    for doc, found in mentions.items():
        connection.execute("INSERT INTO documents (rowid, speaks_for) VALUES (?, ?)", (doc, (stated or {}).get(doc)))
        connection.executemany("INSERT INTO country_mentions VALUES (?, ?, ?, ?)",
                               [(doc, actor, count, place) for place, (actor, count) in enumerate(found.items())])
    return connection


def test_voices_the_speakers_country_is_named_in_its_own_documents_not_in_everyone_elses() -> None:
    # Kenya's speech about the Haiti mission names Haiti most; Haiti and the United States are named elsewhere too.
    connection = _corpus({1: {"haiti": 15, "kenya": 10, "us": 3}, 2: {"haiti": 6, "us": 11}, 3: {"us": 12, "france": 9},
                          4: {"us": 30, "france": 2}})
    weigh_again(connection)
    # The United States, named everywhere, keeps the voice only where it is named twice as often as the other.
    assert dict(connection.execute("SELECT doc, actor FROM voices")) == {1: "kenya", 2: "haiti", 3: "france", 4: "us"}


def test_voices_alone_or_tied_the_most_mentioned_then_the_first_speaks() -> None:
    connection = _corpus({1: {"iraq": 4, "iran": 9}})
    weigh(connection, [1])
    assert connection.execute("SELECT actor FROM voices").fetchall() == [("iran",)]
    tied = _corpus({1: {"iraq": 5, "iran": 5}, 2: {"iraq": 1, "iran": 1}})
    weigh_again(tied)
    assert dict(tied.execute("SELECT doc, actor FROM voices")) == {1: "iraq", 2: "iraq"}


def test_voices_a_catalog_says_whom_a_document_speaks_for() -> None:
    # Kenya's speech names Haiti most; its catalog says it is Kenya's. A name the knowledge base does not know is
    # kept as it is, lowercased; the European Union is a body, not a country.
    connection = _corpus({1: {"q790": 15, "q114": 10}, 2: {"q790": 2}, 3: {"q30": 1}, 4: {}},
                         {1: "Kenya", 3: "Atlantis", 4: "European Union"})
    weigh_again(connection)
    assert dict(connection.execute("SELECT doc, actor FROM voices")) == {1: "q114", 2: "q790", 3: "atlantis",
                                                                         4: "q458"}
    weigh(connection, [1])
    assert connection.execute("SELECT actor FROM voices WHERE doc = 1").fetchall() == [("q114",)]


def test_voices_kept_for_the_stored_documents(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    assert connection.execute("SELECT actor FROM country_mentions WHERE doc = 2").fetchall() == [("q20",)]
    # Norway is the only country either document names (the interview: "engineers from Norway").
    assert connection.execute("SELECT doc, actor FROM voices").fetchall() == [(1, "q20"), (2, "q20")]
