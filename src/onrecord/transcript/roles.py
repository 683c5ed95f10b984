"""Who asks and who answers: speaker roles, turn kinds and exchanges."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from onrecord.record import Role, TurnKind
from onrecord.transcript.labels import label_key, role_word
from onrecord.transcript.pieces import Piece

# A speaker who puts a question in at least this share of their turns asks rather than answers...
_ASKER_SHARE = 0.4
# ... unless others ask nearly as often (a heated debate): then only the clear leaders count.
_ASKER_LEAD = 0.6


@dataclass(frozen=True)
class Cast:
    """Each speaker's role, and which speakers put the questions."""

    roles: dict[str, Role]
    askers: frozenset[str]
    explicit_askers: frozenset[str]


def cast(text: str, pieces: list[Piece]) -> Cast:
    """Roles from role words in labels ("Question", "Moderator"), else from who asks questions."""
    turns: dict[str, int] = defaultdict(int)
    asking: dict[str, int] = defaultdict(int)
    for piece in pieces:
        if piece.speaker is None or piece.note or piece.continues:
            continue
        key = label_key(piece.speaker)
        turns[key] += 1
        asking[key] += "?" in text[piece.start : piece.end]
    words = {key: role_word(key) for key in turns}
    explicit = frozenset(key for key, word in words.items() if word and word[1])
    if explicit:
        askers = explicit
    elif len(turns) > 1:
        share = {key: asking[key] / turns[key] for key in turns}
        top = max(share.values())
        askers = frozenset(k for k, v in share.items() if v >= _ASKER_SHARE and v >= _ASKER_LEAD * top)
        if len(askers) == len(turns):
            askers = frozenset(k for k, v in share.items() if v == top)
    else:
        askers = frozenset()
    others = [key for key in turns if key not in askers]
    roles: dict[str, Role] = {}
    for key in turns:
        word = words[key]
        if word:
            roles[key] = word[0]
        elif not askers:
            roles[key] = "speaker"
        elif key in askers:
            roles[key] = "interviewer" if len(turns) == 2 else "moderator"
        else:
            roles[key] = "interviewee" if len(others) == 1 else "speaker"
    return Cast(roles=roles, askers=askers, explicit_askers=explicit)


def kinds(text: str, pieces: list[Piece], cast: Cast) -> list[TurnKind]:
    """The kind of every piece: question, answer, statement or note."""
    result: list[TurnKind] = []
    open_question = False
    previous: TurnKind | None = None
    for piece in pieces:
        kind: TurnKind
        if piece.note or piece.speaker is None:
            kind = "note"
        elif piece.continues and previous in ("question", "answer", "statement"):
            kind = previous
        elif label_key(piece.speaker) in cast.askers:
            asks = label_key(piece.speaker) in cast.explicit_askers or "?" in text[piece.start : piece.end]
            kind = "question" if asks else "statement"
            open_question = open_question or asks
        else:
            kind = "answer" if open_question else "statement"
        if kind != "note":
            previous = kind
        result.append(kind)
    return result
