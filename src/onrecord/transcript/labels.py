"""Speaker labels at the start of a line: ``Question:``, ``Q.``, ``A. A. Ahmadian:``, ``THE PRESIDENT.`` ..."""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.record import Role

# Labels that say what the speaker does rather than who they are.
ROLE_WORDS: dict[str, tuple[Role, bool]] = {
    # word: (role, turns are questions)
    "q": ("interviewer", True),
    "question": ("interviewer", True),
    "questioner": ("audience", True),
    "interviewer": ("interviewer", True),
    "host": ("interviewer", True),
    "anchor": ("interviewer", True),
    "reporter": ("interviewer", True),
    "journalist": ("interviewer", True),
    "press": ("interviewer", True),
    "moderator": ("moderator", True),
    "audience": ("audience", True),
    "audience member": ("audience", True),
    "participant": ("audience", True),
    "a": ("interviewee", False),
    "answer": ("interviewee", False),
    "interviewee": ("interviewee", False),
    "guest": ("interviewee", False),
}

_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Gov|Rep|Gen|Adm|Col|Amb|Sir|Dame|Lord|Lady|Sheikh|Sayyed|Ayatollah|Imam|"
    r"President|Vice President|Prime Minister|Minister|Foreign Minister|Secretary|Senator|Governor|Congressman|"
    r"Congresswoman|Ambassador|General|Admiral|Professor|Judge|Justice|Chancellor|King|Queen|Prince|Emir)"
)
_NAME = r"[A-Z][\w’'`-]*(?:-[A-Z][\w’'`-]*)?"
_PARTICLE = r"(?:al|el|bin|ibn|de|da|del|della|di|du|van|von|der|den|la|le|dos|das|abu)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "A. A. Ahmadian:", "J. F. Kennedy:"
    ("initials", re.compile(rf"(?P<label>(?:[A-Z]\.\s?){{1,3}}\s*{_NAME}(?:\s+{_NAME})?)(?P<mark>\s*:)")),
    # "Q:", "Q.", "A:", "Question:", "Audience member:", White House style "Q    Thank you" ... any case
    ("role", re.compile(
        r"(?P<label>(?i:" + "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True)) + r"))"
        r"(?:\s*\((?P<who>[^()\n]{1,40})\))?(?P<mark>\s*[:.]|\s+[-–—]\s|\t|[ ]{2,}(?=\S))"
    )),
    # "Mr. Name:", "President Biden:", "MR. CARTER:", "Secretary of State Blinken:"
    ("honorific", re.compile(
        rf"(?P<label>(?i:{_HONORIFIC})\.?(?:\s+(?:of|{_NAME}))*?\s+(?:{_PARTICLE}[- ])?{_NAME}(?:\s+{_NAME})?)"
        r"(?P<mark>\s*:)"
    )),
    # "DONALD TRUMP:", "THE PRESIDENT.", "MR. CARTER:", "SPEAKER 1:", "QUINCY HOWE, MODERATOR:"
    ("capitals", re.compile(
        r"(?P<label>(?:[A-Z][A-Z’'`.-]*[A-Z.]|[A-Z]{2,}|\d+)(?:,?\s+(?:[A-Z][A-Z’'`.&-]*[A-Z.]|[A-Z]|\d+)){0,9})"
        r"(?P<mark>\s*:|\.(?=\s+[A-Z(\"“]))"
    )),
    # "Chris Wallace:", "Ahmadian:", "Hassan al-Rouhani:" (weak: accepted when it recurs or is bold)
    ("name", re.compile(
        rf"(?P<label>{_NAME}(?:\s+(?:{_PARTICLE}[- ]?)?{_NAME}){{0,3}})(?P<mark>\s*:)"
    )),
)

_TIMESTAMP = re.compile(r"[ \t]*[\[(]?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?[\])]?[ \t]+(?=\S)")

# Words that open a line with a colon without naming a speaker.
_NOT_SPEAKERS = frozenset("""
note notes comment comments example examples source sources update updated editor editors photo photos image
images picture caption credit credits related tags tag read also see warning warnings disclaimer transcript
subject date time title summary background location place keywords abstract figure table step part chapter
section article day phase first firstly second secondly third thirdly fourth fourthly fifth fifthly finally
regarding conclusion conclusions introduction objective objectives goal goals result results question questions
answer answers topic topics issue issues point points re fw fwd from to cc bcc sent the this that these those it
there here and but or so yes no well now then today yesterday tomorrow however therefore moreover meanwhile
http https www copyright published posted by author authors tel phone email fax address website watch listen
video audio live breaking exclusive opinion analysis editorial news report reports story statement statements
program programme session agenda speech speeches remarks interview interviews press release contents index
""".split())
_NOT_SPEAKERS_CAPS = frozenset({"NOTE", "UPDATE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WARNING", "DISCLAIMER",
                                "TRANSCRIPT", "BREAKING", "EXCLUSIVE", "END", "BEGIN", "RELATED", "PHOTO", "VIDEO",
                                "AUDIO", "WATCH", "LISTEN", "SOURCE", "SOURCES", "COPYRIGHT", "CONTENTS", "I", "II",
                                "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "US", "UN", "EU", "USA", "UK"})


@dataclass(frozen=True)
class Label:
    """A speaker label found at the start of a line; offsets are relative to that line."""

    speaker: str
    kind: str
    start: int
    end: int
    content_start: int
    mark: str

    @property
    def strong(self) -> bool:
        """Strong labels are trusted alone; a weak one (a plain name) needs to recur or be bold."""
        return self.kind != "name" and not (self.kind == "role" and len(self.speaker) == 1 and self.mark == ".")


def match_label(line: str) -> Label | None:
    """The speaker label that opens ``line``, if any. Leading spaces are allowed; text must follow the mark."""
    stamp = _TIMESTAMP.match(line)
    offset = stamp.end() if stamp else len(line) - len(line.lstrip())
    stripped = line[offset:]
    for kind, pattern in _PATTERNS:
        found = pattern.match(stripped)
        if not found:
            continue
        speaker = " ".join(found["label"].split()).rstrip(".").strip() if kind != "role" else found["label"]
        if not _plausible(kind, speaker, found["label"]) or stripped[found.end():found.end() + 1].isdigit():
            continue  # a colon right before a digit is a reference or a time ("XVI:125", "John 3:16"), no label
        content = found.end()
        while content < len(stripped) and stripped[content] in " \t":
            content += 1
        if content >= len(stripped):
            return None  # a line that is only "Name:" heads a list or a section, not a turn
        return Label(
            speaker=speaker,
            kind=kind,
            start=offset,
            end=offset + found.end("label"),
            content_start=offset + content,
            mark=found["mark"].strip(),
        )
    return None


# A label in capitals that ends with one of these is the start of a salutation cut by its abbreviation's period
# ("MR. PRESIDENT,", "H.E. Philemon Yang", "YOUR EXCELLENCY MR. GUTERRES"): the name comes after.
_SALUTATIONS = frozenset({"MR", "MRS", "MS", "DR", "H.E", "H. E", "HE", "ST", "MME", "MM"})


def _plausible(kind: str, speaker: str, raw: str) -> bool:
    words = speaker.replace("’", "'").split()
    if kind == "capitals":
        last = speaker.upper().rsplit(",", 1)[-1].split()
        return (speaker.upper() not in _NOT_SPEAKERS_CAPS and any(ch.isalpha() for ch in speaker)
                and not (last and (last[-1] in _SALUTATIONS or " ".join(last[-2:]) in _SALUTATIONS)))
    if kind == "name":
        return words[0].casefold().strip("'") not in _NOT_SPEAKERS and len(speaker) >= 2
    if kind == "role":
        # "Q:", "Question:", "MODERATOR:"; a line of running text wrapped before "question — have they ..." is
        # no label.
        return raw[:1].isupper()
    return True


def label_key(speaker: str) -> str:
    """Labels that name the same speaker ("TRUMP", "Trump") share a key."""
    return " ".join(speaker.replace("’", "'").casefold().rstrip(".:").split())


def role_word(key: str) -> tuple[Role, bool] | None:
    """(role, asks questions) when a label says what the speaker does: "Q", "Moderator", "Jane Doe, moderator"."""
    found = ROLE_WORDS.get(key)
    if found is None and "," in key:
        found = ROLE_WORDS.get(key.rsplit(",", 1)[-1].strip())
    return found
