"""A question turn split into the questions it asks, and what kind each one is.

A press question often asks two or three things: "Did you speak to him? And what did he say?" Each sentence that
ends in a question mark is one, and a question joined to another by ", and what..." or "; or will..." is split
there. A turn that asks without a question mark ("Talk about the sanctions.") asks its last sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from onrecord.record import QuestionKind

_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_LEAD = frozenset({"and", "but", "so", "now", "well", "also", "just", "then", "okay", "ok", "sir", "ma'am", "and,"})
_TELL = frozenset({"tell", "say", "explain", "describe", "give", "talk", "walk", "share", "speak", "update", "characterize"})
_ASKS = 6  # words a sentence without a question mark needs to be taken as a question
_JOINS = frozenset({"and", "but"})  # never "or": it joins the options of one question


def sub_questions(sentences: Sequence[Any]) -> list[tuple[int, int]]:
    """The (start, end) character offsets of each question asked in a turn, given its spaCy sentences."""
    asked = [piece for sentence in sentences if sentence.text.rstrip().endswith("?") for piece in _split(sentence)]
    if asked:
        return asked
    last = next((s for s in reversed(sentences) if any(t.is_alpha for t in s)), None)
    # without a question mark, only a sentence long enough to ask something ("Talk about the sanctions you
    # announced."), not a question cut off by the speaker ("Jake, what — sorry, go ahead.")
    if last is None or sum(t.is_alpha for t in last) < _ASKS or not any(t.pos_ in {"VERB", "AUX"} for t in last):
        return []
    return [_bounds(last)]


def _split(sentence: Any) -> Iterator[tuple[int, int]]:
    """A question sentence cut before each coordinating word that opens a new question of its own."""
    start = sentence.start
    for token in sentence:
        if token.i - start < 4 or token.lower_ not in _JOINS or token.i + 1 >= sentence.end:
            continue
        before = sentence.doc[token.i - 1]
        if before.text in {",", ";", "?", "--", "—"} and _opens_question(sentence.doc[token.i + 1 : sentence.end]):
            yield _bounds(sentence.doc[start : token.i - 1] if before.text in {",", ";"} else sentence.doc[start : token.i])
            start = token.i
    yield _bounds(sentence.doc[start : sentence.end])


def _opens_question(tokens: Any) -> bool:
    """Whether the words open a question: a wh-word, or an auxiliary before its subject ("will you", "is it")."""
    first = tokens[0] if len(tokens) else None
    if first is None:
        return False
    if first.tag_ in _WH_TAGS:
        return True
    return first.pos_ == "AUX" and len(tokens) > 1 and tokens[1].pos_ in {"PRON", "PROPN", "DET", "NOUN"}


def _bounds(span: Any) -> tuple[int, int]:
    return span.start_char, span.end_char


def question_kind(tokens: Any) -> QuestionKind:
    """What answer a question asks for: yes or no, one of the options it names, or the thing its wh-word asks."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    index = 0
    while index < len(words) and (words[index].lower_ in _LEAD or words[index].pos_ in {"INTJ", "CCONJ"}):
        index += 1
    # a vocative before the question: "Mr. President, do you..."
    comma = next((t.i for t in tokens if t.text == ","), None)
    if index < len(words) and words[index].pos_ == "PROPN" and comma is not None:
        index = next((i for i, w in enumerate(words) if w.i > comma), index)
    for position, word in enumerate(words[index : index + 12], start=index):
        if word.tag_ in _WH_TAGS and word.lower_ != "that":
            return "wh"
        if word.pos_ == "AUX" or word.tag_ == "MD":
            if _asks_leave(words[position + 1 : position + 2]):
                continue  # "Could I just ask, what...": the question comes after
            if _asks_to_tell(words[position + 1 : position + 4]):
                return "wh"
            if any(w.lower_ == "or" for w in words[position:]) and not _or_not(words[position:]):
                return "alternative"
            return "yes-no"
        if word.pos_ == "VERB" and word.lower_ in _TELL and position == index:
            return "wh"
        if word.pos_ in {"VERB", "NOUN", "PROPN", "PRON"} and word.dep_ in {"nsubj", "ROOT"}:
            break
    if tokens.text.rstrip().endswith("?"):
        return "wh" if any(w.tag_ in _WH_TAGS and w.lower_ != "that" for w in words) else "yes-no"
    return "other"


def _asks_to_tell(words: Sequence[Any]) -> bool:
    """ "Can you tell us...", "Could you explain...": a request for information phrased as a yes/no question."""
    return len(words) >= 2 and words[0].lower_ == "you" and words[1].lemma_.lower() in _TELL


def _asks_leave(words: Sequence[Any]) -> bool:
    """ "Can I", "May I", "Could I": asking leave to ask, not the question."""
    return bool(words) and words[0].lower_ == "i"


def _or_not(words: Sequence[Any]) -> bool:
    return any(a.lower_ == "or" and b.lower_ in {"not", "no"} for a, b in itertools.pairwise(words))
