"""Actors: who is talked about, under every name (``onrecord.analyses.actors``).

Resolution, in order, each step taking only the tokens the earlier ones left: knowledge-base names and role
titles (longest match; a title goes to its holder on the document's date, or for the whole of its year or
month when only that is known, else to the office: see ``KnowledgeBase.holder``); bare surnames, to the candidate
named most recently before (else the one in office on the date, else the latest); the speaker's "my Government"
and "my Sovereign" (the monarch of the speaker's country by the same title rule); titles alone, "the President",
"the former President", to the home country's office holder, else to the holder of that office named last before
them ("on the Sunak visit. The Prime Minister..."); the home country's institutions by their home names
("Congress"); "the Treaty", "this Conference" to the nearest organization or instrument named before with that
word in its name; NER entities, looked up as written or kept as actors without a QID; a first name or surname
alone, to the one person named in full before; and the speaker's "we" in institutional contexts, to the
speaker's affiliation. Speaker labels resolve too (a speaker the knowledge base lacks is the person of the name
the heading gives them), so the analysis fills two layers: ``actors`` and the ``actor`` field of ``speakers``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from onrecord.analyses.actors.home import home_country, match_home_names, match_home_titles
from onrecord.analyses.actors.ingroup import match_ingroup, match_owned
from onrecord.analyses.actors.matching import Found, match_names, resolve_past_titles, spoken
from onrecord.analyses.actors.named_titles import match_named_titles
from onrecord.analyses.actors.resolve import (
    UNKNOWN,
    common_words,
    match_definite,
    match_entities,
    match_name_parts,
    match_surnames,
)
from onrecord.analyses.actors.speakers import resolve_label, resolve_office_label
from onrecord.kb import KnowledgeBase, load_kb
from onrecord.kb.names import given_name
from onrecord.nlp import english
from onrecord.record import ASKING_ROLES, Actor, ActorType, Mention, Record, Span, Speaker
from onrecord.transcript.people import bare_name

__all__ = ["find_actors", "find_mentions"]


def find_actors(record: Record, doc: Any, *, kb: str | os.PathLike[str] | None = None) -> dict[str, list[Any]]:
    """The ``actors`` layer and the ``speakers`` layer with each speaker's actor, using the knowledge base
    bundled with onrecord extended by the file ``kb``."""
    base = load_kb(kb)
    speaker_keys = {s.id: key for s in record.speakers
                    if (key := (s.name and resolve_label(s.name, base)) or resolve_label(s.label, base)) is not None}
    speaker_keys |= _office_speakers(record, doc, base, speaker_keys)
    found = find_mentions(record, doc, base, speaker_keys)
    # a speaker the knowledge base does not know, named in full by the heading ("Press Secretary Karine
    # Jean-Pierre") or the label, is the unknown person of that name: their mentions, and "Karine" alone, are theirs
    named = {s.id: f"{UNKNOWN}person:{name}" for s in record.speakers
             if s.id not in speaker_keys and (name := _speaker_name(s)) is not None}
    keys = speaker_keys | named
    actors, ids = _assemble(record.document.text, doc, found, base, list(keys.values()))
    speakers = [replace(s, actor=ids.get(keys.get(s.id, ""))) for s in record.speakers]
    return {"actors": actors, "speakers": speakers}


def find_mentions(record: Record, doc: Any, kb: KnowledgeBase, speaker_keys: dict[str, str]) -> list[Found]:
    """Every mention of an actor, by token positions, with the knowledge-base id (or unknown key) it names."""
    # A day if the document has one, else the year or month it belongs to (titles then need a holder for all of it).
    date = record.document.date or record.document.period
    found = match_names(doc, kb, date)
    found += match_surnames(doc, kb, date, found)
    found = resolve_past_titles(found, kb)
    groups = {sid: g for sid, key in speaker_keys.items() if (g := _group(kb, key))}
    home = home_country(record, kb, speaker_keys)
    if home is not None:  # the home country is the "we" of those who answer or speak and have no group of their own
        groups |= {s.id: home for s in record.speakers if s.id not in groups and s.role not in ASKING_ROLES}
    found += _outside(match_owned(record, doc, groups, kb, date), found)
    found += _outside(match_home_titles(record, doc, kb, date, home, set(speaker_keys.values()), found), found)
    found += match_named_titles(record, doc, kb, date, found)
    found += match_home_names(doc, kb, home, found)
    found += match_definite(doc, kb, found)
    found += match_entities(doc, kb, found)
    found += match_name_parts(doc, kb, found)
    types = {f.actor: kb.entries[f.actor].type for f in found if f.actor in kb.entries}
    found += match_ingroup(record, doc, groups, found, types)
    found = spoken(record, doc, found)
    return sorted(found, key=lambda f: (f.start, f.end))


def _speaker_name(speaker: Speaker) -> str | None:
    """A speaker's full name: the one the heading gives ("Karine Jean-Pierre" for "MS. JEAN-PIERRE"), else the label
    when it is a name and nothing else ("Sergei Sobyanin") whose first word is a given name or last word no
    everyday word (not "Senior Administration Official")."""
    name = " ".join((speaker.name or "").split())
    if len(name.split()) > 1:
        return name
    label = bare_name(speaker.label)
    if label is None:
        return None
    first, last = label.split()[0], label.split()[-1]
    return label if given_name(first) or last.lower() not in common_words() else None


_OPENING = 400  # characters of the text, with the title, that may name the person an office label stands for


def _office_speakers(record: Record, doc: Any, kb: KnowledgeBase, known: dict[str, str]) -> dict[str, str]:
    """Speakers whose label is an office ("The Crown Prince"), as the person the title or the opening lines name
    who held it on the document's date."""
    unknown = [s for s in record.speakers if s.id not in known and s.role not in ASKING_ROLES]
    if not unknown:
        return {}
    opening = english()(f"{record.document.title}\n{record.document.text[:_OPENING]}")
    date = record.document.date or record.document.period
    named = {f.actor for f in match_names(opening, kb, date) if f.actor in kb.entries}
    return {s.id: key for s in unknown if (key := resolve_office_label(s.label, named, kb, date)) is not None}


def _outside(extra: list[Found], found: list[Found]) -> list[Found]:
    """The matches of ``extra`` that overlap none of ``found``."""
    taken = {i for f in found for i in range(f.start, f.end)}
    return [f for f in extra if taken.isdisjoint(range(f.start, f.end))]


def _group(kb: KnowledgeBase, key: str) -> str | None:
    """Who a speaker's "we" stands for: a person's affiliation, or the speaker itself if it is a body."""
    entry = kb.entries[key]
    if entry.type == "person":
        return entry.affiliation if entry.affiliation in kb.entries else None
    return key


def _assemble(text: str, doc: Any, found: list[Found], kb: KnowledgeBase,
              extra: list[str]) -> tuple[list[Actor], dict[str, str]]:
    """Actors in order of first mention (then speakers never mentioned), ids a1, a2...; and key -> id."""
    mentions: dict[str, list[Mention]] = {}
    for f in found:
        key = _short_form(f.actor, [*mentions, *extra], kb)
        span = Span.of(text, doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text))
        mentions.setdefault(key, []).append(Mention(span, f.form))
    for key in extra:
        mentions.setdefault(key, [])
    kept = _one_kind_per_name(mentions)
    for key, into in kept.items():
        if into != key:
            mentions[into] = sorted([*mentions[into], *mentions[key]], key=lambda m: m.span.start)
    actors: list[Actor] = []
    ids: dict[str, str] = {}
    for key, found_mentions in mentions.items():
        if kept[key] == key:
            ids[key] = f"a{len(actors) + 1}"
            name, kind, qid = _identity(kb, key)
            actors.append(Actor(ids[key], name, kind, qid, tuple(found_mentions)))
    ids |= {key: ids[into] for key, into in kept.items() if into != key}
    return actors, ids


def _one_kind_per_name(mentions: dict[str, list[Mention]]) -> dict[str, str]:
    """For each key, the key its actor is kept under: an unknown name that NER labels differently from mention
    to mention ("Kommunarka" a person once, a place three times) is one actor, of the kind more of its mentions
    have than any other; with a tie, the kinds stay apart."""
    by_name: dict[str, list[str]] = {}
    for key in mentions:
        if key.startswith(UNKNOWN):
            by_name.setdefault(key[len(UNKNOWN) :].partition(":")[2], []).append(key)
    kept = {key: key for key in mentions}
    for keys in by_name.values():
        counts = sorted((len(mentions[k]) for k in keys), reverse=True)
        if len(keys) > 1 and counts[0] > counts[1]:
            kept |= dict.fromkeys(keys, max(keys, key=lambda k: len(mentions[k])))
    return kept


def _short_form(key: str, seen: list[str], kb: KnowledgeBase) -> str:
    """An unknown one-word person is the one person named in full before, or the one speaker, whose name ends
    ("Jarring" of "Gunnar Jarring", "Zawahiri" and "al-Zawahiri" of "Ayman al-Zawahiri") or begins ("Karine" of
    "Karine Jean-Pierre", "Jake" of "Jake Sullivan") with that word; with two such people, or none, it stays an
    actor of its own."""
    prefix = f"{UNKNOWN}person:"
    if not key.startswith(prefix) or " " in key:
        return key
    word = key[len(prefix) :]
    full = {k: _identity(kb, k) for k in dict.fromkeys(seen) if k != key}
    people = [k for k, (name, kind, _) in full.items() if kind == "person" and " " in name]
    ends = [k for k in people if full[k][0].endswith((" " + word, "-" + word))]
    if ends:
        return ends[0] if len(ends) == 1 else key
    begins = [k for k in people if full[k][0].startswith(word + " ")]
    return begins[0] if len(begins) == 1 else key


def _identity(kb: KnowledgeBase, key: str) -> tuple[str, ActorType, str | None]:
    if key.startswith(UNKNOWN):
        kind, _, name = key[len(UNKNOWN) :].partition(":")
        return name, kind, None  # type: ignore[return-value]
    entry = kb.entries[key]
    return entry.name, entry.type, entry.qid
