"""Turn lists in JSON or YAML, as diarization and transcription tools emit them (WhisperX and pyannote
``segments``, AssemblyAI ``utterances``, a plain list of ``{speaker, text}``)."""

from __future__ import annotations

import json
import math
from typing import Any, TypeGuard

import yaml

from onrecord.errors import FormatError
from onrecord.readers.builder import TextBuilder
from onrecord.readers.source import Source, decode
from onrecord.record import TimeRange

_EXPECTED = ('a list of {"speaker": ..., "text": ...} turns, or an object with such a list under "turns", "segments" '
             'or "utterances"')
_LISTS = ("turns", "segments", "utterances")


def read_json(data: bytes, name: str) -> Source:
    """Turns from JSON; consecutive turns of one speaker merge into one turn."""
    try:
        payload = json.loads(decode(data, name))
    except json.JSONDecodeError as error:
        raise FormatError(f"not valid JSON ({error.msg} at line {error.lineno})", name, f"expected {_EXPECTED}") from None
    return _turns_source(payload, name, "json")


def read_yaml(data: bytes, name: str) -> Source:
    """Turns from YAML, in the same shapes as JSON."""
    try:
        payload = yaml.safe_load(decode(data, name))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise FormatError(f"not valid YAML{where}", name, f"expected {_EXPECTED}") from None
    return _turns_source(payload, name, "yaml")


def _turns_source(payload: Any, name: str, format: str) -> Source:
    meta: dict[str, Any] = {}
    if isinstance(payload, dict):
        meta = payload
        payload = next((payload[key] for key in _LISTS if key in payload), None)
    if not isinstance(payload, list):
        raise FormatError("no list of turns", name, f"expected {_EXPECTED}")
    merged: list[tuple[str | None, list[str], TimeRange | None]] = []
    for index, item in enumerate(payload):
        speaker, text, time = _turn(item, index, name)
        if merged and speaker == merged[-1][0]:
            previous = merged[-1]
            span = TimeRange(previous[2].start, time.end) if previous[2] and time else previous[2]
            merged[-1] = (speaker, [*previous[1], text], span)
        else:
            merged.append((speaker, [text], time))
    builder = TextBuilder()
    for speaker, texts, time in merged:
        builder.turn(speaker, " ".join(t.strip() for t in texts), time=time)
    return Source(
        text=builder.text(),
        path=name,
        format=format,
        title=_string(meta.get("title")),
        date=_string(meta.get("date")),
        speaker=_string(meta.get("speaker")),
        segments=tuple(builder.segments),
    )


def _turn(item: Any, index: int, name: str) -> tuple[str | None, str, TimeRange | None]:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise FormatError(f'turn {index} has no "text" string', name, f'expected {_EXPECTED}')
    speaker = item.get("speaker")
    if speaker is not None and not isinstance(speaker, str | int):
        raise FormatError(f'turn {index} has a "speaker" that is not a name', name, 'give a string or null')
    start, end = item.get("start"), item.get("end")
    time = TimeRange(float(start), float(end)) if _number(start) and _number(end) else None
    return (str(speaker) if speaker is not None else None), item["text"], time


def _number(value: Any) -> TypeGuard[float]:
    """A time in seconds: a finite number (JSON's NaN and Infinity, YAML's .inf and a 400-digit integer are none)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
