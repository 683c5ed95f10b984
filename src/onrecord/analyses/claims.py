"""Check-worthy claims: every sentence gets a score in [0, 1] of how worth fact-checking it is.

The ranker blends a logistic regression over the sentence's word n-grams (tf-idf) with gradient-boosted trees
(trained with LightGBM, evaluated with numpy by ``claim_trees``) over its static embedding (wordllama), counts that mark factual claims (numbers, tense, modality,
comparison), its turn, and its neighbours; both are trained on CLEF-2019 CheckThat! Task 1 by ``scripts/train_checkworthy.py`` and calibrated (Platt)
on leave-one-file-out predictions. The weights ship as ``onrecord/data/checkworthy.npz`` and are read on first
use.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from onrecord.analyses.claim_features import Line, Vector, dense_features, lines_of, ngrams
from onrecord.analyses.claim_trees import Forest, forest_scores
from onrecord.errors import OnrecordError
from onrecord.record import Claim, Record

MODEL_FILE = "checkworthy.npz"


@dataclass(frozen=True)
class Model:
    """The ranker: a linear model over n-grams blended with gradient-boosted trees over the dense features."""

    vocabulary: dict[str, int]
    idf: Vector
    sparse_coef: Vector
    intercept: float
    forest: Forest
    blend: tuple[float, float, float, float]  # mean and spread of each part's raw score on the training data
    platt: tuple[float, float] = (1.0, 0.0)
    # A few training rows and LightGBM's own raw scores of them: the numpy trees must give exactly these.
    check_rows: Vector = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    check_scores: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    def save(self, path: Path) -> None:
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, vocabulary=np.asarray(words, dtype=str), idf=self.idf, sparse_coef=self.sparse_coef,
                            intercept=np.asarray([self.intercept]), blend=np.asarray(self.blend),
                            platt=np.asarray(self.platt), check_rows=self.check_rows,
                            check_scores=self.check_scores, **self.forest.arrays())


def load_model(path: Path | None = None) -> Model:
    """The shipped model (or the one at ``path``)."""
    if path is None:
        return _shipped()
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        blend = tuple(float(v) for v in arrays["blend"])
        platt = tuple(float(v) for v in arrays["platt"])
        return Model({str(w): i for i, w in enumerate(arrays["vocabulary"])}, arrays["idf"].astype(np.float32),
                     arrays["sparse_coef"].astype(np.float32), float(arrays["intercept"][0]),
                     Forest.from_arrays(arrays), (blend[0], blend[1], blend[2], blend[3]), (platt[0], platt[1]),
                     arrays["check_rows"].astype(np.float32), arrays["check_scores"].astype(np.float64))
    except (OSError, ValueError, KeyError, IndexError) as error:
        raise OnrecordError("cannot load the check-worthiness model", str(path),
                            f"rebuild it with scripts/train_checkworthy.py ({error})") from None


@functools.cache
def _shipped() -> Model:
    with resources.as_file(resources.files("onrecord") / "data" / MODEL_FILE) as path:
        return load_model(path)


@functools.cache
def _embedder() -> Any:
    import wordllama
    from wordllama import WordLlama

    # The weights ship inside the wordllama package; never reach for the network.
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> Vector:
    """Static sentence embeddings (wordllama, 256 dimensions)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    return np.asarray(_embedder().embed(list(texts)), dtype=np.float32)


def sparse_rows(texts: Sequence[str], vocabulary: dict[str, int], idf: Vector) -> list[tuple[list[int], Vector]]:
    """Each text's n-grams as (column indices, l2-normalized sublinear tf-idf weights)."""
    rows = []
    for text in texts:
        counts = Counter(g for g in ngrams(text) if g in vocabulary)
        columns = [vocabulary[g] for g in counts]
        weights = np.asarray([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * idf[columns]
        norm = float(np.linalg.norm(weights))
        rows.append((columns, weights / norm if norm else weights))
    return rows


def linear_scores(model: Model, texts: Sequence[str]) -> npt.NDArray[np.float64]:
    """The n-gram model's raw scores."""
    rows = sparse_rows(texts, model.vocabulary, model.idf)
    return np.asarray([float(w @ model.sparse_coef[c]) + model.intercept for c, w in rows], dtype=np.float64)


def tree_scores(model: Model, dense: Vector) -> npt.NDArray[np.float64]:
    """The trees' raw scores (log-odds)."""
    return forest_scores(model.forest, dense)


def logits(model: Model, lines: Sequence[Line]) -> npt.NDArray[np.float64]:
    """The model's raw (uncalibrated) scores: both parts, each standardized as on the training data, summed."""
    if not lines:
        return np.zeros(0)
    texts = [line.text for line in lines]
    linear = linear_scores(model, texts)
    trees = tree_scores(model, dense_features(lines, embed(texts)))
    m1, s1, m2, s2 = model.blend
    return np.asarray((linear - m1) / s1 + (trees - m2) / s2, dtype=np.float64)


def score_lines(lines: Sequence[Line], *, model: Model | None = None) -> npt.NDArray[np.float64]:
    """Calibrated check-worthiness of each line, in [0, 1]."""
    model = model or load_model()
    a, b = model.platt
    return np.asarray(1.0 / (1.0 + np.exp(-(a * logits(model, lines) + b))), dtype=np.float64)


def find_claims(record: Record, doc: Any = None) -> list[Claim]:
    """A claim for every sentence of the record, in document order, flagged with its turn's kind."""
    lines = lines_of(record)
    scores = score_lines(lines)
    return [Claim(sentence.id, round(float(score), 4), turn_kind=line.kind)
            for sentence, line, score in zip(record.sentences, lines, scores, strict=True)]
