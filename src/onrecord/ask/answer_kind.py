"""What kind of answer a question asks for, and whether a sentence holds one: a classic signal of question
answering. "How many refugees...?" is answered by a sentence with a number in it, "When...?" by one with a
date, "Who...?" by one that names someone. Sentences are read by their surface (digits, number words, month
names, capitalised words inside the sentence), which costs microseconds and needs no parse.
"""

from __future__ import annotations

import re

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"\b(?:how\s+(?:many|much|far|long|high|large|big|often|old)|what\s+(?:share|percentage|"
                          r"proportion|amount|number|sum|fraction|part)|how\s+(?:fast|quickly)\s+did)\b", re.I)),
    ("time", re.compile(r"^\s*(?:by\s+)?when\b|\bwhat\s+year\b|\bsince\s+when\b|\buntil\s+when\b", re.I)),
    ("name", re.compile(r"^\s*(?:who|whom|whose)\b|\b(?:which|what)\s+(?:countr(?:y|ies)|states?|leaders?|"
                        r"poets?|persons?|people|groups?|organi[sz]ations?|bod(?:y|ies)|agenc(?:y|ies)|city|"
                        r"cities|nations?|governments?|islamic authority|authority|treaty|treaties)\b|"
                        r"^\s*where\b", re.I)),
)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                     r"fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double|triple|"
                     r"threefold|fourfold|tenfold|per\s*cent|percent)\b", re.I)
_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|next\s+year|this\s+year|within|by\s+the\s+end|months?|years?|decades?)\b")
# A capitalised word after the first word of the sentence: a name, most of the time.
_NAME = re.compile(r"(?<=\S)\s+[„“\"'(]?[A-Z][a-z]+")


def answer_kind(question: str) -> str | None:
    """``number``, ``time`` or ``name``: the kind of answer the question asks for, if it says."""
    for kind, pattern in _KINDS:
        if pattern.search(question):
            return kind
    return None


def holds(kind: str | None, sentence: str) -> bool:
    """Whether the sentence holds an answer of that kind (False when the kind is unknown)."""
    if kind == "number":
        return _NUMBER.search(sentence) is not None
    if kind == "time":
        return _TIME.search(sentence) is not None
    if kind == "name":
        return _NAME.search(sentence) is not None
    return False
