"""The Record: plain, frozen data for every layer of schema ``onrecord/record@1``.

Every span is ``Span(start, end, text)`` with ``text == document.text[start:end]``; ``check_spans`` verifies
that invariant for a whole record. Lists are tuples so that a record, once built, never changes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from onrecord.errors import SchemaError, SpanError

SCHEMA = "onrecord/record@1"

Role = Literal["interviewee", "interviewer", "speaker", "moderator", "audience", "unknown"]
# The roles of those who put the questions; views show the others' stances, the answers an analyst reads.
ASKING_ROLES: frozenset[str] = frozenset({"interviewer", "moderator", "audience"})
TurnKind = Literal["question", "answer", "statement", "note"]
ActorType = Literal["country", "person", "organization", "group", "place", "other"]
MentionForm = Literal["name", "alias", "epithet", "title", "pronoun"]
AttributionKind = Literal["direct", "indirect", "mixed"]
SourceKind = Literal["named", "pronoun", "vague"]
QuestionKind = Literal["yes-no", "alternative", "wh", "other"]
# CLARITY's classes (Thomas et al., 2024) and the evasion techniques under them.
Clarity = Literal["reply", "ambivalent", "non-reply"]
Evasion = Literal["explicit", "implicit", "dodging", "deflection", "partial", "general", "declining", "ignorance",
                  "clarification"]
CLARITIES: tuple[Clarity, ...] = typing.get_args(Clarity)
EVASIONS: tuple[Evasion, ...] = typing.get_args(Evasion)


@dataclass(frozen=True)
class Span:
    """A verbatim piece of the document: ``text == document.text[start:end]``, ``end`` exclusive."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` between ``start`` and ``end``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class TimeRange:
    """Where a turn stands in the recording, in seconds (from subtitle timestamps)."""

    start: float
    end: float


@dataclass(frozen=True)
class Document:
    """The normalized text every offset refers to, with what is known about it."""

    id: str
    title: str
    source: str
    date: str | None
    language: str
    text: str
    format: str = "txt"
    # No day known: the year ("2015") or month ("2015-09") the document belongs to; null when ``date`` is set.
    period: str | None = None
    # The country whose words these are, as the caller named it (``add --catalog``); null when not given.
    speaks_for: str | None = None

    @property
    def when(self) -> str:
        """When the document is from, as views show it: its day, else its year or month, else "date unknown"."""
        return self.date or self.period or "date unknown"


@dataclass(frozen=True)
class Speaker:
    """Someone who speaks in the document, as labelled there."""

    id: str
    label: str
    role: Role
    actor: str | None = None
    # The person's full name as the text introduces them when the label says less ("MR. SULLIVAN" is "Jake
    # Sullivan" in a briefing that says "National Security Advisor Jake Sullivan").
    name: str | None = None


@dataclass(frozen=True)
class Turn:
    """One stretch of speech by one speaker, or a note that belongs to nobody's speech."""

    id: str
    speaker: str | None
    kind: TurnKind
    span: Span
    label: Span | None = None
    time: TimeRange | None = None


@dataclass(frozen=True)
class Exchange:
    """A question turn and the answer turns that follow it."""

    id: str
    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence of one turn."""

    id: str
    turn: str
    span: Span


@dataclass(frozen=True)
class Mention:
    """One place an actor is named, and how it is named there."""

    span: Span
    form: MentionForm


@dataclass(frozen=True)
class Actor:
    """A person, country, organization or group the document talks about, with all its mentions."""

    id: str
    name: str
    type: ActorType
    kb: str | None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class EnumerationItem:
    """One item of a list the speaker lays out; ``children`` is a list nested inside it."""

    ordinal: int
    span: Span
    children: tuple[EnumerationItem, ...] = ()


@dataclass(frozen=True)
class Enumeration:
    """A list of principles, conditions, characteristics... with the words that announce it."""

    id: str
    label: str
    head: Span | None
    items: tuple[EnumerationItem, ...]
    # A nested list is also listed on its own, for its label and head: "e1.3" is item 3 of list e1.
    within: str | None = None


@dataclass(frozen=True)
class AttributionSource:
    """Who is said to have said something: a span, resolved to an actor when possible."""

    span: Span
    actor: str | None = None
    # "vague" for "some Westerners", "analysts": a source of its own kind, never resolved to one actor.
    kind: SourceKind = "named"


@dataclass(frozen=True)
class Attribution:
    """Speech or thought the speaker attributes to someone else."""

    id: str
    kind: AttributionKind
    source: AttributionSource | None
    cue: Span | None
    content: Span

    @property
    def cue_first(self) -> bool:
        """Whether the cue stands before the source in the text ("According to the finance ministry"), as views
        then write them."""
        return self.cue is not None and self.source is not None and self.cue.start < self.source.span.start


@dataclass(frozen=True)
class Citation:
    """A reference to scripture, a resolution, a treaty... with the quoted words it supports."""

    id: str
    work: str
    reference: str
    span: Span
    quote: Span | None = None


@dataclass(frozen=True)
class Claim:
    """How worth fact-checking a sentence is, in [0, 1]; ``turn_kind`` lets views hide questions and notes."""

    sentence: str
    checkworthiness: float
    turn_kind: TurnKind = "answer"


@dataclass(frozen=True)
class Stance:
    """How a speaker treats an actor, from -1 (hostile) to 1 (favourable), with the sentences that show it."""

    actor: str
    holder: str
    score: float
    evidence: tuple[Span, ...] = ()
    # The holder's own side (the country, government or group their "we" and "our country" stand for): how they
    # present themselves, apart from their stances toward others.
    own: bool = False
    # The class of each evidence sentence toward the actor ("negative" or "positive"), as ``evidence`` is ordered.
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """How the answer of an exchange meets one question asked in it: a clear reply, an ambivalent one or a clear
    non-reply, by which technique, how sure the model is, and the answer sentences that show it."""

    exchange: str
    question: Span
    kind: QuestionKind
    clarity: Clarity
    evasion: Evasion
    confidence: float
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Record:
    """Everything onrecord found in one document. Layers an analysis did not fill are empty tuples."""

    document: Document
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    stances: tuple[Stance, ...] = ()
    replies: tuple[Reply, ...] = ()
    schema: str = field(default=SCHEMA)

    @property
    def answerers_stances(self) -> tuple[Stance, ...]:
        """The stances views rank and chart: held by those who do not ask, toward others than their own side."""
        asking = {s.id for s in self.speakers if s.role in ASKING_ROLES}
        return tuple(s for s in self.stances if s.holder not in asking and not s.own)


def strip_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inward past white space, so that a span never begins or ends with it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def document_id(text: str) -> str:
    """The document id: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- JSON ----------------------------------------------------------------------------------------------

_FIRST_KEYS = ("schema", "document")


def to_dict(record: Record) -> dict[str, Any]:
    """The record as plain JSON-ready data, ``schema`` and ``document`` first."""
    data = _encode(record)
    return {key: data[key] for key in _FIRST_KEYS} | {k: v for k, v in data.items() if k not in _FIRST_KEYS}


def to_json(record: Record, *, indent: int | None = 2) -> str:
    """The record as JSON text (schema ``onrecord/record@1``)."""
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent, allow_nan=False)


def from_dict(data: Any) -> Record:
    """A record from the data ``to_dict`` gives; raises ``SchemaError`` on anything else."""
    if not isinstance(data, dict):
        raise SchemaError("a record must be a JSON object", type(data).__name__, "pass what to_json wrote")
    if data.get("schema") != SCHEMA:
        raise SchemaError("unknown schema", repr(data.get("schema")), f"onrecord reads {SCHEMA!r}")
    record = _decode(Record, data, "record")
    assert isinstance(record, Record)
    return record


def from_json(text: str) -> Record:
    """A record from JSON text written by ``to_json``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError("record is not valid JSON", f"{error.msg} at line {error.lineno}", "pass what to_json wrote") from None
    return from_dict(data)


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}  # a dataclass's field names; None: not a dataclass


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind not in _FIELD_NAMES:  # fields() looked up per object took most of a large record's encoding time
        _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
    names = _FIELD_NAMES[kind]
    if names is not None:
        return {name: _encode(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    return value


def _decode(kind: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin is Literal:
        if value not in typing.get_args(kind):
            raise SchemaError(f"{where} is not allowed", repr(value), f"use one of {', '.join(map(repr, typing.get_args(kind)))}")
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        return _decode(next(o for o in options if o is not type(None)), value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise SchemaError(f"{where} must be a list", type(value).__name__, "pass what to_json wrote")
        item_kind = typing.get_args(kind)[0]
        return tuple(_decode(item_kind, item, f"{where}[{i}]") for i, item in enumerate(value))
    if dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, value, where)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind in (int, str, bool) and type(value) is kind:
        return value
    if kind is Any:
        return value
    raise SchemaError(f"{where} has the wrong type", repr(value), f"give a {getattr(kind, '__name__', kind)}")


@functools.cache
def _fields(kind: Any) -> tuple[dict[str, Any], tuple[dataclasses.Field[Any], ...]]:
    """A dataclass's resolved type hints and fields, once per class: resolving them per object cost most of a decode."""
    return typing.get_type_hints(kind), dataclasses.fields(kind)


def _decode_dataclass(kind: Any, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise SchemaError(f"{where} must be an object", type(value).__name__, "pass what to_json wrote")
    hints, kind_fields = _fields(kind)
    arguments = {}
    for f in kind_fields:
        if f.name in value:
            arguments[f.name] = _decode(hints[f.name], value[f.name], f"{where}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise SchemaError(f"{where} has no {f.name!r}", kind.__name__, f"every {kind.__name__} needs one")
    return kind(**arguments)


# --- the span invariant -------------------------------------------------------------------------------


def iter_spans(value: Any, path: str = "record") -> Iterator[tuple[str, Span]]:
    """Every span in a record (or any part of one), with the path that leads to it."""
    if isinstance(value, Span):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "document":
                yield from iter_spans(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def check_spans(record: Record) -> int:
    """Verify ``span.text == document.text[start:end]`` for every span; return how many were checked.

    Raises ``SpanError`` naming the first span that breaks the invariant.
    """
    text = record.document.text
    count = 0
    for path, span in iter_spans(record):
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            raise SpanError(
                f"{path} ({span.start}-{span.end}) is not the document's text there",
                repr(span.text[:40]),
                f"the document has {text[max(span.start, 0) : max(span.end, 0)][:40]!r}; rebuild the record",
            )
        count += 1
    return count
