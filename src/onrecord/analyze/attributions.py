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
from onrecord.analyze.quotations import find_quotations, inside
from onrecord.analyze.reports import is_report
from onrecord.record import Attribution, AttributionKind, AttributionSource, Record, SourceKind, Span

_CONTENT_DEPS = ("ccomp", "xcomp")
_OBJECT_DEPS = ("dobj", "attr")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_VAGUE_DETERMINERS = {"some", "many", "several", "certain", "few", "most", "other", "others", "various"}
_QUOTES = "\"“”"
# A reporting verb that the parser hangs on the quotation's verb: '“...,” he said at a hearing.'
_AFTER_QUOTE_DEPS = ("conj", "relcl", "dep")
_QUOTE_END = re.compile(r"(?:”|\"|'')[\s,]*$")
_WORDS_OF = re.compile(r"(?P<cue>\b[Ii]n the words of)\s+(?P<source>[^,]{2,80}?),\s*")


@dataclass(frozen=True)
class Found:
    """An attribution before it is numbered: character offsets of its parts."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    source_kind: SourceKind = "named"
    # False when the content is a bare object ("rejected the deal") rather than a clause or a quotation.
    clause: bool = True


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
        found.extend(outermost(list(extract(text, doc, start, end))))
    attributions: list[Attribution] = []
    for item in sorted(found, key=lambda f: f.cue):
        if not is_report(record, doc, item.source, item.content, clause=item.clause) or _label(text, item):
            continue
        source = None
        if item.source:
            span = Span.of(text, *item.source)
            source = AttributionSource(span, _actor_at(record, span), item.source_kind)
        content = Span.of(text, *item.content)
        attributions.append(Attribution(f"q{len(attributions) + 1}", _kind(content.text), source,
                                        Span.of(text, *item.cue), content))
    return attributions


def _label(text: str, item: Found) -> bool:
    """A name and a colon at the start of a line is a speaker's label in a transcript, not a headline."""
    if text[item.cue[0]:item.cue[1]] != ":" or item.source is None:
        return False
    return item.source[0] == 0 or text[item.source[0] - 1] == "\n"


def outermost(found: list[Found]) -> list[Found]:
    """Without the attributions reported inside another's content ("X said that Y wants ..." keeps X's).

    PolNeAR annotates the outer report only: on train, 30% of the nested cues were annotated, 80% of the others.
    """
    def nested(item: Found) -> bool:
        return any(other is not item and ((other.content[0] <= item.cue[0] < other.content[1]
                   and not item.content[0] <= other.cue[0] < item.content[1])
                   or (other.cue[0] <= item.cue[0] < item.cue[1] <= other.cue[1] and other.cue != item.cue))
                   for other in found)
    return [item for item in found if not nested(item)]


def extract(text: str, doc: Any, start: int, end: int) -> Iterator[Found]:
    """The attributions between two character offsets of a parsed text."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return
    # Speech reported inside a quotation is the quoted speaker's, not the document's (PolNeAR train: 7% of
    # the cues found there were annotated, against 79% elsewhere).
    quoted = find_quotations(text, start, end)
    found: list[Found] = []
    for sent in span.sents:
        found.extend(_in_sentence(text, sent, quoted))
    yield from found
    for quotation in quoted:
        if not any(f.content[0] <= quotation[0] < f.content[1] for f in found):
            introduced = _introduced(doc, quotation)
            if introduced is not None:
                yield introduced


def _in_sentence(text: str, sent: Any, quoted: list[tuple[int, int]]) -> Iterator[Found]:
    lemmas = cue_lemmas()
    taken: set[int] = set()
    for match in _WORDS_OF.finditer(text, sent.start_char, sent.end_char):
        content = (match.end(), _content_end(text, sent.end_char))
        taken.add(match.start())
        yield Found((match.start("source"), match.end("source")), (match.start(), match.end("cue")),
                    content, _kind_of_words(match["source"]))
    headline = _headline(sent)
    if headline is not None:
        yield headline
    for token in sent:
        if token.idx in taken or token.lemma_.lower() not in lemmas or inside(quoted, token.idx):
            continue
        found = _according(token) if token.lemma_.lower() == "accord" else _reported(token)
        if found is not None:
            yield found


def _introduced(doc: Any, quotation: tuple[int, int]) -> Found | None:
    """'Some raise questions, such as: “What happened to ...?”': a colon hands the quotation to the subject of
    the clause before it, the clause's verb being the cue."""
    text = doc.text
    colon = quotation[0]
    while colon > 0 and text[colon - 1] in " \t":
        colon -= 1
    token = doc.char_span(colon - 1, colon, alignment_mode="expand") if colon > 0 and text[colon - 1] == ":" else None
    if token is None or quotation[1] - quotation[0] < 12:
        return None
    verb = token.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is not None and subject.i < verb.i < token.root.i:
        return Found(_edges(subject), (verb.idx, verb.idx + len(verb.text)), quotation, _source_kind(subject))
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
    kind: SourceKind = "vague" if words[0].lower_ in _VAGUE_DETERMINERS else "named"
    return Found((words.start_char, words.end_char), (verb.idx, verb.idx + len(verb.text)), quotation, kind)


def _reported(verb: Any) -> Found | None:
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    content = next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)
    if content is None:
        content = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
    if content is None:
        return _trailing(verb) or _rest(verb)
    inner = _statement(content)
    subject = _subject(verb)
    if subject is None and content.dep_ == "ccomp":
        subject = _left_neighbour(verb)
    cue_end = max([verb.idx + len(verb.text)] + [c.idx + len(c.text) for c in verb.children if c.dep_ == "prt"])
    if inner is not None:
        # "issued a statement claiming that ...": the cue runs to the inner verb, the content is its clause.
        cue_end, content = inner.idx + len(inner.text), next(c for c in inner.children if c.dep_ == "ccomp")
    first, last = _edges(content)
    source = _edges(subject) if subject is not None else None
    if subject is not None and source and source[0] < verb.idx < source[1]:
        # "analyses saying that ...": the subject's phrase holds the cue; the source stops before it.
        left = [t for t in subject.subtree if t.i < verb.left_edge.i and not t.is_punct]
        source = (left[0].idx, left[-1].idx + len(left[-1].text)) if left else None
    return Found(source, (verb.idx, cue_end), (first, last), _source_kind(subject) if subject is not None else "named",
                 content.dep_ in _CONTENT_DEPS or any(t.dep_ == "ccomp" for t in content.subtree))


def _statement(content: Any) -> Any | None:
    """The reporting verb inside an object ("a statement claiming that ..."), when it has a clause."""
    if content.dep_ not in _OBJECT_DEPS:
        return None
    return next((c for c in content.children if c.dep_ == "acl" and c.lemma_.lower() in cue_lemmas()
                 and any(g.dep_ == "ccomp" for g in c.children)), None)


def _trailing(verb: Any) -> Found | None:
    """"We will win," he said: the cue comes after what it reports, which is the sentence before it."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "ROOT", *_AFTER_QUOTE_DEPS) or verb.i == verb.sent.start:
        return None
    sent, text = verb.sent, verb.doc.text
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    begin = min(verb.left_edge.i, subject.left_edge.i if subject is not None else verb.i)
    if subject is not None and subject.i < verb.i and sent.start < subject.left_edge.i:
        lead = verb.doc[subject.left_edge.i].idx
        if _QUOTE_END.search(text, max(lead - 4, 0), lead):
            begin = subject.left_edge.i  # the quotation before the subject is what the verb reports
        elif verb.dep_ == "parataxis" and text[:lead].rstrip().endswith(","):
            return _aside(verb, subject)
    if begin <= sent.start:
        return _after_quotation(verb, subject, begin)
    finish = verb.doc[begin].idx
    if verb.dep_ in _AFTER_QUOTE_DEPS and not _QUOTE_END.search(text, max(finish - 4, 0), finish):
        return None  # "shook her head and said, ''No.''": the content comes after
    while finish > sent.start_char and (text[finish - 1].isspace() or text[finish - 1] in ",—–-"):
        finish -= 1
    if finish - sent.start_char < 8:
        return None
    source = _edges(subject) if subject is not None else None
    kind = _source_kind(subject) if subject is not None else "named"
    return Found(source, (verb.idx, verb.idx + len(verb.text)), (sent.start_char, finish), kind)


def _aside(verb: Any, subject: Any) -> Found | None:
    """"It was, he said, one of the bitterest failures": a report set between commas reports its whole sentence."""
    sent, text = verb.sent, verb.doc.text
    last = max((t for t in verb.subtree if not t.is_punct), key=lambda t: t.i)
    after = last.idx + len(last.text)
    if text[after:after + 1] != "," or sent.end - last.i < 4:
        return None
    return Found(_edges(subject), (verb.idx, verb.idx + len(verb.text)),
                 (sent.start_char, _content_end(text, sent.end_char)), _source_kind(subject))


def _after_quotation(verb: Any, subject: Any | None, begin: int) -> Found | None:
    """'“If these people ... fine,” Clark said.': the parser ended the sentence at the closing quote."""
    text = verb.doc.text
    finish = verb.doc[begin].idx
    while finish > 0 and (text[finish - 1].isspace() or text[finish - 1] == ","):
        finish -= 1
    if subject is None or finish == 0 or text[finish - 1] not in "”\"'":
        return None
    opening = max(text.rfind("“", 0, finish - 1), text.rfind('"', 0, finish - 1), text.rfind("''", 0, finish - 2))
    if opening == -1 or "\n" in text[opening:finish]:
        return None
    return Found(_edges(subject), (verb.idx, verb.idx + len(verb.text)), (opening, finish), _source_kind(subject))


def _headline(sent: Any) -> Found | None:
    """"Lynch: No outside influence on FBI probe": a name, a colon, and what the named one said."""
    colon = next((t for t in sent[:7] if t.text == ":"), None)
    if colon is None or colon.i == sent.start or colon.i + 2 >= sent.end:
        return None
    words = sent.doc[sent.start:colon.i]
    if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADP", "PUNCT", "CCONJ") for t in words) or words[-1].pos_ != "PROPN":
        return None
    text = sent.doc.text
    return Found((words.start_char, words.end_char), (colon.idx, colon.idx + 1),
                 (sent.doc[colon.i + 1].idx, _content_end(text, sent.end_char)), "named")


def _rest(verb: Any) -> Found | None:
    """"Cook did not say when", "railed against the deal": a subject, and the rest of the clause as content."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in ("it", "there"):
        return None
    rest = [t for t in verb.subtree if t.i > verb.i and not t.is_punct and not (subject.left_edge.i <= t.i <= subject.right_edge.i)]
    if not rest or rest[0].dep_ in ("cc", "conj") or rest[-1].i - rest[0].i + 1 != len(rest):
        return None
    first, last = rest[0].idx, rest[-1].idx + len(rest[-1].text)
    return Found(_edges(subject), (verb.idx, verb.idx + len(verb.text)), (first, last), _source_kind(subject), False)


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
    for _ in range(6):
        subject = next((c for c in current.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if current.dep_ not in ("acl", "advcl", "xcomp", "conj", "dobj", "pobj", "prep") or current.head.i == current.i:
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
