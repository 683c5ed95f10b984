"""Speaker labels at the start of a line (``Question:``, ``Q``, ``A. A. Ahmadian:``, ``THE PRESIDENT.``) or
alone on a line above the words (``The Crown Prince``, ``Kamala Harris  0:12``, ``Speaker 1: (00:01:02)``).

Conventions and examples: ``docs/transcripts.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from onrecord.record import Role

# Labels that say what the speaker does rather than who they are: (role, whose turns are questions).
# ``asks`` is "always" for those whose every turn is a question by the transcript's convention (Q, Question),
# "when" for those who ask when their turn does (a moderator also hands over and keeps time), "never".
ROLE_WORDS: dict[str, tuple[Role, str]] = {
    "q": ("interviewer", "always"),
    "question": ("interviewer", "always"),
    "questioner": ("audience", "always"),
    "audience question": ("audience", "always"),
    "reporter": ("interviewer", "always"),
    "journalist": ("interviewer", "always"),
    "correspondent": ("interviewer", "always"),
    "press": ("interviewer", "always"),
    "remark": ("interviewer", "when"),
    "interviewer": ("interviewer", "when"),
    "host": ("interviewer", "when"),
    "co-host": ("interviewer", "when"),
    "anchor": ("interviewer", "when"),
    "moderator": ("moderator", "when"),
    "operator": ("moderator", "when"),
    "chair": ("moderator", "when"),
    "chairman": ("moderator", "when"),
    "chairwoman": ("moderator", "when"),
    "audience": ("audience", "when"),
    "audience member": ("audience", "when"),
    "participant": ("audience", "when"),
    "a": ("interviewee", "never"),
    "answer": ("interviewee", "never"),
    "reply": ("interviewee", "never"),
    "response": ("interviewee", "never"),
    "interviewee": ("interviewee", "never"),
    "guest": ("interviewee", "never"),
    "spokesperson": ("interviewee", "never"),
    "spokesman": ("interviewee", "never"),
    "spokeswoman": ("interviewee", "never"),
}

_WS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Gov|Rep|Gen|Adm|Col|Amb|Sir|Dame|Lord|Lady|Sheikh|Sayyed|Ayatollah|Imam|"
    r"Hon|Rt\.? Hon|Right Hon|"
    r"President|Vice President|Prime Minister|Minister|Foreign Minister|Secretary|Senator|Governor|Congressman|"
    r"Congresswoman|Ambassador|General|Admiral|Professor|Judge|Justice|Chancellor|King|Queen|Prince|Emir)"
)
_NAME = r"[A-Z][\w’'`-]*(?:-[A-Z][\w’'`-]*)?"
_PARTICLE = r"(?:al|el|bin|ibn|de|da|del|della|di|du|van|von|der|den|la|le|dos|das|abu)"
# "(retranslated)", "(via interpreter)", "(Reuters)" between a label and its colon.
_ASIDE = r"(?P<aside>(?:\s*\([^()\n]{1,60}\)){0,3})"
_STAMP = r"[\[(]?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?[\])]?"
_ROLES = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "A. A. Ahmadian:", "J. F. Kennedy:"
    ("initials", re.compile(rf"(?P<label>(?:[A-Z]\.\s?){{1,3}}\s*{_NAME}(?:\s+{_NAME})?){_ASIDE}(?P<mark>\s*:)")),
    # "Speaker 1:", "SPEAKER_00:", "Unknown Speaker:", "Interviewer 2:"
    ("generic", re.compile(
        r"(?P<label>(?i:(?:speaker|participant|voice|person|interviewer|interviewee|respondent|caller|"
        r"audience member)[ _-]?(?:\d{1,3}|[A-Z]\b)|(?:unknown|unidentified) (?:speaker|voice|male|female|man|"
        r"woman|person|participant)))" + _ASIDE + r"(?P<mark>\s*:)"
    )),
    # "Q:", "Q.", "A:", "Question:", "Question (Reuters):", White House "Q    Thank you" or "Q Thank you"
    ("role", re.compile(
        rf"(?P<label>(?i:{_ROLES}))(?:\s*\((?P<who>[^()\n]{{1,40}})\))?"
        rf"(?P<mark>\s*[:.]|\s+[-–—]\s|\t|{_WS}{{2,}}(?=\S)|(?<=Q)[ \u00a0](?=[A-Z“\"‘'(]))"
    )),
    # Hansard: "The Prime Minister (Mr. Tony Blair):", "The Secretary of State for Defence (Geoff Hoon):"
    ("hansard", re.compile(
        rf"(?P<label>(?:The\s+)?{_NAME}(?:\s+(?:of|the|for|and|{_NAME})){{0,9}}\s*"
        rf"\((?:{_HONORIFIC}\.?\s+)?{_NAME}(?:\s+(?:{_PARTICLE}\s+)?{_NAME}){{1,3}}\))(?P<mark>\s*:)"
    )),
    # "Mr. Name:", "President Biden:", "MR. CARTER:", "Secretary of State Blinken:", "The President of the
    # Republic of Turkey Recep Tayyip Erdogan (retranslated):"
    ("honorific", re.compile(
        rf"(?P<label>(?:The\s+)?(?i:{_HONORIFIC})\.?(?:\s+(?:of|the|{_NAME}))*?\s+(?:{_PARTICLE}[- ])?{_NAME}"
        rf"(?:\s+{_NAME})?){_ASIDE}(?P<mark>\s*:)"
    )),
    # "DONALD TRUMP:", "THE PRESIDENT.", "MR. CARTER:", "SPEAKER 1:", "QUINCY HOWE, MODERATOR:"
    ("capitals", re.compile(
        r"(?P<label>(?:[A-Z][A-Z’'`.-]*[A-Z.]|[A-Z]{2,}|\d+)(?:,?\s+(?:[A-Z][A-Z’'`.&-]*[A-Z.]|[A-Z]|\d+)){0,9})"
        + _ASIDE + r"(?P<mark>\s*:|\.(?=\s+[A-Z(\"“]))"
    )),
    # "Chris Wallace:", "Ahmadian:", "Hassan al-Rouhani:", "Recep Tayyip Erdogan (retranslated):" (weak: accepted
    # when it recurs or is bold)
    ("name", re.compile(
        rf"(?P<label>{_NAME}(?:\s+(?:{_PARTICLE}[- ]?)?{_NAME}){{0,3}}){_ASIDE}(?P<mark>\s*:)"
    )),
)

# A time stamp before a label: "[00:01:02] JOHN: hello", "00:12 Jane: hi".
_TIMESTAMP = re.compile(rf"{_WS}*{_STAMP}{_WS}+(?=\S)")
# The number of a question on a parliament's order paper before its asker: "1. Mr David Hanson (Delyn) (Lab):".
_NUMBERED_QUESTION = re.compile(r"[ \t]*\d{1,3}\.[ \t]+(?=[A-Z])")
# A label alone on its line with a time stamp after it (Otter "Kamala Harris  0:12", Rev "Name: (00:01:02)",
# "Name (00:01:02):"), or before it ("[00:01:02] Name:").
_STAMPED = (
    re.compile(rf"(?P<label>[^\W\d][^:\[\]()\n]{{0,58}}?){_WS}*(?P<mark>:?){_WS}*{_STAMP}{_WS}*:?{_WS}*"),
    re.compile(rf"{_STAMP}{_WS}+(?P<label>[^\W\d][^:\[\]()\n]{{0,58}}?){_WS}*(?P<mark>:){_WS}*"),
)
# A name alone on its line: "The Crown Prince", "Mohammed bin Salman", "JAKE TAPPER", "Speaker 2".
_ALONE_NAME = re.compile(
    rf"(?P<label>(?:The |THE )?{_NAME}(?:\.?{_WS}+(?:{_PARTICLE}|of|the|{_NAME}|\d{{1,2}})){{0,5}})(?P<mark>{_WS}*:?)"
)
# A salutation alone on its line opens a speech's paragraph ("Mr. President:", "Madam Chair,", "YOUR
# EXCELLENCIES, DISTINGUISHED LADIES AND GENTLEMEN:"): it addresses the audience, it names no speaker.
_SALUTATION_WORDS = frozenset("""
mr mrs ms madam madame mister monsieur your his her dear distinguished honourable honorable esteemed excellency
excellencies president vice-president chair chairman chairperson chairwoman speaker secretary-general secretary
general delegates delegations delegation colleagues friends ladies gentlemen and heads head of state states
government governments ambassadors members brothers sisters fellow all assembly the co-chairs co-chair
""".split())


def is_salutation(line: str) -> bool:
    """Whether a line is only words that address an audience or its chair."""
    words = re.findall(r"[\w’'-]+", line.replace("’", "'").lower())
    return bool(words) and all(word in _SALUTATION_WORDS for word in words)


# Time zones and day halves that a clock time may carry ("2:50 P.M. EDT"); none of them is a speaker.
_CLOCK_WORDS = frozenset({"a.m", "p.m", "am", "pm", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt",
                          "utc", "bst", "cet", "cest", "msk"})

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
thanks thank please okay ok good hello hi dear consider remember look listen imagine on in for about as at with
of into over after before since during under against between among per via
""".split())
_NOT_SPEAKERS_CAPS = frozenset({"NOTE", "UPDATE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WARNING", "DISCLAIMER",
                                "TRANSCRIPT", "BREAKING", "EXCLUSIVE", "END", "BEGIN", "RELATED", "PHOTO", "VIDEO",
                                "AUDIO", "WATCH", "LISTEN", "SOURCE", "SOURCES", "COPYRIGHT", "CONTENTS", "I", "II",
                                "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "US", "UN", "EU", "USA", "UK"})
# An aside that says how the words came, not who spoke them: "(retranslated)", "(via interpreter)".
_MANNER = re.compile(r"(?i)^\W*$|\d:\d\d|translat|respond|answer|repl|address|turning|aside|smil|interpret|in [a-z]+$|via |through |cont|inaudible|off[- ]mic|voice|speaking|"
                     r"laugh|video|audio|remote|by phone|by video|continu")
# The kinds a document may trust alone; the others (a plain name) must recur or be bold.
_STRONG_KINDS = frozenset({"initials", "generic", "role", "hansard", "honorific", "capitals", "stamped"})


@dataclass(frozen=True)
class Label:
    """A speaker label found at the start of a line; offsets are relative to that line. A label ``alone`` on
    its line has its words on the lines after it (``content_start`` is then the line's length)."""

    speaker: str
    kind: str
    start: int
    end: int
    content_start: int
    mark: str
    alone: bool = False

    @property
    def strong(self) -> bool:
        """Strong labels are trusted alone; a weak one (a plain name, "Q." or "Q" before a single space) needs to
        recur or be bold."""
        if self.kind == "role" and len(self.speaker) == 1:
            return self.mark not in (".", "")
        return self.kind in _STRONG_KINDS or is_outlet(label_key(self.speaker))


def match_label(line: str) -> Label | None:
    """The speaker label that opens ``line``, if any. Leading spaces are allowed; text must follow the mark."""
    stamp = _TIMESTAMP.match(line) or _NUMBERED_QUESTION.match(line)
    offset = stamp.end() if stamp else len(line) - len(line.lstrip())
    stripped = line[offset:]
    if is_clock(stripped):
        return None
    for kind, pattern in _PATTERNS:
        found = pattern.match(stripped)
        if not found or (stamp and stamp.re is _NUMBERED_QUESTION
                         and kind not in ("honorific", "hansard") and not (kind == "name" and found["aside"])):
            continue
        speaker = _speaker(kind, found)
        if not _plausible(kind, speaker, found["label"]) or (
                found["mark"].strip() in (":", ".") and stripped[found.end() : found.end() + 1].isdigit()):
            continue  # a colon right before a digit is a reference or a time ("XVI:125", "John 3:16"), no label
        content = found.end()
        while content < len(stripped) and stripped[content] in " \t\u00a0":
            content += 1
        if content >= len(stripped):
            return None  # the label is alone on its line: ``match_alone`` reads it
        numbered = stamp is not None and stamp.re is _NUMBERED_QUESTION  # an order paper's: its own convention
        return Label(speaker=speaker, kind="hansard" if numbered else kind, start=offset,
                     end=offset + found.end("label"), content_start=offset + content, mark=_mark(found["mark"]))
    return None


def match_alone(line: str) -> Label | None:
    """A label that stands alone on ``line``, its words on the lines below: a name or role with or without a
    colon, or a name with a time stamp (transcription tools). The caller decides whether the document's other
    lines bear it out (``kind`` "line", a bare name, needs more than one that recurs)."""
    text = line.rstrip()
    offset = len(text) - len(text.lstrip())
    body = text[offset:]
    if not body or len(body) > 80 or is_clock(body) or is_salutation(body):
        return None
    for pattern in _STAMPED:
        found = pattern.fullmatch(body)
        if found and re.search(r"\d:\d\d", body) and _plausible("name", _clean(found["label"]), found["label"]):
            return _alone(found, "stamped", offset, _clean(found["label"]))
    for kind, pattern in _PATTERNS:
        found = pattern.fullmatch(body)
        if found and found["mark"].strip() in (":", "") and _plausible(kind, _speaker(kind, found), found["label"]):
            return _alone(found, kind, offset, _speaker(kind, found))
    found = _ALONE_NAME.fullmatch(body)
    if found and _plausible("name", _clean(re.sub(r"^(?i:the)\s+", "", found["label"])), found["label"]):
        return _alone(found, "line" if not found["mark"].strip() else "name", offset, _clean(found["label"]))
    return None


def _mark(raw: str) -> str:
    """What ends a label: its punctuation, a tab for a wide gap of white space ("Q    Thank you"), or nothing
    for a single space ("Q Thank you")."""
    return raw.strip() or ("\t" if len(raw) > 1 or raw == "\t" else "")


def _alone(found: re.Match[str], kind: str, offset: int, speaker: str) -> Label:
    return Label(speaker=speaker, kind=kind, start=offset + found.start("label"), end=offset + found.end("label"),
                 content_start=offset + found.end(), mark=found["mark"].strip(), alone=True)


def _speaker(kind: str, found: re.Match[str]) -> str:
    """The label's words, with the asides in brackets that say who ("(Mr. Tony Blair)", "(Delyn) (Lab)") and
    without those that say how the words came ("(retranslated)", "(00:01:02)")."""
    if kind == "role":
        return found["label"]
    asides = re.findall(r"\(([^()\n]*)\)", found.groupdict().get("aside") or "")
    return " ".join([_clean(found["label"]), *(f"({a.strip()})" for a in asides if not _MANNER.search(a))])


def _clean(label: str) -> str:
    return " ".join(label.split()).rstrip(".").strip()


_CLOCK = re.compile(
    rf"(?i)(?:end|begin)?{_WS}*[\[(]?\d{{1,2}}[:.]\d\d(?::\d\d)?(?:[.,]\d+)?[\])]?{_WS}*"
    rf"(?:[ap]\.?{_WS}?m\.?)?(?:{_WS}*\(?[a-z]{{2,5}}\)?)?[.\s\u00a0]*"
)


def is_clock(line: str) -> bool:
    """Whether a line is only a time ("2:50 P.M. EDT", "[00:12:31]", "END 3:45 P.M. EDT", "11:09 A.M. EST")."""
    return bool(_CLOCK.fullmatch(line.strip()))


# A label in capitals that ends with one of these is the start of a salutation cut by its abbreviation's period
# ("MR. PRESIDENT,", "H.E. Philemon Yang", "YOUR EXCELLENCY MR. GUTERRES"): the name comes after.
_SALUTATIONS = frozenset({"MR", "MRS", "MS", "DR", "H.E", "H. E", "HE", "ST", "MME", "MM"})


def _plausible(kind: str, speaker: str, raw: str) -> bool:
    words = speaker.replace("’", "'").split()
    if not words or not any(ch.isalpha() for ch in speaker):
        return False
    if all(w.strip(".,()[]").casefold() in _CLOCK_WORDS for w in words if not w[:1].isdigit()):
        return False  # "P.M. EDT", "A.M.": a clock's words, never a speaker
    if kind == "capitals":
        last = speaker.upper().rsplit(",", 1)[-1].split()
        return (speaker.upper() not in _NOT_SPEAKERS_CAPS
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
    return " ".join(speaker.replace("’", "'").replace("\u00a0", " ").casefold().rstrip(".:").split())


_NUMBERED = re.compile(r"[ _-]?(?:\d{1,3}|[a-z])$")


def role_word(key: str) -> tuple[Role, str] | None:
    """(role, when the speaker's turns are questions) when a label says what the speaker does: "Q", "Moderator",
    "Jane Doe, moderator", "Question (Reuters)", "Interviewer 2", or a news outlet ("Reuters", "AFP")."""
    for candidate in (key, key.rsplit(",", 1)[-1].strip(), key.split(" (", 1)[0], _NUMBERED.sub("", key)):
        found = ROLE_WORDS.get(candidate)
        if found is not None:
            return found
    return ("interviewer", "always") if is_outlet(key) else None


@cache
def _outlets() -> frozenset[str]:
    text = (resources.files("onrecord") / "data" / "outlets.txt").read_text(encoding="utf-8")
    return frozenset(label_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_outlet(key: str) -> bool:
    """Whether a label names a news organization, which in a press conference asks ("Reuters:", "AFP:")."""
    return key in _outlets()
