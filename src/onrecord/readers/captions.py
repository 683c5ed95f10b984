"""Subtitles (.srt, .vtt): cues of one voice merged into turns, with their timestamps."""

from __future__ import annotations

import io
import re

import webvtt

from onrecord.errors import ReadError
from onrecord.readers.builder import TextBuilder
from onrecord.readers.source import Source, decode, normalize
from onrecord.record import TimeRange
from onrecord.transcript.labels import match_label


def read_srt(data: bytes, name: str) -> Source:
    """SubRip subtitles."""
    return _read_captions(data, name, "srt")


def read_vtt(data: bytes, name: str) -> Source:
    """WebVTT subtitles; ``<v Speaker>`` voice tags name the speaker."""
    return _read_captions(data, name, "vtt")


def _read_captions(data: bytes, name: str, kind: str) -> Source:
    text = normalize(decode(data, name))
    timings = _check_timings(text, name)
    try:
        captions = list(webvtt.from_buffer(io.StringIO(text), format=kind).captions)
    except Exception as error:  # webvtt-py raises its own and parsing errors alike on broken files
        raise ReadError(f"not a valid {kind.upper()} subtitle file ({error})", name, "check the file") from None
    if len(captions) != timings:  # the parser skipped cues it could not read: refuse rather than lose their words
        raise ReadError(f"{timings - len(captions)} of its {timings} cues cannot be read", name,
                        "check the cues' layout (a time line, then the text, then a blank line)")
    turns: list[tuple[str | None, list[str], float, float]] = []
    for caption in captions:
        words = " ".join(caption.text.split())
        speaker = caption.voice
        label = match_label(words)
        if not speaker and label:
            speaker, words = label.speaker, words[label.content_start :].strip()
        start, end = _seconds(caption.start), _seconds(caption.end)
        if turns and (speaker is None or speaker == turns[-1][0]):
            turns[-1][1].append(words)
            turns[-1] = (turns[-1][0], turns[-1][1], turns[-1][2], end)
        else:
            turns.append((speaker, [words], start, end))
    builder = TextBuilder()
    for speaker, parts, start, end in turns:
        builder.turn(speaker, " ".join(parts), time=TimeRange(start, end))
    return Source(text=builder.text(), path=name, format=kind, segments=tuple(builder.segments))


# A cue's time: [hours:]minutes:seconds.milliseconds, minutes and seconds under 60 (SRT writes a comma).
_STAMP = re.compile(r"(?:\d+:)?[0-5]\d:[0-5]\d[.,]\d{3}")
_TIMING = re.compile(r"^\s*(\S+)\s+-->\s+(\S+)")


def _check_timings(text: str, name: str) -> int:
    """How many cues the text times; a time stamp that is not one is refused with its line, so that no cue's words
    are dropped in silence ("00:00:0x.000", "99:99:99.000")."""
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        found = _TIMING.match(line)
        if found is None:
            continue
        count += 1
        for stamp in found.groups():
            if not _STAMP.fullmatch(stamp):
                raise ReadError(f"line {number} has a malformed time stamp {stamp!r}", name,
                                "write it as 00:01:02.500 (SRT: 00:01:02,500) and read the file again")
    return count


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.replace(",", ".").split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)
