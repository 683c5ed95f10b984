"""Cues that are not reporting verbs: "according to", "In the words of", "In a CBS News poll", a headline's
"Name:" and a colon that hands a quotation to the clause before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from onrecord.analyses.attribution_parts import (
    VAGUE_DETERMINERS,
    Found,
    content_end,
    cue_lemmas,
    cue_nouns,
    doc_text,
    edges,
    kind_of_words,
    source_kind,
    subject_of,
)
from onrecord.record import SourceKind

_NOUN_PREPOSITIONS = {"of", "for", "on", "about", "against", "to"}
_POLLS = {"poll", "survey", "ranking", "average", "study"}
_VIEWS = {"word", "eye", "view", "opinion", "mind"}
_NAME_WORD = r"(?:[A-Z][\w.’'&-]*|of|at|on|the|and|for|in|de|van|von)"
_HEADLINE = re.compile(rf"(?P<name>[A-Z][\w.’'&-]*(?:[ ]{_NAME_WORD}){{0,5}})(?P<colon>:)[ ]+(?P<said>\S)")
_NOT_NAMES = {"q", "a", "twitter", "correction", "update", "note", "editor’s note", "editor's note", "photo", "video",
              "source", "sources", "watch", "read", "related", "busted", "breaking", "exclusive", "follow", "email",
              "facebook", "instagram", "listen", "see", "also", "more", "updated", "clarification", "disclosure"}
_WORDS_OF = re.compile(r"(?P<cue>\b[Ii]n the words of)\s+(?P<source>[^,]{2,80}?),\s*")




def words_of(text: str, sent: Any) -> Iterator[Found]:
    """"In the words of the Leader of the Revolution, ...": the rest of the sentence is what he said."""
    for match in _WORDS_OF.finditer(text, sent.start_char, sent.end_char):
        yield Found((match.start("source"), match.end("source")), (match.start(), match.end("cue")),
                    (match.end(), content_end(text, sent.end_char)), kind_of_words(match["source"]))


def introduced_by(doc: Any, quotation: tuple[int, int]) -> Found | None:
    """'Some raise questions, such as: “What happened to ...?”': a colon hands the quotation to the subject of
    the clause before it, the clause's verb being the cue."""
    text = doc_text(doc)
    colon = quotation[0]
    while colon > 0 and text[colon - 1] in " \t":
        colon -= 1
    token = doc.char_span(colon - 1, colon, alignment_mode="expand") if colon > 0 and text[colon - 1] == ":" else None
    if token is None or quotation[1] - quotation[0] < 12:
        return None
    verb = token.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is not None and subject.i < verb.i < token.root.i:
        return Found(edges(subject), (verb.idx, verb.idx + len(verb.text)), quotation, source_kind(subject))
    return _opening_clause(token.root, quotation)


def _opening_clause(colon: Any, quotation: tuple[int, int]) -> Found | None:
    """When the parse lost the clause ("Some raise questions" read as a noun phrase), its first verb is the cue
    and the two or fewer words before it, determiners, pronouns or nouns, are the source."""
    sent = colon.sent
    verb = next((t for t in sent if t.i < colon.i and t.pos_ == "VERB"), None)
    if verb is None or not 0 < verb.i - sent.start <= 2:
        return None
    words = sent.doc[sent.start:verb.i]
    if not all(t.pos_ in ("DET", "PRON", "NOUN", "PROPN") for t in words):
        return None
    kind: SourceKind = "vague" if words[0].lower_ in VAGUE_DETERMINERS else "named"
    return Found((words.start_char, words.end_char), (verb.idx, verb.idx + len(verb.text)), quotation, kind)


def headline_in(sent: Any) -> Found | None:
    """"Lynch: No outside influence on FBI probe": a name, a colon, and what the named one said.

    The name is read from its capitals (the tagger takes a headline's words for anything), a few words at most;
    notes ("Correction:", "Twitter:"), interview letters ("Q:") and tallies ("Clinton: 547") are no headline."""
    match = _HEADLINE.match(doc_text(sent.doc), sent.start_char, sent.end_char)
    if match is None or match["name"].lower() in _NOT_NAMES or len(match["name"]) < 2:
        return None
    end = content_end(doc_text(sent.doc), sent.end_char)
    content = doc_text(sent.doc)[match.start("said"):end]
    if end - match.start("said") < 6 or not re.search(r"[A-Za-z]{2,}\W+[A-Za-z]", content):
        return None
    return Found(match.span("name"), match.span("colon"), (match.start("said"), end), "named")


def according(token: Any) -> Found | None:
    """"According to X, ..." or "..., according to X": the rest of the sentence is the content."""
    to = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ != "according" or to is None or to.lower_ != "to":
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    s_first, s_last = edges(source)
    content = _introduced(token, s_last)
    if content[1] <= content[0]:
        return None
    return Found((s_first, s_last), (token.idx, to.idx + len(to.text)), content, source_kind(source))


def in_poll(token: Any) -> Found | None:
    """"In a CBS News poll, she led by 24 points", "Trump leads in the polls": the poll is the source."""
    target = next((c for c in token.children if c.dep_ == "pobj"), None)
    if target is None or token.head.lemma_.lower() in cue_lemmas():
        return None
    noun = target.lemma_.lower()
    # "In other words" and "ahead in the polls" are not annotated as attributions often enough to be worth it.
    if not ((noun in _POLLS and token.i == token.sent.start)
            or (noun in _VIEWS and any(c.dep_ == "poss" for c in target.children))):
        return None
    first, last = edges(target)
    content = _introduced(token, last)
    if content[1] - content[0] < 8:
        return None
    return Found((first, last), (token.idx, token.idx + len(token.text)), content, "named")


def nominal(token: Any) -> Found | None:
    """"Warren's criticism of the developer", "the assertion that ...": a noun of ``data/attribution_cues_nouns.txt``
    with the preposition right after it (part of the cue) or a that-clause; the possessor is the source."""
    needs_owner = cue_nouns().get(token.lemma_.lower())
    if token.pos_ != "NOUN" or needs_owner is None:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if needs_owner and owner is None:
        return None
    prep = token.nbor(1) if token.i + 1 < len(token.doc) else None
    target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None and prep.head.i == token.i \
        and prep.dep_ == "prep" and prep.lower_ in _NOUN_PREPOSITIONS else None
    cue = (token.idx, token.idx + len(token.text))
    if target is not None and prep is not None:
        cue = (token.idx, prep.idx + len(prep.text))
    else:
        target = next((c for c in token.children if c.dep_ in ("acl", "ccomp")
                       and any(x.lower_ == "that" for x in c.children)), None)
    if target is None:
        return None
    return Found(edges(owner) if owner is not None else None, cue, edges(target),
                 source_kind(owner) if owner is not None else "named", False)


def _introduced(token: Any, phrase_end: int) -> tuple[int, int]:
    """The characters a source phrase ("According to X", "In a CBS poll") attributes: the rest of the sentence
    when the phrase at ``token`` (ending at ``phrase_end``) opens it, else the sentence before the phrase; the
    commas between them left out."""
    sent, text = token.sent, doc_text(token.doc)
    if token.i == sent.start:
        begin = phrase_end
        while begin < sent.end_char and text[begin] in ", ":
            begin += 1
        return begin, content_end(text, sent.end_char)
    finish = token.idx
    while finish > sent.start_char and text[finish - 1] in ", ":
        finish -= 1
    return sent.start_char, finish
