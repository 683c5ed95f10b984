"""Title and date: from what the file says, else from the text where it states them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

_MONTHS = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november december").split(), 1)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(?P<year>(?:19|20)\d\d)\b"),
)
_FILENAME_DATES = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<num>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<num>[01]\d)(?P<day>[0-3]\d)(?!\d)"),
)
# A date that heads or closes the text (a dateline, "Published on ...") is the document's date;
# one deep inside is more likely an event the speaker talks about.
_HEAD_CHARS = 400
_TAIL_CHARS = 300


def valid_date(value: str | None) -> str | None:
    """``value`` when it is a real ``YYYY-MM-DD`` date, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if re.fullmatch(r"\d{4}-\d\d-\d\d", value[:10]) else None
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """A full date stated at the head or the tail of the text."""
    for part in (text[:_HEAD_CHARS], text[-_TAIL_CHARS:]):
        for pattern in _DATES:
            found = _date(pattern.search(part))
            if found:
                return found
    return None


def date_in_filename(path: str) -> str | None:
    """A full date in a file name such as ``nyt_2016-09-08_...`` or ``20160209_debate``."""
    name = Path(path).name
    for pattern in _FILENAME_DATES:
        found = _date(pattern.search(name))
        if found:
            return found
    return None


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def year_in_filename(path: str) -> str | None:
    """The year of a file whose name carries a year and no full date (``IRN_70_2015.txt``): the one number
    of four digits from 1900 to 2099 in the name, else None (none, or several that disagree)."""
    years = set(_YEAR.findall(Path(path).name))
    return years.pop() if len(years) == 1 else None


_FILE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?![-_.]?\d)")


def period_in_filename(path: str) -> str | None:
    """The month (``mbs_interview_2022-03.txt``: "2022-03") or else the year a file name gives when it gives no
    full date; None when its numbers disagree."""
    year = year_in_filename(path)
    months = {f"{y}-{m}" for y, m in _FILE_MONTH.findall(Path(path).name)}
    if year is not None and len(months) == 1 and next(iter(months)).startswith(year):
        return months.pop()
    return year


def recalled(day: str, path: str) -> bool:
    """Whether a date found in a file's text falls in another year than its file name gives: an event the text
    recalls, not its date ("IDN_60_2005.txt", the 2005 speech, opens on "11 September 2001")."""
    named = year_in_filename(path)
    return named is not None and not day.startswith(named)


def _date(match: re.Match[str] | None) -> str | None:
    if not match:
        return None
    parts = match.groupdict()
    month = int(parts["num"]) if parts.get("num") else _MONTHS[parts["month"].lower()]
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def title_from_path(path: str) -> str:
    """The file name without its extension: the title of last resort."""
    return Path(path).stem or path
