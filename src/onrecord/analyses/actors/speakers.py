"""Speaker labels to knowledge-base actors: "A. A. Ahmadian" is Ali Akbar Ahmadian, and a label that is an office
("The Crown Prince", "THE PRESIDENT") is the one holder of it the document's title or heading names."""

from __future__ import annotations

from collections.abc import Iterable

from onrecord.analyses.actors.home import OFFICES
from onrecord.kb import KnowledgeBase, days_of


def resolve_label(label: str, kb: KnowledgeBase) -> str | None:
    """The knowledge-base id a speaker label names: a known name, or initials and a surname that fit one person."""
    owners = kb.names.get(" ".join(label.split()).lower())
    if owners:
        return owners[0][0]
    words = label.replace(".", ". ").split()
    if not words:
        return None
    candidates = kb.surnames.get(words[-1].lower(), ())
    initials = [w[0].lower() for w in words[:-1]]
    fitting = [c for c in candidates if _initials(kb.entries[c].name, len(initials)) == initials]
    if len(fitting) == 1:
        return fitting[0]
    return candidates[0] if len(candidates) == 1 and not initials else None


def _initials(name: str, count: int) -> list[str]:
    given = name.split()[:-1]
    return [w[0].lower() for w in given][:count] if len(given) >= count else []


def resolve_office_label(label: str, named: Iterable[str], kb: KnowledgeBase, date: str | None) -> str | None:
    """The person a label that is an office stands for: of the knowledge-base people ``named`` (in the document's
    title and opening lines), the one who held that office on ``date``; None when not exactly one did."""
    words = label.split()
    office = " ".join(words[1:] if words and words[0].lower() == "the" else words).title()
    if office not in OFFICES.values() or date is None:
        return None
    first, last = days_of(date)
    holders = {key for key in named if kb.entries[key].type == "person"
               and any(role.overlaps(first, last) and any(t.startswith(f"{office} of ") for t in role.titles)
                       for role in kb.entries[key].roles)}
    return holders.pop() if len(holders) == 1 else None
