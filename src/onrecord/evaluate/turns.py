"""``evaluate turns``: turn segmentation scored against gold turns.

DATA is a gold file (``*.turns.json``), a folder of them, or the ElecDeb 1960-2020 debates CSV, which is
rendered as text, HTML and DOCX transcripts (``SPEAKER: text`` paragraphs, bold labels in HTML and DOCX)
whose turns onrecord must recover.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from onrecord.errors import EvaluationError, OnrecordError
from onrecord.evaluate.elecdeb import FORMATS, GoldTurn, debates, render
from onrecord.evaluate.scores import prf
from onrecord.readers import read, read_bytes
from onrecord.transcript import Transcript, transcribe
from onrecord.transcript.labels import label_key


@dataclass
class Tally:
    """Counts for one group of documents."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    kinds_scored: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, Any]:
        p, r, f1 = prf(self.matched, self.predicted, self.gold)
        result: dict[str, Any] = {
            "boundary": {"p": p, "r": r, "f1": f1},
            "speaker_accuracy": round(self.speaker_right / self.matched, 4) if self.matched else 0.0,
            "turns": self.gold,
            "documents": self.documents,
        }
        if self.kinds_scored:
            result["kind_accuracy"] = round(self.kind_right / self.kinds_scored, 4)
        return result


def evaluate_turns(data: Path) -> dict[str, Any]:
    """Boundary precision/recall/F1 and speaker accuracy, overall and per source format."""
    if not data.exists():
        raise EvaluationError("no gold data there", str(data), "give a *.turns.json file, a folder of them, or the ElecDeb CSV")
    groups: dict[str, Tally] = {}
    if data.suffix.lower() == ".csv":
        for gold in debates(data):
            for fmt in FORMATS:
                payload, name = render(gold, fmt)
                source = read_bytes(payload, name, format=fmt)
                groups.setdefault(fmt, Tally()).add(_score_by_words(source.text, transcribe(source), gold.turns))
    else:
        files = sorted(data.glob("*.turns.json")) if data.is_dir() else [data]
        if not files:
            raise EvaluationError("no *.turns.json gold files in the folder", str(data), "point at a gold file or folder")
        for file in files:
            fmt, tally = _score_gold_file(file)
            groups.setdefault(fmt, Tally()).add(tally)
    overall = Tally()
    for tally in groups.values():
        overall.add(tally)
    return overall.scores() | {"formats": {fmt: tally.scores() for fmt, tally in groups.items()}}


def _score_gold_file(file: Path) -> tuple[str, Tally]:
    try:
        gold = json.loads(file.read_text(encoding="utf-8"))
        document = (file.parent / gold["document"]).resolve()
        turns = gold["turns"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvaluationError(f"unreadable gold file ({type(error).__name__}: {error})", str(file),
                              'give {"document": path, "turns": [{"speaker", "kind", "start", "end"}]}') from None
    try:
        source = read(document)
    except OnrecordError as error:
        raise EvaluationError(f"the gold file's document cannot be read ({error})", str(file), "fix its path") from None
    transcript = transcribe(source)
    labels = {s.id: s.label for s in transcript.speakers}
    predicted = {t.span.start: t for t in transcript.turns}
    tally = Tally(documents=1, gold=len(turns), predicted=len(transcript.turns))
    for turn in turns:
        found = predicted.get(turn["start"])
        if found is None or found.span.end != turn["end"]:
            continue
        tally.matched += 1
        speaker = labels.get(found.speaker) if found.speaker else None
        tally.speaker_right += _same_speaker(speaker, turn.get("speaker"))
        tally.kinds_scored += 1
        tally.kind_right += found.kind == turn.get("kind")
    return source.format, tally


def _same_speaker(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return label_key(predicted) == label_key(gold)


Opened = tuple[str | None, str]  # the speaker of a turn and its label as written


def _score_by_words(text: str, transcript: Transcript, gold: tuple[GoldTurn, ...]) -> Tally:
    """Boundaries as word positions in the speech (labels left out), so that any format compares. The gold names
    speakers by their labels as written: a turn is the right speaker's when its label reads as the gold one, or
    its speaker does (a label that names one person in two ways, "MR. HOWE", is that person's)."""
    labels = sorted((t.label.start, t.label.end, t.speaker, t.label.text) for t in transcript.turns if t.label)
    names = {s.id: s.label for s in transcript.speakers}
    words: list[str] = []
    opened: dict[int, Opened] = {}  # word position -> speaker and label of the turn opening there
    position = 0
    for match in re.finditer(r"\S+", text):
        while position < len(labels) and labels[position][1] < match.start():
            opened.setdefault(len(words), (names.get(labels[position][2] or ""), labels[position][3]))
            position += 1
        if position < len(labels) and labels[position][0] <= match.start() <= labels[position][1]:
            continue  # a word of the label itself
        words.append(match.group())
    gold_words: list[str] = []
    gold_opened: dict[int, str] = {}
    for turn in gold:
        gold_opened[len(gold_words)] = turn.speaker
        gold_words.extend(turn.text.split())
    if words != gold_words:
        opened = _align(words, gold_words, opened)
    tally = Tally(documents=1, gold=len(gold_opened), predicted=len(opened))
    for index, speaker in gold_opened.items():
        if index in opened:
            tally.matched += 1
            person, written = opened[index]
            tally.speaker_right += _same_speaker(person, speaker) or _same_speaker(written, speaker)
    return tally


def _align(words: list[str], gold: list[str], opened: dict[int, Opened]) -> dict[int, Opened]:
    """Move predicted word positions onto the gold words where the reader changed the text."""
    matcher = difflib.SequenceMatcher(None, words, gold, autojunk=False)
    moved: dict[int, Opened] = {}
    for a, b, size in matcher.get_matching_blocks():
        for index in range(a, a + size):
            if index in opened:
                moved[b + index - a] = opened[index]
    return moved


def show(result: dict[str, Any], console: Console) -> None:
    """A table of the figures, overall and per format."""
    table = Table(title="Turn segmentation", title_justify="left")
    for column in ("data", "documents", "gold turns", "boundary P", "boundary R", "boundary F1", "speaker acc."):
        table.add_column(column, justify="right" if column != "data" else "left")
    rows = [(fmt, scores) for fmt, scores in result["formats"].items()] + [("all", result)]
    for name, scores in rows:
        b = scores["boundary"]
        table.add_row(name, str(scores["documents"]), str(scores["turns"]), f"{b['p']:.4f}", f"{b['r']:.4f}",
                      f"{b['f1']:.4f}", f"{scores['speaker_accuracy']:.4f}")
    console.print(table)
