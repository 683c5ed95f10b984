"""Speakers as people: labels that name one person in two ways ("QUINCY HOWE, MODERATOR" and "MR. HOWE",
"President of Russia Vladimir Putin" and "Vladimir Putin") are one speaker."""

from __future__ import annotations

from collections import Counter

from onrecord.transcript.labels import label_key, role_word

# Words of a label that say what a person is or how to address them, not who they are.
_TITLES = frozenset("""
mr mrs ms miss dr prof sen senator gov governor rep representative congressman congresswoman president
vice prime minister secretary ambassador the hon rt right sir dame lord lady his her excellency majesty
admiral general gen colonel col former chancellor foreign state crown prince king queen emir sheikh mayor
judge justice chairman chairwoman chair speaker leader deputy
""".split())
# Words of an office's name that are no one's name: "Secretary of State for Foreign and Commonwealth Affairs".
_OFFICE_WORDS = frozenset("of for and affairs under parliamentary home defence defense office".split())


def same_people(labels: list[str]) -> dict[str, str]:
    """For each label key, the key of the label the person is known by. A label whose name is the end of exactly
    one other label's name ("howe" of "quincy howe") is that person; a label that says a role ("..., MODERATOR")
    names the person best, else the one written most often."""
    written = Counter(label_key(label) for label in labels)
    names = {key: _name(key) for key in written}
    parent = {key: key for key in written}
    for short, words in names.items():
        if not words:
            continue
        longer = [key for key, other in names.items()
                  if key != short and len(other) > len(words) and other[-len(words):] == words]
        if len(longer) == 1:
            parent[short] = longer[0]
    groups: dict[str, list[str]] = {}
    for key in written:
        groups.setdefault(_root(parent, key), []).append(key)
    people: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda k: (role_word(k) is not None, written[k], len(k)))
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
    if _TITLES.intersection(person.replace(".", " ").split()) and not _name_words(person) and aside:
        person = aside.split(")", 1)[0]  # Hansard: "the prime minister (mr tony blair)" is Tony Blair
    if "," in person and role_word(person.rsplit(",", 1)[-1].strip()):
        person = person.rsplit(",", 1)[0]
    if role_word(person) or any(ch.isdigit() for ch in person):
        return ()
    return _name_words(person)


def _name_words(person: str) -> tuple[str, ...]:
    words = [w.strip(".,'") for w in person.replace(".", ". ").split()]
    return tuple(w for w in words if w and w not in _TITLES and len(w) > 1 and w not in _OFFICE_WORDS)
