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
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

OUTWEIGH = 2.0  # how much more often the most-mentioned country must be named to keep the voice

# A document's country actors: keyed as actor_names is (the kb id, else the name, lowercased), with their
# mentions and the place of the first in the actors layer.
_COUNT = """
    INSERT INTO country_mentions (doc, actor, mentions, first)
    SELECT f.doc, lower(coalesce(json_extract(f.data, '$.kb'), json_extract(f.data, '$.name'))) AS actor,
           sum(json_array_length(f.data, '$.mentions')), min(f.item)
    FROM findings AS f WHERE f.doc = ? AND f.layer = 'actors' AND json_extract(f.data, '$.type') = 'country'
         AND actor IS NOT NULL
    GROUP BY actor
"""


def count_countries(connection: sqlite3.Connection, doc: int) -> None:
    """Keep the country mentions of a stored document (inside the caller's transaction)."""
    connection.execute(_COUNT, (doc,))


def choose(connection: sqlite3.Connection, docs: Sequence[int] | None = None) -> None:
    """Weigh the voice of ``docs`` (None: every document) and keep it in ``voices``, inside the caller's
    transaction."""
    where = f" WHERE doc IN ({','.join('?' * len(docs))})" if docs is not None else ""
    rows = connection.execute(f"SELECT doc, actor, mentions, first FROM country_mentions{where}",
                              list(docs or ())).fetchall()
    actors = sorted({actor for _, actor, _, _ in rows})
    spread: dict[str, int] = {}
    for start in range(0, len(actors), 900):
        chunk = actors[start : start + 900]
        spread.update(connection.execute(
            f"SELECT actor, count(*) FROM country_mentions WHERE actor IN ({','.join('?' * len(chunk))})"
            " GROUP BY actor", chunk).fetchall())
    total = max(int(connection.execute("SELECT count(*) FROM documents").fetchone()[0]), 1)
    weighed: dict[int, tuple[tuple[float, int, int], str]] = {}
    most: dict[int, tuple[tuple[int, int], str]] = {}
    for doc, actor, mentions, first in rows:
        named_in = spread.get(actor, 1)
        weight = (mentions * math.log(1 + (total - named_in + 0.5) / (named_in + 0.5)), mentions, -first)
        if doc not in weighed or weight > weighed[doc][0]:
            weighed[doc] = (weight, actor)
        if doc not in most or (mentions, -first) > most[doc][0]:
            most[doc] = ((mentions, -first), actor)
    best = {doc: most[doc][1] if most[doc][0][0] >= OUTWEIGH * weighed[doc][0][1] else actor
            for doc, (_, actor) in weighed.items()}
    if docs is None:
        connection.execute("DELETE FROM voices")
    connection.executemany("INSERT OR REPLACE INTO voices (doc, actor) VALUES (?, ?)",
                           list(best.items()))


def weigh_again(connection: sqlite3.Connection) -> None:
    """Weigh every document's voice again against the corpus as it is now, in one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        choose(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
