"""Train the check-worthiness ranker on the CLEF-2019 CheckThat! Task 1 training folder.

    .venv/bin/python scripts/train_checkworthy.py [--data DIR] [--claimbuster JSON] [--out NPZ] [--cv-only]

Runs leave-one-file-out cross-validation over the folder's files (a model trained on the others scores each
file), prints the averaged measures as JSON, fits Platt scaling on those held-out scores, trains the final
model on every file and writes it to src/onrecord/data/checkworthy.npz. Deterministic: no sampling, fixed seed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import lightgbm
import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from onrecord.analyses.claim_features import Line, dense_features, lines_of, ngrams, tokens
from onrecord.analyses.claim_trees import forest_of
from onrecord.analyses.claims import MODEL_FILE, Model, embed, linear_scores, logits, sparse_rows, tree_scores
from onrecord.evaluate.checkworthy import clef_files, clef_record, read_clef
from onrecord.evaluate.ranking import mean_measures, measures, rank_labels

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clef2019-checkworthy" / "training"
OUT = ROOT / "src" / "onrecord" / "data" / MODEL_FILE
SEED = 13
MIN_DF = 2
CHECK_ROWS = 8  # training rows whose LightGBM scores ship with the model, to check the numpy trees


Extra = tuple[list[str], np.ndarray]
NO_EXTRA: Extra = ([], np.zeros(0, dtype=np.int64))


@dataclass
class Fold:
    """One training file, featurized."""

    name: str
    lines: list[Line]
    labels: np.ndarray
    dense: np.ndarray


def load(data: Path) -> list[Fold]:
    folds = []
    for file in clef_files(data):
        gold = read_clef(file)
        lines = lines_of(clef_record(gold, title=file.name))
        dense = dense_features(lines, embed([line.text for line in lines]))
        folds.append(Fold(file.name, lines, np.asarray([g.label for g in gold]), dense))
    return folds


def vocabulary_of(texts: list[str]) -> tuple[dict[str, int], np.ndarray]:
    """N-grams in at least MIN_DF sentences, with smoothed idf (as scikit-learn computes it)."""
    df = Counter(g for text in texts for g in set(ngrams(text)))
    words = sorted(g for g, n in df.items() if n >= MIN_DF)
    idf = np.asarray([math.log((1 + len(texts)) / (1 + df[w])) + 1 for w in words], dtype=np.float32)
    return {w: i for i, w in enumerate(words)}, idf


def words_matrix(texts: list[str], vocabulary: dict[str, int], idf: np.ndarray) -> sparse.csr_matrix:
    rows = sparse_rows(texts, vocabulary, idf)
    indptr = np.cumsum([0] + [len(columns) for columns, _ in rows])
    indices = np.concatenate([np.asarray(columns, dtype=np.int64) for columns, _ in rows])
    values = np.concatenate([weights for _, weights in rows])
    return sparse.csr_matrix((values, indices, indptr), shape=(len(texts), len(vocabulary)))


def load_extra(path: Path | None, folds: list[Fold]) -> Extra:
    """ClaimBuster's labelled sentences, less any that a CLEF file also has (the same debates appear in both)."""
    if path is None:
        return NO_EXTRA
    seen = {" ".join(tokens(line.text)) for fold in folds for line in fold.lines}
    items = [item for item in json.loads(path.read_text(encoding="utf-8"))
             if " ".join(tokens(item["text"])) not in seen]
    return [str(item["text"]) for item in items], np.asarray([int(item["label"]) for item in items])


def fit(folds: list[Fold], extra: Extra = NO_EXTRA) -> Model:
    """Both parts of the ranker, trained on the folds; the blend weighs each by its spread on them.

    Extra sentences (ClaimBuster) have no transcript around them, so only the n-gram model learns from them.
    """
    texts = [line.text for fold in folds for line in fold.lines]
    dense = np.vstack([fold.dense for fold in folds])
    labels = np.concatenate([fold.labels for fold in folds])
    vocabulary, idf = vocabulary_of(texts + extra[0])
    linear = LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear", random_state=SEED)
    linear.fit(words_matrix(texts + extra[0], vocabulary, idf), np.concatenate([labels, extra[1]]))
    trees = lightgbm.LGBMClassifier(n_estimators=300, learning_rate=0.03, num_leaves=15, min_child_samples=20,
                                    colsample_bytree=0.3, subsample=0.8, subsample_freq=1, reg_lambda=1.0,
                                    scale_pos_weight=5, random_state=SEED, n_jobs=1, deterministic=True,
                                    force_row_wise=True, verbose=-1)
    trees.fit(dense, labels)
    check = dense[:CHECK_ROWS].astype(np.float32)
    model = Model(vocabulary, idf, linear.coef_[0].astype(np.float32), float(linear.intercept_[0]),
                  forest_of(trees.booster_.model_to_string()), (0.0, 1.0, 0.0, 1.0), check_rows=check,
                  check_scores=np.asarray(trees.booster_.predict(check, raw_score=True, num_threads=1)))
    if not np.array_equal(tree_scores(model, check), model.check_scores):
        raise SystemExit("the numpy trees disagree with LightGBM")
    a, b = linear_scores(model, texts), tree_scores(model, dense.astype(np.float32))
    # A part that scores every sentence alike (tiny data: one-leaf trees) gets spread 1, not a division by 0.
    return replace(model, blend=(float(a.mean()), float(a.std()) or 1.0, float(b.mean()), float(b.std()) or 1.0))


def cross_validate(folds: list[Fold], extra: Extra = NO_EXTRA) -> tuple[dict[str, object], np.ndarray]:
    """Leave-one-file-out measures, and the held-out raw scores of every line (file order)."""
    per_file = []
    held_out = []
    for i, fold in enumerate(folds):
        model = fit(folds[:i] + folds[i + 1:], extra)
        scores = logits(model, fold.lines)
        held_out.append(scores)
        per_file.append(measures(rank_labels(list(scores), list(fold.labels))))
        print(f"  {fold.name}: AP {per_file[-1].map:.4f}", file=sys.stderr)
    return mean_measures(per_file), np.concatenate(held_out)


def platt(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration of held-out scores, so that a score reads as a probability."""
    learner = LogisticRegression(C=1e4, random_state=SEED).fit(scores.reshape(-1, 1), labels)
    return float(learner.coef_[0, 0]), float(learner.intercept_[0])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--claimbuster", type=Path, default=None,
                        help="ClaimBuster JSON to add to the training side of every fold (n-gram model only)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv-only", action="store_true", help="cross-validate, write nothing")
    args = parser.parse_args(argv)
    np.random.seed(SEED)
    folds = load(args.data)
    extra = load_extra(args.claimbuster, folds)
    result, held_out = cross_validate(folds, extra)
    print(json.dumps({"lofo": result}))
    if args.cv_only:
        return
    labels = np.concatenate([fold.labels for fold in folds])
    model = replace(fit(folds, extra), platt=platt(held_out, labels))
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
