"""Speaker labels to knowledge-base actors: "A. A. Ahmadian" is Ali Akbar Ahmadian."""

from __future__ import annotations

from onrecord.kb import KnowledgeBase


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
