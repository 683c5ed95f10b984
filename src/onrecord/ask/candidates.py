"""Where ask's candidate sentences come from: three pools, each scored by what found it.

- BM25 over the question's rarest concepts (FTS5 ranks the whole corpus);
- BM25 over its other concepts within the documents that speak for an actor it names (their speeches, their
  officials' interviews), which need not name that actor: "Has Iran ever started aggression?" is answered by
  "we have never been the initiators of aggression" in an Iranian official's interview;
- the answers to the interviewer questions closest to the user's question.

The question's speaker and years filter every pool.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.ask.query import ASKING, Question
from onrecord.corpus.embed import embed
from onrecord.corpus.lexical import concepts, frequencies, matched, rarities, sentence_stems
from onrecord.corpus.vectors import vectors_of
from onrecord.corpus.words import STOPWORDS, words

POOL = 300  # sentences each BM25 pool adds
RAREST = 4  # question concepts that choose the BM25 pool
RARE = 3.7  # ...each in at most about 1% of sentences (idf), unless none is: then the rarest alone
BUDGET = 15_000  # ...and, the rarest first, in this many sentences at most together
QUESTIONS = 50_000  # interviewer-question sentences compared at most
MATCHED = 5  # closest interviewer questions whose answers join
VOICED = 3  # documents of a named year and actor read whole, at most


@dataclass
class Candidate:
    """A sentence that may answer the question, with the signals that rank it."""

    rowid: int
    turn: int
    text: str
    asked: int | None = None  # the interviewer's question turn this sentence answers, if any
    bm25: float = 0.0
    question: float = 0.0
    lead: bool = False
    document: float = 0.0  # how well its document matches: its best candidates' first-look scores, 0 to 1
    score: float = 0.0


# Each concept of a question (by its first name) with the keys in ``voices`` of the actor it names (``voice_keys``).
Voicing = dict[str, set[str]]


def voicing(connection: sqlite3.Connection, question: Question) -> Voicing:
    """The voice keys of each concept of the question, looked up once for all that use them."""
    return {group[0]: voice_keys(connection, question, group) for group in question.groups}


def pools(connection: sqlite3.Connection, question: Question, voiced: Voicing | None = None) -> dict[int, Candidate]:
    """The candidates of all three pools, by rowid; ``voiced``: the question's ``voicing``, if known already."""
    where, parameters = filters(question)
    candidates: dict[int, Candidate] = {}
    match = match_expression(connection, question)
    if match is None:
        return candidates
    top = _bm25(connection, match, where, parameters, candidates)
    voiced = voicing(connection, question) if voiced is None else voiced
    keys = sorted({key for found in voiced.values() for key in found})
    rest = match_expression(connection, question, without=frozenset(g for g, found in voiced.items() if found))
    if keys and rest:
        _voiced_bm25(connection, rest, keys, where, parameters, candidates, top)
    _answers_to_similar_questions(connection, question, where, parameters, candidates)
    return candidates


def match_expression(connection: sqlite3.Connection, question: Question, *,
                     without: frozenset[str] = frozenset()) -> str | None:
    """An FTS5 OR-query of the ``RAREST`` concepts of the question (words, actor names), each word quoted: no
    syntax from the user. Common words would make
    BM25 score a large share of the corpus for little; they still count when the candidates are ranked. When
    even the rarest is in more than ``BUDGET`` sentences, the others must join it (AND): "the point of view of
    the developing countries" matches by "developing" and "view" together. ``without``: leave out the concepts
    of these first names."""
    found = concepts(connection, question.groups)
    kept = [(group, concept) for group, concept in zip(question.groups, found, strict=True)
            if concept and group[0] not in without]
    kept = [(group, concept) for group, concept in kept if group[0] not in ASKING] or kept
    # A word the corpus never uses is the rarest of all, and would match nothing ("lose" where texts say "lost").
    counts = frequencies(connection, [concept for _, concept in kept])
    kept, counts = [k for k, n in zip(kept, counts, strict=True) if n], [n for n in counts if n]
    if not kept:
        return None
    rarity = rarities(connection, counts)
    ranked = sorted(range(len(kept)), key=lambda i: -rarity[i])[:RAREST]
    ranked = [i for i in ranked if rarity[i] >= RARE] or ranked[:1]
    # BM25 scores every sentence holding one of them: the rarer ones only, when together they are in too many.
    within = [i for place, i in enumerate(ranked) if sum(counts[j] for j in ranked[: place + 1]) <= BUDGET]
    if within:
        return _any_of([name for i in sorted(within) for name in kept[i][0]])
    rarest = _any_of(kept[ranked[0]][0])
    others = _any_of([name for i in sorted(range(len(kept)), key=lambda i: -rarity[i])[1:RAREST]
                      for name in kept[i][0]])
    if rarest is None or others is None:
        return rarest
    return f"({rarest}) AND ({others})"


def _any_of(names: Sequence[str]) -> str | None:
    """An OR of names, each an AND of its quoted content words: "the Islamic Republic of Iran" would make FTS5
    walk the posting lists of "the" and "of" (a third of the corpus each) to count the phrase for BM25."""
    parts: dict[str, None] = {}
    for name in names:
        quoted = ['"' + w.replace('"', '""') + '"' for w in words(name) if w not in STOPWORDS]
        if quoted:
            parts[quoted[0] if len(quoted) == 1 else f"({' AND '.join(quoted)})"] = None
    return " OR ".join(parts) or None


# A sentence that does not end on a question mark (closing quotes and brackets aside).
_STATED = "rtrim(s.text, ' ' || char(9, 10, 13) || '\"”’'')') NOT LIKE '%?'"


def filters(question: Question) -> tuple[str, list[Any]]:
    """The SQL condition (on ``s`` sentences, ``t`` turns, ``d`` documents, ``sp`` speakers) that keeps the
    sentences a question wants: answers and statements, and what an interviewer states ("Some hostile media
    outlets are trying to establish the notion that..."), not what they ask (a question is no answer, and one
    that restates the user's would outrank the answer), by its speakers, in its years; and its parameters."""
    clauses = [f"(t.kind IN ('answer', 'statement') OR (t.kind = 'question' AND {_STATED}))"]
    parameters: list[Any] = []
    if question.speakers:
        clauses.append(f"sp.label IN ({','.join('?' * len(question.speakers))})")
        parameters.extend(question.speakers)
    low, high = question.years
    if low is not None:
        clauses.append("d.year >= ?")
        parameters.append(low)
    if high is not None:
        clauses.append("d.year <= ?")
        parameters.append(high)
    return " AND ".join(clauses), parameters


# The tables ``filters`` reads, joined to the sentences ``s``.
_JOINS = (" JOIN turns AS t ON t.rowid = s.turn JOIN documents AS d ON d.rowid = s.doc"
          " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker")
SENTENCES = f" FROM sentences AS s{_JOINS}"
_FROM = f" FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid{_JOINS}"


def voice_keys(connection: sqlite3.Connection, question: Question, group: tuple[str, ...]) -> set[str]:
    """The keys in ``voices`` of the actor a concept of the question names (a country, or the country a person
    of the knowledge base acts for), when some document speaks for it; none for a word."""
    keys = {country for first, country, _ in question.spokesmen if first == group[0]}
    if group[0] in question.named:
        keys |= {actor for (actor,) in connection.execute(
            f"SELECT DISTINCT actor FROM actor_aliases WHERE name IN ({','.join('?' * len(group))})", group)}
    if not keys:
        return keys
    return {key for (key,) in connection.execute(
        f"SELECT DISTINCT actor FROM voices WHERE actor IN ({','.join('?' * len(keys))})", sorted(keys))}


def voiced_documents(connection: sqlite3.Connection, question: Question, voiced: Voicing | None = None) -> list[int]:
    """The documents of the year a question names (one or two) that speak for an actor it names: "Whom did
    Zimbabwe credit in 2008...?" asks about Zimbabwe's speech of 2008, in whatever words it answers. None when
    the question names no year (or a span of more than two), or when more than ``VOICED`` documents would do.
    ``voiced``: the question's ``voicing``, if known already."""
    low, high = question.years
    if low is None or high is None or high - low > 1:
        return []
    voiced = voicing(connection, question) if voiced is None else voiced
    keys = sorted({key for found in voiced.values() for key in found})
    if not keys:
        return []
    docs = [doc for (doc,) in connection.execute(
        f"SELECT v.doc FROM voices AS v JOIN documents AS d ON d.rowid = v.doc WHERE v.actor IN"
        f" ({','.join('?' * len(keys))}) AND d.year BETWEEN ? AND ? LIMIT {VOICED + 1}", [*keys, low, high])]
    return docs if len(docs) <= VOICED else []


def _bm25(connection: sqlite3.Connection, match: str, where: str, parameters: list[Any],
          candidates: dict[int, Candidate]) -> float:
    """Add the ``POOL`` best BM25 matches to ``candidates``, scores divided by the best; return the best."""
    if parameters:  # a speaker or years: filter while ranking, or the pool may hold none of theirs
        sql = (f"SELECT s.rowid, s.turn, s.text, t.question, -bm25(sentences_fts){_FROM}"
               f" WHERE sentences_fts MATCH ? AND {where} ORDER BY bm25(sentences_fts) LIMIT {POOL}")
    else:  # rank in the index alone, then join the pool (and drop the few questions and notes in it)
        sql = ("SELECT s.rowid, s.turn, s.text, t.question, -h.score FROM (SELECT rowid, bm25(sentences_fts) AS score"
               f" FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY score LIMIT {POOL}) AS h"
               f" JOIN sentences AS s ON s.rowid = h.rowid{_JOINS}"
               f" WHERE {where} ORDER BY h.score")
    rows = connection.execute(sql, [match, *parameters]).fetchall()
    top = max((row[4] for row in rows), default=1.0) or 1.0
    for rowid, turn, text, asked, score in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked, bm25=min(score / top, 1.0)))
    return top


def _voiced_bm25(connection: sqlite3.Connection, match: str, keys: list[str], where: str, parameters: list[Any],
                 candidates: dict[int, Candidate], top: float) -> None:
    """Add the ``POOL`` best BM25 matches within the documents that speak for the actors ``keys``, scores
    divided by ``top``."""
    voiced = f"SELECT doc FROM voices WHERE actor IN ({','.join('?' * len(keys))})"
    if parameters:  # a speaker or years: filter while ranking, as the main pool does
        sql = (f"SELECT s.rowid, s.turn, s.text, t.question, -bm25(sentences_fts){_FROM}"
               f" WHERE sentences_fts MATCH ? AND {where} AND s.doc IN ({voiced})"
               f" ORDER BY bm25(sentences_fts) LIMIT {POOL}")
        rows = connection.execute(sql, [match, *parameters, *keys]).fetchall()
    else:
        # Joining every match to its sentence to learn its document costs more than ranking them all: the
        # documents' sentences are kept as rowid ranges (a document's sentences are stored together), which
        # a match's rowid is looked up in.
        ranges = connection.execute(
            f"SELECT min(rowid), max(rowid) FROM sentences WHERE doc IN ({voiced}) GROUP BY doc", keys).fetchall()
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS ask_ranges (low INTEGER PRIMARY KEY, high INTEGER NOT NULL)")
        connection.execute("DELETE FROM temp.ask_ranges")
        connection.executemany("INSERT INTO temp.ask_ranges VALUES (?, ?)", _merged(ranges))
        sql = ("SELECT s.rowid, s.turn, s.text, t.question, -h.score FROM (SELECT f.rowid, bm25(sentences_fts) AS score"
               " FROM sentences_fts AS f WHERE sentences_fts MATCH ? AND f.rowid <= (SELECT high FROM temp.ask_ranges"
               f"  WHERE low <= f.rowid ORDER BY low DESC LIMIT 1) ORDER BY score LIMIT {POOL}) AS h"
               f" JOIN sentences AS s ON s.rowid = h.rowid{_JOINS} WHERE {where} AND s.doc IN ({voiced})"
               " ORDER BY h.score")
        rows = connection.execute(sql, [match, *keys]).fetchall()
    for rowid, turn, text, asked, score in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked, bm25=min(score / top, 1.0)))


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rowid ranges sorted, overlapping or adjacent ones joined."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _answers_to_similar_questions(connection: sqlite3.Connection, question: Question, where: str,
                                  parameters: list[Any], candidates: dict[int, Candidate]) -> None:
    """Sentences answering the interviewer questions closest to the user's question get that closeness."""
    # Every answered interviewer question's sentences (vectors stored: a dot product each)...
    asked = connection.execute(
        # CROSS JOIN keeps SQLite from scanning every sentence: the few question turns first.
        "SELECT s.rowid, s.turn, s.text FROM turns AS t CROSS JOIN sentences AS s ON s.turn = t.rowid"
        " WHERE t.kind = 'question' AND EXISTS (SELECT 1 FROM turns AS a WHERE a.question = t.rowid)"
        f" LIMIT {QUESTIONS}").fetchall()
    # ...that share a word (or an actor) with it: a question on another subject lends its answers nothing.
    found = [concept for concept in concepts(connection, question.groups) if concept]
    words = sentence_stems(connection, {rowid: text for rowid, _, text in asked})
    sharing = {turn for rowid, turn, _ in asked if any(matched(c, set(words[rowid])) for c in found)}
    asked = [row for row in asked if row[1] in sharing]
    if not asked:
        return
    vectors = vectors_of(connection, {rowid: text for rowid, _, text in asked})
    target = embed([question.text])[0]
    closeness: dict[int, float] = {}
    for rowid, turn, _ in asked:
        closeness[turn] = max(closeness.get(turn, 0.0), float(vectors[rowid] @ target))
    closest = sorted(closeness, key=lambda t: -closeness[t])[:MATCHED]
    marks = ",".join("?" * len(closest))
    rows = connection.execute(
        "SELECT s.rowid, s.turn, s.text, t.question, s.rowid = (SELECT min(rowid) FROM sentences WHERE turn = s.turn)"
        f"{SENTENCES} WHERE t.question IN ({marks}) AND {where}",
        [*closest, *parameters],
    ).fetchall()
    for rowid, turn, text, asked_turn, lead in rows:
        candidate = candidates.setdefault(rowid, Candidate(rowid, turn, text, asked_turn))
        # Each answer counts as close as the question it answers.
        candidate.question = closeness[asked_turn]
        candidate.lead = bool(lead) and asked_turn == closest[0]
