"""Quotations: the stretches of text between quotation marks, paragraph by paragraph.

Curly quotes pair “ with ”; straight quotes and doubled apostrophes ('' as some newspapers write them) pair in
order of appearance. A quotation opened and not closed in its paragraph runs to the paragraph's end, as a quote
that goes on into the next paragraph does in news copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_MARKS = re.compile(r"''|[“”\"]")
_FAR = 1 << 62


def find_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening mark, one past the closing mark) of every quotation between two offsets, in text order."""
    found: list[tuple[int, int]] = []
    paragraph = start
    while paragraph < end:
        stop = text.find("\n", paragraph, end)
        stop = end if stop == -1 else stop
        found.extend(_in_paragraph(text, paragraph, stop))
        paragraph = stop + 1
    return found


def _in_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    opening: tuple[int, str] | None = None
    for mark in _MARKS.finditer(text, start, end):
        sign = mark.group()
        if opening is None:
            if sign != "”":
                opening = (mark.start(), sign)
        elif (opening[1] == "“" and sign == "”") or (opening[1] != "“" and sign == opening[1]):
            found.append((opening[0], mark.end()))
            opening = None
    if opening is not None:
        found.append((opening[0], end))
    return found


def inside(quotations: list[tuple[int, int]], offset: int) -> bool:
    """Whether an offset lies strictly inside one of the quotations (sorted, as ``find_quotations`` gives them)."""
    index = bisect_right(quotations, (offset, _FAR)) - 1
    return index >= 0 and quotations[index][0] < offset < quotations[index][1]
