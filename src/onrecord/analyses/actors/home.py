"""Titles with no country in a press conference or an interview: the office of the country whose officials answer,
held on the document's date.

Titles of address ("Mr. President", "His Majesty", "your Foreign Minister" in a question) always. A capitalized
office after "the" ("the President", "The Vice President", "the King") only when no other country's holder of that
office speaks in the document, and "the Prime Minister" or "the Chancellor" only where no president heads the
state: at a White House briefing "the President" is the US president; at a joint press conference with France's
president it could be either; at the Kremlin "the Prime Minister" is as often a visitor's as Russia's.

A journalist's "Mr. President" at the Kremlin is Russia's president; a Saudi prince's "His Majesty" is Saudi
Arabia's king. The home country is the one the document speaks for (``Document.speaks_for``), else the one its
speakers the knowledge base knows act for (a country, or a person's affiliation), when two in three of them agree:
a minister reporting to Putin speaks for Russia. Only documents with exchanges, or holders who speak in the
document: in a speech to an assembly "Mr. President" is the assembly's president. A title whose holder on the date
is not certain stays unresolved.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from onrecord.analyses.actors.matching import Found
from onrecord.kb import KnowledgeBase, days_of
from onrecord.record import Record

# The title as written (capitalized) -> the office's title in the knowledge base, "<office> of <country>".
OFFICES = {"President": "President", "Prime Minister": "Prime Minister", "Vice President": "Vice President",
           "Chancellor": "Chancellor", "Majesty": "King", "Royal Highness": "Crown Prince", "King": "King",
           "Crown Prince": "Crown Prince", "Foreign Minister": "Foreign Minister", "Foreign Secretary": "Foreign Secretary",
           "Secretary of State": "Secretary of State", "Emir": "Emir",
           "Treasury Secretary": "Secretary of the Treasury", "Secretary of the Treasury": "Secretary of the Treasury",
           "Defense Secretary": "Secretary of Defense", "Secretary of Defense": "Secretary of Defense",
           "National Security Advisor": "National Security Advisor", "National Security Adviser": "National Security Advisor",
           "Speaker": "Speaker of the House", "Speaker of the House": "Speaker of the House",
           "Secretary": "Secretary"}  # "the Secretary": a secretary of something, named before (named_titles.py)
# Forms of address: "Mr. President", "Madam Chancellor", "Your Majesty", "His Majesty" (the answerer, or their own
# monarch); and the office after "the", capitalized as a title is ("the president of the club" is not one).
TITLE = re.compile(r"\b(?:Mr\.?|Madam|Madame)\s+(?P<office>Vice President|President|Prime Minister|Chancellor)\b"
                    r"|\b(?:His|Her|Your)\s+(?P<royal>Majesty|Royal Highness)\b"
                    r"|\b[Yy]our\s+(?P<yours>Foreign Minister|Foreign Secretary|Vice President|President|Prime Minister|"
                    r"Chancellor|Secretary of State)\b"
                    r"|\b[Tt]he\s+(?P<definite>Vice President|President|Prime Minister|Chancellor|King|Crown Prince|"
                    r"Foreign Minister|Foreign Secretary|Secretary of State|Treasury Secretary|Secretary of the Treasury|"
                    r"Defense Secretary|Secretary of Defense|National Security Advis[eo]r|Speaker(?: of the House)?|Secretary)"
                    r"\b(?!\s+(?:of|for|[A-Z]))(?!-)"
                    r"|\b[Tt]he\s+former\s+(?P<former>Vice President|President|Prime Minister|Chancellor|"
                    r"Foreign Minister|Foreign Secretary|Secretary of State)\b(?!\s+(?:of|[A-Z]))")


_MOST = 3  # the home country needs two in three of the speakers the knowledge base knows


def home_country(record: Record, kb: KnowledgeBase, speaker_keys: dict[str, str]) -> str | None:
    """The knowledge-base country the document speaks for, or whose officials speak in it."""
    voice = kb.names.get((record.document.speaks_for or "").strip().lower(), ())
    country = next((key for key, _ in voice if kb.entries[key].type == "country"), None)
    if country is not None:
        return country
    countries: Counter[str] = Counter()
    for speaker in record.speakers:
        key = speaker_keys.get(speaker.id)
        if key is None:
            continue
        entry = kb.entries[key]
        side = key if entry.type == "country" else entry.affiliation
        if side in kb.entries and kb.entries[side].type == "country":
            countries[side] += 1
    if not countries:
        return None
    # most of them: a surname label the knowledge base gives to a namesake abroad ("CHRISTIE") does not outvote
    (country, count), total = countries.most_common(1)[0], sum(countries.values())
    return country if count * _MOST >= total * (_MOST - 1) and (count > 1 or total == 1) else None


# Heads of government under a president (see the module's doc).
_SECOND = frozenset({"Prime Minister", "Chancellor"})


def match_home_titles(record: Record, doc: Any, kb: KnowledgeBase, date: str | None, home: str | None,
                      speakers: set[str], found: list[Found]) -> list[Found]:
    """Mentions of the home country's offices by a title alone, to the office's holder on ``date``; ``speakers`` are
    the knowledge-base keys of those who speak (a definite title waits for no other country's holder among them).
    "The former President" is a former holder ``found`` names in the same turn or the one before, else whoever left
    the office last before the date. In a document without exchanges, only a holder who speaks in it: the crew
    that thanks "Mr President" on a call with Putin (a speech's "Mr. President" is the assembly's)."""
    if home is None or not (record.exchanges or len(record.speakers) > 1):
        return []
    country = kb.entries[home].name
    foreign = _foreign_offices(kb, date, home, speakers)
    president = holder_of(kb, "President", country, date) is not None
    titles: list[Found] = []
    questions = [t.span for t in record.turns if t.kind == "question"]
    for match in TITLE.finditer(record.document.text):
        written = (match.group("office") or match.group("royal") or match.group("definite") or match.group("yours")
                   or match.group("former"))
        if (match.group("definite") or match.group("former")) and (
                OFFICES[written] in foreign or (written in _SECOND and president)):
            continue
        # "your Foreign Minister" asked of those who answer is theirs; said in an answer, it is the asker's
        if match.group("yours") and not any(q.start <= match.start() < q.end for q in questions):
            continue
        if match.group("former"):
            holder = _former_named(record, doc, kb, OFFICES[written], country, date, found, match.start()) \
                or _predecessor(kb, OFFICES[written], country, date)
        else:
            holder = holder_of(kb, OFFICES[written], country, date)
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if holder is not None and span is not None and (record.exchanges or holder in speakers):
            titles.append(Found(span.start, span.end, holder, "title"))
    return titles


def match_home_names(doc: Any, kb: KnowledgeBase, home: str | None, found: list[Found]) -> list[Found]:
    """The home country's institutions by the names they go by at home (``home_names`` in the knowledge base),
    written as there, outside ``found``: "Congress", "Treasury", "the Senate" at a White House briefing; "the
    Duma" at the Kremlin. Elsewhere those names are left to NER: the Senate of another country is not the US one."""
    if home is None or (home_names := _home_names(kb, home)) is None:
        return []
    pattern, owner = home_names
    taken = {i for f in found for i in range(f.start, f.end)}
    extra: list[Found] = []
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        following = doc[span.end] if span is not None and span.end < len(doc) else None
        if span is None or (following is not None and (following.text[:1].isupper() or following.lower_ == "of")):
            continue  # part of a longer name: "the Treasury Secretary", "the Government of Kazakhstan"
        if taken.isdisjoint(range(span.start, span.end)):
            extra.append(Found(span.start, span.end, owner[" ".join(match.group().split())], "alias"))
    return extra


@functools.cache
def _home_names(kb: KnowledgeBase, home: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern of the home names of ``home``'s institutions (longest first), their words apart by any white
    space ("State\\nDepartment" in a transcript broken into lines), and the actor each names; once per knowledge
    base and country."""
    written = [(name, entry.id) for entry in kb.entries.values() if entry.affiliation == home for name in entry.home_names]
    written += [("The" + name[3:], key) for name, key in written if name.startswith("the ")]  # opening a sentence
    if not written:
        return None
    names = sorted(written, key=lambda item: -len(item[0]))
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name, _ in names)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])"), dict(names)


def holder_of(kb: KnowledgeBase, office: str, country: str, date: str | None) -> str | None:
    """Who held "<office> of <country>" (or "of the <country>": "President of the United States") on ``date``."""
    return next((h for title in _office_titles(office, country) if (h := kb.holder(title, date)) is not None), None)


def _office_titles(office: str, country: str) -> tuple[str, str]:
    """The two ways a knowledge base writes an office of a country: "of Russia", "of the United States"."""
    return f"{office} of {country}", f"{office} of the {country}"


def window_start(record: Record, offset: int) -> int:
    """The first character of the turn before the one that holds ``offset`` (of that turn when it is the first):
    how far back a title looks for the one it stands for (a question names them, the answer says the title)."""
    starts = [t.span.start for t in record.turns]
    current = max((i for i, start in enumerate(starts) if start <= offset), default=0)
    return starts[max(current - 1, 0)] if starts else 0


def _former_named(record: Record, doc: Any, kb: KnowledgeBase, office: str, country: str, date: str | None,
                  found: list[Found], offset: int) -> str | None:
    """The person named last before ``offset`` (same turn or the one before) who left the office before ``date``:
    "former President Bush yesterday criticized... the right of the former President"."""
    if date is None:
        return None
    first, _ = days_of(date)
    titles = set(_office_titles(office, country))
    earliest = window_start(record, offset)
    for f in sorted(found, key=lambda f: -f.start):
        start = doc[f.start].idx
        entry = kb.entries.get(f.actor)
        if earliest <= start < offset and entry is not None and any(
                role.end is not None and role.end < first and titles & set(role.titles) for role in entry.roles):
            return f.actor
    return None


def _predecessor(kb: KnowledgeBase, office: str, country: str, date: str | None) -> str | None:
    """The one whose term in "<office> of <country>" ended last before ``date`` began, if one person's did."""
    if date is None:
        return None
    first, _ = days_of(date)
    ended = [(role.end, actor) for title in _office_titles(office, country)
             for actor, role in kb.titles.get(title.lower(), ()) if role.end is not None and role.end < first]
    if not ended:
        return None
    last = max(end for end, _ in ended)
    actors = {actor for end, actor in ended if end == last}
    return actors.pop() if len(actors) == 1 else None


def _foreign_offices(kb: KnowledgeBase, date: str | None, home: str, speakers: set[str]) -> set[str]:
    """The offices (as in ``OFFICES``' values) that one of ``speakers`` holds for another country than ``home`` on
    ``date``."""
    if date is None:
        return set()
    first, last = days_of(date)
    home_name = kb.entries[home].name
    offices: set[str] = set()
    for key in speakers:
        entry = kb.entries.get(key)
        if entry is None or entry.type != "person" or entry.affiliation == home:
            continue
        for role in entry.roles:
            if role.overlaps(first, last):
                offices.update(o for o in OFFICES.values() for t in role.titles
                               if t.startswith(f"{o} of ") and home_name not in t)
    return offices
