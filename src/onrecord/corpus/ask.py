"""Ask: the sentences that answer a question, quoted verbatim. Evidence only, nothing generated.

Hybrid retrieval: FTS5 BM25 and wordllama similarity, fused, with what a search engine does not know about a
transcript: the interviewer's question each answer responds to (the user's question is matched against
those, and their answers rise), the sentence's neighbours in its turn, the speaker and years the question
names (filters) and the other names of the actors it names (from the actors layer).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import numpy as np

from onrecord.corpus.embed import embed
from onrecord.corpus.layers import Findings
from onrecord.corpus.lexical import concepts, frequencies, matched, stems, weights
from onrecord.corpus.query import ASKING, STOPWORDS, Question, parse, words
from onrecord.corpus.signals import Words, texts_around
from onrecord.corpus.vectors import vectors_of

# How many sentences BM25 hands to the reranker; how many interviewer-question sentences are compared at most,
# and how many questions' answers join.
POOL = 300
RAREST = 4  # question concepts that choose the BM25 pool
RARE = 3.7  # ...each in at most about 1% of sentences (idf), unless none is: then the rarest alone
BUDGET = 30_000  # ...and, the rarest first, in this many sentences at most together
QUESTIONS = 50_000
MATCHED = 5
SHARPNESS = 0.0  # >0 lets only the best-matching interviewer question lift its answers (did not help)
# Fusion weights, set on the question set in tests/data/questions.json (held-out figures in the README): BM25,
# wordllama similarity of the sentence and of its passage, closeness of the interviewer question answered,
# opening the answer to the closest one, and the share of the question's concepts (rarity-weighted) that the
# sentence, its passage and its whole turn contain.
W_BM25, W_SIMILARITY, W_CONTEXT, W_QUESTION, W_LEAD = 0.2, 0.3, 1.0, 0.6, 0.2
W_WORDS, W_PASSAGE, W_TURN = 0.8, 1.0, 0.1
W_VOICE = 0.5  # the document speaks for the actor the question has speak ("What does Russia say...?")
W_FINDING = 0.3  # a citation when a quotation is asked for, speech attributed to the one the question has speak
# A sentence this short is quoted with the next one in its turn, so the evidence reads on its own.
SHORT = 6
DOCUMENTS = 2  # documents read whole: those whose DOCUMENT_BEST best candidates score highest
DOCUMENT_BEST = 3


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
    score: float = 0.0


def ask(connection: sqlite3.Connection, text: str, *, k: int = 5) -> dict[str, Any]:
    """The ``ask --json`` answer for ``text``: the ``k`` best pieces of evidence, best first."""
    question = parse(connection, text)
    where, parameters = _filters(question)
    candidates: dict[int, Candidate] = {}
    match = _match_expression(connection, question)
    if match:
        top = _bm25(connection, match, where, parameters, candidates)
        voiced, keys = _spoken_by(connection, question)
        if voiced:  # the speeches of the actor the question has speak have a pool of their own
            _bm25(connection, match, f"{where} AND {voiced}", [*parameters, *keys], candidates, top=top)
        _answers_to_similar_questions(connection, question, where, parameters, candidates)
    if not candidates:
        return {"question": text, "evidence": []}
    _rank(connection, question, candidates)
    if DOCUMENTS:
        chosen = _read_documents(connection, candidates, where, parameters)
        _rank(connection, question, {rowid: candidates[rowid] for rowid in chosen})
    best = sorted(candidates.values(), key=lambda c: -c.score)
    return {"question": text, "evidence": _evidence(connection, best, k)}


def _match_expression(connection: sqlite3.Connection, question: Question) -> str:
    """An FTS5 OR-query of the ``RAREST`` concepts of the question (words, actor names), each quoted: no syntax
    from the user. Common words would make BM25 score a large share of the corpus for little; they still count
    when the candidates are ranked."""
    found = concepts(connection, question.groups)
    kept = [(group, concept) for group, concept in zip(question.groups, found, strict=True) if concept]
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


def _spoken_by(connection: sqlite3.Connection, question: Question) -> tuple[str, list[str]]:
    """A filter for the documents that speak for the actor the question has speak, and its parameters."""
    group = next((g for g in question.groups if g[0] == question.speaking), None)
    if group is None:
        return "", []
    keys = {actor for (actor,) in connection.execute(
        f"SELECT DISTINCT actor FROM actor_names WHERE name IN ({','.join('?' * len(group))})", group)}
    keys |= {country for first, country, _ in question.spokesmen if first == question.speaking}
    if not keys:
        return "", []
    return f"s.doc IN (SELECT doc FROM voices WHERE actor IN ({','.join('?' * len(keys))}))", sorted(keys)


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
    words = stems(connection, {rowid: text for rowid, _, text in asked})
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
    best = max(closeness[closest[0]], 1e-6)
    for rowid, turn, text, asked_turn, lead in rows:
        candidate = candidates.setdefault(rowid, Candidate(rowid, turn, text, asked_turn))
        # The best-matching question counts fully; the others as far as they come close to it.
        candidate.question = closeness[asked_turn] * max(closeness[asked_turn] / best, 0.0) ** SHARPNESS
        candidate.lead = bool(lead) and asked_turn == closest[0]


def _read_documents(connection: sqlite3.Connection, candidates: dict[int, Candidate], where: str,
                    parameters: list[Any]) -> list[int]:
    """Every sentence of the documents whose best candidates score highest joins: the answer often says in
    other words what its neighbours and its document say in the question's words. Returns the sentences of
    those documents (to be ranked again: their turns are now wholly at hand)."""
    doc_of = dict(connection.execute(
        f"SELECT rowid, doc FROM sentences WHERE rowid IN ({','.join('?' * len(candidates))})", sorted(candidates)))
    scores: dict[int, list[float]] = {}
    for candidate in candidates.values():
        scores.setdefault(doc_of[candidate.rowid], []).append(candidate.score)
    strength = {doc: sum(sorted(found, reverse=True)[:DOCUMENT_BEST]) for doc, found in scores.items()}
    chosen = sorted(strength, key=lambda d: -strength[d])[:DOCUMENTS]
    rows = connection.execute(
        "SELECT s.rowid, s.turn, s.text, t.question FROM sentences AS s JOIN turns AS t ON t.rowid = s.turn"
        " JOIN documents AS d ON d.rowid = s.doc LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        f" WHERE s.doc IN ({','.join('?' * len(chosen))}) AND {where}", [*chosen, *parameters]).fetchall()
    for rowid, turn, text, asked in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked))
    return [row[0] for row in rows]


def _rank(connection: sqlite3.Connection, question: Question, candidates: dict[int, Candidate]) -> None:
    """Score every candidate: its words, its passage's and its answer's, similarity, the question it answers."""
    ordered = list(candidates.values())
    if not ordered:
        return
    texts = texts_around(connection, ordered)
    words = Words(connection, question, texts)
    findings = Findings(connection, question, ordered)
    asked, by_rowid = embed([question.text])[0], vectors_of(connection, texts)
    for candidate in ordered:
        # The passage's vector: the sum of its sentences' (each embedded once, however many passages hold it).
        passage = np.sum([by_rowid[r] for r in words.passage(candidate)], axis=0)
        near = float(passage @ asked) / (float(np.linalg.norm(passage)) or 1.0)
        candidate.score = (W_BM25 * candidate.bm25 + W_SIMILARITY * float(by_rowid[candidate.rowid] @ asked)
                           + W_CONTEXT * near + W_QUESTION * candidate.question + W_LEAD * candidate.lead
                           + W_WORDS * words.cover([candidate.rowid], candidate)
                           + W_PASSAGE * words.cover(words.passage(candidate), candidate)
                           + W_TURN * words.cover(words.turn(candidate)) + W_VOICE * words.spoken(candidate)
                           + W_FINDING * findings.marked(candidate))


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
