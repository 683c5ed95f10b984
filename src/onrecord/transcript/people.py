"""Speakers as people: labels that name one person in two ways ("QUINCY HOWE, MODERATOR" and "MR. HOWE",
"President of Russia Vladimir Putin" and "Vladimir Putin") are one speaker."""

from __future__ import annotations

import re
from collections import Counter

from onrecord.transcript.labels import label_key, role_word

# Words of a label that say what a person is or how to address them, not who they are.
TITLES = frozenset("""
mr mrs ms miss dr prof sen senator gov governor rep representative congressman congresswoman president
vice prime minister secretary ambassador the hon rt right sir dame lord lady his her excellency majesty
admiral general gen colonel col former chancellor foreign state crown prince king queen emir sheikh mayor
judge justice chairman chairwoman chair speaker leader deputy
""".split())


def same_people(labels: list[str]) -> dict[str, str]:
    """For each label key, the key of the label the person is known by. A label whose name is the end of exactly
    one other label's name ("howe" of "quincy howe") is that person; a label that says a role ("..., MODERATOR")
    names the person best, else the one written most often."""
    written = Counter(label_key(label) for label in labels)
    names = {key: _name(key) for key in written}
    parent = {key: key for key in written}
    first: dict[tuple[str, ...], str] = {}
    for key, words in names.items():
        if words:
            parent[key] = first.setdefault(words, key)  # the same name written in two ways
    for words, short in first.items():
        longer = {first[other] for other in first if len(other) > len(words) and other[-len(words):] == words}
        if len(longer) == 1:
            parent[short] = longer.pop()
    groups: dict[str, list[str]] = {}
    for key in written:
        groups.setdefault(_root(parent, key), []).append(key)
    people: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda k: (role_word(k) is not None, written[k], -len(k)))
        for key in members:
            people[key] = best
    return people


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _name(key: str) -> tuple[str, ...]:
    """The words of a label that name a person: no titles, no role after a comma, no aside in brackets; nothing
    for a role word or a numbered generic label."""
    person, _, aside = key.partition(" (")
    if person.startswith("the ") and aside:
        person = aside.split(")", 1)[0]  # Hansard: "the prime minister (mr tony blair)" is Tony Blair
    else:  # "austrian broadcasting corporation (orf) news presenter armin wolf", "mr david hanson (delyn) (lab)"
        person = " ".join(re.sub(r"\([^)]*\)", " ", key).split())
    if "," in person and role_word(person.rsplit(",", 1)[-1].strip()):
        person = person.rsplit(",", 1)[0]
    if role_word(person) or any(ch.isdigit() for ch in person):
        return ()
    words = [w.strip(".,'") for w in person.replace(".", ". ").split()]
    return tuple(w for w in words if w and w not in TITLES and len(w) > 1)


def bare_name(label: str) -> str | None:
    """The label itself when it is a person's name and nothing else: two words or more, no title, role, aside or
    number ("Sergei Sobyanin", "ANNA POPOVA" as "Anna Popova"); None for "MR. KIRBY", "Moscow Mayor Sergei
    Sobyanin", "Moderator". Words of a role that no list holds pass ("Senior Administration Official"): the caller
    decides whether they name someone."""
    text = " ".join(label.split())
    words = _name(label_key(text))
    if len(words) < 2 or tuple(w.lower() for w in text.split()) != words:
        return None
    return text.title() if text.isupper() else text


def full_name(text: str, key: str) -> str | None:
    """The full name that ``text`` (what is said up to the end of the speaker's first turn) gives a speaker whose
    label names only the surname ("MR. SULLIVAN"): given name(s) and that surname, written most often there
    ("I have the National Security Advisor, Jake Sullivan, here", "I'm Jeb Bush"); None when it gives none."""
    words = _name(key)
    if len(words) != 1:
        return None
    found: Counter[str] = Counter()
    for match in re.finditer(rf"\b{re.escape(words[0])}\b(?!-)", text, re.IGNORECASE):
        if not match.group()[:1].isupper():
            continue
        given: list[str] = []  # one given name, and a middle initial ("George W. Bush")
        for word in reversed(text[max(0, match.start() - 40) : match.start()].split()[-2:]):
            if not _GIVEN.fullmatch(word) or word.rstrip(".").lower() in _NOT_GIVEN:
                break
            given.insert(0, word)
            if not _INITIAL.fullmatch(word):
                break
        if given and len(given[0]) > 2:
            found[" ".join([*given, match.group()])] += 1
    return found.most_common(1)[0][0] if found else None


_GIVEN = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.")
_INITIAL = re.compile(r"[A-Z]\.")
# Capitalized words before a surname that are no given name: titles, and words that open a sentence.
_NOT_GIVEN = TITLES | frozenset("i thank thanks dear hello hi and but so if as when then today senator governor "
                                 "madam mister".split())
