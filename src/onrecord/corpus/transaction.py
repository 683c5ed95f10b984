"""The writer's transactions: each one whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``, so no other writer slips in): committed when the block ends,
    rolled back when anything, even a KeyboardInterrupt, leaves it early."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:  # SQLite ends the transaction itself on some errors (disk full, I/O)
            connection.execute("ROLLBACK")
        raise
