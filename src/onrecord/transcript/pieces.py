"""Cut a source's text into pieces of speech and notes, by speaker labels (or the file's own turns)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from onrecord.read.source import Source
from onrecord.record import TimeRange, strip_offsets
from onrecord.transcript.labels import Label, label_key, match_label
from onrecord.transcript.notes import is_boilerplate, is_stage_direction, stage_directions

_LABEL_TRIM = ":.-–— \t"
# Lines of unlabelled text after which a label that is the only one of its kind no longer opens a transcript.
LONE_DEPTH = 20
# Share of a text's letters in upper case above which the text is set in capitals.
CAPITALS = 0.6
_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Line:
    """A line of the text; ``opens`` when a speaker label (or a file's turn) starts a new turn there."""

    start: int
    end: int
    opens: bool = False
    speaker: str | None = None
    label: tuple[int, int] | None = None
    content_start: int | None = None
    time: TimeRange | None = None


@dataclass(frozen=True)
class Piece:
    """A stretch of one speaker's speech, or a note (``speaker`` None unless the label says whose it is)."""

    start: int
    end: int
    speaker: str | None
    note: bool
    label: tuple[int, int] | None = None
    time: TimeRange | None = None
    continues: bool = False  # the same turn as the previous piece of this speaker, cut by a note


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every line (clipped to ``start``-``end``) that holds more than white space."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text, start, len(text) if end is None else end)]


def labelled_lines(source: Source) -> list[Line]:
    """Lines, marked where an accepted speaker label opens a turn."""
    text = source.text
    hints = {start: end for start, end in source.label_hints}
    found: list[tuple[int, int, Label | None, tuple[int, int] | None]] = []
    for start, end in lines_of(text):
        found.append((start, end, match_label(text[start:end]), _hint(text, start, end, hints)))
    opening = _opening(text, found)
    lines = []
    for index, (start, end, label, hint) in enumerate(found):
        if hint:
            s, e = hint
            content = e
            while content < end and text[content] in " \t":
                content += 1
            if content < end:
                speaker = text[s:e].strip(_LABEL_TRIM)
                lines.append(Line(start, end, True, speaker, (s, s + len(text[s:e].rstrip(_LABEL_TRIM))), content))
                continue
        if label and index in opening:
            lines.append(Line(start, end, True, label.speaker, (start + label.start, start + label.end),
                              start + label.content_start))
        else:
            lines.append(Line(start, end))
    return lines


def _opening(text: str, found: list[tuple[int, int, Label | None, tuple[int, int] | None]]) -> set[int]:
    """The lines (by place in ``found``) whose label opens a turn: a strong label, or one that recurs, unless it
    is running text."""
    keys = [label_key(label.speaker) if label else "" for _, _, label, _ in found]
    counts = Counter(key for key in keys if key)
    accepted = [(i, label) for i, (_, _, label, _) in enumerate(found)
                if label and (label.strong or counts[keys[i]] >= 2)]
    periods = {i for i, label in accepted if label.kind == "capitals" and label.mark == "."}
    # A word in capitals ending a sentence that the line before began ("...the special needs of\nSIDS. We") is
    # running text however often it recurs: a speaker's label follows a line that ends a sentence.
    running = {i for i in periods if i > 0 and _runs_on(text[found[i - 1][0]:found[i - 1][1]])}
    accepted = [(i, label) for i, label in accepted if i not in running]
    periods -= running
    if periods and _set_in_capitals(text):
        # In a text set in capitals, any line opening a sentence looks like "THE PRESIDENT. Thank you": there a
        # label in capitals needs a colon.
        accepted = [(i, label) for i, label in accepted if i not in periods]
    if accepted and accepted[0][0] > LONE_DEPTH and all(counts[keys[i]] == 1 for i, _ in accepted):
        # Every label once, the first deep in the text: one voice, whose lines happen to open with an acronym
        # ending a sentence ("...a full member of\nMERCOSUR. The Caribbean Community has"), a heading
        # ("CONCLUSION: ...") or a section number ("XV."). Taken for labels, they would make what goes before
        # a preface.
        accepted = []
    # A name said once before a quotation ("Sir Isaac Newton: “We build too many walls", "President Kennedy: we
    # do not do these things") introduces words quoted inside the speech: a turn opens with its own sentence.
    return {i for i, label in accepted
            if counts[keys[i]] > 1 or not _quoting(text[found[i][0] + label.content_start:found[i][1]])}


def _quoting(content: str) -> bool:
    """Whether what follows a label opens a quotation or goes on in lower case."""
    return content[:1] in "“\"‘'«" or content[:1].islower()


def _runs_on(line: str) -> bool:
    """Whether a line breaks off mid-sentence: it ends in a word or a comma."""
    last = line.rstrip()[-1:]
    return last.isalnum() or last == ","


def _set_in_capitals(text: str) -> bool:
    """Whether more than ``CAPITALS`` of the text's letters are upper case."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > CAPITALS * len(letters)


def _hint(text: str, start: int, end: int, hints: dict[int, int]) -> tuple[int, int] | None:
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    hint_end = hints.get(first)
    if hint_end is None or not text[first:hint_end].strip(_LABEL_TRIM):
        return None
    return first, hint_end


def segment_lines(source: Source) -> list[Line]:
    """Lines of the turns a file marks itself: each turn's first line opens it."""
    lines = []
    for segment in source.segments or ():
        for i, (start, end) in enumerate(lines_of(source.text, segment.start, segment.end)):
            if i == 0:
                lines.append(Line(start, end, True, segment.speaker, segment.label, max(start, segment.start),
                                  segment.time))
            else:
                lines.append(Line(start, end, time=segment.time))
    return lines


def cut(source: Source, lines: list[Line], default_speaker: str) -> list[Piece]:
    """Pieces of speech and notes, in order; inline stage directions are cut out as notes of their own."""
    text = source.text
    labelled = any(line.opens for line in lines)
    pieces: list[Piece] = []
    speaker: str | None = None
    time: TimeRange | None = None
    for line in lines:
        if line.opens:
            speaker, time = line.speaker or default_speaker, line.time
            content = text[line.content_start : line.end]
            pieces.append(Piece(line.content_start or line.start, line.end, speaker, is_stage_direction(content),
                                line.label, time))
        elif is_boilerplate(text[line.start : line.end]) or is_stage_direction(text[line.start : line.end]):
            pieces.append(Piece(line.start, line.end, None, True))
        elif speaker is None and labelled:
            _extend_or_add(pieces, Piece(line.start, line.end, None, True))  # a preface before the first label
        else:
            resumed = speaker is not None
            speaker = speaker or default_speaker
            _extend_or_add(pieces, Piece(line.start, line.end, speaker, False, time=time, continues=resumed))
    return [trimmed for piece in _cut_stage_directions(text, pieces) if (trimmed := _trim(text, piece))]


def _extend_or_add(pieces: list[Piece], piece: Piece) -> None:
    """Continue the last piece when it is the same speaker's speech (or the same preface), else add."""
    last = pieces[-1] if pieces else None
    same_preface = last is not None and last.note and piece.note and last.speaker is None and piece.speaker is None
    same_speech = last is not None and not last.note and not piece.note and last.speaker == piece.speaker
    if last is not None and (same_preface or same_speech):
        pieces[-1] = replace(last, end=piece.end)
    else:
        pieces.append(piece)


def _cut_stage_directions(text: str, pieces: list[Piece]) -> list[Piece]:
    result: list[Piece] = []
    for piece in pieces:
        if piece.note:
            result.append(piece)
            continue
        position, first = piece.start, True
        for start, end in stage_directions(text, piece.start, piece.end):
            if text[position:start].strip():
                result.append(replace(piece, start=position, end=start, continues=piece.continues or not first,
                                      label=piece.label if first else None))
                first = False
            result.append(Piece(start, end, None, True))
            position = end
        if text[position : piece.end].strip():
            result.append(replace(piece, start=position, continues=piece.continues or not first,
                                  label=piece.label if first else None))
    return result


def _trim(text: str, piece: Piece) -> Piece | None:
    start, end = strip_offsets(text, piece.start, piece.end)
    return replace(piece, start=start, end=end) if end > start else None
