"""Fit the weights of ask's ranker (``src/onrecord/data/ask-weights.json``) on questions with known answers.

For every question, ask gathers its candidate sentences as it does when answering; a candidate is right when it
holds one of the question's verbatim answers. The weights are fitted by coordinate ascent (Metzler and Croft's
method for linear rankers: one weight at a time, over a grid, keeping what raises the objective) on the metric
itself, recall@3 of sentences plus a third of the mean reciprocal rank to break ties; since which documents
are read whole depends on the weights, gathering and fitting alternate for ``--rounds`` rounds.

The corpus must hold the reference interview and the UN General Debate speeches of ``../shared/data``:
  onrecord add ../shared/data/seed/000_7bfc00263638301d.txt ../shared/data/ungdc --corpus /tmp/ungdc.db --workers 2
  python scripts/train_ask.py --corpus /tmp/ungdc.db tests/data/questions_train.json tests/data/questions.json
Held-out question files are never given here; ``benchmarks/ask_recall.py`` measures them afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.corpus import Corpus
from onrecord.corpus import features as ranker
from onrecord.corpus.ask import gather
from onrecord.corpus.query import parse

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "onrecord" / "data" / "ask-weights.json"


def _flat(text: str) -> str:
    return " ".join(text.split())


def examples(corpus: Corpus, questions: list[dict[str, Any]]) -> Data:
    """(features, labels) per question whose answer is among its candidates."""
    found = []
    connection = corpus.reader()
    for item in questions:
        question = parse(connection, item["question"])
        candidates = list(gather(connection, question).values())
        answers = [_flat(a) for a in item["answers"]]
        labels = np.array([any(a in _flat(c.text) for a in answers) for c in candidates], dtype=np.float64)
        if labels.any():
            found.append((ranker.features(connection, question, candidates).astype(np.float64), labels))
    return found


Data = list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]


def objective(data: Data, weights: np.ndarray[Any, Any], total: int) -> float:
    """Recall@3 of sentences over ``total`` questions, plus a third of their mean reciprocal rank."""
    hits, reciprocal = 0, 0.0
    for table, labels in data:
        scores = table @ weights
        best = scores[labels > 0].max()
        rank = 1 + int((scores[labels == 0] >= best).sum())  # a tie is a loss: equal weights rank nothing
        hits += rank <= 3
        reciprocal += 1 / rank
    return (hits + reciprocal / 3) / max(total, 1)


def ascend(data: Data, start: np.ndarray[Any, Any], total: int, *, passes: int = 6) -> np.ndarray[Any, Any]:
    """Coordinate ascent from ``start``: each weight in turn set to the grid value that scores best."""
    weights = start.copy()
    best = objective(data, weights, total)
    for _ in range(passes):
        improved = False
        for j in range(len(weights)):
            for value in sorted({*(weights[j] * f for f in (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)),
                                 *(-1.0, -0.5, -0.2, 0.0, 0.1, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 3.0)}):
                trial = weights.copy()
                trial[j] = value
                score = objective(data, trial, total)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("questions", nargs="+", help="question files (JSON, as tests/data/questions_train.json)")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    questions = [q for path in arguments.questions for q in json.loads(Path(path).read_text())["questions"]]
    with Corpus(arguments.corpus) as corpus:
        for round_ in range(arguments.rounds):
            data = examples(corpus, questions)
            start = ranker.feature_weights().astype(np.float64)
            fitted = ascend(data, start, len(questions))
            print(f"round {round_ + 1}: answer among candidates for {len(data)}/{len(questions)} questions; "
                  f"recall@3 of sentences {recall(data, start, len(questions)):.3f} -> "
                  f"{recall(data, fitted, len(questions)):.3f}", file=sys.stderr)
            WEIGHTS.write_text(json.dumps({
                "about": "Weights of ask's ranker, fitted by scripts/train_ask.py (coordinate ascent on recall@3, "
                         f"{arguments.rounds} rounds) on "
                         f"{', '.join(Path(p).name for p in arguments.questions)} ({len(questions)} questions) "
                         "over the reference interview and the UN General Debate corpus.",
                "weights": {name: round(float(w), 4) for name, w in zip(ranker.FEATURES, fitted, strict=True)},
            }, indent=2) + "\n", encoding="utf-8")
            ranker.feature_weights.cache_clear()
    print(WEIGHTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
