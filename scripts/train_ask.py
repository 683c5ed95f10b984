"""Fit the weights of ask's ranker (``src/onrecord/data/ask-weights.json``) on questions with known answers.

For every question, ask gathers its candidate sentences as it does when answering; a candidate is right when it
holds one of the question's verbatim answers. Both weight vectors are fitted by coordinate ascent (Metzler and
Croft's method for linear rankers: one weight at a time, over a grid, keeping what raises the objective) on the
metric itself: the first look's (shallow features) on recall at the shortlist's length, then the ranking's (all
features, over the shortlist that first look keeps) on recall@3, with a third of the mean reciprocal rank to
break ties. Since which documents are read whole depends on the weights, gathering and fitting alternate for
``--rounds`` rounds.

The corpus must hold the reference interview and the UN General Debate speeches of ``../shared/data``:
  onrecord add ../shared/data/seed/000_7bfc00263638301d.txt ../shared/data/ungdc --corpus /tmp/ungdc.db --workers 2
  python scripts/train_ask.py --corpus /tmp/ungdc.db tests/data/questions_train.json tests/data/questions.json
Held-out question files are never given here; ``benchmarks/ask_recall.py`` measures them afterwards.
``--cross-validate`` writes no weights: it leaves each given file out in turn, fits the ranking on the others and
measures it on the one left out, an estimate of how the ranker does on questions it was not fitted on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.ask import features as ranker
from onrecord.ask.query import parse
from onrecord.ask.rank import SHORTLIST, gather
from onrecord.corpus import Corpus
from onrecord.evaluate.excerpts import load_questions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
WEIGHTS = ROOT / "src" / "onrecord" / "data" / "ask-weights.json"


def _flat(text: str) -> str:
    return " ".join(text.split())


Data = list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]


def examples(corpus: Corpus, questions: list[dict[str, Any]]) -> Data:
    """(features, labels) of every candidate, before any shortlist, per question whose answer is among them."""
    found = []
    connection = corpus.reader()
    for item in questions:
        question = parse(connection, item["question"])
        candidates = list(gather(connection, question, shortlist=None).values())
        answers = [_flat(a) for a in item["answers"]]
        labels = np.array([any(a in _flat(c.text) for a in answers) for c in candidates], dtype=np.float64)
        if labels.any():
            found.append((ranker.features(connection, question, candidates).astype(np.float64), labels))
    return found


def shortlisted(data: Data, first_look: np.ndarray[Any, Any]) -> Data:
    """What the ranking sees: the ``SHORTLIST`` best candidates at first look, where a right one is among them."""
    kept = []
    for table, labels in data:
        order = np.argsort(-(table @ first_look), kind="stable")[:SHORTLIST]
        if labels[order].any():
            kept.append((table[order], labels[order]))
    return kept


def objective(data: Data, weights: np.ndarray[Any, Any], total: int, at: int = 3) -> float:
    """Recall@``at`` of sentences over ``total`` questions, plus a third of their mean reciprocal rank."""
    hits, reciprocal = 0, 0.0
    for table, labels in data:
        scores = table @ weights
        best = scores[labels > 0].max()
        rank = 1 + int((scores[labels == 0] >= best).sum())  # a tie is a loss: equal weights rank nothing
        hits += rank <= at
        reciprocal += 1 / rank
    return (hits + reciprocal / 3) / max(total, 1)


def ascend(data: Data, start: np.ndarray[Any, Any], total: int, *, at: int = 3, free: np.ndarray[Any, Any] | None = None,
           passes: int = 6) -> np.ndarray[Any, Any]:
    """Coordinate ascent from ``start``: each weight (of those ``free``, by default all) in turn set to the grid
    value that scores best."""
    weights = start.copy()
    best = objective(data, weights, total, at)
    for _ in range(passes):
        improved = False
        for j in range(len(weights)):
            if free is not None and not free[j]:
                continue
            for value in sorted({*(weights[j] * f for f in (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)),
                                 *(-1.0, -0.5, -0.2, 0.0, 0.1, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 3.0)}):
                trial = weights.copy()
                trial[j] = value
                score = objective(data, trial, total, at)
                if score > best + 1e-9:
                    best, weights, improved = score, trial, True
        if not improved:
            break
    return weights


def recall(data: Data, weights: np.ndarray[Any, Any], total: int, at: int = 3) -> float:
    """Share of ``total`` questions with a right candidate among the ``at`` best (sentences, not evidence)."""
    hits = 0
    for table, labels in data:
        order = np.argsort(-(table @ weights), kind="stable")[:at]
        hits += bool(labels[order].any())
    return hits / max(total, 1)


def out_of_fold(folds: dict[str, tuple[Data, int]], start: np.ndarray[Any, Any]) -> dict[str, int]:
    """Leave one fold out: the ranking's weights fitted (from ``start``) on the other folds, then how many of the
    fold's questions (``Data`` of its shortlists and its number of questions) are answered in the top 3."""
    answered = {}
    for name, (held, total) in folds.items():
        rest = [item for other, (data, _) in folds.items() if other != name for item in data]
        weights = ascend(rest, start, sum(n for other, (_, n) in folds.items() if other != name))
        answered[name] = round(recall(held, weights, total) * total)
    return answered


def cross_validate(corpus: Corpus, files: list[str]) -> None:
    """``out_of_fold`` with a fold per question file, from the shipped weights (the first look kept as shipped)."""
    look = ranker.feature_weights("first_look").astype(np.float64)
    folds = {}
    for path in files:
        questions = load_questions(Path(path), DATA)
        folds[Path(path).name] = (shortlisted(examples(corpus, questions), look), len(questions))
    answered = out_of_fold(folds, ranker.feature_weights("deep").astype(np.float64))
    for name, hits in answered.items():
        print(f"{name}: {hits}/{folds[name][1]} in the top 3 out of fold")
    hits, total = sum(answered.values()), sum(n for _, n in folds.values())
    print(f"out of fold: {hits}/{total} questions answered in the top 3 ({hits / max(total, 1):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("questions", nargs="+", help="question files (JSON, as tests/data/questions_train.json)")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cross-validate", action="store_true",
                        help="write no weights: leave each file out in turn and print recall@3 on it")
    arguments = parser.parse_args()
    if arguments.cross_validate:
        with Corpus(arguments.corpus) as corpus:
            cross_validate(corpus, arguments.questions)
        return
    questions = [q for path in arguments.questions for q in json.loads(Path(path).read_text())["questions"]]
    total = len(questions)
    shallow = np.array([name in ranker.SHALLOW for name in ranker.FEATURES])
    with Corpus(arguments.corpus) as corpus:
        for round_ in range(arguments.rounds):
            data = examples(corpus, questions)
            look = ascend(data, ranker.feature_weights("first_look").astype(np.float64), total, at=SHORTLIST,
                          free=shallow)
            kept = shortlisted(data, look)
            start = ranker.feature_weights("deep").astype(np.float64)
            deep = ascend(kept, start, total)
            print(f"round {round_ + 1}: answer among candidates for {len(data)}/{total} questions, among the "
                  f"shortlist for {len(kept)}; recall@3 of sentences {recall(kept, start, total):.3f} -> "
                  f"{recall(kept, deep, total):.3f}", file=sys.stderr)
            WEIGHTS.write_text(json.dumps({
                "about": "Weights of ask's ranker, fitted by scripts/train_ask.py (coordinate ascent: the first "
                         f"look on recall@{SHORTLIST}, the ranking on recall@3, {arguments.rounds} rounds) on "
                         f"{', '.join(Path(p).name for p in arguments.questions)} ({total} questions) "
                         "over the reference interview and the UN General Debate corpus.",
                "first_look": {name: round(float(w), 4) for name, w, free in zip(ranker.FEATURES, look, shallow,
                                                                                  strict=True) if free},
                "deep": {name: round(float(w), 4) for name, w in zip(ranker.FEATURES, deep, strict=True)},
            }, indent=2) + "\n", encoding="utf-8")
            ranker.feature_weights.cache_clear()
    print(WEIGHTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
