"""Sentences per turn: spaCy's sentence boundaries, clipped to the turns."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from onrecord.record import Record, Sentence, Span, strip_offsets


def find_sentences(record: Record, doc: Any) -> list[Sentence]:
    """Every sentence of every turn; a spaCy sentence that crosses a turn boundary is cut there."""
    text = record.document.text
    turns = sorted(record.turns, key=lambda t: t.span.start)
    starts = [t.span.start for t in turns]
    sentences: list[Sentence] = []
    for sent in doc.sents:
        begin, finish = sent.start_char, sent.end_char
        index = max(bisect_right(starts, begin) - 1, 0)
        while index < len(turns) and turns[index].span.start < finish:
            turn = turns[index]
            start, end = strip_offsets(text, max(begin, turn.span.start), min(finish, turn.span.end))
            if end > start:
                sentences.append(Sentence(f"n{len(sentences) + 1}", turn.id, Span.of(text, start, end)))
            index += 1
    return sentences

