"""What an answer does with one question, as numbers the clarity model weighs.

Each feature stands for something an analyst checks when reading an answer: did a yes/no question get a yes or a
no; does the answer speak of the question's words, names and numbers, sentence by sentence (wordllama similarity
and shared content words); does it refuse, claim not to know or ask what was meant; does it hedge; does it bring
in names the question did not ask about; does it give what a wh-question asks for (a number for "how many", a
date for "when", a reason for "why").
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from onrecord.analyses.replies import frames
from onrecord.analyses.replies.questions import question_kind

NAMES = (
    "kind_yes_no", "kind_alternative", "kind_wh", "kind_other", "questions_in_turn", "question_words",
    "answer_words", "answer_sentences",
    "position", "position_asked", "declining", "declining_early", "ignorance", "ignorance_early", "clarification",
    "hedges", "hedges_early",
    "similarity_answer", "similarity_best", "similarity_first", "similarity_turn", "best_at",
    "overlap_answer", "overlap_early", "topical_share", "topical_late", "names_met", "names_new",
    "asked_type", "asked_type_met", "numbers", "entities",
)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
_SPECIFIC = _NAMED | {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_ASKED = {
    "how many": {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}, "how much": {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"},
    "when": {"DATE", "TIME"}, "how long": {"DATE", "TIME", "CARDINAL"}, "who": {"PERSON", "ORG", "NORP", "GPE"},
    "where": {"GPE", "LOC", "FAC"},
}
_REASON = ("because", "since", "the reason", "so that", "in order to", "that's why", "due to")
_FILLER = frozenset({"think", "say", "know", "tell", "go", "get", "mr.", "president", "sir", "thank", "question",
                     "follow", "ask", "want", "thing", "way", "mean", "talk", "be", "do", "have", "make", "let", "look"})
_EARLY = 2  # the first sentences of an answer, where a refusal stands when it refuses


class Entities:
    """The named entities inside a span, looked up in an index of each document's entities built once (a span's
    own ``ents`` walks every entity of its document)."""

    def __init__(self) -> None:
        self._index: dict[int, tuple[list[int], list[Any]]] = {}  # id of a doc alive for this object's lifetime

    def within(self, span: Any) -> list[Any]:
        doc = span.doc
        if id(doc) not in self._index:
            ents = list(doc.ents)
            self._index[id(doc)] = ([e.start for e in ents], ents)
        starts, ents = self._index[id(doc)]
        found = []
        for index in range(bisect_left(starts, span.start), len(ents)):
            if ents[index].end > span.end:
                break
            found.append(ents[index])
        return found


@dataclass(frozen=True)
class Pair:
    """One question and the answer to read it against: spaCy spans, and unit wordllama vectors of each."""

    question: Any  # the sub-question
    turn: Any  # the whole question turn it belongs to
    answer: Sequence[Any]  # the answer's sentences
    questions_in_turn: int
    vectors: Any  # rows: question, turn, whole answer, then each answer sentence
    entities: Entities


def measure(pair: Pair) -> np.ndarray[Any, np.dtype[np.float32]]:
    """The features of ``NAMES`` for one question and its answer."""
    kind = question_kind(pair.question)
    sentences = [frames.plain(s.text) for s in pair.answer]
    early = sentences[:_EARLY]
    words = [t for s in pair.answer for t in s if not t.is_punct and not t.is_space]
    vectors = pair.vectors
    per_sentence = vectors[3:] @ vectors[0] if len(sentences) else np.zeros(1, dtype=np.float32)
    asked = _content(pair.question)
    found = [_content(s) for s in pair.answer]
    answer_words = set().union(*found) if found else set()
    topical = [bool(asked & f) for f in found] or [False]
    first = early[0] if early else ""
    position = bool(frames.YES.search(first) or frames.NO.search(first) or frames.MIRROR.search(first))
    answer_ents = [e for s in pair.answer for e in pair.entities.within(s)]
    wanted, met = _asked_type(pair.question, answer_ents, sentences)
    question_names = {e.text.lower() for e in pair.entities.within(pair.question) if e.label_ in _NAMED}
    turn_text = pair.turn.text.lower()
    answer_names = [e.text.lower() for e in answer_ents if e.label_ in _NAMED]
    count = max(len(sentences), 1)
    values = [
        kind == "yes-no", kind == "alternative", kind == "wh", kind == "other", math.log1p(pair.questions_in_turn),
        math.log1p(len(pair.question)), math.log1p(len(words)), math.log1p(len(sentences)),
        position, position and kind in {"yes-no", "alternative"},
        bool(frames.matches(frames.DECLINING, sentences)), bool(frames.matches(frames.DECLINING, early)),
        bool(frames.matches(frames.IGNORANCE, sentences)), bool(frames.matches(frames.IGNORANCE, early)),
        _clarifies(sentences),
        len(frames.matches(frames.HEDGE, sentences)) / count, len(frames.matches(frames.HEDGE, early)) / max(len(early), 1),
        float(vectors[2] @ vectors[0]), float(per_sentence.max()), float(per_sentence[0]), float(vectors[2] @ vectors[1]),
        int(per_sentence.argmax()) / count,
        len(asked & answer_words) / max(len(asked), 1), len(asked & set().union(*found[:_EARLY])) / max(len(asked), 1)
        if found else 0.0,
        sum(topical) / len(topical), _late_share(topical),
        len([n for n in question_names if any(n in a or a in n for a in answer_names)]) / max(len(question_names), 1)
        if question_names else 0.5,
        len([n for n in answer_names if n not in turn_text]) / max(len(answer_names), 1),
        wanted, met,
        sum(t.like_num for t in words) / count, sum(e.label_ in _SPECIFIC for e in answer_ents) / count,
    ]
    return np.asarray(values, dtype=np.float32)


def _content(tokens: Any) -> set[str]:
    """The content words of a span, as lemmas."""
    return {t.lemma_.lower() for t in tokens
            if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"} and not t.is_stop and t.lemma_.lower() not in _FILLER}


def _clarifies(sentences: Sequence[str]) -> bool:
    """A short answer that asks what was meant, or that does nothing but ask back ("Met with him when?" followed by
    an answer is no request for clarification)."""
    if not sentences or len(sentences) > 3:
        return False
    return bool(frames.matches(frames.CLARIFICATION, sentences)) or all(s.endswith("?") for s in sentences)


def _late_share(topical: Sequence[bool]) -> float:
    """How much of the answer's second half still speaks of the question (low when it starts on topic and turns)."""
    late = topical[len(topical) // 2 :]
    return sum(late) / len(late) if late else 0.0


def _asked_type(question: Any, answer_ents: Sequence[Any], sentences: Sequence[str]) -> tuple[bool, bool]:
    """Whether the question asks for a kind of thing (a number, a date, a person, a place, a reason), and whether
    the answer (its entities, its plain sentences) gives one."""
    text = frames.plain(question.text)
    if "why" in text.split():
        return True, any(reason in sentence for sentence in sentences for reason in _REASON)
    for words, labels in _ASKED.items():
        if f"{words} " in f"{text} " and (len(words.split()) > 1 or words in text.split()):
            return True, any(e.label_ in labels for e in answer_ents)
    return False, False

