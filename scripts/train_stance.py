"""Train the mention-level stance model on NewsMTSC's training file and write src/onrecord/data/stance.npz.

    .venv/bin/python scripts/train_stance.py [--data JSONL] [--out NPZ] [--cv-only]

Featurizes every target of ``../shared/data/newsmtsc/train.jsonl`` with ``onrecord.analyses.stance_model.inputs``
(the other targets of a sentence stand for the other actors), chooses the regularization by 4-fold
cross-validation on the training file alone (macro-F1 printed for each candidate), fits a multinomial logistic
regression on all of it and writes the weights. Deterministic: fixed folds, the lbfgs solver.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from onrecord.analyses.stance_model import BUCKETS, MODEL_FILE, Inputs, dense, hashed
from onrecord.evaluate.stance import read_targets

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
OUT = ROOT / "src" / "onrecord" / "data" / MODEL_FILE
CANDIDATES = (0.03, 0.05, 0.1)
SEED = 1


def matrix(batch: list[Inputs]) -> sparse.csr_matrix:
    """Hashed features (binary) beside the dense inputs, one row per target."""
    rows = [hashed(item.names) for item in batch]
    indptr = np.cumsum([0] + [len(r) for r in rows])
    hashed_part = sparse.csr_matrix((np.ones(indptr[-1], dtype=np.float32), np.concatenate(rows), indptr),
                                    shape=(len(batch), BUCKETS))
    return sparse.hstack([hashed_part, sparse.csr_matrix(dense(batch))]).tocsr()


def fit(x: Any, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv-only", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args()
    batch, labels = read_targets(args.data)
    x, y = matrix(batch), np.array(labels)
    folds = list(StratifiedKFold(4, shuffle=True, random_state=SEED).split(x, y))
    scores = {c: float(np.mean([f1_score(y[b], fit(x[a], y[a], c).predict(x[b]), average="macro") for a, b in folds]))
              for c in CANDIDATES}
    best = max(scores, key=lambda c: scores[c])
    print(json.dumps({"targets": len(y), "cv_macro_f1": {str(c): round(s, 4) for c, s in scores.items()}, "C": best}))
    if args.cv_only:
        return
    final = fit(x, y, best)
    coef = final.coef_.T.astype(np.float32)  # (features, classes)
    np.savez_compressed(args.out, sparse=coef[:BUCKETS].astype(np.float16), dense=coef[BUCKETS:],
                        bias=final.intercept_.astype(np.float32))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
