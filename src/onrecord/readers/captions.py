"""Subtitles (.srt, .vtt): cues of one voice merged into turns, with their timestamps."""

from __future__ import annotations

import io

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
    try:
        captions = list(webvtt.from_buffer(io.StringIO(text), format=kind).captions)
    except Exception as error:  # webvtt-py raises its own and parsing errors alike on broken files
        raise ReadError(f"not a valid {kind.upper()} subtitle file ({error})", name, "check the file") from None
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


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.replace(",", ".").split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)
