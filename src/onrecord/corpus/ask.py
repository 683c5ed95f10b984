"""Ask: the sentences that answer a question, quoted verbatim. Evidence only, nothing generated.

Candidates come from FTS5 BM25, from the documents that speak for an actor the question names, and from the
answers to the interviewer questions closest to the user's; a first look at each (the sentence alone) chooses
the documents read whole and a shortlist, which a ranker with learnt weights reads with its neighbours
(``features.py``). The question's speaker and years filter; the actors it names bring their other names.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from onrecord.corpus.embed import embed
from onrecord.corpus.features import feature_weights, features
from onrecord.corpus.lexical import concepts, frequencies, matched, sentence_stems, weights
from onrecord.corpus.query import ASKING, STOPWORDS, Question, parse, words
from onrecord.corpus.vectors import vectors_of

# How many sentences BM25 hands to the reranker; how many interviewer-question sentences are compared at most,
# and how many questions' answers join.
POOL = 300
RAREST = 4  # question concepts that choose the BM25 pool
RARE = 3.7  # ...each in at most about 1% of sentences (idf), unless none is: then the rarest alone
BUDGET = 30_000  # ...and, the rarest first, in this many sentences at most together
QUESTIONS = 50_000
MATCHED = 5
# A sentence this short is quoted with the next one in its turn, so the evidence reads on its own.
SHORT = 6
DOCUMENTS = 2  # documents read whole: the strongest, whose DOCUMENT_BEST best candidates score highest
DOCUMENT_BEST = 3
SHORTLIST = 150  # candidates the ranker reads with their neighbours, the best of the first look


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


def ask(connection: sqlite3.Connection, text: str, *, k: int = 5) -> dict[str, Any]:
    """The ``ask --json`` answer for ``text``: the ``k`` best pieces of evidence, best first."""
    candidates = gather(connection, parse(connection, text))
    best = sorted(candidates.values(), key=lambda c: -c.score)
    return {"question": text, "evidence": _evidence(connection, best, k)}


def gather(connection: sqlite3.Connection, question: Question, *, shortlist: int | None = SHORTLIST
           ) -> dict[int, Candidate]:
    """The candidate sentences for a question, each scored: BM25 pools, answers to similar interviewer
    questions, then every sentence of the documents that score best; the ``shortlist`` best at first look
    (None: all of them, as training wants)."""
    where, parameters = _filters(question)
    candidates: dict[int, Candidate] = {}
    match = _match_expression(connection, question)
    if match:
        top = _bm25(connection, match, where, parameters, candidates)
        # The documents that speak for the actors the question names (their speeches, their officials'
        # interviews) have a pool of their own, over the question's other concepts: "Has Iran ever started
        # aggression?" is answered by "we have never been the initiators of aggression" in an Iranian
        # official's interview, which need not name Iran.
        voicing = {group[0]: _voice_keys(connection, question, group) for group in question.groups}
        keys = sorted({key for found in voicing.values() for key in found})
        rest = _match_expression(connection, question, without=frozenset(g for g, found in voicing.items() if found))
        if keys and rest:
            voiced = f"s.doc IN (SELECT doc FROM voices WHERE actor IN ({','.join('?' * len(keys))}))"
            _bm25(connection, rest, f"{where} AND {voiced}", [*parameters, *keys], candidates, top=top)
        _answers_to_similar_questions(connection, question, where, parameters, candidates)
    if not candidates:
        return candidates
    # A first look at every candidate (the sentence alone) chooses the documents read whole and the shortlist
    # that the ranker then reads with its neighbours.
    _rank(connection, question, list(candidates.values()), deep=False)
    doc_of = dict(connection.execute(
        f"SELECT rowid, doc FROM sentences WHERE rowid IN ({','.join('?' * len(candidates))})", sorted(candidates)))
    if DOCUMENTS:
        chosen = sorted((strength := _strength(candidates, doc_of)), key=lambda d: -strength[d])[:DOCUMENTS]
        read = _read_documents(connection, chosen, where, parameters, candidates)
        _rank(connection, question, [candidates[rowid] for rowid in read], deep=False)
        doc_of.update(read)
    strength = _strength(candidates, doc_of)
    best = max(strength.values(), default=0.0) or 1.0
    for candidate in candidates.values():
        candidate.document = max(strength[doc_of[candidate.rowid]] / best, 0.0)
    kept = sorted(candidates.values(), key=lambda c: -c.score)[:shortlist]
    _rank(connection, question, kept)
    return {c.rowid: c for c in kept}


def _strength(candidates: dict[int, Candidate], doc_of: dict[int, int]) -> dict[int, float]:
    """Each document's strength: the sum of the ``DOCUMENT_BEST`` best scores of its candidates."""
    scores: dict[int, list[float]] = {}
    for candidate in candidates.values():
        scores.setdefault(doc_of[candidate.rowid], []).append(candidate.score)
    return {doc: sum(sorted(found, reverse=True)[:DOCUMENT_BEST]) for doc, found in scores.items()}


def _match_expression(connection: sqlite3.Connection, question: Question, *,
                      without: frozenset[str] = frozenset()) -> str:
    """An FTS5 OR-query of the ``RAREST`` concepts of the question (words, actor names), each quoted: no syntax
    from the user. Common words would make BM25 score a large share of the corpus for little; they still count
    when the candidates are ranked. ``without``: leave out the concepts of these first names."""
    found = concepts(connection, question.groups)
    kept = [(group, concept) for group, concept in zip(question.groups, found, strict=True)
            if concept and group[0] not in without]
    kept = [(group, concept) for group, concept in kept if group[0] not in ASKING] or kept
    rarity = weights(connection, [concept for _, concept in kept]) if kept else []
    counts = frequencies(connection, [concept for _, concept in kept]) if kept else []
    ranked = sorted(range(len(kept)), key=lambda i: -rarity[i])[:RAREST]
    ranked = [i for i in ranked if rarity[i] >= RARE] or ranked[:1]
    # BM25 scores every sentence holding one of them: the rarer ones only, when together they are in too many.
    ranked = [i for place, i in enumerate(ranked) if sum(counts[j] for j in ranked[: place + 1]) <= BUDGET] or ranked[:1]
    return " OR ".join(dict.fromkeys(_fts_name(name) for i in sorted(ranked) for name in kept[i][0]
                                     if _fts_name(name)))


def _fts_name(name: str) -> str:
    """A name as an FTS5 AND of its quoted content words: "the Islamic Republic of Iran" would make FTS5 walk the
    posting lists of "the" and "of" (a third of the corpus each) to count the phrase for BM25."""
    kept = [w for w in words(name) if w not in STOPWORDS]
    quoted = ['"' + w.replace('"', '""') + '"' for w in kept]
    return quoted[0] if len(quoted) == 1 else f"({' AND '.join(quoted)})" if quoted else ""


def _filters(question: Question) -> tuple[str, list[Any]]:
    clauses = ["t.kind IN ('answer', 'statement')"]
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


_FROM = (" FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid"
         " JOIN turns AS t ON t.rowid = s.turn JOIN documents AS d ON d.rowid = s.doc"
         " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker")


def _voice_keys(connection: sqlite3.Connection, question: Question, group: tuple[str, ...]) -> set[str]:
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


def _bm25(connection: sqlite3.Connection, match: str, where: str, parameters: list[Any],
          candidates: dict[int, Candidate], *, top: float | None = None) -> float:
    """Add the ``POOL`` best BM25 matches to ``candidates`` (scores divided by ``top``, by default the best
    score found here); return the divisor."""
    if parameters:  # a speaker or years: filter while ranking, or the pool may hold none of theirs
        sql = (f"SELECT s.rowid, s.turn, s.text, t.question, -bm25(sentences_fts){_FROM}"
               f" WHERE sentences_fts MATCH ? AND {where} ORDER BY bm25(sentences_fts) LIMIT {POOL}")
    else:  # rank in the index alone, then join the pool (and drop the few questions and notes in it)
        sql = ("SELECT s.rowid, s.turn, s.text, t.question, -h.score FROM (SELECT rowid, bm25(sentences_fts) AS score"
               f" FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY score LIMIT {POOL}) AS h"
               " JOIN sentences AS s ON s.rowid = h.rowid JOIN turns AS t ON t.rowid = s.turn"
               f" JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
               f" WHERE {where} ORDER BY h.score")
    rows = connection.execute(sql, [match, *parameters]).fetchall()
    top = top or max((row[4] for row in rows), default=1.0) or 1.0
    for rowid, turn, text, asked, score in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked, bm25=min(score / top, 1.0)))
    return top


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
        " FROM sentences AS s JOIN turns AS t ON t.rowid = s.turn"
        " JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        f" WHERE t.question IN ({marks}) AND {where}",
        [*closest, *parameters],
    ).fetchall()
    for rowid, turn, text, asked_turn, lead in rows:
        candidate = candidates.setdefault(rowid, Candidate(rowid, turn, text, asked_turn))
        # Each answer counts as close as the question it answers.
        candidate.question = closeness[asked_turn]
        candidate.lead = bool(lead) and asked_turn == closest[0]


def _read_documents(connection: sqlite3.Connection, chosen: list[int], where: str, parameters: list[Any],
                    candidates: dict[int, Candidate]) -> dict[int, int]:
    """Every sentence of the ``chosen`` documents joins the candidates: the answer often says in other words
    what its neighbours and its document say in the question's words. Returns the sentences that joined, with
    their documents."""
    rows = connection.execute(
        "SELECT s.rowid, s.turn, s.text, t.question, s.doc FROM sentences AS s JOIN turns AS t ON t.rowid = s.turn"
        " JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        f" WHERE s.doc IN ({','.join('?' * len(chosen))}) AND {where}", [*chosen, *parameters]).fetchall()
    read = {rowid: doc for rowid, _, _, _, doc in rows if rowid not in candidates}
    for rowid, turn, text, asked, _ in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked))
    return read


def _rank(connection: sqlite3.Connection, question: Question, candidates: list[Candidate], *, deep: bool = True) -> None:
    """Score every candidate: the weighted sum of its features (``deep``: all of them, else the shallow ones)."""
    table = features(connection, question, candidates, deep=deep)
    for candidate, score in zip(candidates, table @ feature_weights("deep" if deep else "first_look"), strict=True):
        candidate.score = float(score)


def _evidence(connection: sqlite3.Connection, best: list[Candidate], k: int) -> list[dict[str, Any]]:
    evidence: list[dict[str, Any]] = []
    covered: set[int] = set()
    for candidate in best:
        if len(evidence) >= k:
            break
        if candidate.rowid in covered:
            continue
        item, rowids = _quote(connection, candidate)
        covered.update(rowids)
        evidence.append(item)
    return evidence


def _quote(connection: sqlite3.Connection, candidate: Candidate) -> tuple[dict[str, Any], list[int]]:
    """The evidence for a candidate: its sentence, and the next one in its turn when it is very short."""
    rows = connection.execute(
        "SELECT s.rowid, s.start, s.end, d.id, d.title, sp.label, d.rowid FROM sentences AS s"
        " JOIN documents AS d ON d.rowid = s.doc JOIN turns AS t ON t.rowid = s.turn"
        " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        " WHERE s.turn = ? AND s.rowid IN (?, ?) ORDER BY s.rowid",
        (candidate.turn, candidate.rowid, candidate.rowid + 1),
    ).fetchall()
    if len(candidate.text.split()) > SHORT:
        rows = rows[:1]
    _, start, _, document, title, speaker, doc = rows[0]
    end = rows[-1][2]
    (text,) = connection.execute("SELECT substr(text, ?, ?) FROM documents WHERE rowid = ?",
                                 (start + 1, end - start, doc)).fetchone()
    item = {"document": document, "title": title, "speaker": speaker,
            "span": {"start": start, "end": end, "text": text}, "score": round(candidate.score, 4)}
    return item, [row[0] for row in rows]
