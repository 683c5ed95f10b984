"""The corpus tables, as numbered migrations; ``PRAGMA user_version`` says which have run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from onrecord.corpus.transaction import immediate

# Each migration runs once, in order, inside one transaction. Never edit a released one: append a new one.
# Keep the country actors of the ``documents`` (an SQL condition on ``f.doc``), keyed as actor_names is (the kb
# id, else the name, lowercased), with their mentions and the place of the first in the actors layer.
COUNTRY_MENTIONS = """
    INSERT INTO country_mentions (doc, actor, mentions, first)
    SELECT f.doc, lower(coalesce(json_extract(f.data, '$.kb'), json_extract(f.data, '$.name'))) AS actor,
           sum(json_array_length(f.data, '$.mentions')), min(f.item)
    FROM findings AS f WHERE {documents} AND f.layer = 'actors' AND json_extract(f.data, '$.type') = 'country'
         AND actor IS NOT NULL
    GROUP BY f.doc, actor
"""

def _recalled_dates(connection: sqlite3.Connection) -> None:
    """Documents stored with a date read from the head or tail of their text that falls in another year than
    their file name gives ("11 September 2001" opening ``IDN_60_2005.txt``) get the file name's year as their
    period instead, as ``read`` now does; a date given by a catalog or an option, which the text does not state,
    stays."""
    from onrecord.readers.metadata import date_in_text, recalled, year_in_filename

    dated = connection.execute("SELECT rowid, source, date FROM documents WHERE date IS NOT NULL").fetchall()
    for rowid, source, date in dated:
        named = year_in_filename(source)
        if named is None or not recalled(date, source):
            continue
        (text,) = connection.execute("SELECT text FROM documents WHERE rowid = ?", (rowid,)).fetchone()
        if date_in_text(text) != date:
            continue  # a date the text does not state: a catalog's or an option's
        connection.execute(
            "UPDATE documents SET date = NULL, year = ?, record = json_set(record, '$.document.date', json('null'),"
            " '$.document.period', ?) WHERE rowid = ?", (int(named), named, rowid))


Migration = str | Callable[[sqlite3.Connection], None]  # SQL, or a function run inside the transaction

MIGRATIONS: tuple[Migration, ...] = (
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        date TEXT,
        year INTEGER,
        language TEXT NOT NULL,
        format TEXT NOT NULL,
        words INTEGER NOT NULL,
        text TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX documents_year ON documents(year);
    CREATE TABLE speakers (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        id TEXT NOT NULL,
        label TEXT NOT NULL,
        role TEXT NOT NULL,
        actor TEXT,
        PRIMARY KEY (doc, id)
    );
    CREATE TABLE turns (
        rowid INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        id TEXT NOT NULL,
        speaker TEXT,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        question INTEGER REFERENCES turns(rowid)
    );
    CREATE INDEX turns_doc ON turns(doc);
    CREATE INDEX turns_question ON turns(question);
    CREATE TABLE sentences (
        rowid INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        turn INTEGER NOT NULL REFERENCES turns(rowid) ON DELETE CASCADE,
        id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX sentences_turn ON sentences(turn);
    CREATE INDEX sentences_doc ON sentences(doc);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TABLE findings (
        rowid INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        item INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX findings_layer ON findings(layer, doc);
    CREATE TABLE spans (
        finding INTEGER NOT NULL REFERENCES findings(rowid) ON DELETE CASCADE,
        doc INTEGER NOT NULL,
        layer TEXT NOT NULL,
        path TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX spans_layer ON spans(layer, doc);
    CREATE INDEX spans_finding ON spans(finding);
    CREATE TABLE actor_names (
        name TEXT NOT NULL,
        actor TEXT NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        finding INTEGER NOT NULL REFERENCES findings(rowid) ON DELETE CASCADE
    );
    CREATE INDEX actor_names_name ON actor_names(name);
    CREATE INDEX actor_names_actor ON actor_names(actor);
    """,
    # 2: whom each document speaks for (its most-mentioned country), filled for the documents stored already;
    # sentence vectors for ask (wordllama, int8), filled by the writer (``store.fill``) as it opens.
    """
    CREATE TABLE sentence_vectors (
        rowid INTEGER PRIMARY KEY REFERENCES sentences(rowid) ON DELETE CASCADE,
        vector BLOB NOT NULL
    );
    CREATE TABLE voices (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        actor TEXT NOT NULL
    );
    CREATE INDEX voices_actor ON voices(actor);
    INSERT INTO voices (doc, actor)
    SELECT doc, actor FROM (
        SELECT f.doc AS doc, lower(coalesce(json_extract(f.data, '$.kb'), json_extract(f.data, '$.name'))) AS actor,
               row_number() OVER (PARTITION BY f.doc
                                  ORDER BY json_array_length(f.data, '$.mentions') DESC, f.item) AS place
        FROM findings AS f WHERE f.layer = 'actors' AND json_extract(f.data, '$.type') = 'country'
    ) WHERE place = 1 AND actor IS NOT NULL;
    """,
    # 3: ask looks up whether a candidate's document names an actor, by document.
    """
    CREATE INDEX actor_names_doc ON actor_names(doc, name);
    """,
    # 4: add finds the document stored from the same file, to replace it when the file's text changed.
    """
    CREATE INDEX documents_source ON documents(source);
    """,
    # 5: every name of every actor once, with how many documents use it, kept by triggers: ask reads a
    # question's actors and their other names here instead of walking one row per document ("Iran": thousands).
    """
    CREATE TABLE actor_aliases (
        name TEXT NOT NULL,
        actor TEXT NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY (name, actor)
    ) WITHOUT ROWID;
    CREATE INDEX actor_aliases_actor ON actor_aliases(actor, documents);
    INSERT INTO actor_aliases (name, actor, documents) SELECT name, actor, count(*) FROM actor_names GROUP BY name, actor;
    CREATE TRIGGER actor_names_ai AFTER INSERT ON actor_names BEGIN
        INSERT INTO actor_aliases (name, actor, documents) VALUES (new.name, new.actor, 1)
        ON CONFLICT DO UPDATE SET documents = documents + 1;
    END;
    CREATE TRIGGER actor_names_ad AFTER DELETE ON actor_names BEGIN
        UPDATE actor_aliases SET documents = documents - 1 WHERE name = old.name AND actor = old.actor;
        DELETE FROM actor_aliases WHERE name = old.name AND actor = old.actor AND documents <= 0;
    END;
    """,
    # 6: each sentence's porter stems, as the index has them, so that ask and search read the words of the
    # sentences they weigh instead of stemming them again for every question; filled by the writer
    # (``store.fill``) as it opens.
    """
    CREATE TABLE sentence_stems (
        rowid INTEGER PRIMARY KEY REFERENCES sentences(rowid) ON DELETE CASCADE,
        stems TEXT NOT NULL
    );
    """,
    # 7: each document's mentions of each country, from which its voice is weighed against the corpus
    # (``voices.py``); the voices themselves are weighed again when the next ``add`` is over.
    """
    CREATE TABLE country_mentions (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        first INTEGER NOT NULL,
        PRIMARY KEY (doc, actor)
    ) WITHOUT ROWID;
    CREATE INDEX country_mentions_actor ON country_mentions(actor);
    """ + COUNTRY_MENTIONS.format(documents="1") + ";",
    # 8: the country a document speaks for when its catalog says so (``add --catalog``), which its voice is.
    """
    ALTER TABLE documents ADD COLUMN speaks_for TEXT;
    """,
    # 9: a date the text recalls in another year than its file name's is no longer the document's (``read``).
    _recalled_dates,
)


def version(connection: sqlite3.Connection) -> int:
    """The number of migrations this corpus file has run."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Run the migrations this file has not run yet, each in its own transaction; return the new version."""
    current = version(connection)
    for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
        if isinstance(script, str):
            # executescript commits first; the explicit BEGIN makes the migration and its version bump atomic.
            connection.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
            continue
        with immediate(connection):
            script(connection)
            connection.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
