"""Score answer clarity against hand-written gold for whole transcripts (evaluation/clarity).

    .venv/bin/python scripts/score_clarity.py [GOLD ...] [--details]

A gold file names its document (looked for in ../shared/data/seed and ../shared/data/briefings) and lists, per
exchange, each sub-question by its character offsets into the text onrecord reads from the document, with the first
12 hex digits of the SHA-1 of that text (``onrecord.evaluate.excerpts``: the gold holds no text of the documents),
and its clarity (CLARITY's "Clear Reply", "Ambivalent", "Clear Non-Reply") and evasion technique. Each gold
sub-question is matched to the reply whose question span overlaps it; the figures are the agreement on the class,
macro-F1 over the three classes, the confusion matrix (gold rows, the tool's columns) and how many gold
sub-questions the tool did not ask at all.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from onrecord.evaluate.excerpts import document_path, excerpt
from onrecord.evaluate.scores import prf
from onrecord.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evaluation" / "clarity"
SHARED = ROOT.parent / "shared" / "data"
CLASSES = ("reply", "ambivalent", "non-reply")
_CLARITY = {"Clear Reply": "reply", "Ambivalent": "ambivalent", "Clear Non-Reply": "non-reply"}


def score_file(gold_path: Path, details: bool) -> list[tuple[str, str | None]]:
    """(gold class, the tool's class or None) for each gold sub-question."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = analyze(document_path(gold["document"], SHARED))
    text = record.document.text
    pairs: list[tuple[str, str | None]] = []
    for exchange in gold["exchanges"]:
        for sub in exchange["sub_questions"]:
            start, end = sub["start"], sub["end"]
            asked = excerpt(text, start, end, sub["sha1"], gold_path.name)
            found = next((r for r in record.replies if r.question.start < end and start < r.question.end), None)
            pairs.append((_CLARITY[sub["clarity"]], None if found is None else found.clarity))
            if details:
                tool = "-" if found is None else f"{found.clarity}/{found.evasion} {found.confidence}"
                print(f"  {_CLARITY[sub['clarity']]:>10}/{sub['evasion']:<20} tool {tool:<28} {asked[:70]}")
    return pairs


def summary(pairs: list[tuple[str, str | None]]) -> dict[str, Any]:
    confusion = [[sum(1 for g, p in pairs if g == a and p == b) for b in CLASSES] for a in CLASSES]
    f1 = [prf(confusion[i][i], sum(row[i] for row in confusion), sum(confusion[i]))[2] for i in range(3)]
    return {"sub_questions": len(pairs), "agree": sum(1 for g, p in pairs if g == p),
            "unmatched": sum(1 for _, p in pairs if p is None), "macro_f1": round(sum(f1) / 3, 4),
            "f1": dict(zip(CLASSES, f1, strict=True)), "confusion": confusion}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    total: list[tuple[str, str | None]] = []
    for path in args.gold or sorted(GOLD.glob("*.gold.json")):
        print(path.name)
        pairs = score_file(path, args.details)
        print(" ", json.dumps(summary(pairs)))
        total += pairs
    print("total", json.dumps(summary(total)))


if __name__ == "__main__":
    main()
