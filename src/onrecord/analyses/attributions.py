"""Attributions: speech and thought the speaker attributes to someone else, as Source, Cue and Content.

A cue is a reporting verb ("stated", "claiming", "warn") from a lexicon learnt on PolNeAR train, or one of
the phrases of ``cue_phrases`` ("according to", "In the words of", "In a CBS News poll", a headline's colon);
the dependency parse gives its source (the subject, or the subject of the clause a participle hangs from:
"DAESH issued a statement claiming that ...") and its content (the reported clause, the object, the object
of the preposition that follows the verb, or the quotation, with its marks). The cue is marked as PolNeAR
marks it: with auxiliaries and adverbs before the verb ("has also said") and the medium after it ("said in a
statement"). Sources are resolved to actors when the actor layer has a mention there; vague sources ("some
Westerners", "analysts") and pronouns are marked as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from onrecord.analyses.attribution_parts import (
    QUOTES,
    SUBJECT_DEPS,
    Found,
    content_end,
    cue_lemmas,
    doc_text,
    edges,
    excluded_frames,
    source_kind,
    subject_of,
)
from onrecord.analyses.citations import speech_ranges
from onrecord.analyses.cue_phrases import according, headline_in, in_poll, introduced_by, nominal, words_of
from onrecord.analyses.quotations import find_quotations, inside
from onrecord.analyses.reports import is_report
from onrecord.record import Attribution, AttributionKind, AttributionSource, Record, Span

_CONTENT_DEPS = ("ccomp", "xcomp")
_OBJECT_DEPS = ("dobj", "attr")
_SPEECH = {"say"}
_CUE_HELPERS = ("aux", "auxpass", "neg", "advmod")
# "said in a statement" is marked whole more often than not on PolNeAR train; "said in an interview" is not.
_MEDIA = {"statement", "release", "tweet", "letter", "post", "op-ed", "memo"}
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_SAY = {"say", "tell", "add", "write", "state"}
_CUE_PREPOSITIONS = {"to", "about", "for", "on", "against", "of", "at", "over", "with"}
# A reporting verb that the parser hangs on the quotation's verb: '“...,” he said at a hearing.'
_AFTER_QUOTE_DEPS = ("conj", "relcl", "dep")
_OPENING = re.compile(r"(?:“|\"|'')$")
_CLOSING = re.compile(r"[,.!?]?(?:”|\"|'')")
_QUOTE_END = re.compile(r"(?:”|\"|'')[\s,]*$")
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
        return any(other is not item and ((other.content[0] <= item.cue[0] < other.content[1] and not item.speech
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
        found.extend(replace(f, content=_bracketed(text, _with_marks(text, f.content)), source=_appositive(text, f.source))
                     for f in _in_sentence(text, sent, quoted))
    yield from found
    for quotation in quoted:
        if not any(f.content[0] <= quotation[0] < f.content[1] for f in found):
            introduced = introduced_by(doc, quotation)
            if introduced is not None:
                yield introduced


def _in_sentence(text: str, sent: Any, quoted: list[tuple[int, int]]) -> Iterator[Found]:
    lemmas = cue_lemmas()
    taken: set[int] = set()
    for phrase in words_of(text, sent):
        taken.add(phrase.cue[0])
        yield phrase
    for token in sent:
        if token.lower_ == "in" and (poll := in_poll(token)) is not None:
            yield poll
        elif token.pos_ == "NOUN" and not inside(quoted, token.idx) and (noun := nominal(token)) is not None:
            yield noun
    headline = headline_in(sent)
    if headline is not None:
        yield headline
    for token in sent:
        if token.idx in taken or token.lemma_.lower() not in lemmas or inside(quoted, token.idx):
            continue
        found = according(token) if token.lemma_.lower() == "accord" else _reported(token)
        if found is not None and (token.lemma_.lower(), _frame(token, found)) not in excluded_frames():
            yield replace(found, cue=_widened(token, found), speech=token.lemma_.lower() in _SPEECH)


def _frame(verb: Any, found: Found) -> str:
    """What the cue verb reports: a clause (ccomp, xcomp), an object, the object of its preposition, or other."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "xcomp"}:
        return "ccomp" if "ccomp" in deps else "xcomp"
    if deps & set(_OBJECT_DEPS):
        return "dobj"
    return "prep" if found.cue[1] > verb.idx + len(verb.text) and verb.i + 1 < len(verb.doc) and verb.nbor(1).dep_ == "prep" else "other"


def _widened(verb: Any, found: Found) -> tuple[int, int]:
    """The cue as PolNeAR marks it: with the verb's auxiliaries, negation and adverbs right before it ("has also
    said", "did not mention"), a colon right after it ("said:") and the medium ("said in a statement")."""
    doc, (start, end) = verb.doc, found.cue
    first = verb.i
    while (first > verb.sent.start and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in _CUE_HELPERS
           and doc[first - 1].tag_ not in ("WRB", "WDT")):  # "when asked": "asked"
        first -= 1
    if end == verb.idx + len(verb.text) and verb.i + 1 < verb.sent.end:
        after = doc[verb.i + 1]
        medium = next((c for c in after.children if c.dep_ == "pobj"), None)
        if after.text == ":":
            end = after.idx + 1
        elif after.head.i == verb.i and after.lower_ in _DAYS:
            end = after.idx + len(after.text)  # "said Sunday"
        elif after.lower_ == "in" and after.head.i == verb.i and medium is not None and medium.lemma_.lower() in _MEDIA:
            end = medium.idx + len(medium.text)
    start = min(start, doc[first].idx)
    parts = [p for p in (found.source, found.content) if p is not None]
    if any(p[0] < end and start < p[1] for p in parts):
        return found.cue
    return start, end


def _reported(verb: Any) -> Found | None:
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    content = next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)
    if content is None:
        content = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
    if content is None:
        if verb.tag_ in ("VB", "VBG"):
            # "to look", "looking": without an object or clause these report nothing (PolNeAR train: 1 in 4).
            return _prepositional(verb)
        return _prepositional(verb) or _trailing(verb) or _rest(verb)
    inner = _statement(content)
    subject = subject_of(verb)
    if subject is None and content.dep_ == "ccomp":
        subject = _left_neighbour(verb)
    if subject is None and verb.tag_ == "VB" and content.dep_ in _OBJECT_DEPS and inner is None:
        return None  # "to support the bill": nobody's words (PolNeAR train: 3 in 10 annotated)
    cue_end = max([verb.idx + len(verb.text)] + [c.idx + len(c.text) for c in verb.children if c.dep_ == "prt"])
    if inner is not None:
        # "issued a statement claiming that ...": the cue runs to the inner verb, the content is its clause.
        cue_end, content = inner.idx + len(inner.text), next(c for c in inner.children if c.dep_ == "ccomp")
    first, last = edges(content)
    source = edges(subject) if subject is not None else None
    if subject is not None and source and source[0] < verb.idx < source[1]:
        # "analyses saying that ...": the subject's phrase holds the cue; the source stops before it.
        left = [t for t in subject.subtree if t.i < verb.left_edge.i and not t.is_punct]
        source = (left[0].idx, left[-1].idx + len(left[-1].text)) if left else None
    return Found(source, (verb.idx, cue_end), (first, last), source_kind(subject) if subject is not None else "named",
                 content.dep_ in _CONTENT_DEPS or any(t.dep_ == "ccomp" for t in content.subtree))


def _prepositional(verb: Any) -> Found | None:
    """"..., referring to the 2004 nominee", "called for a ban": the preposition right after the verb belongs to
    the cue (as PolNeAR marks it) and its object is the content."""
    if verb.lemma_.lower() in _SAY or verb.i + 1 >= len(verb.doc):
        return None
    prep = verb.nbor(1)
    if prep.dep_ != "prep" or prep.head.i != verb.i or prep.lower_ not in _CUE_PREPOSITIONS:
        return None
    target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if target is None:
        return None
    subject = subject_of(verb)
    return Found(edges(subject) if subject is not None else None, (verb.idx, prep.idx + len(prep.text)),
                 edges(target), source_kind(subject) if subject is not None else "named", False)


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
    sent, text = verb.sent, doc_text(verb.doc)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
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
    source = edges(subject) if subject is not None else None
    kind = source_kind(subject) if subject is not None else "named"
    return Found(source, (verb.idx, verb.idx + len(verb.text)), (sent.start_char, finish), kind)


def _aside(verb: Any, subject: Any) -> Found | None:
    """"It was, he said, one of the bitterest failures": a report set between commas reports its whole sentence."""
    sent, text = verb.sent, doc_text(verb.doc)
    last = max((t for t in verb.subtree if not t.is_punct), key=lambda t: t.i)
    after = last.idx + len(last.text)
    if text[after:after + 1] != "," or sent.end - last.i < 4:
        return None
    return Found(edges(subject), (verb.idx, verb.idx + len(verb.text)),
                 (sent.start_char, content_end(text, sent.end_char)), source_kind(subject))


def _after_quotation(verb: Any, subject: Any | None, begin: int) -> Found | None:
    """'“If these people ... fine,” Clark said.': the parser ended the sentence at the closing quote."""
    text = doc_text(verb.doc)
    finish = verb.doc[begin].idx
    while finish > 0 and (text[finish - 1].isspace() or text[finish - 1] == ","):
        finish -= 1
    if subject is None or finish == 0 or text[finish - 1] not in "”\"'":
        return None
    opening = max(text.rfind("“", 0, finish - 1), text.rfind('"', 0, finish - 1), text.rfind("''", 0, finish - 2))
    if opening == -1 or "\n" in text[opening:finish]:
        return None
    return Found(edges(subject), (verb.idx, verb.idx + len(verb.text)), (opening, finish), source_kind(subject))


def _rest(verb: Any) -> Found | None:
    """"Cook did not say when", "railed against the deal": a subject, and the rest of the clause as content."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in ("it", "there"):
        return None
    rest = [t for t in verb.subtree if t.i > verb.i and not t.is_punct and not (subject.left_edge.i <= t.i <= subject.right_edge.i)]
    if not rest or rest[0].dep_ in ("cc", "conj") or rest[-1].i - rest[0].i + 1 != len(rest):
        return None
    first, last = rest[0].idx, rest[-1].idx + len(rest[-1].text)
    return Found(edges(subject), (verb.idx, verb.idx + len(verb.text)), (first, last), source_kind(subject), False)


def _left_neighbour(verb: Any) -> Any | None:
    """The noun phrase right before the verb when the parse lost the subject ("..., the Prime Minister of
    Iraq stated that" parsed as an apposition)."""
    if verb.i == 0 or verb.nbor(-1).pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    token = verb.nbor(-1)
    while token.dep_ in ("pobj", "prep", "compound") and token.head.i < verb.i:
        token = token.head
    return token if token.dep_ not in ("pobj", "prep") else None


def _with_marks(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """A content that a quotation's marks enclose takes them in, with the comma or stop before the closing one
    ('“We will win,”'), as PolNeAR marks a direct quotation; so does a content that opens a quotation it does
    not close ('the candidate has “always run a lean campaign.”') or closes one it did not open."""
    start, end = content
    opening = _OPENING.search(text, max(start - 2, 0), start)
    closing = _CLOSING.match(text, end)
    inner = text[start:end]
    opened = inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1 or inner.count("''") % 2 == 1
    closed = inner.count("”") > inner.count("“")
    if closing is not None and (opening is not None or opened):
        end = closing.end()
    if opening is not None and (closing is not None or closed):
        start = opening.start()
    return start, end


def _bracketed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span that opens a bracket takes in the bracket that closes it right after ("Paul Ryan (R-WI)")."""
    start, end = span
    inner = text[start:end]
    return (start, end + 1) if text[end:end + 1] == ")" and inner.count("(") > inner.count(")") else span


def _appositive(text: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Jim Clyburn, a congressman from South Carolina," said ...: PolNeAR's source keeps the comma that closes
    an apposition."""
    if source is None:
        return None
    start, end = _bracketed(text, source)
    return (start, end + 1) if text[end:end + 1] == "," and "," in text[start:end] else (start, end)


def _kind(content: str) -> AttributionKind:
    quoted = sum(content.count(q) for q in QUOTES)
    if quoted >= 2 and content[0] in QUOTES and content[-1] in QUOTES:
        return "direct"
    return "mixed" if quoted >= 2 else "indirect"


def _actor_at(record: Record, span: Span) -> str | None:
    for actor in record.actors:
        if any(m.span.start < span.end and span.start < m.span.end for m in actor.mentions):
            return actor.id
    return None
