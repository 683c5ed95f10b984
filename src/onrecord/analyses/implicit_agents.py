"""Implicit agents: whom a negated passive of giving blames when it does not name the giver.

"For thirty years Ruritania was allied with Freedonia. Yet it was never given a single factory." names no giver;
the reader takes the one the sentence before names beside the one left without. The speaker complains of that
giver: a stance against them, with both sentences as its evidence. Only where the sentence before (in the same
turn) leaves exactly one candidate, so that the giver is not guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from onrecord.record import Record

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_THIRD_PERSON = frozenset({"they", "he", "she", "it"})

Named = Mapping[int, Sequence[tuple[str, range]]]  # each sentence's actors and their tokens


def implicit_givers(record: Record, doc: Any, named: Named, giving: frozenset[str]) -> Iterator[tuple[str, int]]:
    """(actor id, sentence index) for each sentence with a negated agentless passive of a verb of ``giving`` whose
    giver is the one other actor of that sentence and the one before it."""
    from onrecord.analyses.stance import _negated

    for index in range(1, len(record.sentences)):
        sentence, previous = record.sentences[index], record.sentences[index - 1]
        if sentence.turn is None or previous.turn != sentence.turn:
            continue
        span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        for verb in span or ():
            if verb.lemma_.lower() not in giving or not _agentless_passive(verb) or not _negated(verb):
                continue
            recipient = _recipient(verb, named.get(index, ()), named.get(index - 1, ()), doc)
            if recipient is None:
                continue
            givers = {actor for actor, _ in (*named.get(index - 1, ()), *named.get(index, ()))} - {recipient}
            if len(givers) == 1:
                yield givers.pop(), index


def _agentless_passive(verb: Any) -> bool:
    children = {child.dep_ for child in verb.children}
    return "auxpass" in children and "agent" not in children and bool(children & _SUBJECTS)


def _recipient(verb: Any, here: Sequence[tuple[str, range]], before: Sequence[tuple[str, range]], doc: Any
               ) -> str | None:
    """Who was not given: the actor the passive's subject names, or for "they", "he", "she", "it" the actor that is
    the subject of the sentence before."""
    subject = next(child for child in verb.children if child.dep_ in _SUBJECTS)
    named = next((actor for actor, tokens in here if subject.i in tokens), None)
    if named is not None or subject.lower_ not in _THIRD_PERSON:
        return named
    return next((actor for actor, tokens in before if any(doc[i].dep_ in _SUBJECTS for i in tokens)), None)
