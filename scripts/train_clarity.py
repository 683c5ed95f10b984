"""Fit the answer clarity model on CLARITY's dev half and write src/onrecord/data/clarity.npz.

    .venv/bin/python scripts/train_clarity.py [--data JSONL] [--out NPZ] [--cv-only]

Featurizes every item of ``../shared/data/clarity/dev.jsonl`` as ``onrecord evaluate clarity`` does, prints the
leave-one-interview-out macro-F1 of each regularization and reply weight of a small grid (the values in
``onrecord.analyses.replies.model`` were chosen from it), fits the model on all items and writes it. The file is
CC BY-NC-ND: the weights are numbers fitted on it, none of its text. Deterministic: full-batch gradient descent
from zero weights.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from onrecord.analyses.replies.model import MODEL_FILE, REPLY_WEIGHT, C, fit, judge, save
from onrecord.evaluate.clarity import featurize, read_items, scores_of

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clarity" / "dev.jsonl"
OUT = ROOT / "src" / "onrecord" / "data" / MODEL_FILE
GRID = ((0.03, 1.0), (0.03, 1.5), (0.03, 2.0), (0.1, 1.0), (0.1, 1.5), (0.1, 2.0), (0.3, 1.0), (0.3, 1.5), (1.0, 1.5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv-only", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args()
    items = read_items(args.data)
    x = featurize(items)
    interviews = sorted({item.interview for item in items})
    grid = {}
    for c, weight in GRID:
        predicted = [None] * len(items)
        for interview in interviews:
            train = [i for i, item in enumerate(items) if item.interview != interview]
            model = fit(x[train], [items[i].evasion for i in train], [items[i].clarity for i in train], c=c,
                        reply_weight=weight)
            for i, item in enumerate(items):
                if item.interview == interview:
                    judgement = judge(model, x[i])
                    predicted[i] = (judgement.clarity, judgement.evasion)
        scores = scores_of(items, predicted)  # type: ignore[arg-type]
        grid[f"C={c} reply_weight={weight}"] = (scores["macro_f1"], scores["evasion_macro_f1"])
    print(json.dumps({"items": len(items), "interviews": len(interviews), "chosen": f"C={C} reply_weight={REPLY_WEIGHT}",
                      "leave_one_interview_out": grid}, indent=1))
    if args.cv_only:
        return
    save(fit(x, [i.evasion for i in items], [i.clarity for i in items]), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
