"""``evaluate stance``: the mention-level stance model scored on NewsMTSC-format files.

A line is ``{"sentence_normalized": str, "targets": [{"from": int, "to": int, "polarity": 2.0 | 4.0 | 6.0}]}``
(negative, neutral, positive toward the person the target names). Each target is classified in its sentence,
the sentence's other targets standing for the other actors; macro-F1 and accuracy over the three classes, and
precision, recall and F1 of each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from onrecord.analyses.stance import CLASSES
from onrecord.analyses.stance_model import Inputs, Target, inputs, probabilities
from onrecord.errors import EvaluationError
from onrecord.evaluate.scores import prf

_FORMAT = 'expected JSON lines {"sentence_normalized": ..., "targets": [{"from", "to", "polarity": 2.0|4.0|6.0}]}'
_POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
Line = tuple[str, list[tuple[int, int, int]]]  # a sentence and its targets: start, end, gold class


def read_targets(file: Path) -> tuple[list[Inputs], list[int]]:
    """The model's inputs for every target of a NewsMTSC file, and their gold classes (indexes of ``CLASSES``)."""
    from onrecord.analyses.stance import lexicon
    from onrecord.nlp import english

    lines = read_lines(file)
    targets, gold = targets_of(lines, english().pipe((sentence for sentence, _ in lines), batch_size=64))
    words = lexicon()
    return [inputs(target, words) for target in targets], gold


def targets_of(lines: list[Line], docs: Iterable[Any]) -> tuple[list[Target], list[int]]:
    """Each target of the parsed lines in its sentence, the sentence's other targets standing for the other
    actors, and its gold class."""
    targets: list[Target] = []
    gold: list[int] = []
    for (_, found), doc in zip(lines, docs, strict=True):
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end, _ in found]
        for span, (_, _, label) in zip(spans, found, strict=True):
            if span is None:
                continue
            others = frozenset(i for other in spans if other is not None and other != span
                               for i in range(other.start, other.end))
            targets.append(Target(span, doc[:], others))
            gold.append(label)
    return targets, gold


def read_lines(file: Path) -> list[Line]:
    """The sentences of a NewsMTSC file with their targets; ``EvaluationError`` names a malformed line."""
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read the file ({error})", str(file), _FORMAT) from None
    lines = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            targets = [(int(t["from"]), int(t["to"]), _POLARITY[float(t["polarity"])]) for t in data["targets"]]
            lines.append((str(data["sentence_normalized"]), targets))
        except (ValueError, KeyError, TypeError):
            raise EvaluationError("malformed line", f"{file}:{number}", _FORMAT) from None
    if not lines:
        raise EvaluationError("no lines in the file", str(file), _FORMAT)
    return lines


def evaluate_stance(data: Path) -> dict[str, Any]:
    """Macro-F1, accuracy, per-class scores and the confusion matrix (gold rows, predicted columns)."""
    batch, gold = read_targets(data)
    predicted = [int(row.argmax()) for row in probabilities(batch)]
    confusion = [[sum(1 for g, p in zip(gold, predicted, strict=True) if g == i and p == j) for j in range(3)]
                 for i in range(3)]
    per_class = {}
    for index, name in enumerate(CLASSES):
        p, r, f1 = prf(confusion[index][index], sum(row[index] for row in confusion), sum(confusion[index]))
        per_class[name] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "gold": sum(confusion[index])}
    return {
        "targets": len(gold),
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / 3, 4),
        "accuracy": round(sum(confusion[i][i] for i in range(3)) / max(len(gold), 1), 4),
        "classes": per_class,
        "confusion": confusion,
    }


def show(result: dict[str, Any], console: Console) -> None:
    """Macro-F1 and accuracy, then a table of each class."""
    console.print(f"Stance toward targets ({result['targets']} targets): macro-F1 {result['macro_f1']:.4f}, "
                  f"accuracy {result['accuracy']:.4f}")
    table = Table(title_justify="left")
    for column in ("class", "gold", "P", "R", "F1", *(f"as {c}" for c in CLASSES)):
        table.add_column(column, justify="left" if column == "class" else "right")
    for index, name in enumerate(CLASSES):
        scores = result["classes"][name]
        table.add_row(name, str(scores["gold"]), f"{scores['p']:.4f}", f"{scores['r']:.4f}", f"{scores['f1']:.4f}",
                      *(str(n) for n in result["confusion"][index]))
    console.print(table)
