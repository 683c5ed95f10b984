"""``evaluate checkworthy``: the claim ranker scored on CLEF CheckThat! Task 1 files.

A file has one sentence a line, ``line_no<TAB>speaker<TAB>sentence<TAB>label`` (label 1 = worth checking).
Each file becomes a transcript (consecutive lines of one speaker form a turn), every line is scored with the
shipped model, and the official measures are computed per file, then averaged over files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from onrecord.errors import EvaluationError
from onrecord.evaluate.ranking import CUTOFFS, Measures, mean_measures, measures, rank_labels
from onrecord.record import Document, Record, Sentence, Span, Speaker, Turn, TurnKind, document_id

_FORMAT = "expected line_no<TAB>speaker<TAB>sentence<TAB>label, label 0 or 1"
# Speaker labels CLEF gives to stage directions and the crowd rather than to a speaker.
_NOTE_SPEAKERS = frozenset({"SYSTEM", "AUDIENCE", "AUDIENCE MEMBERS", "AUDIENCE MEMBER"})
# Someone who ends this share of their sentences with "?" is asking, not answering.
_QUESTIONER = 0.2


@dataclass(frozen=True)
class GoldLine:
    """One line of a CLEF file."""

    number: int
    speaker: str
    text: str
    label: int


def read_clef(file: Path) -> list[GoldLine]:
    """The lines of a CLEF file; raise ``EvaluationError`` naming the file and line of anything malformed."""
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read the file ({error})", str(file), "give a UTF-8 CLEF .tsv file") from None
    lines = []
    for line_no, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[3].strip() not in ("0", "1") or not parts[0].strip().isdigit():
            raise EvaluationError("malformed line", f"{file}:{line_no}", _FORMAT)
        number, speaker, text, label = parts
        if not text.strip():
            raise EvaluationError("empty sentence", f"{file}:{line_no}", _FORMAT)
        lines.append(GoldLine(int(number), speaker.strip(), text.strip(), int(label)))
    if not lines:
        raise EvaluationError("no lines in the file", str(file), _FORMAT)
    return lines


def clef_record(lines: Sequence[GoldLine], *, title: str = "") -> Record:
    """A transcript of the lines: one sentence per line, one turn per run of lines by one speaker."""
    text = "\n".join(line.text for line in lines)
    labels = list(dict.fromkeys(line.speaker for line in lines))
    speakers = {label: Speaker(f"s{i}", label, "unknown") for i, label in enumerate(labels, start=1)}
    kinds = _kinds(lines)
    turns: list[Turn] = []
    sentences: list[Sentence] = []
    offset = 0
    for i, line in enumerate(lines):
        span = Span.of(text, offset, offset + len(line.text))
        if i == 0 or lines[i - 1].speaker != line.speaker:
            turns.append(Turn(f"t{len(turns) + 1}", speakers[line.speaker].id, kinds[line.speaker], span))
        else:
            last = turns[-1]
            turns[-1] = Turn(last.id, last.speaker, last.kind, Span.of(text, last.span.start, span.end))
        sentences.append(Sentence(f"n{i + 1}", turns[-1].id, span))
        offset = span.end + 1
    document = Document(document_id(text), title, title, None, "en", text)
    return Record(document, speakers=tuple(speakers.values()), turns=tuple(turns), sentences=tuple(sentences))


def _kinds(lines: Sequence[GoldLine]) -> dict[str, TurnKind]:
    """The turn kind of each speaker: moderators ask, the others answer (or make statements if no one asks)."""
    said: dict[str, list[str]] = {}
    for line in lines:
        said.setdefault(line.speaker, []).append(line.text)
    talkers = [s for s in said if s not in _NOTE_SPEAKERS]
    top = max(talkers, key=lambda s: len(said[s]), default="")
    asking = {s for s in talkers if s != top and
              (s == "QUESTION" or sum(t.endswith("?") for t in said[s]) / len(said[s]) >= _QUESTIONER)}
    answer: TurnKind = "answer" if asking else "statement"
    return {s: "note" if s in _NOTE_SPEAKERS else "question" if s in asking else answer for s in said}


def clef_files(data: Path) -> list[Path]:
    """The CLEF files at ``data``: the file itself, or every ``*.tsv`` in the folder."""
    if not data.exists():
        raise EvaluationError("no CLEF data there", str(data), "give a CLEF .tsv file or a folder of them")
    files = sorted(data.glob("*.tsv")) if data.is_dir() else [data]
    if not files:
        raise EvaluationError("no *.tsv files in the folder", str(data), "point at the CLEF training folder")
    return files


def evaluate_checkworthy(data: Path) -> dict[str, Any]:
    """MAP, RR, R-precision and P@k of the shipped ranker, per file then averaged."""
    from onrecord.analyses.claim_features import lines_of
    from onrecord.analyses.claims import score_lines

    per_file: list[Measures] = []
    for file in clef_files(data):
        gold = read_clef(file)
        scores = score_lines(lines_of(clef_record(gold, title=file.name)))
        per_file.append(measures(rank_labels([float(s) for s in scores], [line.label for line in gold])))
    return mean_measures(per_file)


def show(result: dict[str, Any], console: Console) -> None:
    """A table of the figures."""
    table = Table(title=f"Check-worthiness (CLEF-2019 Task 1), {result['files']} files", title_justify="left")
    columns = ["MAP", "RR", "R-prec."] + [f"P@{k}" for k in CUTOFFS]
    for column in columns:
        table.add_column(column, justify="right")
    values = [result["map"], result["rr"], result["r_precision"]] + [result["p_at"][str(k)] for k in CUTOFFS]
    table.add_row(*(f"{v:.4f}" for v in values))
    console.print(table)
