"""``evaluate clarity``: answer clarity scored on CLARITY-format files (Thomas et al., EMNLP Findings 2024).

A line is ``{"interview": {"url": str}, "question": str, "sub_question": str, "answer": str, "clarity": "Clear
Reply" | "Ambivalent" | "Clear Non-Reply", "evasion": str | null}``. Each item's sub-question is read against its
answer as the pipeline reads one question of an exchange. Two figures: the shipped model's, and a cross-validated
one where the model is refitted with each interview left out in turn and scored on it (the honest figure on the file
the shipped model was fitted on). Macro-F1 and accuracy over the three classes, precision, recall and F1 of each,
the confusion matrix, and the nine-way evasion macro-F1 over items whose annotators agree (a majority label).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from onrecord.analyses.replies.model import Model, fit, judge, load
from onrecord.errors import EvaluationError
from onrecord.evaluate.scores import prf
from onrecord.record import CLARITIES, EVASIONS, Clarity, Evasion

_FORMAT = ('expected JSON lines {"interview": {"url"}, "question", "sub_question", "answer", "clarity": '
           '"Clear Reply"|"Ambivalent"|"Clear Non-Reply", "evasion"}')
_CLARITY: dict[str, Clarity] = {"Clear Reply": "reply", "Ambivalent": "ambivalent", "Clear Non-Reply": "non-reply"}
_EVASION: dict[str, Evasion] = {"Explicit": "explicit", "Implicit": "implicit", "Dodging": "dodging",
                                "Deflection": "deflection", "Partial/half-answer": "partial", "General": "general",
                                "Declining to answer": "declining", "Claims ignorance": "ignorance",
                                "Clarification": "clarification"}


@dataclass(frozen=True)
class Item:
    """One labelled question: its interview, the texts, the gold class and technique."""

    interview: str
    question: str
    sub_question: str
    answer: str
    clarity: Clarity
    evasion: Evasion | None


def read_items(file: Path) -> list[Item]:
    """The items of a CLARITY-format file; ``EvaluationError`` names a malformed line."""
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read the file ({error})", str(file), _FORMAT) from None
    items = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            evasion = data.get("evasion")
            if not str(data["answer"]).strip():
                raise ValueError("no answer")
            items.append(Item(str(data["interview"]["url"]), str(data["question"]), str(data["sub_question"]),
                              str(data["answer"]), _CLARITY[data["clarity"]],
                              None if evasion is None else _EVASION[evasion]))
        except (ValueError, KeyError, TypeError):
            raise EvaluationError("malformed line", f"{file}:{number}", _FORMAT) from None
    if not items:
        raise EvaluationError("no lines in the file", str(file), _FORMAT)
    return items


def featurize(items: list[Item]) -> np.ndarray[Any, Any]:
    """The clarity features of each item, its texts parsed and embedded as the pipeline does."""
    from onrecord.analyses.replies import measure_pairs
    from onrecord.analyses.replies.questions import sub_questions
    from onrecord.nlp import english

    texts = [text for item in items for text in (item.sub_question.strip(), item.question, item.answer)]
    docs = list(english().pipe(texts, batch_size=32))
    triples = [(docs[3 * i][:], docs[3 * i + 1][:], list(docs[3 * i + 2].sents),
                len(sub_questions(list(docs[3 * i + 1].sents)))) for i in range(len(items))]
    return measure_pairs(triples)[0]


def evaluate_clarity(data: Path) -> dict[str, Any]:
    """The shipped model's scores and the interview-grouped cross-validated scores."""
    items = read_items(data)
    x = featurize(items)
    shipped = [judge(load(), row) for row in x]
    crossed: list[Any] = [None] * len(items)
    interviews = sorted({item.interview for item in items})
    for interview in interviews:
        train = [i for i, item in enumerate(items) if item.interview != interview]
        model = _refit(x, items, train)
        for i, item in enumerate(items):
            if item.interview == interview:
                crossed[i] = judge(model, x[i])
    return {
        "items": len(items),
        "interviews": len(interviews),
        "shipped": scores_of(items, [(j.clarity, j.evasion) for j in shipped]),
        "cross_validated": scores_of(items, [(j.clarity, j.evasion) for j in crossed]),
    }


def _refit(x: np.ndarray[Any, Any], items: list[Item], rows: list[int]) -> Model:
    return fit(x[rows], [items[i].evasion for i in rows], [items[i].clarity for i in rows])


def scores_of(items: list[Item], predicted: list[tuple[Clarity, Evasion]]) -> dict[str, Any]:
    gold = [item.clarity for item in items]
    confusion = [[sum(1 for g, (p, _) in zip(gold, predicted, strict=True) if g == a and p == b) for b in CLARITIES]
                 for a in CLARITIES]
    classes = {}
    for index, name in enumerate(CLARITIES):
        p, r, f1 = prf(confusion[index][index], sum(row[index] for row in confusion), sum(confusion[index]))
        classes[name] = {"p": p, "r": r, "f1": f1, "gold": sum(confusion[index])}
    agreed = [(item.evasion, e) for item, (_, e) in zip(items, predicted, strict=True) if item.evasion is not None]
    evasion_f1 = []
    for technique in EVASIONS:
        hits = sum(1 for g, e in agreed if g == e == technique)
        evasion_f1.append(prf(hits, sum(1 for _, e in agreed if e == technique),
                              sum(1 for g, _ in agreed if g == technique))[2])
    return {
        "macro_f1": round(sum(c["f1"] for c in classes.values()) / len(CLARITIES), 4),
        "accuracy": round(sum(confusion[i][i] for i in range(len(CLARITIES))) / len(items), 4),
        "classes": classes,
        "confusion": confusion,
        "evasion_macro_f1": round(sum(evasion_f1) / len(EVASIONS), 4),
        "evasion_items": len(agreed),
    }


def show(result: dict[str, Any], console: Console) -> None:
    """Both figures, then a table of each class for each."""
    console.print(f"Answer clarity ({result['items']} questions, {result['interviews']} interviews)")
    for key, title in (("cross_validated", "cross-validated, each interview left out of the fit"),
                       ("shipped", "shipped model")):
        scores = result[key]
        console.print(f"{title}: macro-F1 {scores['macro_f1']:.4f}, accuracy {scores['accuracy']:.4f}, evasion "
                      f"macro-F1 {scores['evasion_macro_f1']:.4f} ({scores['evasion_items']} with a majority label)")
        table = Table(title_justify="left")
        for column in ("class", "gold", "P", "R", "F1", *(f"as {c}" for c in CLARITIES)):
            table.add_column(column, justify="left" if column == "class" else "right")
        for index, name in enumerate(CLARITIES):
            c = scores["classes"][name]
            table.add_row(name, str(c["gold"]), f"{c['p']:.4f}", f"{c['r']:.4f}", f"{c['f1']:.4f}",
                          *(str(n) for n in scores["confusion"][index]))
        console.print(table)
