"""The corpus store: whole documents, duplicates skipped, failures reported, generic layers, migrations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import write_documents
from onrecord.corpus import Corpus
from onrecord.corpus.schema import MIGRATIONS, migrate, version
from onrecord.corpus.store import store
from onrecord.record import Actor, Document, Mention, Record, Sentence, Span, Speaker, Turn, document_id


def test_store_keeps_turns_sentences_and_search_index(small_corpus: Path) -> None:
    connection = sqlite3.connect(small_corpus)
    assert connection.execute("SELECT title, date, year FROM documents ORDER BY rowid").fetchall() == [
        ("Bridge interview, 12 March 2019", "2019-03-12", 2019), ("Harbour speech, 4 June 2021", "2021-06-04", 2021)]
    assert connection.execute("SELECT id, kind, question FROM turns WHERE doc = 1 ORDER BY rowid").fetchall() == [
        ("t1", "note", None), ("t2", "question", None), ("t3", "answer", 2), ("t4", "question", None),
        ("t5", "answer", 4)]
    assert connection.execute("SELECT count(*) FROM sentences").fetchone() == (12,)
    assert connection.execute(
        "SELECT s.text FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid"
        " WHERE sentences_fts MATCH 'regret'").fetchall() == [
        ("Do you regret the money the ministry spent on the bridge?",), ("We have no regrets about that spending.",)]


def test_store_spans_are_the_document_text(small_corpus: Path) -> None:
    connection = sqlite3.connect(small_corpus)
    rows = connection.execute(
        "SELECT s.text, substr(d.text, s.start + 1, s.end - s.start) FROM sentences AS s"
        " JOIN documents AS d ON d.rowid = s.doc").fetchall()
    assert len(rows) == 12
    assert all(stored == sliced for stored, sliced in rows)


def test_store_skips_same_text_and_reports_failures(tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "docs")
    copy = tmp_path / "docs" / "copy.txt"
    copy.write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        result = corpus.add([paths[0], copy, tmp_path / "missing.txt"])
    assert (result.added, result.skipped, result.total) == (1, 1, 3)
    assert result.failed == [(str(tmp_path / "missing.txt"), f"no such file, {tmp_path / 'missing.txt'}, check the path")]


def test_store_keeps_any_layer_with_its_offsets(tmp_path: Path) -> None:
    text = "Israel spoke. The Zionist regime answered."
    record = Record(
        document=Document(document_id(text), "t", "t.txt", None, "en", text),
        speakers=(Speaker("s1", "A", "speaker"),),
        turns=(Turn("t1", "s1", "statement", Span.of(text, 0, len(text))),),
        sentences=(Sentence("n1", "t1", Span.of(text, 0, 13)),),
        actors=(Actor("a1", "Israel", "country", "Q801",
                      (Mention(Span.of(text, 0, 6), "name"), Mention(Span.of(text, 14, 32), "epithet"))),),
    )
    connection = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    migrate(connection)
    assert store(connection, record) == "added"
    assert store(connection, record) is None
    assert connection.execute("SELECT layer, item FROM findings").fetchall() == [("actors", 0)]
    assert json.loads(connection.execute("SELECT data FROM findings").fetchone()[0])["name"] == "Israel"
    assert connection.execute("SELECT path, start, end FROM spans ORDER BY start").fetchall() == [
        ("mentions[0].span", 0, 6), ("mentions[1].span", 14, 32)]
    assert connection.execute("SELECT name, actor FROM actor_names ORDER BY name").fetchall() == [
        ("israel", "q801"), ("the zionist regime", "q801")]


def test_schema_migrates_once(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    assert migrate(connection) == len(MIGRATIONS)
    assert migrate(connection) == len(MIGRATIONS)
    assert version(connection) == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert Corpus(tmp_path / "c.db").writer().execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_gives_back_the_whole_record(small_corpus: Path) -> None:
    from onrecord.corpus.store import record_of
    from onrecord.pipeline import analyze

    connection = sqlite3.connect(small_corpus)
    (document,) = connection.execute("SELECT id FROM documents WHERE rowid = 1").fetchone()
    stored = record_of(connection, document)
    assert stored is not None
    assert stored == analyze(stored.document.source)
    assert record_of(connection, "0000000000000000") is None


def test_store_changed_file_replaces_its_old_version(tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "docs")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(paths)
        paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("Tromso", "Bodo"), encoding="utf-8")
        result = corpus.add(paths)
        assert (result.added, result.skipped, result.replaced) == (1, 1, [str(paths[1])])
        assert [h["span"]["text"] for h in corpus.search("harbour rebuilt")] == [
            "The harbour of Bodo was rebuilt after the storm."]
    connection = sqlite3.connect(tmp_path / "c.db")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")  # raises if out of step
    counts = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("documents", "sentences", "sentence_vectors", "sentence_stems", "voices")]
    assert counts == [2, 12, 12, 12, 2]
    assert connection.execute("SELECT count(*) FROM findings WHERE doc NOT IN (SELECT rowid FROM documents)"
                              ).fetchone() == (0,)
    assert connection.execute("SELECT count(*) FROM spans WHERE finding NOT IN (SELECT rowid FROM findings)"
                              ).fetchone() == (0,)
    # Every name once per actor, counted by the documents that use it: kept in step when a document goes.
    aliases = connection.execute("SELECT name, actor, documents FROM actor_aliases ORDER BY name, actor").fetchall()
    grouped = connection.execute("SELECT name, actor, count(*) FROM actor_names GROUP BY name, actor"
                                 " ORDER BY name, actor").fetchall()
    assert aliases == grouped and not [row for row in aliases if row[0] == "tromso"]
    assert [row for row in aliases if row[0] in ("norway", "bodo")] == [
        ("bodo", "bodo", 1), ("norway", "q20", 2)]


def test_store_keeps_each_sentences_stems_and_fills_an_older_corpus(tmp_path: Path) -> None:
    from onrecord.corpus.lexical import stems

    paths = write_documents(tmp_path / "docs")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(paths)
        writer = corpus.writer()
        texts = dict(writer.execute("SELECT rowid, text FROM sentences"))
        kept = {rowid: found.split() for rowid, found in writer.execute("SELECT rowid, stems FROM sentence_stems")}
        assert kept == stems(writer, texts) and kept[1][:3] == ["bridg", "interview", "12"]
        writer.execute("DELETE FROM sentence_stems WHERE rowid > 3")  # as if stored before stems were kept
        corpus.add([])
        assert writer.execute("SELECT count(*) FROM sentence_stems").fetchone() == (len(texts),)


def test_store_a_catalog_names_speaker_title_and_voice_and_a_changed_entry_stores_again(tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "docs")
    catalog = tmp_path / "docs" / "catalog.csv"
    catalog.write_text("file,title,speaker,speaks_for\nspeech.txt,Harbour speech,Erna Solberg,Sweden\n",
                       encoding="utf-8")
    database = tmp_path / "c.db"
    with Corpus(database) as corpus:
        tallies = [corpus.add(paths, catalog=catalog), corpus.add(paths, catalog=catalog), corpus.add(paths)]
        # The speech names only Norway; its catalog says it speaks for Sweden.
        first = corpus.reader().execute("SELECT d.title, v.actor FROM documents AS d JOIN voices AS v ON v.doc = d.rowid"
                                        " WHERE d.speaks_for IS NOT NULL").fetchall()
        assert first == [("Harbour speech", "q34")]
        catalog.write_text("file,speaker,speaks_for\nspeech.txt,Jonas Gahr Store,Norway\n", encoding="utf-8")
        tallies.append(corpus.add(paths, catalog=catalog))
        evidence = corpus.ask("What did Store say about the coastal towns?", k=1)["evidence"][0]
    # Stored with its catalog entry; then skipped, with the catalog or without; stored again when the entry changed.
    assert [(t.added, t.skipped, t.replaced) for t in tallies] == [(2, 0, []), (0, 2, []), (0, 2, []),
                                                                   (1, 1, [str(paths[1])])]
    assert (evidence["title"], evidence["speaker"]) == ("Harbour speech, 4 June 2021", "Jonas Gahr Store")
    connection = sqlite3.connect(database)
    rows = connection.execute("SELECT d.title, d.speaks_for, v.actor, sp.label FROM documents AS d JOIN voices AS v"
                              " ON v.doc = d.rowid JOIN speakers AS sp ON sp.doc = d.rowid WHERE d.speaks_for IS NOT NULL"
                              ).fetchall()
    assert rows == [("Harbour speech, 4 June 2021", "Norway", "q20", "Jonas Gahr Store")]
    record = json.loads(connection.execute("SELECT record FROM documents WHERE speaks_for = 'Norway'").fetchone()[0])
    assert record["document"]["speaks_for"] == "Norway"


def test_schema_migration_gives_a_speech_the_year_of_its_file_name_when_its_date_is_one_its_text_recalls(
        tmp_path: Path) -> None:
    recalled = "Mr. President, on 11 September 2001 the world changed. We speak of it again."
    given = "Mr. President, we speak again."
    connection = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    migrate(connection)
    for number, (text, date) in enumerate(((recalled, "2001-09-11"), (given, "2004-01-05"))):
        record = Record(document=Document(document_id(text), "t", f"s/IDN_60_2005_{number}.txt", date, "en", text),
                        speakers=(Speaker("s1", "A", "speaker"),),
                        turns=(Turn("t1", "s1", "statement", Span.of(text, 0, len(text))),),
                        sentences=(Sentence("n1", "t1", Span.of(text, 0, len(text))),))
        store(connection, record)
    connection.execute("PRAGMA user_version = 8")  # as an older onrecord left it
    assert migrate(connection) == len(MIGRATIONS)
    rows = connection.execute("SELECT date, year, json_extract(record, '$.document.date'),"
                              " json_extract(record, '$.document.period') FROM documents ORDER BY source").fetchall()
    # The date its text recalls goes; a date the text does not state (a catalog's, an option's) stays.
    assert rows == [(None, 2005, None, "2005"), ("2004-01-05", 2004, "2004-01-05", None)]


def test_store_knows_nothing_of_ranking() -> None:
    """No corpus module imports the ask engine; only ``Corpus.ask`` hands a question over to it."""
    import ast

    import onrecord.corpus as package

    folder = Path(package.__file__).parent
    importing = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            if any(name == "onrecord.ask" or name.startswith("onrecord.ask.") for name in names):
                importing.add(path.name)
    assert importing == {"__init__.py"}
