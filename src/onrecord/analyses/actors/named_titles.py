"""A title after its holder was named: "on the Sunak visit. The Prime Minister has echoed...".

A capitalized office after "the" ("the Prime Minister", "The Chancellor", "the Foreign Minister") that no earlier
step resolved (the home country's offices come first: ``home.match_home_titles``) names the one who holds that
office on the document's date and is named somewhere in the document (by name, or by the office and its country):
the one named last before it, in the same turn or the one before (a question names the visitor, the answer says
"the Prime Minister"), or whose country was ("600 firefighters ... to Canada ... a call between the Prime Minister
and the President"), whichever is nearer; further back, only when everything named before points to the same
holder and no office of that name was named ("Secretary Yellen" early in a call, "the Secretary and I" much later;
not after "the NATO Secretary General"). A country whose holder of the office the document never names is passed
over ("Russia's war" does not make the visiting prime minister Russia's), and so is a title with no such name or
country before it. Without a date nothing is resolved: who holds an office is a matter of dates.
"""

from __future__ import annotations

from typing import Any

from onrecord.analyses.actors.home import OFFICES, TITLE, holder_of, window_start
from onrecord.analyses.actors.matching import Found, spoken
from onrecord.kb import KnowledgeBase, days_of
from onrecord.record import Record


def match_named_titles(record: Record, doc: Any, kb: KnowledgeBase, date: str | None,
                       found: list[Found]) -> list[Found]:
    """Definite titles outside ``found``, to the holder of the office named nearest before them (see the module)."""
    if date is None:
        return []
    covered = {i for f in found for i in range(f.start, f.end)}
    ordered = sorted(spoken(record, doc, found), key=lambda f: f.start)  # a label is no name said before it
    holders: dict[str, list[tuple[Found, str]]] = {}  # office -> the mentions naming a holder of it, and who
    titles: list[Found] = []
    for match in TITLE.finditer(record.document.text):
        written = match.group("definite")
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand") if written else None
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        office = OFFICES[written]
        if office not in holders:
            holders[office] = _holders(kb, ordered, office, date)
        before = [(f, h) for f, h in holders[office] if f.end <= span.start]
        earliest = window_start(record, match.start())
        near = [h for f, h in reversed(before) if doc[f.start].idx >= earliest and kb.entries[h].type == "person"]
        holder = near[0] if near else _only_person([h for _, h in before], kb)
        if holder is not None:
            titles.append(Found(span.start, span.end, holder, "title"))
    return titles


def _holder_named(kb: KnowledgeBase, actor: str, office: str, date: str) -> str | None:
    """``actor`` itself when a person holding ``office`` (of any country) on ``date``; the holder of the office in
    ``actor`` when a country; else ``None``."""
    entry = kb.entries.get(actor)
    if entry is None:
        return None
    if entry.type == "country":
        return holder_of(kb, office, entry.name, date)
    first, last = days_of(date)
    holds = entry.type == "person" and any(
        role.overlaps(first, last) and any(_is_office(t, office) for t in role.titles) for role in entry.roles)
    return actor if holds else None


def _holders(kb: KnowledgeBase, ordered: list[Found], office: str, date: str) -> list[tuple[Found, str]]:
    """The mentions that name a holder of ``office`` (a person, or a country's holder the document names), or an
    office of that name ("the NATO Secretary General"), with whom or which they name."""
    named = {f.actor for f in ordered}
    found = []
    for f in ordered:
        entry = kb.entries.get(f.actor)
        if entry is not None and entry.type not in ("person", "country") and _is_office(entry.name, office):
            found.append((f, f.actor))
        elif (holder := _holder_named(kb, f.actor, office, date)) is not None and holder in named:
            found.append((f, holder))
    return found


def _only_person(named: list[str], kb: KnowledgeBase) -> str | None:
    """The one holder of everything named before, when a person: further back than the turn before, a title is
    theirs only when no other holder and no office of that name ("the NATO Secretary General") was named."""
    return named[0] if len(set(named)) == 1 and kb.entries[named[0]].type == "person" else None


def _is_office(title: str, office: str) -> bool:
    """Whether a knowledge-base title ("Secretary of State of the United States", "Secretary-General of NATO") is
    ``office`` ("Secretary"), or a longer office that begins with it: "the Secretary" may be a Secretary-General."""
    held = title.split(" of ", 1)[0].replace("-", " ")
    return held == office or held.startswith(f"{office} ")
