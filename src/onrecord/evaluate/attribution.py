"""``evaluate attribution``: Source, Cue and Content spans scored against PolNeAR (BRAT standoff).

DATA is a PolNeAR folder with ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. A document annotated
by several annotators is scored against the first annotation file in name order. A span is right "exactly"
when its offsets are the gold ones, and by "overlap" when it shares a character with a gold span; either
way each gold span is matched at most once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from onrecord.analyses.attribution_parts import Found
from onrecord.analyses.attributions import extract, outermost
from onrecord.errors import EvaluationError
from onrecord.evaluate.scores import prf
from onrecord.nlp import english

PARTS = ("source", "cue", "content")
_BATCH = 8
Spans = dict[str, list[tuple[int, int]]]


def evaluate_attribution(data: Path) -> dict[str, Any]:
    """Precision, recall and F1 of each part, exact and by overlap, over every document in DATA."""
    pairs = gold_documents(data)
    counts = {part: {"exact": [0, 0, 0], "overlap": [0, 0, 0]} for part in PARTS}
    texts = (path.read_text(encoding="utf-8") for path, _ in pairs)
    for doc, (_, annotation) in zip(english().pipe(texts, batch_size=_BATCH), pairs, strict=True):
        gold = read_brat(annotation)
        predicted = _predicted(outermost(list(extract(doc.text, doc, 0, len(doc.text)))))
        for part in PARTS:
            for mode in ("exact", "overlap"):
                matched = match_spans(predicted[part], gold[part], exact=mode == "exact")
                tally = counts[part][mode]
                tally[0] += matched
                tally[1] += len(predicted[part])
                tally[2] += len(gold[part])
    result: dict[str, Any] = {}
    for part in PARTS:
        result[part] = {}
        for mode, (tp, npred, ngold) in counts[part].items():
            p, r, f1 = prf(tp, npred, ngold)
            result[part][mode] = {"p": p, "r": r, "f1": f1}
    result["documents"] = len(pairs)
    return result


def gold_documents(data: Path) -> list[tuple[Path, Path]]:
    """(text file, annotation file) pairs of a PolNeAR folder."""
    texts, annotations = data / "text", data / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise EvaluationError("not a PolNeAR folder", str(data), "give a folder with text/ and attributions/ in it")
    first: dict[str, Path] = {}
    for path in sorted(annotations.glob("*.ann")):
        first.setdefault(re.sub(r"_[^_]+$", "", path.stem), path)
    pairs = [(texts / f"{name}.txt", path) for name, path in sorted(first.items()) if (texts / f"{name}.txt").is_file()]
    if not pairs:
        raise EvaluationError("no annotated texts in the folder", str(data), "check text/NAME.txt and attributions/NAME_*.ann")
    return pairs


def read_brat(path: Path) -> Spans:
    """The Source, Cue and Content spans of a BRAT file; a span in pieces counts from its first to last character."""
    spans: Spans = {part: [] for part in PARTS}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read the annotation file ({error})", str(path), "check the file") from None
    for line in lines:
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T"):
            continue
        label, _, offsets = fields[1].partition(" ")
        if label.lower() not in spans:
            continue
        numbers = [int(n) for n in re.findall(r"\d+", offsets)]
        if numbers:
            spans[label.lower()].append((min(numbers), max(numbers)))
    return spans


def _predicted(found: list[Found]) -> Spans:
    spans: Spans = {part: [] for part in PARTS}
    for item in found:
        if item.source:
            spans["source"].append(item.source)
        spans["cue"].append(item.cue)
        spans["content"].append(item.content)
    return spans


def match_spans(predicted: list[tuple[int, int]], gold: list[tuple[int, int]], *, exact: bool) -> int:
    """How many predicted spans match a gold span (exactly, or sharing a character), each gold span at most once."""
    free = sorted(set(gold))
    matched = 0
    for start, end in sorted(set(predicted)):
        for index, (g_start, g_end) in enumerate(free):
            if (start, end) == (g_start, g_end) if exact else (start < g_end and g_start < end):
                matched += 1
                free.pop(index)
                break
    return matched


def show(result: dict[str, Any], console: Console) -> None:
    """A table of precision, recall and F1 per part."""
    table = Table(title=f"Attribution ({result['documents']} documents)", title_justify="left")
    for column in ("part", "match", "P", "R", "F1"):
        table.add_column(column, justify="left" if column in ("part", "match") else "right")
    for part in PARTS:
        for mode, scores in result[part].items():
            table.add_row(part, mode, f"{scores['p']:.4f}", f"{scores['r']:.4f}", f"{scores['f1']:.4f}")
    console.print(table)
