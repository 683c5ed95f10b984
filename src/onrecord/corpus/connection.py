"""Connections to the corpus file: one writer (creates and migrates), any number of read-only readers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from onrecord.corpus.schema import MIGRATIONS, migrate, version
from onrecord.defaults import DEFAULT_CORPUS
from onrecord.errors import CorpusError

DEFAULT_PATH = DEFAULT_CORPUS
_BUSY_MS = 30_000


# What SQLite says, and what it means for the user: (words in SQLite's message, what is wrong, what to do).
_FAILURES = (
    ("full", "the disk is full", "free some space and run the command again: the documents stored so far are kept"),
    ("not a database", "not an onrecord corpus", "give the corpus file that onrecord add made"),
    ("malformed", "the corpus file is damaged",
     "restore it from a copy, or add the documents again to a new corpus"),
    ("readonly", "the corpus cannot be written", "check the permissions of the file and its folder"),
    ("unable to open", "the corpus cannot be opened", "check the path and the permissions of its folder"),
    ("locked", "another process holds the corpus", "wait for it to finish, then run the command again"),
)


def failure(error: sqlite3.DatabaseError, path: str | Path) -> CorpusError:
    """A database error as the one ``Error:`` line a user can act on."""
    said = str(error)
    for words, what, todo in _FAILURES:
        if words in said.lower():
            return CorpusError(f"{what} ({said})", str(path), todo)
    return CorpusError(f"the corpus cannot be used ({said})", str(path), "check that it is an onrecord corpus")


@contextmanager
def database_errors(path: str | Path) -> Iterator[None]:
    """Turn SQLite's errors inside the block into ``CorpusError`` naming the corpus."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        raise failure(error, path) from error


def open_writer(path: str | Path) -> sqlite3.Connection:
    """The writing connection: creates the file, sets WAL, runs pending migrations."""
    file = Path(path)
    if file.is_dir():
        raise CorpusError("the corpus path is a folder", str(path), "give a file name such as onrecord.db")
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE per document), never implicit.
        connection = sqlite3.connect(file, isolation_level=None, timeout=_BUSY_MS / 1000)
        connection.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL loses no committed transaction when the process dies, only on power loss.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        raise failure(error, path) from None
    return connection


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection; the corpus must exist and be at the current schema version."""
    file = Path(path)
    if not file.is_file():
        raise CorpusError("no corpus at this path", str(path), "add documents first: onrecord add FILE --corpus PATH")
    try:
        connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     timeout=_BUSY_MS / 1000)
        current = version(connection)
    except sqlite3.DatabaseError as error:
        raise failure(error, path) from None
    if current != len(MIGRATIONS):
        connection.close()
        raise CorpusError(f"the corpus is at schema version {current}, onrecord needs {len(MIGRATIONS)}", str(path),
                          "run onrecord add on it once to migrate it")
    return connection


@contextmanager
def snapshot(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run several queries against one consistent state of the corpus, whatever the writer does meanwhile."""
    connection.execute("BEGIN")
    try:
        yield connection
    finally:
        connection.execute("COMMIT")


# Lists of rowids are bound in chunks: SQLite builds of old allow at most 999 parameters in a statement.
_CHUNK = 900


def by_rowid(connection: sqlite3.Connection, table: str, columns: str, rowids: Sequence[int]) -> list[tuple[Any, ...]]:
    """``(rowid, *columns)`` of the rows of ``table`` (names from the code, never from a user) whose rowid is one
    of ``rowids``."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(rowids), _CHUNK):
        chunk = list(rowids[start : start + _CHUNK])
        rows += connection.execute(
            f"SELECT rowid, {columns} FROM {table} WHERE rowid IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    return rows
