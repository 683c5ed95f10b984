"""Recall@1 and @3 of ``Corpus.ask`` on the question set (tests/data/questions.json).

A question is answered at rank r when the r-th piece of evidence contains one of its excerpts (read from the
documents in ../shared/data, which the corpus must hold).
Usage: python benchmarks/ask_recall.py --corpus onrecord.db [--questions tests/data/questions.json] [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from onrecord.corpus import Corpus
from onrecord.evaluate.excerpts import load_questions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def rank(evidence: list[dict[str, Any]], answers: list[str]) -> int | None:
    """The 1-based rank of the first evidence quoting an answer, or None."""
    for position, item in enumerate(evidence, 1):
        text = " ".join(item["span"]["text"].split())
        if any(" ".join(answer.split()) in text for answer in answers):
            return position
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default="onrecord.db")
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.json"))
    parser.add_argument("--show", action="store_true", help="print every miss with the top evidence")
    arguments = parser.parse_args()
    questions = load_questions(Path(arguments.questions), DATA)
    ranks = []
    with Corpus(arguments.corpus) as corpus:
        for item in questions:
            evidence = corpus.ask(item["question"], k=10)["evidence"]
            found = rank(evidence, item["answers"])
            ranks.append(found)
            if arguments.show and (found is None or found > 1):
                top = evidence[0]["span"]["text"][:110] if evidence else "-"
                print(f"{found!s:>4}  {item['question']}\n      top: {top}")
    total = len(ranks)
    at = {k: sum(1 for r in ranks if r is not None and r <= k) / total for k in (1, 3, 10)}
    print(json.dumps({"questions": total, "recall@1": round(at[1], 3), "recall@3": round(at[3], 3),
                      "recall@10": round(at[10], 3)}))


if __name__ == "__main__":
    main()
