"""Enumerations: the lists a speaker lays out (principles, conditions, characteristics), nested.

Items (``enumeration_items``) are ordinal adverbs, ordinal noun phrases, bare ordinals, line markers,
bullets and inline adverbs. Items of one kind that count up from one, in one turn, form a list; a list
announced with a count takes the next numbers whatever their wording until it has that many. The sentence
before the first item announces it when it counts ("two issues were at play here"), asks ("what
characteristics did DAESH have") or ends in a colon. A list announced inside an item nests under it.
"""

from __future__ import annotations

import re
from typing import Any

from onrecord.analyses.enumeration_items import Item, ItemList, items_in
from onrecord.record import Enumeration, EnumerationItem, Record, Span

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "several": 0, "some": 0, "certain": 0, "following": 0, "few": 0}
_ANNOUNCE = re.compile(rf"\b(?P<count>(?i:{'|'.join(_COUNTS)}))\s+(?:[a-z]+\s+){{0,2}}?(?P<noun>[a-z]*[^isu\W]s)\b"
                       r"|\b(?:what|which)\s+(?P<asked>[a-z]+s)\b"
                       r"|\bthe\s+(?P<named>[a-z]+s)\s+(?:that|which)\b[^.?!]*:\s*$")
_TIMES = {"years", "months", "weeks", "days", "decades", "centuries", "times", "hours", "minutes", "generations"}
_NUMBERED_PARAGRAPHS = 8
_INLINE_TAIL = re.compile(r"[\s,;:—–]*(?:and|or)?[\s,;:—–]*$")
_BACK = re.compile(r"\b(?:those|these|both|the\s+above)\s+$", re.IGNORECASE)
# "The fundamental principles on which ... are, first ...": the things an inline list counts.
_PLURAL_NOUN = re.compile(r"\b(?i:the|our|these|those|its|their|his|her|my)\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]{3,}[^s\W]s)"
                          r"(?=\s+(?:on|in|of|that|which|we|are|were|is|for|to)\b|\s*[:,(]|\s*$)")


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
    found: list[ItemList] = []
    for spans in by_turn.values():
        found.extend(lists_in(text, spans))
    enumerations: list[Enumeration] = []
    for outer in found:
        _flatten(text, outer, None, enumerations)
    return enumerations


def _flatten(text: str, found: ItemList, within: str | None, into: list[Enumeration]) -> None:
    """The list, then the lists nested in its items, each numbered in reading order."""
    list_id = f"e{len(into) + 1}"
    head = Span.of(text, *found.head) if found.head else None
    into.append(Enumeration(list_id, found.label, head, tuple(_to_item(text, item) for item in found.items), within))
    for item in found.items:
        for nested in item.children:
            _flatten(text, nested, f"{list_id}.{item.ordinal}", into)


def lists_in(text: str, sentences: list[Span]) -> list[ItemList]:
    """The outermost lists among the sentences of one turn, with nested lists under their items."""
    lists = _group(text, sentences, items_in(text, sentences))
    for found in lists:
        found.head, found.label = _announcement(text, sentences, found)
        _set_ends(text, found)
    return _nest(lists)


def _group(text: str, sentences: list[Span], items: list[Item]) -> list[ItemList]:
    """Runs of items counting 1, 2, 3...; "another" and "the last" take the next number.

    Items join the open list of their own kind, except that a list announced with a count ("by examining
    three events") takes the next numbers until it has that many, whatever noun they use ("The first event
    ...", "The second cause ..."). A list announced inside an item of another is filled before it goes on."""
    open_lists: list[ItemList] = []
    done: list[ItemList] = []
    for item in items:
        target = _target(text, open_lists, item) if item.ordinal != 1 else None
        if item.ordinal == 1 or (item.ordinal == -1 and target is None):
            opened = _open(text, sentences, item)
            if opened is None:
                continue
            done.extend(f for f in open_lists if f.items[0].family == item.family)
            open_lists = [f for f in open_lists if f.items[0].family != item.family] + [opened]
            continue
        if target is not None:
            if item.ordinal <= 0:
                item.ordinal = len(target.items) + 1
            target.items.append(item)
    done.extend(open_lists)
    # One item is no list: "The second important point" with no first one is a way of speaking. Numbered
    # paragraphs that make up most of a speech are its paragraph numbers, not a list it lays out.
    turn = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
    return sorted((f for f in done if len(f.items) >= 2 and not _numbering(f, turn)), key=lambda f: f.items[0].start)


def _numbering(found: ItemList, turn: tuple[int, int]) -> bool:
    if found.items[0].family != "number" or len(found.items) < _NUMBERED_PARAGRAPHS:
        return False
    covered = found.items[-1].paragraph_end - found.items[0].start
    return covered > (turn[1] - turn[0]) / 2


def _open(text: str, sentences: list[Span], item: Item) -> ItemList | None:
    """A list opened by its first item; "the first factor" inside a sentence, or "The first was", only after
    a sentence that announces factors (or some count of things)."""
    if item.ordinal == -1:
        item.ordinal = 1
    count, noun = _announced(text, sentences, item.start)
    if item.family == "bare":
        if not count or noun is None:
            return None
        item.family, item.noun = f"noun:{_singular(noun)}", _singular(noun)
    elif item.inner and item.noun and (noun is None or _singular(noun) != item.noun):
        return None
    return ItemList([item], count=count)


def _target(text: str, open_lists: list[ItemList], item: Item) -> ItemList | None:
    """The open list the item continues, the latest first: one of its own kind, or one announced with a count
    it has not reached."""
    for found in reversed(open_lists):
        short = len(found.items) < found.count and item.ordinal > 0 and item.family.startswith(("noun:", "adverb", "bare"))
        if short and item.ordinal == len(found.items) + 1 and found.items[0].family.startswith(("noun:", "adverb", "bare")):
            return found
        if found.items[0].family == item.family and _continues(text, found, item):
            return found
    return None


def _continues(text: str, found: ItemList, item: Item) -> bool:
    """Whether the item is the next of the list: its number; "Finally" after two items at least ("First of
    all, congratulations ... Finally, ..." is no list); a bullet with no other paragraph in between."""
    if item.ordinal > 0:
        return item.ordinal == len(found.items) + 1
    if item.ordinal == -1:
        return not text[found.items[-1].paragraph_end:item.start].strip()
    return item.family != "adverb" or len(found.items) >= 2


def _announced(text: str, sentences: list[Span], start: int) -> tuple[int, str | None]:
    """The count and the things counted in the sentence before an item ("three viewpoints"), if any."""
    before = [s for s in sentences if s.end <= start]
    if not before:
        return 0, None
    match = next((m for m in _announcing(before[-1].text) if m["count"] and _COUNTS[m["count"].lower()]), None)
    return (_COUNTS[match["count"].lower()], match["noun"]) if match else (0, None)


def _announcing(sentence: str) -> list[re.Match[str]]:
    """The announcements in a sentence, without those that point back ("Regardless of those three viewpoints")
    or count time ("When I spoke here three years ago")."""
    return [m for m in _ANNOUNCE.finditer(sentence)
            if not _BACK.search(sentence, 0, m.start()) and (m["noun"] or "") not in _TIMES]


def _announcement(text: str, sentences: list[Span], found: ItemList) -> tuple[tuple[int, int] | None, str]:
    first = found.items[0]
    nouns = [item.noun for item in found.items if item.noun]
    label = _plural(nouns[0]) if nouns else "points"
    if first.family.startswith("inline:"):
        return _inline_head(text, sentences, first)
    before = [s for s in sentences if s.end <= first.start]
    if not before:
        return None, label
    previous = before[-1]
    closed = previous.text.rstrip().endswith((":", "?"))
    # "two issues" counts the items; "certain principles" or "what characteristics" must name them or ask.
    for match in sorted(_announcing(previous.text), key=lambda m: _COUNTS.get((m["count"] or "").lower(), 0) != len(found.items)):
        noun = match["noun"] or match["asked"] or match["named"]
        count = _COUNTS.get((match["count"] or "").lower(), 0)
        vague = (match["count"] or "").lower() in ("several", "few", "following") and not nouns  # "there remain a few questions"
        if count == len(found.items) or noun == label or vague or (closed and not count and not match["asked"]):
            return (previous.start, previous.end), noun
        if match["asked"] and previous.text.rstrip().endswith("?"):
            return (previous.start, previous.end), noun
    if closed and not nouns:
        return (previous.start, previous.end), label
    return None, label


def _inline_head(text: str, sentences: list[Span], first: Item) -> tuple[tuple[int, int] | None, str]:
    """An inline list's head is its sentence up to the first item ("The fundamental principles ... are")."""
    sentence = next((s for s in sentences if s.start <= first.start < s.end), None)
    if sentence is None or sentence.start == first.start:
        return None, "points"
    end = first.start
    while end > sentence.start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    counted = next((m["noun"] for m in _announcing(text[sentence.start:end]) if m["noun"]), None)
    noun = _PLURAL_NOUN.search(text, sentence.start, end)
    return (sentence.start, end), counted or (noun["noun"] if noun else "points")


def _set_ends(text: str, found: ItemList) -> None:
    """An item runs to the next item; the last to the end of its paragraph (of its sentence when inline).

    Items inside one sentence stop before the punctuation and "and" that lead to the next one."""
    for item, following in zip(found.items, found.items[1:], strict=False):
        item.end = following.start
        if item.inner and following.start < item.sentence_end:
            item.end = item.start + len(_INLINE_TAIL.sub("", text[item.start:following.start]))
    last = found.items[-1]
    last.end = last.paragraph_end if last.at_paragraph else last.sentence_end


def _nest(lists: list[ItemList]) -> list[ItemList]:
    """Put each list under the item that announces it or holds its first item; return the outermost."""
    outer: list[ItemList] = []
    for inner in lists:
        anchor = inner.head[0] if inner.head else inner.items[0].start
        parent = _holder(outer, anchor, inner)
        if parent is None:
            outer.append(inner)
        else:
            parent.children.append(inner)
            parent.end = max(parent.end, inner.items[-1].end)
    return outer


def _holder(lists: list[ItemList], anchor: int, inner: ItemList) -> Item | None:
    """The item whose span holds the list's announcement; or the last item of a list whose kind of item the
    inner list borrowed ("three events: The first event ... The second cause ..." is part of the last cause)."""
    for candidate in reversed(lists):
        for item in candidate.items:
            if item.start <= anchor < item.end and inner.items[0].start > item.start:
                deeper = _holder([child for child in item.children], anchor, inner)
                return deeper or item
        last = candidate.items[-1]
        if last.start < anchor and inner.items[0].family != last.family and any(
                i.family == last.family for i in inner.items[1:]):
            return last
    return None


def _to_item(text: str, item: Item) -> EnumerationItem:
    children = tuple(_to_item(text, child) for nested in item.children for child in nested.items)
    return EnumerationItem(item.ordinal, Span.of(text, item.start, _rstrip(text, item.end)), children)


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
