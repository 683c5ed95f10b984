"""The knowledge base of actors: who can be talked about, under which names, titles and dates.

The bundled knowledge base is YAML under ``onrecord/data/actors/``; a user file in the same format
(``--kb my-actors.yaml``) extends it and wins over it: an entry with a bundled ``id`` replaces that entry,
and a name the user gives takes that name away from every bundled actor. The format::

    actors:
      - id: israel                    # unique, lower case; how other entries refer to this one
        name: Israel                  # canonical name
        type: country                 # country | person | organization | group | place | other
        qid: Q801                     # Wikidata id, only where certain
        aliases: [State of Israel]    # other names and transliterations      -> form "alias"
        adjectives: [Israeli]         # adjectival and demonym forms           -> form "alias"
        capitals: [Tel Aviv]          # seats used as metonyms for a government -> form "alias"
        epithets: [Zionist regime]    # pejorative names used by one side      -> form "epithet"
        honorifics: []                # favourable names used by one side      -> form "epithet"
        surname: Assad                # persons: what "Mr. X" / bare "X" refers to (default: last word)
        affiliation: iran             # persons: the actor they act for (a speaker's "we")
        roles:                        # persons: titles with the dates they held them
          - {titles: [Supreme Leader of Iran], from: 1989-06-04, to: null}

    roles:                            # top level: more roles for actors entered in any file
      - {id: joe-biden, titles: [Vice President of the United States], from: 2009-01-20, to: 2017-01-20}

Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. Loading is lazy and cached per file (see ``load_kb``).

Two kinds of actors are derived from the file rather than written in it. Every role title has an **office**
(id ``office:<first title, lower case>``, type ``other``, named by the first title of its most recent
holder's role): a title goes to the office, not to a person, whenever no single holder is certain. With a
document date that is when nobody (or more than one person) held the title then; **without a date, a title
goes to a person only when that person holds it now and has held it for at least ``RELIABLE_YEARS`` (20)
years** ("the Leader of the Revolution" is Ali Khamenei, in office since 1989; "the Prime Minister of Iraq"
in an undated text is the office, since an undated text may be about any of its holders). Every capital has
a **city** (id ``city:<name, lower case>``, type ``place``), which the resolver picks when the capital is
named as a place ("a visit to Doha", "in Damascus") rather than as its government.
"""

from __future__ import annotations

import datetime
import functools
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from onrecord.errors import KnowledgeBaseError
from onrecord.kb.entry import Entry, Role, days_of, surname_of
from onrecord.kb.parse import parse_file, parse_kb
from onrecord.record import MentionForm

__all__ = ["RELIABLE_YEARS", "Entry", "KnowledgeBase", "Role", "days_of", "load_kb", "parse_kb", "surname_of"]

RELIABLE_YEARS = 20  # an undated title is its holder's only after this long in office (see the module doc)


# Compared by identity: load_kb caches one per file, and matchers are cached per knowledge base.
@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Actors by id, with indexes from lower-cased names, titles and surnames to them."""

    entries: dict[str, Entry]
    names: dict[str, tuple[tuple[str, MentionForm], ...]] = field(default_factory=dict)
    titles: dict[str, tuple[tuple[str, Role], ...]] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def longest_name(self) -> int:
        """The length of the longest name: no longer text can be one."""
        return max(map(len, self.names), default=0)

    def holder(self, title: str, date: str | None) -> str | None:
        """Who held ``title`` on ``date``, if exactly one person did. ``date`` may be a year or a month (a
        document's ``period``): then only someone who held the title for all of it, with nobody else holding
        it at any time in it. With no date, only a holder in office now for at least ``RELIABLE_YEARS`` years
        (else ``None``: see ``office``)."""
        candidates = self.titles.get(title.lower(), ())
        if date is not None:
            first, last = days_of(date)
            held = {actor for actor, role in candidates if role.overlaps(first, last)}
            whole = {actor for actor, role in candidates if role.covers(first, last)}
            return whole.pop() if len(held) == 1 and len(whole) == 1 else None
        current = {actor for actor, role in candidates if role.end is None}
        since = (datetime.date.today() - datetime.timedelta(days=365.25 * RELIABLE_YEARS)).isoformat()
        reliable = [actor for actor, role in candidates if role.end is None and (role.start or "9") <= since]
        return reliable[0] if len(current) == 1 and reliable else None

    def office(self, title: str) -> str | None:
        """The office a title names, whoever holds it: the actor for a title no single person can be given."""
        return self.offices.get(title.lower())


def load_kb(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """The bundled knowledge base, extended by the user file at ``path`` if given; cached per file version."""
    if path is None:
        return _cached(None, 0.0)
    user = Path(path)
    try:
        mtime = user.stat().st_mtime
    except OSError as error:
        raise KnowledgeBaseError("cannot read the knowledge base", f"{user} ({error.strerror})", "check the --kb path") from None
    return _cached(str(user), mtime)


@functools.lru_cache(maxsize=8)
def _cached(path: str | None, mtime: float) -> KnowledgeBase:
    # Parsing makes tens of thousands of short-lived YAML nodes; with spaCy's objects alive, the cyclic garbage
    # collector walking them all again and again took more than half of the load time. Nothing here is cyclic.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(path)
    finally:
        if paused:
            gc.enable()


def _load(path: str | None) -> KnowledgeBase:
    entries: dict[str, Entry] = {}
    more: list[tuple[str, Role, str]] = []
    for name, text in _bundled():
        found, roles = parse_file(text, name)
        entries.update((entry.id, entry) for entry in found)
        more += [(ident, role, name) for ident, role in roles]
    user: list[Entry] = []
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KnowledgeBaseError("cannot read the knowledge base", f"{path} ({error})", "pass a UTF-8 YAML file") from None
        user, roles = parse_file(text, path)
        entries.update((entry.id, entry) for entry in user)
        more += [(ident, role, path) for ident, role in roles]
    for ident, role, source in more:
        if ident not in entries:
            raise KnowledgeBaseError("a role for an actor the knowledge base does not have", f"{source}: {ident!r}",
                                     "give the id of an actor entry")
        entries[ident] = replace(entries[ident], roles=(*entries[ident].roles, role))
    return _index(entries, {entry.id for entry in user})


def _bundled() -> Iterator[tuple[str, str]]:
    folder = resources.files("onrecord") / "data" / "actors"
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name.endswith(".yaml"):
            yield f"onrecord/data/actors/{item.name}", item.read_text(encoding="utf-8")


def _index(entries: dict[str, Entry], user: set[str]) -> KnowledgeBase:
    names: dict[str, list[tuple[str, MentionForm]]] = {}
    titles: dict[str, list[tuple[str, Role]]] = {}
    surnames: dict[str, list[str]] = {}
    # User entries go last so that a name they claim replaces the bundled owners of that name.
    for entry in sorted(entries.values(), key=lambda e: e.id in user):
        for name, form in entry.names:
            owners = names.setdefault(name.lower(), [])
            if entry.id in user and any(owner not in user for owner, _ in owners):
                owners.clear()
            if all(owner != entry.id for owner, _ in owners):
                owners.append((entry.id, form))
        for role in entry.roles:
            for title in role.titles:
                titles.setdefault(title.lower(), []).append((entry.id, role))
        if entry.surname:
            surnames.setdefault(entry.surname.lower(), []).append(entry.id)
    derived = {**_offices(titles), **_cities(entries, names)}
    return KnowledgeBase(
        {**entries, **{entry.id: entry for entry, _ in derived.values()}},
        {key: tuple(value) for key, value in names.items()},
        {key: tuple(value) for key, value in titles.items()},
        {key: tuple(value) for key, value in surnames.items()},
        {key: entry.id for key, (entry, kind) in derived.items() if kind == "office"},
        {key: entry.id for key, (entry, kind) in derived.items() if kind == "city"},
    )


def _offices(titles: dict[str, list[tuple[str, Role]]]) -> dict[str, tuple[Entry, str]]:
    """Title (lower case) -> the office it names, one per role's first title, named as its latest holder has it."""
    offices: dict[str, tuple[Entry, str]] = {}
    for key, holders in titles.items():
        role = max((r for _, r in holders), key=lambda r: r.start or "")
        name = role.titles[0]
        offices[key] = (Entry(f"office:{name.lower()}", name, "other"), "office")
    return offices


def _cities(entries: dict[str, Entry], names: dict[str, list[tuple[str, MentionForm]]]) -> dict[str, tuple[Entry, str]]:
    """Capital (lower case) -> the city as a place: a place entry of that name if there is one, else a derived one."""
    cities: dict[str, tuple[Entry, str]] = {}
    for entry in entries.values():
        for capital in entry.capitals:
            place = next((entries[o] for o, _ in names.get(capital.lower(), ()) if entries[o].type == "place"), None)
            cities[capital.lower()] = (place or Entry(f"city:{capital.lower()}", capital, "place"), "city")
    return cities
