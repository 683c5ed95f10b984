"""Who asks and who answers: speaker roles, turn kinds and exchanges."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from onrecord.record import Role, TurnKind
from onrecord.transcript.labels import label_key, role_word
from onrecord.transcript.people import TITLES
from onrecord.transcript.pieces import Piece

# A speaker who puts a question, or hands the floor to the next speaker by name, in at least this share of their
# turns asks rather than answers...
_ASKER_SHARE = 0.4
# ... unless others ask nearly as often (a heated debate): then only the clear leaders count.
_ASKER_LEAD = 0.6
# The speakers heard at least this often (when others are) set how often an asker asks: one turn of a slip in a
# label ("TALKER:" for "WALKER:") that asks must not raise the bar for the debate's moderators.
_ASKER_TURNS = 3
# A question that closes a turn stands in its last characters; one earlier is more often rhetorical.
_TAIL = 200
# A turn of a "Q" with no question mark and no more words than this is a greeting or a cut-off start ("Hi,
# Karine.", "Thank you, sir.", "Jake —"), not a question.
_GREETING = 5


@dataclass(frozen=True)
class Cast:
    """Each speaker's role, and which speakers put the questions (``always_ask``: every turn by the convention
    of their label, "Q", "Question")."""

    roles: dict[str, Role]
    askers: frozenset[str]
    always_ask: frozenset[str]


def cast(text: str, pieces: list[Piece]) -> Cast:
    """Roles from role words in labels ("Question", "Moderator"), and from who asks or hands the floor on by
    name (a debate's moderators, an interviewer named by name)."""
    speaking = [p for p in pieces if p.speaker is not None and not p.note and not p.continues]
    keys = [label_key(p.speaker or "") for p in speaking]
    turns: dict[str, int] = defaultdict(int)
    asking: dict[str, int] = defaultdict(int)
    handing: dict[str, int] = defaultdict(int)
    following: Piece | None = None  # the next turn of another speaker than the one at hand
    for index in range(len(speaking) - 1, -1, -1):
        piece, key = speaking[index], keys[index]
        turns[key] += 1
        asks = _asks(text, piece)
        asking[key] += asks
        handing[key] += asks or (following is not None and _hands_over(text, piece, following))
        if index == 0 or keys[index - 1] != key:
            following = piece
    words = {key: role_word(key) for key in turns}
    by_label = frozenset(key for key, word in words.items() if word and word[1] != "never")
    enough = min(_ASKER_TURNS, max(turns.values(), default=0))
    # When labels name the askers ("Q"), the others hand the floor to them: only asking makes another an asker.
    counted = asking if by_label else handing
    share = {k: counted[k] / turns[k] for k in turns if not words[k]}
    askers = by_label | _askers(share, {k for k in share if turns[k] >= enough}, by_label)
    others = [key for key in turns if key not in askers]
    roles: dict[str, Role] = {}
    for key in turns:
        word = words[key]
        if word:
            roles[key] = word[0]
        elif not askers:
            roles[key] = "speaker"
        elif key in askers:
            # Among many, one who asks once or twice is a questioner from the floor (a journalist, a member).
            roles[key] = "interviewer" if len(turns) == 2 else "moderator" if turns[key] >= enough else "audience"
        else:
            roles[key] = "interviewee" if len(others) == 1 else "speaker"
    always = frozenset(key for key, word in words.items() if word and word[1] == "always")
    return Cast(roles=roles, askers=askers, always_ask=always)


def _askers(share: dict[str, float], frequent: set[str], by_label: frozenset[str]) -> frozenset[str]:
    """Named speakers who ask: those who ask or hand over in a good share of their turns, and nearly as often as
    the speakers heard most who do (a journalist heard once who asks is an asker; so is a debate's moderator,
    whose candidates' rhetorical questions come nowhere near). When the labels name askers already ("Q",
    "Moderator"), a named speaker must ask in most turns to join them."""
    if len(share) + len(by_label) < 2:
        return frozenset()
    top = max((share[k] for k in frequent), default=0.0)
    floor = max(0.6 if by_label else _ASKER_SHARE, _ASKER_LEAD * top)
    askers = frozenset(k for k, v in share.items() if v >= floor)
    if len(askers) == len(share) and not by_label:
        best = max(share.values())
        askers = frozenset(k for k, v in share.items() if v == best)
    return askers


def _asks(text: str, piece: Piece) -> bool:
    """Whether a turn closes on a question."""
    return "?" in text[max(piece.start, piece.end - _TAIL) : piece.end]


def _hands_over(text: str, piece: Piece, following: Piece) -> bool:
    """Whether a turn names the speaker who speaks next ("Senator Cruz?", "Mr. Trump, your response"): a
    moderator's way of handing over the floor."""
    name = _addressed_as(following.speaker or "")
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", text[piece.start : piece.end], re.IGNORECASE) is not None


def _addressed_as(speaker: str) -> str:
    """The word a speaker is addressed by: the last word of a label that names a person ("MR. SULLIVAN" ->
    "sullivan"); nothing for a role or a generic label."""
    key = label_key(speaker).split(" (", 1)[0]
    if role_word(key) or any(ch.isdigit() for ch in key):
        return ""
    words = [w.strip(".,") for w in key.split() if w.strip(".,") not in TITLES]  # "Mr. Trump" is addressed as "Trump"
    return words[-1] if words and len(words[-1]) > 2 else ""


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
            words = text[piece.start : piece.end]
            asks = "?" in words or (label_key(piece.speaker) in cast.always_ask and len(words.split()) > _GREETING)
            kind = "question" if asks else "statement"
            open_question = open_question or asks
        else:
            kind = "answer" if open_question else "statement"
        if kind != "note":
            previous = kind
        result.append(kind)
    return result
