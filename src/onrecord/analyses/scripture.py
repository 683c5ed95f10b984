"""Scripture references: Quran surahs and Bible books, by name or number, normalised.

"(Quran 43:54)", "(The Holy Koran, XIII:11)", "Surah Al-Baqarah, verse 268", "Al-Baqarah 2:268" and "verse 268
of Surah Al-Baqarah" all become ``Quran`` and a ``surah:ayah`` reference, the surah number taken from the table
of the 114 surah names (package data); a surah named with no verse ("Surah Al-Fil") is the surah's number
alone ("105"). "Mark 11:23", "Matt. 5:9", "II Kings 2:11" and "First Corinthians 13:4"
become ``Bible`` and "Book chapter:verse" with the book's full name (package data).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources
from typing import NamedTuple

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_AYAH = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?"
_QURAN = re.compile(
    r"(?:\bthe\s+)?(?:\bHoly\s+)?\b(?P<work>Qur['’]?[aā]n|Koran)\b,?\s*"
    rf"(?:(?:Surah?|chapter)\s+)?(?P<surah>\d{{1,3}}|[IVXLC]{{1,7}})\s*[:.]\s*(?P<ayah>{_AYAH})\b",
    re.IGNORECASE,
)
_NAME = r"(?:[Aa](?:l|n|r|s|t|z|sh|dh|d|th)[-‑ ]|Aal-e-)?[A-Z][\w'’]+(?:[-‑ ][A-Z][\w'’]+){0,2}"
_SURAH = r"\b(?:Surah?|Surat)\s+(?P<{g}>\d{{1,3}}|{name})"
# "Surah Al-Baqarah, verse 268", "Surah Al-Baqarah (2:268)", "Surah 2, verse 268".
_SURAH_VERSE = re.compile(
    _SURAH.format(g="surah", name=_NAME)
    + rf"(?:,?\s+(?:verses?|ayahs?|ayat)\s+(?P<ayah>{_AYAH})|,?\s+\(?(?P<number>\d{{1,3}})\s*:\s*(?P<ayah2>{_AYAH})\)?)"
)
# "verse 268 of Surah Al-Baqarah".
_VERSE_OF = re.compile(rf"\b(?:[Vv]erses?|[Aa]yahs?|[Aa]yat)\s+(?P<ayah>{_AYAH})\s+of\s+(?:the\s+)?" + _SURAH.format(g="surah", name=_NAME))
# "Al-Baqarah 2:268": a transliterated name with its article, then the numbers.
_NAMED_NUMBERS = re.compile(
    r"\b(?P<surah>(?:Al|An|Ar|As|At|Az|Ash|Adh|Ad)[-‑][A-Z][\w'’]+),?\s+\(?(?P<number>\d{1,3})\s*:\s*" + rf"(?P<ayah>{_AYAH})\b"
)
# "Surah Al-Fil", "Surat 105" with no verse: the reference is the surah alone ("105").
_SURAH_ONLY = re.compile(_SURAH.format(g="surah", name=_NAME) + r"(?![\w'’-]|,?\s+\(?\d|,?\s+(?:verses?|ayahs?|ayat)\b)")
_ORDINAL_WORDS = {"first": "1", "second": "2", "third": "3", "i": "1", "ii": "2", "iii": "3"}


class Reference(NamedTuple):
    """A parsed scripture reference and where its words are."""

    work: str
    reference: str
    start: int
    end: int


def parse_scripture(text: str, start: int, end: int) -> Iterator[Reference]:
    """The Quran and Bible references between two offsets (the same words may be matched by two patterns)."""
    for m in _QURAN.finditer(text, start, end):
        yield Reference("Quran", f"{roman_number(m['surah'])}:{_dash(m['ayah'])}", m.start(), m.end())
    for m in _SURAH_VERSE.finditer(text, start, end):
        surah = m["number"] or m["surah"]
        yield Reference("Quran", f"{surah_number(surah)}:{_dash(m['ayah'] or m['ayah2'])}", m.start(), m.end())
    for m in _VERSE_OF.finditer(text, start, end):
        yield Reference("Quran", f"{surah_number(m['surah'])}:{_dash(m['ayah'])}", m.start(), m.end())
    for m in _NAMED_NUMBERS.finditer(text, start, end):
        if _surah_key(m["surah"]) in surah_table():
            yield Reference("Quran", f"{int(m['number'])}:{_dash(m['ayah'])}", m.start(), m.end())
    for m in _SURAH_ONLY.finditer(text, start, end):
        number = surah_number(m["surah"])
        if number.isdigit() and 1 <= int(number) <= 114:
            yield Reference("Quran", number, m.start(), m.end())
    for m in bible_pattern().finditer(text, start, end):
        book = bible_table()[_book_key(m["book"])]
        yield Reference("Bible", f"{book} {int(m['chapter'])}:{_dash(m['verse'])}", m.start(), m.end())


def surah_number(name: str) -> str:
    """The surah's number as text ("Al-Baqarah" -> "2"); an unknown name is returned as it was written."""
    if name.isdigit():
        return str(int(name))
    number = surah_table().get(_surah_key(name))
    return str(number) if number is not None else name


@functools.cache
def surah_table() -> dict[str, int]:
    """Normalised surah name -> number, from ``data/surahs.txt`` (loaded on first use)."""
    table: dict[str, int] = {}
    for line in _data_lines("surahs.txt"):
        number, _, names = line.partition("\t")
        for name in names.split("|"):
            table[_surah_key(name)] = int(number)
    return table


def _surah_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(?:the\s+|aal-e-|a(?:l|n|r|s|t|z|sh|dh|d|th)[-‑\s])", "", plain)
    letters = re.sub(r"[^a-z]", "", plain)
    return re.sub(r"(.)\1+", r"\1", letters).removesuffix("h")


@functools.cache
def bible_table() -> dict[str, str]:
    """Normalised book name or abbreviation -> the book's full name, from ``data/bible_books.txt``."""
    table: dict[str, str] = {}
    for line in _data_lines("bible_books.txt"):
        names = line.split("|")
        for name in names:
            table[_book_key(name)] = names[0]
    return table


@functools.cache
def bible_pattern() -> re.Pattern[str]:
    """Book chapter:verse, the book by any of its names; a number before the book may be a numeral or a word."""
    names = sorted({n.split(" ", 1)[-1] if n[0].isdigit() else n for line in _data_lines("bible_books.txt")
                    for n in line.split("|")}, key=len, reverse=True)
    books = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    number = r"(?:[123]|I{1,3}|First|Second|Third)\s+"
    # A book name alone is often a person's name ("John said"): chapter:verse is required.
    bible = r"(?:\b(?:[Tt]he\s+)?(?:Holy\s+)?Bible,?\s+)?"
    return re.compile(rf"{bible}\b(?P<book>(?:{number})?(?:{books}))\.?\s+(?P<chapter>\d{{1,3}}):(?P<verse>{_AYAH})\b")


def _book_key(name: str) -> str:
    words = name.replace(".", " ").split()
    if len(words) > 1 and words[0].lower() in _ORDINAL_WORDS:
        words[0] = _ORDINAL_WORDS[words[0].lower()]
    return " ".join(words).lower()


def roman_number(value: str) -> int:
    """An Arabic or Roman numeral as a number ("XIII" -> 13)."""
    if value.isdigit():
        return int(value)
    total = 0
    for letter, following in zip(value.upper(), [*value.upper()[1:], ""], strict=True):
        worth = _ROMAN[letter]
        total += -worth if following and _ROMAN[following] > worth else worth
    return total


def _dash(value: str) -> str:
    return re.sub(r"\s*[-–]\s*", "-", value)


def _data_lines(name: str) -> list[str]:
    data = resources.files("onrecord").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")]
