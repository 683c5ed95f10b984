"""Rank the candidates for a question: a first look, then the learnt ranker over the shortlist."""

from __future__ import annotations

import sqlite3
from typing import Any

from onrecord.ask.candidates import SENTENCES, Candidate, filters, pools, voiced_documents, voicing
from onrecord.ask.features import feature_weights, features
from onrecord.ask.query import Question, parse
from onrecord.ask.signals import Words

# A sentence this short is quoted with the next one in its turn, so the evidence reads on its own; so is one that
# breaks off ("And just yesterday, I": a line break in a PDF); one that goes on from the one before ("had full and
# total cooperation...") is quoted with it instead.
SHORT = 6
_ENDS = ('.', '!', '?', ':', ';', '"', '”', '’', ')', "'")
DOCUMENTS = 2  # documents read whole: the strongest, whose DOCUMENT_BEST best candidates score highest
DOCUMENT_BEST = 3
SHORTLIST = 150  # candidates the ranker reads with their neighbours, the best of the first look
# A sentence next to the quoted one, in its turn, joins the quotation when it is itself among the ``RUN`` best
# candidates and scores at least ``CLOSE`` times the best: one piece of evidence of two or three sentences
# instead of two pieces side by side.
RUN = 5
CLOSE = 0.85


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
    where, parameters = filters(question)
    voiced = voicing(connection, question)  # the actors the question names that documents speak for
    candidates = pools(connection, question, voiced)
    if not candidates:
        return candidates
    # A first look at every candidate (the sentence alone) chooses the documents read whole and the shortlist
    # that the ranker then reads with its neighbours.
    matches = Words(connection, question)  # what each stage learns of sentences and documents, kept
    _rank(connection, question, matches, list(candidates.values()), deep=False)
    doc_of = matches.doc_of
    if DOCUMENTS:
        chosen = sorted((strength := _strength(candidates, doc_of)), key=lambda d: -strength[d])[:DOCUMENTS]
        chosen += [doc for doc in voiced_documents(connection, question, voiced) if doc not in chosen]
        read = _read_documents(connection, chosen, where, parameters, candidates)
        _rank(connection, question, matches, [candidates[rowid] for rowid in read], deep=False)
    strength = _strength(candidates, doc_of)
    best = max(strength.values(), default=0.0) or 1.0
    for candidate in candidates.values():
        candidate.document = max(strength[doc_of[candidate.rowid]] / best, 0.0)
    kept = sorted(candidates.values(), key=lambda c: -c.score)[:shortlist]
    _rank(connection, question, matches, kept)
    return {c.rowid: c for c in kept}


def _strength(candidates: dict[int, Candidate], doc_of: dict[int, int]) -> dict[int, float]:
    """Each document's strength: the sum of the ``DOCUMENT_BEST`` best scores of its candidates."""
    scores: dict[int, list[float]] = {}
    for candidate in candidates.values():
        scores.setdefault(doc_of[candidate.rowid], []).append(candidate.score)
    return {doc: sum(sorted(found, reverse=True)[:DOCUMENT_BEST]) for doc, found in scores.items()}


def _read_documents(connection: sqlite3.Connection, chosen: list[int], where: str, parameters: list[Any],
                    candidates: dict[int, Candidate]) -> list[int]:
    """Every sentence of the ``chosen`` documents joins the candidates: the answer often says in other words
    what its neighbours and its document say in the question's words. Returns the sentences that joined."""
    rows = connection.execute(
        f"SELECT s.rowid, s.turn, s.text, t.question{SENTENCES}"
        f" WHERE s.doc IN ({','.join('?' * len(chosen))}) AND {where}", [*chosen, *parameters]).fetchall()
    read = [row[0] for row in rows if row[0] not in candidates]
    for rowid, turn, text, asked in rows:
        candidates.setdefault(rowid, Candidate(rowid, turn, text, asked))
    return read


def _rank(connection: sqlite3.Connection, question: Question, matches: Words, candidates: list[Candidate], *,
          deep: bool = True) -> None:
    """Score every candidate: the weighted sum of its features (``deep``: all of them, else the shallow ones)."""
    table = features(connection, question, candidates, deep=deep, words=matches)
    for candidate, score in zip(candidates, table @ feature_weights("deep" if deep else "first_look"), strict=True):
        candidate.score = float(score)


def _evidence(connection: sqlite3.Connection, best: list[Candidate], k: int) -> list[dict[str, Any]]:
    evidence: list[dict[str, Any]] = []
    covered: set[int] = set()
    top = best[0].score if best else 0.0
    strong = {c.rowid for c in best[:RUN] if c.score >= CLOSE * top > 0}
    for candidate in best:
        if len(evidence) >= k:
            break
        if candidate.rowid in covered:
            continue
        item, rowids = _quote(connection, candidate, strong - covered)
        covered.update(rowids)
        evidence.append(item)
    return evidence


def _quote(connection: sqlite3.Connection, candidate: Candidate, strong: set[int]) -> tuple[dict[str, Any], list[int]]:
    """The evidence for a candidate: its sentence, with the next one in its turn when it is very short or breaks
    off, and with the one before when it goes on from it; and with either when it is one of the ``strong``
    candidates (rowids) itself."""
    rows = connection.execute(
        "SELECT s.rowid, s.start, s.end, d.id, d.title, sp.label, d.rowid FROM sentences AS s"
        " JOIN documents AS d ON d.rowid = s.doc JOIN turns AS t ON t.rowid = s.turn"
        " LEFT JOIN speakers AS sp ON sp.doc = s.doc AND sp.id = t.speaker"
        " WHERE s.turn = ? AND s.rowid IN (?, ?, ?) ORDER BY s.rowid",
        (candidate.turn, candidate.rowid - 1, candidate.rowid, candidate.rowid + 1),
    ).fetchall()
    at = [row[0] for row in rows].index(candidate.rowid)
    text = candidate.text.strip()
    goes_on = at > 0 and text[:1].islower()
    alone = goes_on or len(text.split()) > SHORT  # reads on its own, or with the sentence before
    before = at > 0 and (goes_on or rows[at - 1][0] in strong)
    after = at + 1 < len(rows) and (not alone or not text.endswith(_ENDS) or rows[at + 1][0] in strong)
    rows = rows[at - 1 if before else at:at + 2 if after else at + 1]
    _, start, _, document, title, speaker, doc = rows[0]
    end = rows[-1][2]
    (text,) = connection.execute("SELECT substr(text, ?, ?) FROM documents WHERE rowid = ?",
                                 (start + 1, end - start, doc)).fetchone()
    item = {"document": document, "title": title, "speaker": speaker,
            "span": {"start": start, "end": end, "text": text}, "score": round(candidate.score, 4)}
    return item, [row[0] for row in rows]
