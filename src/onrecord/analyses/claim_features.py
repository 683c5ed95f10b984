"""Features of a sentence for check-worthiness: words, embeddings, numbers, tense, modality, turn and context.

Everything here is plain regular expressions and numpy, not spaCy, so that the CLEF training transcripts (one
sentence a line, no document) and onrecord's own records give the ranker the same features, and so that
scoring stays far faster than the spaCy pass.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from onrecord.record import Record, TurnKind

Vector = npt.NDArray[np.float32]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d")
_NUMBER = re.compile(r"\d")
# A reference to a passage ("(Quran 2:268)", "John 3:16") counts no quantity: it is not a claim.
_REFERENCE = re.compile(r"\((?:[^()\d]{0,40}\s)?\d+:\d+(?:-\d+)?\)|\b[A-Z][a-z]+\.? \d+:\d+(?:-\d+)?\b")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_OPENERS = re.compile(r"^\W*(?:let|let's|look|take|imagine|remember|consider|think|see|listen|note|ask|go|"
                      r"do not|don't|never)\b", re.IGNORECASE)


def _words(*words: str) -> frozenset[str]:
    return frozenset(" ".join(words).split())


# Word classes that separate factual statements from opinion and rhetoric.
_CLASSES: tuple[frozenset[str], ...] = (
    _words("percent percentage billion billions million millions trillion thousand thousands hundred hundreds",
           "dollars dollar half doubled tripled number numbers rate"),
    _words("was were did had been went got came made said told passed voted signed approved"),
    _words("will would could should can may might must shall going"),
    _words("more less fewer most least largest biggest highest lowest worst best greatest only ever never"),
    _words("i me my mine"),
    _words("we us our ours"),
    _words("you your yours"),
    _words("he she they him her them his their"),
    _words("not no never nothing nobody"),
    _words("think believe feel hope want love wish thank thanks"),
    _words("year years month months day days week weeks today yesterday ago since last"),
    _words("jobs tax taxes deficit debt economy trade budget spending cost costs wages income"),
    _words("country countries nation state states city government president congress senate law"),
    _words("killed died war troops forces military attack attacks weapons nuclear missiles missile arrested"),
    _words("increase increased decrease decreased rose fell grew cut cuts raised lost gained"),
    _words("great tremendous incredible beautiful amazing terrible wonderful horrible fantastic"),
    # Concrete actions a record can confirm or refute, past and present.
    _words("arrest arrests arrested withdraw withdrew withdrawn send sends sent produce produces produced",
           "request requested requests invite invited deploy deployed sign signed build built kill kills hire",
           "hired fire fired launch launched seize seized capture captured supply supplied fund funded pay paid",
           "spend spent close closed open opened buy bought sell sold import imported export exported"),
    _words("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty",
           "hundred dozens dozen twice times first second third kilometers miles tons people"),
    _words("god lord satan divine holy almighty prophet prophets allah heaven pray prayer bless blessed faith",
           "sin soul spirit glory quran bible scripture martyr martyrdom sacred pharaoh moses"),
)
_ACTIONS, _NUMBER_WORDS = _CLASSES[-3], _CLASSES[-2]
_WE = _CLASSES[5]
HAND_FEATURES = 21 + len(_CLASSES)


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers folded to ``<num>`` so that "$5 trillion" and "$800 billion" share n-grams.

    References to passages become ``<ref>``: "(Quran 2:268)" quotes scripture, it counts nothing.
    """
    plain = _REFERENCE.sub(" <ref> ", text).lower()
    return ["<num>" if _NUMBER.match(t) else t for t in re.findall(rf"<ref>|{_TOKEN.pattern}", plain)]


def ngrams(text: str) -> list[str]:
    """Unigrams and bigrams of the sentence's tokens."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def hand_features(text: str) -> list[float]:
    """Counts that mark a factual claim: numbers, money, years, names, tense and modality, comparison."""
    words = tokens(text)
    count = max(len(words), 1)
    raw = text.split()
    capitals = sum(1 for w in raw[1:] if w[:1].isupper())
    values = [
        math.log1p(len(words)),
        float(words.count("<num>")),
        float("%" in text or "percent" in words),
        float("$" in text),
        float(bool(re.search(r"\b(1[89]|20)\d\d\b", text))),
        capitals / count,
        float(capitals),
        float(text.rstrip().endswith("?")),
        float(text.rstrip().endswith("!")),
        float('"' in text or "“" in text),
        sum(1 for w in words if w.endswith("ed")) / count,
        sum(1 for w in words if w.endswith("est") or w.endswith("er")) / count,
        float("than" in words),
        float(any(w.endswith("n't") for w in words)),
        float(len(words) <= 4),
        sum(1 for w in words if len(w) > 7) / count,
    ]
    values += [sum(1 for w in words if w in group) / count for group in _CLASSES]
    return values + _voice_features(text, words)


def _voice_features(text: str, words: Sequence[str]) -> list[float]:
    """Quotation and scripture, exhortation, and "we did X" statements of concrete action with a quantity."""
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(text)) / max(len(text), 1)
    we_act = any(w in _WE for w in words) and any(w in _ACTIONS for w in words)
    quantity = any(w == "<num>" or w in _NUMBER_WORDS for w in words)
    return [quoted, float("<ref>" in words), float(bool(_OPENERS.match(text))), float(we_act),
            float(quantity and any(w in _ACTIONS for w in words))]


@dataclass(frozen=True)
class Line:
    """A sentence with what the ranker needs to know about its place in the transcript."""

    text: str
    turn: int
    kind: TurnKind
    speaker_share: float
    speaker_questions: float


KINDS = ("question", "answer", "statement", "note")


def lines_of(record: Record) -> list[Line]:
    """The record's sentences as ranker lines, in document order."""
    turns = {turn.id: (number, turn) for number, turn in enumerate(record.turns)}
    by_speaker: dict[str | None, list[str]] = {}
    for sentence in record.sentences:
        by_speaker.setdefault(turns[sentence.turn][1].speaker, []).append(sentence.span.text)
    total = max(len(record.sentences), 1)
    share = {s: len(texts) / total for s, texts in by_speaker.items()}
    asks = {s: sum(t.rstrip().endswith("?") for t in texts) / len(texts) for s, texts in by_speaker.items()}
    result = []
    for sentence in record.sentences:
        number, turn = turns[sentence.turn]
        result.append(Line(sentence.span.text, number, turn.kind, share[turn.speaker], asks[turn.speaker]))
    return result


def dense_features(lines: Sequence[Line], embeddings: Vector) -> Vector:
    """Per line: its own features, the mean of its neighbours' in the same turn, and its turn's."""
    own = np.hstack([np.asarray([hand_features(line.text) for line in lines], dtype=np.float32).reshape(
        len(lines), HAND_FEATURES), embeddings])
    context = np.zeros_like(own)
    turn_info = np.zeros((len(lines), len(KINDS) + 5), dtype=np.float32)
    for i, line in enumerate(lines):
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].turn == line.turn]
        if near:
            context[i] = own[near].mean(axis=0)
        start = i
        while start > 0 and lines[start - 1].turn == line.turn:
            start -= 1
        turn_info[i, KINDS.index(line.kind) if line.kind in KINDS else 1] = 1.0
        turn_info[i, len(KINDS):] = (float(i == start), math.log1p(i - start), float(not near),
                                     line.speaker_share, line.speaker_questions)
    return np.hstack([own, context, turn_info])
