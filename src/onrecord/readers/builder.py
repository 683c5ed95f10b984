"""Build a source text paragraph by paragraph, remembering where bold speaker labels stand."""

from __future__ import annotations

from onrecord.readers.source import Segment, normalize
from onrecord.record import TimeRange

_LABEL_END = ":."
_LABEL_WORDS = 6
_LONG_LABEL_WORDS = 14


class TextBuilder:
    """Paragraphs joined by newlines; offsets of labels and segments are kept as the text grows."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.label_hints: list[tuple[int, int]] = []
        self.segments: list[Segment] = []
        self.quoted: list[tuple[int, int]] = []

    def paragraph(self, text: str, *, bold_prefix: str = "", quoted: bool = False) -> None:
        """Add a paragraph; a bold run that opens it is a label hint when it is short and ends like a label."""
        text = normalize(text).strip()
        bold = normalize(bold_prefix).strip()
        if not text:
            return
        if quoted:
            start = self._length + (1 if self._parts else 0)
            self.quoted.append((start, start + len(text)))
        end = _label_end(text, bold)
        if end:
            start = self._length + (1 if self._parts else 0)
            self.label_hints.append((start, start + end))
        self._append(text)

    def turn(self, speaker: str | None, text: str, *, time: TimeRange | None = None) -> None:
        """Add a turn the file marks itself, written as ``Speaker: text`` so the text reads as a transcript."""
        text = normalize(text).strip()
        if not text:
            return
        speaker = normalize(speaker).strip() if speaker else None
        start = self._length + (1 if self._parts else 0)
        label = None
        if speaker:
            label = (start, start + len(speaker))
            text = f"{speaker}: {text}"
        content_start = label[1] + 2 if label else start
        self._append(text)
        self.segments.append(Segment(content_start, self._length, speaker, label, time))

    def _append(self, text: str) -> None:
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        self._parts.append(text)
        self._length += len(text)

    def text(self) -> str:
        return "".join(self._parts)


def _label_end(text: str, bold: str) -> int:
    """Where the label a paragraph's opening bold run makes ends (its colon or period included), or 0. A label is
    short, or ends on a colon however long the office before the name ("Acting Governor of the Krasnoyarsk
    Territory Alexander Uss:"); a longer bold run is emphasis."""
    if not bold or not text.startswith(bold):
        return 0
    end = len(bold)
    if text[end : end + 1] and text[end : end + 1] in _LABEL_END and not bold.endswith(tuple(_LABEL_END)):
        end += 1
    return end if len(bold.split()) <= (_LONG_LABEL_WORDS if text[:end].endswith(":") else _LABEL_WORDS) else 0
