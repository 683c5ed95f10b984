"""Titles of address with no country ("Mr. President", "Mr. Prime Minister", "His Majesty") in a press conference
or an interview: the office of the country whose officials answer, held on the document's date.

A journalist's "Mr. President" at the Kremlin is Russia's president; a Saudi prince's "His Majesty" is Saudi
Arabia's king. The home country is the one the document
speaks for (``Document.speaks_for``), else the one its speakers the knowledge base knows act for (a country, or
a person's affiliation), when they all agree: a minister reporting to Putin speaks for Russia. Only documents with exchanges: in a speech to an assembly
"Mr. President" is the assembly's president. A title whose holder on the date is not certain stays unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from onrecord.analyses.actors.matching import Found
from onrecord.kb import KnowledgeBase
from onrecord.record import Record

# The title as written (capitalized) -> the office's title in the knowledge base, "<office> of <country>".
OFFICES = {"President": "President", "Prime Minister": "Prime Minister", "Vice President": "Vice President",
           "Chancellor": "Chancellor", "Majesty": "King", "Royal Highness": "Crown Prince"}
# Forms of address: "Mr. President", "Madam Chancellor", "Your Majesty", "His Majesty" (the answerer, or their own
# monarch). Never "the President": at a summit abroad "the Prime Minister" is as often the host's.
_TITLE = re.compile(r"\b(?:Mr\.?|Madam|Madame)\s+(?P<office>Vice President|President|Prime Minister|Chancellor)\b"
                    r"|\b(?:His|Her|Your)\s+(?P<royal>Majesty|Royal Highness)\b")


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
    return countries.most_common(1)[0][0] if len(countries) == 1 else None


def match_home_titles(record: Record, doc: Any, kb: KnowledgeBase, date: str | None, home: str | None) -> list[Found]:
    """Mentions of the home country's offices by a title alone, to the office's holder on ``date``."""
    if home is None or not record.exchanges:
        return []
    country = kb.entries[home].name
    found: list[Found] = []
    for match in _TITLE.finditer(record.document.text):
        holder = kb.holder(f"{OFFICES[match.group('office') or match.group('royal')]} of {country}", date)
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if holder is not None and span is not None:
            found.append(Found(span.start, span.end, holder, "title"))
    return found
