"""The parts of an attribution before it is numbered, and what every kind of cue needs to find them.

``Found`` holds character offsets; the helpers read a spaCy parse: a verb's subject (or the subject it
shares), a token's phrase without the punctuation at its ends, and what kind of source a phrase is.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from onrecord.record import SourceKind

SUBJECT_DEPS = ("nsubj", "nsubjpass")
VAGUE_DETERMINERS = {"some", "many", "several", "certain", "few", "most", "other", "others", "various"}
QUOTES = "\"“”"


@dataclass(frozen=True)
class Found:
    """An attribution before it is numbered: character offsets of its parts."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    source_kind: SourceKind = "named"
    # False when the content is a bare object ("rejected the deal") rather than a clause or a quotation.
    clause: bool = True
    # A verb of saying ("said", "told") is kept inside another report's content: PolNeAR train annotates over half.
    speech: bool = False


@functools.lru_cache(maxsize=4)
def doc_text(doc: Any) -> str:
    """A parsed document's text, computed once: spaCy joins every token anew each time ``doc.text`` is read."""
    return str(doc.text)


@functools.cache
def excluded_frames() -> frozenset[tuple[str, str]]:
    """(lemma, frame) pairs that are no cue, from the package data file (loaded on first use)."""
    data = resources.files("onrecord").joinpath("data/attribution_cues_excluded.txt").read_text(encoding="utf-8")
    return frozenset((line.split()[0], line.split()[1]) for line in data.splitlines()
                     if line.strip() and not line.startswith("#"))


@functools.cache
def cue_nouns() -> dict[str, bool]:
    """The nouns that are cues, each with whether it needs a possessor (package data, loaded on first use)."""
    data = resources.files("onrecord").joinpath("data/attribution_cues_nouns.txt").read_text(encoding="utf-8")
    return {line.split()[0]: line.split()[1:] == ["poss"] for line in data.splitlines()
            if line.strip() and not line.startswith("#")}


@functools.cache
def cue_lemmas() -> frozenset[str]:
    """The reporting verbs, from the package data file (loaded on first use)."""
    data = resources.files("onrecord").joinpath("data/attribution_cues.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def subject_of(verb: Any) -> Any | None:
    """The verb's subject; for "a statement claiming ..." or "and warned ...", the subject it shares."""
    current = verb
    for _ in range(6):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if current.dep_ not in ("acl", "advcl", "xcomp", "conj", "dobj", "pobj", "prep") or current.head.i == current.i:
            return None
        current = current.head
    return None


def edges(token: Any) -> tuple[int, int]:
    """The characters of a token's subtree, without the punctuation at its ends (closing quotes stay)."""
    tokens = list(token.subtree)
    while len(tokens) > 1 and tokens[0].is_punct and tokens[0].text not in QUOTES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in QUOTES:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def content_end(text: str, end: int) -> int:
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
        end -= 1
    return end


def source_kind(token: Any) -> SourceKind:
    if token.pos_ == "PRON" and token.lower_ not in VAGUE_DETERMINERS:
        return "pronoun"
    words = {t.lower_ for t in token.subtree}
    if words & VAGUE_DETERMINERS or (token.tag_ == "NNS" and not any(t.pos_ == "PROPN" for t in token.subtree)
                                       and not words & {"the", "his", "her", "their", "our", "its"}):
        return "vague"
    return "named"


def kind_of_words(source: str) -> SourceKind:
    first = source.split()[0].lower() if source.split() else ""
    return "vague" if first in VAGUE_DETERMINERS else "named"
