"""What is no one's speech: stage directions, editorial notes and web-page boilerplate."""

from __future__ import annotations

import re

_STAGE_WORDS = (
    r"laughter|laughs|laughing|chuckles|applause|applauding|cheers|cheering|boos|booing|crosstalk|cross-talk|"
    r"inaudible|unintelligible|indiscernible|off[- ]mike|off[- ]mic|mic cut|pause|pauses|silence|music|"
    r"commercial break|break|end of (?:video|clip|transcript|audio|translation|interpretation)|voice of (?:the )?"
    r"interpreter|interpreter|interpretation|translation|begin(?:ning)? (?:video|audio)(?: clip)?|"
    r"end (?:video|audio)(?: clip)?|video clip|audio clip|video plays|audio plays|sighs|coughs|speaking "
    r"[a-z]+|through (?:an )?interpreter|via translator|translated|technical difficulties|no audio|unclear|"
    r"overlapping|interruption|interrupted|bell rings|gavel"
)
# "(LAUGHTER)", "[crosstalk]", "(inaudible)", "(APPLAUSE AND CHEERS)", "[SPEAKING SPANISH]"; a lone
# capitalized word in brackets is more often an acronym, "(NATO)", so it needs to be a known stage word.
STAGE_DIRECTION = re.compile(
    r"[(\[]\s*(?:(?i:" + _STAGE_WORDS + r")(?:[ ,;:]+[^()\[\]\n]{0,40})?"
    r"|[A-Z][A-Z,;:'’&/-]*(?: [A-Z][A-Z,;:'’&/-]*){1,8})\s*[)\]]"
)

_BOILERPLATE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # editorial disclaimers and notes
        r"\(?\s*(?:the )?(?:views|opinions) expressed (?:in |here|by ).{0,300}\)?\.?",
        r"\(?\s*disclaimer\b.{0,400}",
        r"\(?\s*editor[’']?s? note\b.{0,400}",
        r"\(?\s*this (?:interview|transcript|conversation|article) (?:has been|was) (?:lightly )?"
        r"(?:edited|condensed|translated).{0,300}",
        # page furniture
        r"(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|add (?:a )?comment|post a comment|reply|like|share|"
        r"share (?:this|on [a-z]+).{0,40}|print|e-?mail|tweet|facebook|twitter|whatsapp|telegram|linkedin|"
        r"subscribe.{0,60}|follow us.{0,60}|related(?: articles| posts| stories| news)?:?|tags?:.{0,200}|"
        r"read more.{0,80}|more on this.{0,60}|back to top|advertisement|top of page|sign up.{0,60}|"
        r"download(?: pdf)?|listen to (?:this|the) .{0,60}|show comments|hide comments)",
        # photo credits and copyright lines
        r"\(?\s*(?:photo|image|picture|photograph|file photo|credit|photo credit)s?\s*(?:by|:|©|/).{0,160}",
        r"(?:©|copyright\b|\(c\)\s*\d{4}).{0,200}",
        r".{0,160}\ball rights reserved\b.{0,80}",
    )
)


def is_boilerplate(paragraph: str) -> bool:
    """Does this whole paragraph belong to the page or the editor rather than to anyone's speech?"""
    text = paragraph.strip()
    return bool(text) and any(pattern.fullmatch(text) for pattern in _BOILERPLATE)


def is_stage_direction(paragraph: str) -> bool:
    """Is this whole paragraph a stage direction such as ``(LAUGHTER)``?"""
    found = STAGE_DIRECTION.fullmatch(paragraph.strip())
    return found is not None


def stage_directions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the stage directions inside ``text[start:end]``."""
    return [(m.start(), m.end()) for m in STAGE_DIRECTION.finditer(text, start, end)]
