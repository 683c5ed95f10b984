"""Answer clarity: for each question an exchange asks, whether and how the answer meets it.

Each question turn is split into the questions it asks (``questions``); each is read against the answer turns'
sentences (``features``) and judged with CLARITY's classes and evasion techniques (``model``), with the answer
sentences that show it: the refusal itself, or the sentences nearest the question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from onrecord.analyses.replies import frames
from onrecord.analyses.replies.features import Entities, Pair, measure
from onrecord.analyses.replies.model import judge, load
from onrecord.analyses.replies.questions import question_kind, sub_questions
from onrecord.record import Record, Reply, Span, strip_offsets

Triple = tuple[Any, Any, Sequence[Any], int]  # question, its turn, the answer's sentences, questions in the turn
_EVIDENCE = 2  # answer sentences shown for a question that was met or evaded (the nearest ones)


def measure_pairs(triples: Sequence[Triple]) -> tuple[np.ndarray[Any, Any], list[np.ndarray[Any, Any]]]:
    """The features of each (question, turn, answer sentences, questions in the turn), embedded in one batch, and
    how near each answer sentence comes to the question (wordllama cosine)."""
    texts = list(dict.fromkeys(text for question, turn, answer, _ in triples
                               for text in (question.text, turn.text, *(s.text for s in answer))))
    pooled = _pooled(texts)
    rows, nearness = [], []
    entities = Entities()
    for question, turn, answer, count in triples:
        sentences = np.stack([pooled[s.text] for s in answer])
        # a whole answer's mean token vector is its sentences' means weighed by their length: no second pass
        whole = (sentences * np.array([[len(s.text)] for s in answer], dtype=np.float32)).sum(axis=0)
        block = _unit(np.vstack([pooled[question.text], pooled[turn.text], whole, sentences]))
        rows.append(measure(Pair(question, turn, answer, count, block, entities)))
        nearness.append(block[3:] @ block[0])
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), -1), nearness


def _pooled(texts: list[str]) -> dict[str, np.ndarray[Any, Any]]:
    """Each text's mean wordllama token vector, not yet of unit length."""
    from onrecord.corpus.embed import embed

    return dict(zip(texts, embed(texts, unit=False), strict=True)) if texts else {}


def _unit(rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1.0, norms)


def find_replies(record: Record, doc: Any) -> list[Reply]:
    """How each answered exchange meets each question asked in it."""
    text = record.document.text
    by_turn: dict[str, list[Any]] = defaultdict(list)
    for sentence in record.sentences:
        span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        if span is not None:
            by_turn[sentence.turn].append(span)
    turns = {turn.id: turn for turn in record.turns}
    asked: list[tuple[str, Span, Triple]] = []
    for exchange in record.exchanges:
        answer = [s for turn in exchange.answers for s in by_turn[turn]]
        question_turn = turns[exchange.question]
        turn_span = doc.char_span(question_turn.span.start, question_turn.span.end, alignment_mode="expand")
        if not answer or turn_span is None:
            continue
        pieces = sub_questions(by_turn[exchange.question])
        for start, end in pieces:
            start, end = strip_offsets(text, start, end)
            question = doc.char_span(start, end, alignment_mode="expand")
            if question is not None and end > start:
                asked.append((exchange.id, Span.of(text, start, end), (question, turn_span, answer, len(pieces))))
    if not asked:
        return []
    rows, nearness = measure_pairs([triple for _, _, triple in asked])
    model = load()
    replies = []
    for (exchange_id, span, (question, _, sentences, _)), row, near in zip(asked, rows, nearness, strict=True):
        judgement = judge(model, row)
        replies.append(Reply(exchange_id, span, question_kind(question), judgement.clarity, judgement.evasion,
                             judgement.confidence, _evidence(text, judgement.evasion, sentences, near)))
    return replies


def _evidence(text: str, evasion: str, answer: Sequence[Any], near: np.ndarray[Any, Any]) -> tuple[Span, ...]:
    """The refusal's sentence for a non-reply; else the answer sentences nearest the question, in text order."""
    frame = {"declining": frames.DECLINING, "ignorance": frames.IGNORANCE, "clarification": frames.CLARIFICATION}
    if evasion in frame:
        plain = [frames.plain(s.text) for s in answer]
        hits = frames.matches(frame[evasion], plain) or [0]
        chosen = [answer[hits[0]]]
    else:
        chosen = [answer[i] for i in sorted(np.argsort(-near, kind="stable")[:_EVIDENCE].tolist())]
    return tuple(Span.of(text, *strip_offsets(text, s.start_char, s.end_char)) for s in chosen)
