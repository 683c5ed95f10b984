"""The items of a list, one sentence at a time: the words or marks that say "this is item n".

A sentence opens an item with an ordinal adverb ("Firstly", "First of all,", "Secondly"), an ordinal noun
phrase ("The first principle", "The second and more important factor", "Another important principle",
"The last point"), a bare ordinal that counts what the sentence before announced ("there were three
viewpoints. The first was ..."), or, at the start of a line, a number, letter or roman marker ("1.", a quoted
'"1.', "(a)", "ii)") or a bullet. Inside a sentence, "the first factor" is an item only when an announcement
names the noun (checked when the list is grouped), and adverbs after punctuation that count up from one in
the same sentence ("are, first the equality ...; secondly, the abolition ...; and thirdly, ...") are items of
an inline list. "For the first time", "the first and second phases" or "first-hand" open no item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from onrecord.record import Span

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ORDINAL = "|".join(ORDINALS)
_ORDINAL_START = re.compile(rf"(?i:{_ORDINAL})")
# A short lead-in may come before the marker: "In my view, firstly, ...".
_LEAD = r"(?:(?:[A-Z][\w’']*(?:\s+[\w’']+){0,3}),\s+)?"
_ADVERB = re.compile(rf"{_LEAD}(?P<word>(?i:{_ORDINAL})(?:ly\b,?|\s+of\s+all\b,?|,)|(?i:lastly|finally),)")
_QUALITY = r"(?:(?:and\s+)?(?:more\s+|most\s+)?(?:important|main|key|major|basic|fundamental|significant)\s+)?"
_NOUN_ITEM = re.compile(
    rf"(?:(?:And|But|So|Now)\s+)?(?i:the)\s+(?P<word>{_ORDINAL}|last|final)\s+{_QUALITY}"
    r"(?P<noun>[a-z]+)\b(?!-)"
    r"|(?i:another)\s+(?:(?:very\s+)?(?:important|main|key|major|basic|fundamental)\s+)?(?P<other>[a-z]+)\b"
)
# "the first factor is ..." inside a sentence ("Without a doubt, the first factor is ...").
_INNER_NOUN = re.compile(rf"\b(?i:the)\s+(?P<word>{_ORDINAL})\s+{_QUALITY}(?P<noun>[a-z]+)\b(?!-)")
_MARKER = re.compile(r"[ \t]*[\"“]?(?:(?P<number>\d{1,2})[.)](?=[ ])|\(?(?P<letter>[a-h])\)"
                     r"|\(?(?P<roman>i{1,3}|iv|vi{0,3}|ix|x)\)|(?P<bullet>[-•*–]))\s+")
# An adverb inside a sentence, after a comma, semicolon, colon or dash: "; and secondly, ...".
_INLINE = re.compile(rf"(?<=[,;:—–])\s+(?:and\s+)?(?P<word>(?i:{_ORDINAL})(?:ly\b|\s+of\s+all\b|\b))(?P<comma>,?)")
# A sentence going on with an inline list: "thirdly, health ...", "and, fourthly, ...".
_GO_ON = re.compile(rf"(?:and,?\s+)?(?P<word>(?:{_ORDINAL})ly\b|(?:{_ORDINAL})\s*,)")
_BARE = {"is", "was", "are", "were", "has", "had", "will", "would", "can", "could", "must", "should", "may", "does", "did"}
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
NOT_NOUNS = {"time", "and", "or", "of", "to", "in", "that", "is", "was", "one", "few", "two", "half", "step", "day",
             "year", "week", "phase", "round", "place", "thing", "things", "hand", "lady", "person", "class", "are",
             "were", "instance", "sight", "glance", "term", "quarter", "century", "decade", "floor", "edition"}


@dataclass
class Item:
    """An item before lists are formed; ``family`` says which items can count on from it."""

    family: str
    ordinal: int  # 0: "another", "the last": the one after the item before; -1: a bullet
    start: int
    sentence_end: int
    paragraph_end: int
    at_paragraph: bool
    noun: str | None = None
    # Inside its sentence: "the first factor" (needs an announcement naming factors) or an inline adverb.
    inner: bool = False
    end: int = 0
    children: list[ItemList] = field(default_factory=list)


@dataclass
class ItemList:
    """Items that count up together, with the sentence that announces them and the count it gives."""

    items: list[Item]
    head: tuple[int, int] | None = None
    label: str = "points"
    count: int = 0


def items_in(text: str, sentences: list[Span]) -> list[Item]:
    """Every item the sentences of one turn open, in text order."""
    items: list[Item] = []
    last_in_turn = sentences[-1].end if sentences else 0
    previous: list[Item] = []
    for span in sentences:
        inline = _inline(text, span, previous)
        if inline:
            items.extend(item for item in inline if all(item is not p for p in previous))
        previous = inline
        if not inline and (item := _item_at(text, span, last_in_turn)) is not None:
            items.append(item)
    return items


def _item_at(text: str, span: Span, last_in_turn: int) -> Item | None:
    at_paragraph = span.start == 0 or text[:span.start].rstrip(" \t").endswith("\n")
    line_end = text.find("\n", span.start)
    paragraph_end = min(_rstrip(text, len(text) if line_end == -1 else line_end), last_in_turn)
    common: dict[str, Any] = {"start": span.start, "sentence_end": span.end,
                              "paragraph_end": max(paragraph_end, span.end), "at_paragraph": at_paragraph}
    head = text[span.start:span.end]
    # The marker is read on its line: the sentence splitter may end a sentence after '"1.'.
    if at_paragraph and (marker := _MARKER.match(text, span.start, len(text) if line_end == -1 else line_end)):
        return _marker_item(marker, common)
    if adverb := _ADVERB.match(head):
        word = adverb["word"].lower().rstrip(",")
        ordinal = 0 if word in ("lastly", "finally") else _number(word)
        return Item("adverb", ordinal, **common)
    noun_item = _NOUN_ITEM.match(head)
    if noun_item and (noun := noun_item["noun"] or noun_item["other"]):
        word = noun_item["word"]
        ordinal = _number(word)
        if noun in _BARE and ordinal:
            return Item("bare", ordinal, **common)  # "The first was ...": counts what was announced
        if noun not in NOT_NOUNS:
            return Item(f"noun:{noun}", ordinal, noun=noun, **common)
    inner = _INNER_NOUN.search(head)
    if inner and inner["noun"] not in NOT_NOUNS:
        return Item(f"noun:{inner['noun']}", _number(inner["word"]), noun=inner["noun"], inner=True, **common)
    return None


def _inline(text: str, span: Span, previous: list[Item]) -> list[Item]:
    """Adverbs counting 1, 2, ... after punctuation inside one sentence; fewer than two is no inline list.

    A bare "first" or "second" must be followed by a comma unless it is the first item ("are, first the
    equality ..."), so that "in the second round" or ", first-hand" count nothing. A sentence that starts in
    lower case with the next adverb ("...; secondly, education;" then "thirdly, health ...") goes on with the
    inline list of the sentence before, which the sentence splitter ended at a semicolon."""
    family = f"inline:{span.start}"
    found: list[Item] = []
    opening = _ADVERB.match(text, span.start, span.end)
    if previous and (go_on := _GO_ON.match(text, span.start, span.end)) is not None:
        word = go_on["word"].lower()
        if _number(word) == len(previous) + 1:
            family, found = previous[0].family, [*previous]
            found.append(Item(family, len(previous) + 1, go_on.start("word"), span.end, span.end, False, inner=True))
    elif opening and opening["word"].lower().startswith("first"):
        found.append(Item(family, 1, span.start, span.end, span.end, False, inner=True))
    for match in _INLINE.finditer(text, span.start, span.end):
        word = match["word"].lower()
        ordinal = _number(word)
        plain = word in ORDINALS
        if ordinal != len(found) + 1 or (plain and ordinal > 1 and not match["comma"]):
            continue
        if plain and text[match.end("word"):match.end("word") + 1] == "-":
            continue
        found.append(Item(family, ordinal, match.start("word"), span.end, span.end, False, inner=True))
    return found if len(found) >= 2 else []


def _number(word: str | None) -> int:
    """The count an ordinal word gives: 2 for "second", "secondly", "Second ," or "second of all"; 0 for none
    ("last", "another")."""
    found = _ORDINAL_START.match(word) if word else None
    return ORDINALS.index(found.group().lower()) + 1 if found else 0


def _marker_item(marker: re.Match[str], common: dict[str, Any]) -> Item:
    if marker["number"]:
        return Item("number", int(marker["number"]), **common)
    if marker["letter"]:
        return Item("letter", ord(marker["letter"]) - ord("a") + 1, **common)
    if marker["roman"]:
        return Item("roman", _ROMANS.index(marker["roman"]) + 1, **common)
    return Item("bullet", -1, **common)


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
