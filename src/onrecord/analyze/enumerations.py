"""Enumerations: the lists a speaker lays out (principles, conditions, characteristics), nested.

An item opens a sentence: an ordinal adverb ("Firstly", "First of all,", "Secondly"), an ordinal noun phrase
("The first principle", "Another important principle", "The last point"), a number or letter marker at the
start of a line ("1.", "(a)", "ii)") or a bullet. Items of one kind that count up from one, in one turn, form
a list. The sentence before the first item announces it when it counts ("two issues were at play here"),
asks ("what characteristics did DAESH have") or ends in a colon. A list announced inside an item nests under
it. "For the first time", "the first and second phases" or "first-hand" open no sentence, so open no list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from onrecord.record import Enumeration, EnumerationItem, Record, Span

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "several": 0, "some": 0, "certain": 0, "following": 0}
_ORDINAL = "|".join(_ORDINALS)
# A short lead-in may come before the marker: "In my view, firstly, ...".
_LEAD = r"(?:(?:[A-Z][\w’']*(?:\s+[\w’']+){0,3}),\s+)?"
_ADVERB = re.compile(rf"{_LEAD}(?P<word>(?i:{_ORDINAL})(?:ly\b,?|\s+of\s+all\b,?|,)|(?i:lastly|finally),)")
_NOUN_ITEM = re.compile(
    rf"(?:(?:And|But|So|Now)\s+)?(?i:the)\s+(?P<word>{_ORDINAL}|last|final)\s+(?:(?:most\s+)?(?:important|main|key|major|basic|fundamental)\s+)?"
    r"(?P<noun>[a-z]+)\b(?!-)"
    r"|(?i:another)\s+(?:(?:very\s+)?(?:important|main|key|major|basic|fundamental)\s+)?(?P<other>[a-z]+)\b"
)
_MARKER = re.compile(r"[ \t]*(?:(?P<number>\d{1,2})[.)](?=[ ])|\(?(?P<letter>[a-h])\)|\(?(?P<roman>i{1,3}|iv|vi{0,3}|ix|x)\)|(?P<bullet>[-•*–]))\s+")
_ANNOUNCE = re.compile(rf"\b(?P<count>{'|'.join(_COUNTS)})\s+(?:(?:specific|main|important|key|basic|major|other)\s+)*(?P<noun>[a-z]+s)\b"
                       r"|\b(?:what|which)\s+(?P<asked>[a-z]+s)\b"
                       r"|\bthe\s+(?P<named>[a-z]+s)\s+(?:that|which)\b[^.?!]*:\s*$")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_NOT_NOUNS = {"time", "and", "or", "of", "to", "in", "that", "is", "was", "one", "few", "two", "half", "step", "day",
              "year", "week", "phase", "round", "place", "thing", "things", "hand", "lady", "person", "class"}


@dataclass
class _Item:
    family: str
    ordinal: int  # 0: "another", "the last": the one after the item before
    start: int
    sentence_end: int
    paragraph_end: int
    at_paragraph: bool
    noun: str | None = None
    end: int = 0
    children: list[_List] = field(default_factory=list)


@dataclass
class _List:
    items: list[_Item]
    head: tuple[int, int] | None = None
    label: str = "points"


def find_enumerations(record: Record, doc: Any) -> list[Enumeration]:
    """Every list laid out in a speech turn, outermost first, nested lists inside their items."""
    text = record.document.text
    sentences = [s.span for s in record.sentences] or [Span.of(text, x.start_char, x.end_char) for x in doc.sents]
    speech = {t.id: t for t in record.turns if t.kind != "note"}
    by_turn: dict[str, list[Span]] = {}
    for sentence in record.sentences:
        if sentence.turn in speech:
            by_turn.setdefault(sentence.turn, []).append(sentence.span)
    if not record.turns:
        by_turn = {"": sentences}
    found: list[_List] = []
    for spans in by_turn.values():
        found.extend(lists_in(text, spans))
    enumerations: list[Enumeration] = []
    for outer in found:
        _flatten(text, outer, None, enumerations)
    return enumerations


def _flatten(text: str, found: _List, within: str | None, into: list[Enumeration]) -> None:
    """The list, then the lists nested in its items, each numbered in reading order."""
    list_id = f"e{len(into) + 1}"
    head = Span.of(text, *found.head) if found.head else None
    into.append(Enumeration(list_id, found.label, head, tuple(_to_item(text, item) for item in found.items), within))
    for item in found.items:
        for nested in item.children:
            _flatten(text, nested, f"{list_id}.{item.ordinal}", into)


def lists_in(text: str, sentences: list[Span]) -> list[_List]:
    """The outermost lists among the sentences of one turn, with nested lists under their items."""
    items = [item for i, span in enumerate(sentences) if (item := _item_at(text, span, sentences, i))]
    lists = _group(items)
    for found in lists:
        found.head, found.label = _announcement(text, sentences, found)
        _set_ends(found)
    return _nest(lists)


def _item_at(text: str, span: Span, sentences: list[Span], index: int) -> _Item | None:
    at_paragraph = span.start == 0 or text[:span.start].rstrip(" \t").endswith("\n")
    line_end = text.find("\n", span.start)
    paragraph_end = (len(text) if line_end == -1 else line_end)
    last_in_turn = sentences[-1].end
    paragraph_end = min(_rstrip(text, paragraph_end), last_in_turn)
    common: dict[str, Any] = {"start": span.start, "sentence_end": span.end,
                              "paragraph_end": max(paragraph_end, span.end), "at_paragraph": at_paragraph}
    head = text[span.start:span.end]
    if at_paragraph and (marker := _MARKER.match(head)):
        return _marker_item(marker, common)
    if adverb := _ADVERB.match(head):
        word = adverb["word"].lower().rstrip(",")
        ordinal = 0 if word in ("lastly", "finally") else _ORDINALS.index(re.split(r"ly|\s", word)[0]) + 1
        return _Item("adverb", ordinal, **common)
    noun_item = _NOUN_ITEM.match(head)
    if noun_item and (noun := noun_item["noun"] or noun_item["other"]) and noun not in _NOT_NOUNS:
        word = noun_item["word"]
        ordinal = _ORDINALS.index(word) + 1 if word in _ORDINALS else 0
        return _Item(f"noun:{noun}", ordinal, noun=noun, **common)
    return None


def _marker_item(marker: re.Match[str], common: dict[str, Any]) -> _Item:
    if marker["number"]:
        return _Item("number", int(marker["number"]), **common)
    if marker["letter"]:
        return _Item("letter", ord(marker["letter"]) - ord("a") + 1, **common)
    if marker["roman"]:
        return _Item("roman", _ROMANS.index(marker["roman"]) + 1, **common)
    return _Item("bullet", -1, **common)


def _group(items: list[_Item]) -> list[_List]:
    """Runs of items of one family counting 1, 2, 3...; "another" and "the last" take the next number."""
    open_lists: dict[str, _List] = {}
    done: list[_List] = []
    for item in items:
        current = open_lists.get(item.family)
        expected = len(current.items) + 1 if current else 1
        if item.ordinal == -1 or (item.ordinal == 0 and current):
            item.ordinal = expected
        if item.ordinal == 1:
            if current:
                done.append(current)
            open_lists[item.family] = _List([item])
        elif current and item.ordinal == expected:
            current.items.append(item)
    done.extend(open_lists.values())
    # One item is no list: "The second important point" with no first one is a way of speaking.
    return sorted((f for f in done if len(f.items) >= 2), key=lambda f: f.items[0].start)


def _announcement(text: str, sentences: list[Span], found: _List) -> tuple[tuple[int, int] | None, str]:
    first = found.items[0]
    nouns = [item.noun for item in found.items if item.noun]
    label = _plural(nouns[0]) if nouns else "points"
    before = [s for s in sentences if s.end <= first.start]
    if not before:
        return None, label
    previous = before[-1]
    closed = previous.text.rstrip().endswith((":", "?"))
    # "two issues" counts the items; "certain principles" or "what characteristics" must name them or ask.
    for match in sorted(_ANNOUNCE.finditer(previous.text), key=lambda m: _COUNTS.get(m["count"] or "", 0) != len(found.items)):
        noun = match["noun"] or match["asked"] or match["named"]
        count = _COUNTS.get(match["count"] or "", 0)
        if count == len(found.items) or noun == label or (closed and not count and not match["asked"]):
            return (previous.start, previous.end), noun
        if match["asked"] and previous.text.rstrip().endswith("?"):
            return (previous.start, previous.end), noun
    if closed and not nouns:
        return (previous.start, previous.end), label
    return None, label


def _set_ends(found: _List) -> None:
    """An item runs to the next item; the last to the end of its paragraph (of its sentence when inline)."""
    for item, following in zip(found.items, found.items[1:], strict=False):
        item.end = following.start
    last = found.items[-1]
    last.end = last.paragraph_end if last.at_paragraph else last.sentence_end


def _nest(lists: list[_List]) -> list[_List]:
    """Put each list under the item that announces it or holds its first item; return the outermost."""
    outer: list[_List] = []
    for inner in lists:
        anchor = inner.head[0] if inner.head else inner.items[0].start
        parent = _holder(outer, anchor, inner)
        if parent is None:
            outer.append(inner)
        else:
            parent.children.append(inner)
            parent.end = max(parent.end, inner.items[-1].end)
    return outer


def _holder(lists: list[_List], anchor: int, inner: _List) -> _Item | None:
    for candidate in reversed(lists):
        for item in candidate.items:
            if item.start <= anchor < item.end and inner.items[0].start > item.start:
                deeper = _holder([child for child in item.children], anchor, inner)
                return deeper or item
    return None


def _to_item(text: str, item: _Item) -> EnumerationItem:
    children = tuple(_to_item(text, child) for nested in item.children for child in nested.items)
    return EnumerationItem(item.ordinal, Span.of(text, item.start, _rstrip(text, item.end)), children)


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
