"""Whom each document speaks for: the country whose "we" it is, so that ask hears an Iranian official's
interview, or a state's speech at the UN, as that country's words.

The country a document mentions most is often another one: Ukraine's 2024 General Assembly speech names Russia
more than Ukraine, Iran's of 1988 names Iraq more than Iran. A country is weighed by its mentions times its
rarity across the corpus (tf-idf, BM25's idf: the speaker's own country is named in its own documents, rarely in
the others); on a tie, the most-mentioned, then the first mentioned, wins. Rarity alone would silence the
states named in most speeches of every other (the United States), so the most-mentioned country keeps the voice
when it is named ``OUTWEIGH`` times as often as the weighed one. Mentions are kept per document and country
(``country_mentions``); a document gets its voice when stored, and every voice is weighed again once an ``add``
is over, as the corpus it is weighed against changed. ``scripts/voice_agreement.py`` measures it on the UN
General Debate speeches, whose file names give the speaker's state.

None of that is guessed when the caller knows: a document whose catalog names the country it speaks for
(``add --catalog``) has that voice.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.corpus.lexical import idf
from onrecord.corpus.schema import COUNTRY_MENTIONS
from onrecord.corpus.transaction import immediate

if TYPE_CHECKING:
    from onrecord.kb import Entry

OUTWEIGH = 2.0  # how much more often the most-mentioned country must be named to keep the voice

_COUNT = COUNTRY_MENTIONS.format(documents="f.doc = ?")


def count_countries(connection: sqlite3.Connection, doc: int) -> None:
    """Keep the country mentions of a stored document (inside the caller's transaction)."""
    connection.execute(_COUNT, (doc,))


def weigh(connection: sqlite3.Connection, docs: Sequence[int] | None = None) -> None:
    """Weigh the voice of ``docs`` (None: every document) and keep it in ``voices``, inside the caller's
    transaction."""
    marks = ",".join("?" * len(docs)) if docs is not None else None
    where = f" WHERE doc IN ({marks})" if marks is not None else ""
    parameters = list(docs or ())
    countries: dict[int, list[tuple[str, int, int]]] = {}
    for doc, actor, mentions, first in connection.execute(
            f"SELECT doc, actor, mentions, first FROM country_mentions{where}", parameters):
        countries.setdefault(doc, []).append((actor, mentions, first))
    # In how many documents each of their countries is named.
    spread = dict(connection.execute(
        "SELECT actor, count(*) FROM country_mentions"
        f"{f' WHERE actor IN (SELECT actor FROM country_mentions{where})' if where else ''} GROUP BY actor", parameters))
    total = max(int(connection.execute("SELECT count(*) FROM documents").fetchone()[0]), 1)
    voices = {}
    for doc, found in countries.items():
        most = max(found, key=lambda c: (c[1], -c[2]))
        weighed = max(found, key=lambda c: (c[1] * idf(total, spread.get(c[0], 1)), c[1], -c[2]))
        voices[doc] = most[0] if most[1] >= OUTWEIGH * weighed[1] else weighed[0]
    stated = connection.execute("SELECT rowid, speaks_for FROM documents WHERE speaks_for IS NOT NULL"
                                + (f" AND rowid IN ({marks})" if marks is not None else ""), parameters)
    voices.update((doc, voice_key(name)) for doc, name in stated)
    if docs is None:
        connection.execute("DELETE FROM voices")
    connection.executemany("INSERT OR REPLACE INTO voices (doc, actor) VALUES (?, ?)", list(voices.items()))


def actor_key(entry: Entry) -> str:
    """The key of a knowledge-base actor in ``actor_names`` and ``voices``: its Wikidata id, else its name,
    lowercased (as ``schema.COUNTRY_MENTIONS`` keys the actors layer's findings)."""
    return (entry.qid or entry.name).lower()


def voice_key(name: str) -> str:
    """The key in ``voices`` of a country (or a body: the European Union) named by a catalog, as the actors layer
    keys it: its knowledge-base id when the knowledge base knows the name, a country first, else the name,
    lowercased."""
    from onrecord.kb import load_kb

    kb = load_kb()
    entries = sorted((kb.entries[actor] for actor, _ in kb.names.get(name.lower(), ())),
                     key=lambda entry: entry.type != "country")
    return actor_key(entries[0]) if entries else name.lower()


def voice_name(key: str | None) -> str | None:
    """The name of the country (or body) a ``voices`` key stands for, as the knowledge base writes it."""
    if key is None:
        return None
    return _voice_names().get(key, key)


@functools.cache
def _voice_names() -> dict[str, str]:
    from onrecord.kb import load_kb

    names: dict[str, str] = {}
    for entry in load_kb().entries.values():
        if entry.type in ("country", "organization"):
            names.setdefault(actor_key(entry), entry.name)
    return names


def weigh_again(connection: sqlite3.Connection) -> None:
    """Weigh every document's voice again against the corpus as it is now, in one transaction."""
    with immediate(connection):
        weigh(connection)
