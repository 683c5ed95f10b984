"""Which attributions a transcript's record keeps: speech or thought reported of someone other than the speaker.

PolNeAR's notion of attribution is broad (a newspaper's "Trump endorsed Cruz", "it seems"); in a transcript
the speaker's own "I say", "we express our disapproval", a principle that "emphasizes", "the reality tells",
"anyone doubts" or "those who reject Israel" report nobody's words. A report is kept when its source can speak
(a person, group, organisation or country: an actor mention, a named entity, a personal pronoun other than
the first person, a vague plural such as "some", or a noun in ``data/speaker_nouns.txt``) and its content is a
clause or a quotation rather than a bare object.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from onrecord.analyses.quotations import find_quotations, inside
from onrecord.record import Record

_FIRST_PERSON = {"i", "we", "me", "us", "myself", "ourselves"}
_NOBODY_IN_PARTICULAR = {"anyone", "anybody", "nobody", "everyone", "everybody", "whoever", "none", "who", "which"}
_SPEAKING_PRONOUNS = {"he", "she", "they", "him", "her", "them", "some", "many", "others", "several", "most", "few"}
_SPEAKING_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}


@functools.cache
def speaker_nouns() -> frozenset[str]:
    """Common nouns that name someone who can speak or a text that speaks for someone (package data)."""
    data = resources.files("onrecord").joinpath("data/speaker_nouns.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def is_report(record: Record, doc: Any, source: tuple[int, int] | None, content: tuple[int, int], *,
              clause: bool) -> bool:
    """Whether a found attribution reports the words or thoughts of someone other than the one speaking."""
    if source is None:
        return False
    head = _head(doc, *source)
    if head is None:
        return False
    word = head.lower_
    quoted = find_quotations(record.document.text, content[0], content[1])
    if not clause and not quoted:
        return False
    if word in _FIRST_PERSON:
        return inside(find_quotations(record.document.text, max(source[0] - 2000, 0), source[1]), source[0])
    if word in _NOBODY_IN_PARTICULAR:
        return False
    return (word in _SPEAKING_PRONOUNS or head.ent_type_ in _SPEAKING_ENTITIES or head.lemma_.lower() in speaker_nouns()
            or _is_mention(record, head.idx, head.idx + len(head.text)))


def _head(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    # "Some of these ambiguities": the people or things counted are the source.
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if head.lower_ in _SPEAKING_PRONOUNS and of is not None:
        head = next((c for c in of.children if c.dep_ == "pobj"), head)
    return head


def _is_mention(record: Record, start: int, end: int) -> bool:
    return any(m.span.start < end and start < m.span.end for actor in record.actors for m in actor.mentions)
