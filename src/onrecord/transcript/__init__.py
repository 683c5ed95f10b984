"""Text to transcript: speakers, turns (question, answer, statement, note) and exchanges."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from onrecord.readers.source import Source
from onrecord.record import Exchange, Span, Speaker, Turn
from onrecord.transcript.labels import label_key
from onrecord.transcript.people import full_name, same_people
from onrecord.transcript.pieces import Piece, cut, labelled_lines, quoted_lines, segment_lines
from onrecord.transcript.roles import cast, kinds

__all__ = ["UNNAMED_SPEAKER", "Transcript", "transcribe"]

UNNAMED_SPEAKER = "Unnamed speaker"
# How far before a speaker's first words an introduction of them is sought, in characters.
_INTRODUCTION = 20_000
# A turn that opens in lower case or on a dash or an ellipsis carries on a sentence cut off before.
_RESUMES = re.compile(r"[\s\u00a0]*(?:[—–…-]|\.\.\.|[a-z])")
_CUT_OFF = re.compile(r"(?:[—–…-]|\.\.\.|\w)[\s\u00a0]*\Z")


@dataclass(frozen=True)
class Transcript:
    """The structure layer of a Record."""

    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]


def transcribe(source: Source) -> Transcript:
    """Speaker turns from labels in the text (or the turns the file marks), their kinds, and exchanges."""
    speaker = source.speaker or UNNAMED_SPEAKER
    lines = segment_lines(source) if source.segments is not None else labelled_lines(source)
    if source.quoted and not any(line.opens for line in lines):
        lines = quoted_lines(source, lines, speaker)
    pieces = as_people(cut(source, lines, speaker))
    roles = cast(source.text, pieces)
    speakers: dict[str, Speaker] = {}
    for key, (label, start, end) in _first_runs(pieces).items():
        # The title ("Press Briefing by Press Secretary Karine Jean-Pierre") and what is said shortly before the
        # speaker's first words, and in them, introduce the speaker.
        introduced = f"{source.title or ''}\n{source.text[max(0, start - _INTRODUCTION) : end]}"
        speakers[key] = Speaker(id=f"s{len(speakers) + 1}", label=label, role=roles.roles.get(key, "unknown"),
                                name=full_name(introduced, key))
    turns = tuple(
        _turn(source.text, i, piece, kind, speakers)
        for i, (piece, kind) in enumerate(zip(pieces, kinds(source.text, pieces, roles), strict=True), 1)
    )
    return Transcript(speakers=tuple(speakers.values()), turns=turns, exchanges=_exchanges(turns, pieces))


def _first_runs(pieces: list[Piece]) -> dict[str, tuple[str, int, int]]:
    """Each speaker (by label key, in order of first words) with their label and where their first run of speech
    starts and ends: until another speaker's turn begins."""
    runs: dict[str, tuple[str, int, int]] = {}
    running: str | None = None  # the speaker whose first run goes on
    for piece in pieces:
        if piece.speaker is None or piece.note:
            continue
        key = label_key(piece.speaker)
        if key not in runs:
            runs[key], running = (piece.speaker, piece.start, piece.end), key
        elif key == running:
            runs[key] = (*runs[key][:2], piece.end)
        else:
            running = None
    return runs


def as_people(pieces: list[Piece]) -> list[Piece]:
    """Pieces whose labels name one person in two ways carry one label, the one the person is known by."""
    labels = [piece.speaker for piece in pieces if piece.speaker is not None]
    people = same_people(labels)
    written = {label_key(label): label for label in reversed(labels)}
    return [replace(piece, speaker=written[people[label_key(piece.speaker)]]) if piece.speaker is not None else piece
            for piece in pieces]


def _turn(text: str, number: int, piece: Piece, kind: str, speakers: dict[str, Speaker]) -> Turn:
    label = Span.of(text, *piece.label) if piece.label else None
    speaker = speakers[label_key(piece.speaker)].id if piece.speaker is not None else None
    return Turn(id=f"t{number}", speaker=speaker, kind=kind,  # type: ignore[arg-type]
                span=Span.of(text, piece.start, piece.end), label=label, time=piece.time)


def _exchanges(turns: tuple[Turn, ...], pieces: list[Piece]) -> tuple[Exchange, ...]:
    """Each question with the answer turns that follow it, up to the next question. A question that takes up
    the asker's sentence where an answer cut in ("— with the union workers.") goes on in the same exchange."""
    exchanges: list[tuple[str, list[str]]] = []
    asked: Turn | None = None  # the asker's last turn
    for turn, piece in zip(turns, pieces, strict=True):
        resumed = (asked is not None and turn.speaker == asked.speaker and _CUT_OFF.search(asked.span.text) is not None
                   and _RESUMES.match(turn.span.text) is not None)
        if turn.kind in ("question", "statement") and asked is not None and turn.speaker == asked.speaker:
            asked = turn
        if turn.kind == "question" and not piece.continues and not resumed:
            exchanges.append((turn.id, []))
            asked = turn
        elif turn.kind == "answer" and exchanges:
            exchanges[-1][1].append(turn.id)
    return tuple(Exchange(id=f"x{i}", question=q, answers=tuple(a)) for i, (q, a) in enumerate(exchanges, 1))
