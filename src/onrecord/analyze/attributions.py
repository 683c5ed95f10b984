"""Attributions: speech and thought the speaker attributes to someone else, as Source, Cue and Content.

A cue is a reporting verb ("stated", "claiming", "warn") from a lexicon learnt on PolNeAR train, "according
to", or "In the words of"; the dependency parse gives its source (the subject, or the subject of the clause
a participle hangs from: "DAESH issued a statement claiming that ...") and its content (the reported clause,
the object, or the quotation). Sources are resolved to actors when the actor layer has a mention there;
vague sources ("some Westerners", "analysts") and pronouns are marked as such.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from onrecord.analyze.citations import speech_ranges
from onrecord.record import Attribution, AttributionKind, AttributionSource, Record, SourceKind, Span

_CONTENT_DEPS = ("ccomp", "xcomp")
_OBJECT_DEPS = ("dobj", "attr")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_VAGUE_DETERMINERS = {"some", "many", "several", "certain", "few", "most", "other", "others", "various"}
_QUOTES = "\"“”"
_WORDS_OF = re.compile(r"(?P<cue>\b[Ii]n the words of)\s+(?P<source>[^,]{2,80}?),\s*")


@dataclass(frozen=True)
class Found:
    """An attribution before it is numbered: character offsets of its parts."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    source_kind: SourceKind = "named"


@functools.cache
def cue_lemmas() -> frozenset[str]:
    """The reporting verbs, from the package data file (loaded on first use)."""
    data = resources.files("onrecord").joinpath("data/attribution_cues.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def find_attributions(record: Record, doc: Any) -> list[Attribution]:
    """Every attribution in the speech turns, in text order, sources resolved to actors when possible."""
    text = record.document.text
    found: list[Found] = []
    for start, end in speech_ranges(record):
        found.extend(extract(text, doc, start, end))
    attributions: list[Attribution] = []
    for item in sorted(found, key=lambda f: f.cue):
        source = None
        if item.source:
            span = Span.of(text, *item.source)
            source = AttributionSource(span, _actor_at(record, span), item.source_kind)
        content = Span.of(text, *item.content)
        attributions.append(Attribution(f"q{len(attributions) + 1}", _kind(content.text), source,
                                        Span.of(text, *item.cue), content))
    return attributions


def extract(text: str, doc: Any, start: int, end: int) -> Iterator[Found]:
    """The attributions between two character offsets of a parsed text."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return
    lemmas = cue_lemmas()
    taken: set[int] = set()
    for sent in span.sents:
        for match in _WORDS_OF.finditer(text, sent.start_char, sent.end_char):
            content = (match.end(), _content_end(text, sent.end_char))
            taken.add(match.start())
            yield Found((match.start("source"), match.end("source")), (match.start(), match.end("cue")),
                        content, _kind_of_words(match["source"]))
        for token in sent:
            if token.idx in taken or token.lemma_.lower() not in lemmas:
                continue
            found = _according(token) if token.lemma_.lower() == "accord" else _reported(token)
            if found is not None:
                yield found


def _reported(verb: Any) -> Found | None:
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    content = next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)
    if content is None:
        content = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
    if content is None:
        return _trailing(verb)
    subject = _subject(verb)
    if subject is None and content.dep_ == "ccomp":
        subject = _left_neighbour(verb)
    cue_end = max([verb.idx + len(verb.text)] + [c.idx + len(c.text) for c in verb.children if c.dep_ == "prt"])
    first, last = _edges(content)
    source = _edges(subject) if subject is not None else None
    if subject is not None and source and source[0] < verb.idx < source[1]:
        # "analyses saying that ...": the subject's phrase holds the cue; the source stops before it.
        left = [t for t in subject.subtree if t.i < verb.left_edge.i and not t.is_punct]
        source = (left[0].idx, left[-1].idx + len(left[-1].text)) if left else None
    return Found(source, (verb.idx, cue_end), (first, last), _source_kind(subject) if subject is not None else "named")


def _trailing(verb: Any) -> Found | None:
    """"We will win," he said: the cue comes after what it reports, which is the sentence before it."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "ROOT") or verb.i == verb.sent.start:
        return None
    sent, text = verb.sent, verb.doc.text
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    begin = min(verb.left_edge.i, subject.left_edge.i if subject is not None else verb.i)
    if begin <= sent.start:
        return None
    finish = verb.doc[begin].idx
    while finish > sent.start_char and (text[finish - 1].isspace() or text[finish - 1] in ",—–-"):
        finish -= 1
    if finish - sent.start_char < 8:
        return None
    source = _edges(subject) if subject is not None else None
    kind = _source_kind(subject) if subject is not None else "named"
    return Found(source, (verb.idx, verb.idx + len(verb.text)), (sent.start_char, finish), kind)


def _according(token: Any) -> Found | None:
    """"According to X, ..." or "..., according to X": the rest of the sentence is the content."""
    to = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ != "according" or to is None or to.lower_ != "to":
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = token.sent
    s_first, s_last = _edges(source)
    text = token.doc.text
    if token.i == sent.start:
        begin = s_last
        while begin < sent.end_char and text[begin] in ", ":
            begin += 1
        content = (begin, _content_end(text, sent.end_char))
    else:
        finish = token.idx
        while finish > sent.start_char and text[finish - 1] in ", ":
            finish -= 1
        content = (sent.start_char, finish)
    if content[1] <= content[0]:
        return None
    return Found((s_first, s_last), (token.idx, to.idx + len(to.text)), content, _source_kind(source))


def _subject(verb: Any) -> Any | None:
    """The verb's subject; for "a statement claiming ..." or "and warned ...", the subject it shares."""
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if current.dep_ not in ("acl", "advcl", "xcomp", "conj", "dobj", "pobj", "prep") or current.head is current:
            return None
        current = current.head
    return None


def _left_neighbour(verb: Any) -> Any | None:
    """The noun phrase right before the verb when the parse lost the subject ("..., the Prime Minister of
    Iraq stated that" parsed as an apposition)."""
    if verb.i == 0 or verb.nbor(-1).pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    token = verb.nbor(-1)
    while token.dep_ in ("pobj", "prep", "compound") and token.head.i < verb.i:
        token = token.head
    return token if token.dep_ not in ("pobj", "prep") else None


def _edges(token: Any) -> tuple[int, int]:
    """The characters of a token's subtree, without the punctuation at its ends (closing quotes stay)."""
    tokens = list(token.subtree)
    while len(tokens) > 1 and tokens[0].is_punct and tokens[0].text not in _QUOTES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in _QUOTES:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _content_end(text: str, end: int) -> int:
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
        end -= 1
    return end


def _source_kind(token: Any) -> SourceKind:
    if token.pos_ == "PRON" and token.lower_ not in _VAGUE_DETERMINERS:
        return "pronoun"
    words = {t.lower_ for t in token.subtree}
    if words & _VAGUE_DETERMINERS or (token.tag_ == "NNS" and not any(t.pos_ == "PROPN" for t in token.subtree)
                                       and not words & {"the", "his", "her", "their", "our", "its"}):
        return "vague"
    return "named"


def _kind_of_words(source: str) -> SourceKind:
    first = source.split()[0].lower() if source.split() else ""
    return "vague" if first in _VAGUE_DETERMINERS else "named"


def _kind(content: str) -> AttributionKind:
    quoted = sum(content.count(q) for q in _QUOTES)
    if quoted >= 2 and content[0] in _QUOTES and content[-1] in _QUOTES:
        return "direct"
    return "mixed" if quoted >= 2 else "indirect"


def _actor_at(record: Record, span: Span) -> str | None:
    for actor in record.actors:
        if any(m.span.start < span.end and span.start < m.span.end for m in actor.mentions):
            return actor.id
    return None
