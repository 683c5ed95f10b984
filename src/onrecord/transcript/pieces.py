"""Cut a source's text into pieces of speech and notes, by speaker labels (or the file's own turns)."""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace

from onrecord.readers.source import Source
from onrecord.record import TimeRange, strip_offsets
from onrecord.transcript.labels import Label, is_clock, label_key, match_alone, match_label, role_word
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
    note: bool = False  # no one's speech: a heading set in bold


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
    """Lines, marked where an accepted speaker label opens a turn (on the line, or alone on the line above). A
    line set in bold whole that opens no turn and does not end as speech does ("Part 2, Kaliningrad, March 2,
    2018", a Markdown heading) is a note; "**Mr President,**" and a sentence in bold are speech."""
    text = source.text
    hints = {start: end for start, end in source.label_hints}
    bold = [(start, end, _hint(text, start, end, hints)) for start, end in lines_of(text)]
    found = [_found(text, start, end, hint) for start, end, hint in bold]
    opening = _opening(text, found)
    lines = []
    for index, ((start, end, label), (_, _, hint)) in enumerate(zip(found, bold, strict=True)):
        if label and index in opening:
            lines.append(Line(start, end, True, label.speaker, (start + label.start, start + label.end),
                              start + label.content_start))
        else:
            heading = hint is not None and not text[hint[1] : end].strip(_LABEL_TRIM)
            lines.append(Line(start, end, note=heading and not text[start:end].rstrip().endswith(_SPOKEN_ENDS)))
    return _split_run_on(text, lines, found, opening)


Found = tuple[int, int, Label | None]
_SPOKEN_ENDS = tuple('.,;:!?…"”’)')
# The rest of a label whose bold run stops short of it: a name's words, then the colon.
_LABEL_REST = re.compile(r"(?:[ \u00a0]+(?:[A-Z][\w’'.-]*|of|the|and|for|al|bin|de|von|van)){1,5}[ \u00a0]*:")


def _found(text: str, start: int, end: int, hint: tuple[int, int] | None) -> Found:
    """A line with its label candidate: the bold run that opens it (``hint``, read as the label the line's words
    make when one starts there), else a label the line's words make."""
    line = text[start:end]
    label = match_label(line) or match_alone(line)
    if hint is None:
        return start, end, label
    s, e = hint
    if label is not None and start + label.start == s:
        # The words make a label where the bold run starts: theirs is the label, however far the bold run goes
        # ("<b>Vladimir Putin: I</b>t is essential", "<b>Question</b> <i>(retranslated)</i><b>:</b>").
        return start, end, label if label.kind == "stamped" else replace(label, kind="bold")
    rest = _LABEL_REST.match(text, e, end)
    if rest:  # "<b>Economic Development Minister</b> <a>Alexei Ulyukayev</a>:": the label runs on to its colon
        e = rest.end()
    speaker = text[s:e].strip(_LABEL_TRIM)
    content = e - start
    while content < len(line) and line[content] in " \t\u00a0":
        content += 1
    alone = content >= len(line)
    if not alone or label is not None or role_word(label_key(speaker)):
        # A bold run that ends on a colon is a label; one that does not ("**Israel**, with the complicity of")
        # may be emphasis, and must recur to be trusted.
        mark = ":" if text[s:e].rstrip().endswith(":") else ""
        return start, end, Label(speaker, "bold", s - start, s - start + len(text[s:e].rstrip(_LABEL_TRIM)),
                                 content, mark, alone=alone)
    return start, end, None


def _opening(text: str, found: list[Found]) -> set[int]:
    """The lines (by place in ``found``) whose label opens a turn: a strong label, or one that recurs, unless it
    is running text."""
    keys = [label_key(label.speaker) if label else "" for _, _, label in found]
    counts = Counter(key for key in keys if key)
    accepted = [(i, label) for i, (_, _, label) in enumerate(found) if label and not label.alone
                and (label.strong or (label.kind == "bold" and label.mark) or counts[keys[i]] >= 2)]
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
    accepted += _alone_labels(text, found, keys, counts)
    if accepted:
        accepted += _named_once(text, found, {i for i, _ in accepted})
    accepted.sort(key=lambda pair: pair[0])
    if accepted and accepted[0][0] > LONE_DEPTH and all(counts[keys[i]] == 1 for i, _ in accepted):
        # Every label once, the first deep in the text: one voice, whose lines happen to open with an acronym
        # ending a sentence ("...a full member of\nMERCOSUR. The Caribbean Community has"), a heading
        # ("CONCLUSION: ...") or a section number ("XV."). Taken for labels, they would make what goes before
        # a preface.
        accepted = []
    # A name said once before a quotation ("Sir Isaac Newton: “We build too many walls", "President Kennedy: we
    # do not do these things") introduces words quoted inside the speech: a turn opens with its own sentence.
    return {i for i, label in accepted
            if label.alone or counts[keys[i]] > 1 or not _quoting(text[found[i][0] + label.content_start:found[i][1]])}


def _named_once(text: str, found: list[Found], taken: set[int]) -> list[tuple[int, Label]]:
    """In a transcript (other labels open turns), a person's name of two words or more said once with a colon at
    the start of a line, after a line that ends a sentence, and before words that open one, is a label too
    ("Vladimir Putin: Because.")."""
    named = []
    for i, (start, end, label) in enumerate(found):
        if (label is None or label.alone or i in taken or label.kind != "name" or label.mark != ":"
                or len(label.speaker.split()) < 2 or (i > 0 and _runs_on(text[found[i - 1][0] : found[i - 1][1]]))):
            continue
        possessive = re.search(r"['’]s\b", label.speaker) is not None  # "St. Patrick's Day:" is no one
        if text[start + label.content_start : end][:1].isupper() and not possessive:
            named.append((i, label))
    return named


def _alone_labels(text: str, found: list[Found], keys: list[str], counts: Counter[str]) -> list[tuple[int, Label]]:
    """Labels alone on their line that open a turn: the words follow on the next line, which is no label itself,
    and, for a name in plain text, the line before ends a sentence (else it is a wrapped line's end). A time stamp
    or a role word is enough; a name with a colon or in bold must recur; a bare name must recur and so must
    another bare name (two voices taking turns)."""
    candidates = []
    for i, (_, _, label) in enumerate(found):
        if label is None or not label.alone or i + 1 >= len(found):
            continue
        following = found[i + 1][2]
        wrapped = label.kind in ("line", "name") and i > 0 and _runs_on(text[found[i - 1][0] : found[i - 1][1]])
        if (following is not None and following.alone) or wrapped:
            continue
        candidates.append((i, label))
    alone_counts = Counter(keys[i] for i, _ in candidates)
    bare = {keys[i] for i, label in candidates if label.kind == "line" and alone_counts[keys[i]] >= 2}
    accepted = []
    for i, label in candidates:
        if label.kind == "stamped" or role_word(keys[i]):
            accepted.append((i, label))
        elif label.kind == "line":
            if keys[i] in bare and len(bare) >= 2:
                accepted.append((i, label))
        elif counts[keys[i]] >= 2:
            accepted.append((i, label))
    return accepted


def _split_run_on(text: str, lines: list[Line], found: list[Found], opening: set[int]) -> list[Line]:
    """Cut lines where a label this document uses at the start of lines stands in the middle of one, after a
    sentence ends ("...many other nations. TAPPER: Senator Rubio"), as run-on transcripts write them."""
    written: set[str] = set()
    for i in opening:
        start, _, label = found[i]
        if label is not None and not label.alone and label.mark == ":" and label.kind in _RUN_ON_KINDS:
            written.add(text[start + label.start : start + label.end])
    known = sorted((w for w in written if len(w) >= 2), key=len, reverse=True)
    if not known:
        return lines
    pattern = re.compile(r"(?<=[.?!…\"”’)\]—-])[ \t\u00a0]+(?P<label>" + "|".join(map(re.escape, known))
                         + r")[ \t\u00a0]*:[ \t\u00a0]+(?=\S)")
    result = []
    for line in lines:
        position = line.content_start if line.opens and line.content_start is not None else line.start
        current = line
        for match in pattern.finditer(text, position, line.end):
            result.append(replace(current, end=match.start()))
            current = Line(match.start("label"), line.end, True, match["label"],
                           (match.start("label"), match.end("label")), match.end(), line.time)
        result.append(current)
    return result


_RUN_ON_KINDS = frozenset({"capitals", "honorific", "initials", "hansard"})


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
    if hint_end is None or not text[first:hint_end].strip(_LABEL_TRIM) or is_clock(text[first:hint_end]):
        return None
    return first, hint_end


# Who asks in a transcript that sets its questions apart as quotations and names no one.
QUOTED_ASKER = "Interviewer"
# A transcript of quoted questions has at least this many of them, most of them asking something.
_QUOTED_RUNS = 3


def quoted_lines(source: Source, lines: list[Line], answerer: str) -> list[Line]:
    """Lines of a transcript without labels whose file sets the questions apart as quotations (Markdown ``>``,
    HTML ``<blockquote>``): each quoted run opens a turn of the interviewer, the words after it a turn of
    ``answerer``. A text with few quoted runs, or runs that mostly ask nothing, is a speech that quotes."""
    quotes = sorted(source.quoted)
    flags = [_inside(quotes, line) for line in lines]
    starts = [i for i, flag in enumerate(flags) if i == 0 or flag != flags[i - 1]]
    runs = [(i, starts[n + 1] if n + 1 < len(starts) else len(lines)) for n, i in enumerate(starts)]
    asking = [(i, j) for i, j in runs if flags[i]]
    questions = sum("?" in source.text[lines[i].start : lines[j - 1].end] for i, j in asking)
    if len(asking) < _QUOTED_RUNS or 2 * questions < len(asking):
        return lines
    first = asking[0][0]
    result = list(lines)
    for i, _ in runs:
        if i >= first:
            speaker = QUOTED_ASKER if flags[i] else answerer
            result[i] = replace(lines[i], opens=True, speaker=speaker, content_start=lines[i].start)
    return result


def _inside(spans: list[tuple[int, int]], line: Line) -> bool:
    """Whether a line lies inside one of the (sorted) spans."""
    at = bisect.bisect_right(spans, (line.start, sys.maxsize)) - 1
    return at >= 0 and spans[at][0] <= line.start and line.end <= spans[at][1]


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
    """Pieces of speech and notes, in order; inline stage directions are cut out as notes of their own. A label
    alone on its line opens the turn of the lines below it."""
    text = source.text
    labelled = any(line.opens for line in lines)
    pieces: list[Piece] = []
    speaker: str | None = None
    time: TimeRange | None = None
    pending: tuple[int, int] | None = None  # the label of a turn whose words start on the next line
    for line in lines:
        words = text[line.start : line.end]
        if line.opens:
            speaker, time = line.speaker or default_speaker, line.time
            start = line.content_start if line.content_start is not None else line.start
            if not text[start : line.end].strip():
                pending = line.label
                continue
            pending = None
            pieces.append(Piece(start, line.end, speaker, is_stage_direction(text[start : line.end]), line.label, time))
        elif line.note or is_boilerplate(words) or is_stage_direction(words) or is_clock(words):
            pieces.append(Piece(line.start, line.end, None, True))
        elif speaker is None and labelled:
            _extend_or_add(pieces, Piece(line.start, line.end, None, True))  # a preface before the first label
        elif pending is not None:
            pieces.append(Piece(line.start, line.end, speaker, False, pending, time))
            pending = None
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
