"""One actor of the knowledge base, and the titles it held."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from onrecord.record import ActorType, MentionForm

# Particles Arabic and Persian names carry before the family name: "al-Assad" is "Assad" after "Mr.".
_PARTICLES = ("al-", "el-", "Al-", "El-")


@dataclass(frozen=True)
class Role:
    """A title a person held between two dates (inclusive; ``None`` is open)."""

    titles: tuple[str, ...]
    start: str | None
    end: str | None

    def holds(self, date: str) -> bool:
        """Whether the role was held on ``date`` (YYYY-MM-DD)."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def covers(self, first: str, last: str) -> bool:
        """Whether the role was held on every day from ``first`` to ``last`` (YYYY-MM-DD, inclusive)."""
        return self.holds(first) and self.holds(last)

    def overlaps(self, first: str, last: str) -> bool:
        """Whether the role was held on any day from ``first`` to ``last`` (YYYY-MM-DD, inclusive)."""
        return (self.start is None or self.start <= last) and (self.end is None or first <= self.end)


def days_of(when: str) -> tuple[str, str]:
    """The first and last day of a date of any precision: "2015" -> 2015-01-01..2015-12-31, "2015-02" ->
    2015-02-01..2015-02-28, "2015-09-28" -> that day."""
    if len(when) == 4:
        return f"{when}-01-01", f"{when}-12-31"
    if len(when) == 7:
        last = calendar.monthrange(int(when[:4]), int(when[5:]))[1]
        return f"{when}-01", f"{when}-{last:02d}"
    return when, when


@dataclass(frozen=True)
class Entry:
    """One actor of the knowledge base."""

    id: str
    name: str
    type: ActorType
    qid: str | None = None
    names: tuple[tuple[str, MentionForm], ...] = ()
    honorifics: tuple[str, ...] = ()
    surname: str | None = None
    affiliation: str | None = None
    roles: tuple[Role, ...] = ()
    capitals: tuple[str, ...] = ()
    # Names the actor has only in documents that speak for its affiliation: "Congress", "the Duma", "Treasury".
    home_names: tuple[str, ...] = ()


def surname_of(name: str) -> str:
    """The family name of a person's canonical name: "Bashar al-Assad" -> "Assad"."""
    last = name.split()[-1]
    for particle in _PARTICLES:
        if last.startswith(particle):
            return last[len(particle) :]
    return last
