"""The clarity model: which of CLARITY's classes and evasion techniques an answer gives one question.

Two steps, as the taxonomy is built. A refusal, a claim not to know or a request for clarification in the answer's
first sentences is a clear non-reply, its technique the frame's. Otherwise a logistic regression over the
``features`` tells a clear reply (explicit) from an ambivalent one, and a second, multinomial one which ambivalent
technique it is. Both are fitted by ``fit`` (numpy, L2-regularized, full-batch gradient descent on standardized
features) and shipped as ``data/clarity.npz`` by ``scripts/train_clarity.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.analyses.replies.features import NAMES
from onrecord.record import Clarity, Evasion

MODEL_FILE = "clarity.npz"
AMBIVALENT: tuple[Evasion, ...] = ("implicit", "dodging", "deflection", "partial", "general")
# The regularization and the weight of a clear reply against an ambivalent one, chosen by leave-one-interview-out
# cross-validation on CLARITY's dev half (scripts/train_clarity.py prints the grid).
C = 0.1
REPLY_WEIGHT = 1.5
_STEPS = 3000
_RATE = 0.5


@dataclass(frozen=True)
class Model:
    """Standardization, the reply-versus-ambivalent weights, the ambivalent techniques' weights, and how often a
    non-reply frame was right where it was fitted."""

    mean: np.ndarray[Any, Any]
    scale: np.ndarray[Any, Any]
    reply: np.ndarray[Any, Any]  # (features + 1,): weights, then the bias
    evasion: np.ndarray[Any, Any]  # (features + 1, len(AMBIVALENT))
    frame_precision: float


@dataclass(frozen=True)
class Judgement:
    """The class, the technique and how sure the model is of the class."""

    clarity: Clarity
    evasion: Evasion
    confidence: float


def judge(model: Model, features: np.ndarray[Any, Any]) -> Judgement:
    """The judgement for one row of ``features.NAMES``."""
    frame = non_reply_frame(features)
    if frame is not None:
        return Judgement("non-reply", frame, round(model.frame_precision, 2))
    x = np.append((features - model.mean) / model.scale, 1.0)
    reply = float(1.0 / (1.0 + np.exp(-(x @ model.reply))))
    if reply >= 0.5:
        return Judgement("reply", "explicit", round(reply, 2))
    technique = AMBIVALENT[int(np.argmax(x @ model.evasion))]
    return Judgement("ambivalent", technique, round(1.0 - reply, 2))


def non_reply_frame(features: np.ndarray[Any, Any]) -> Evasion | None:
    """The technique of a clear non-reply when the answer opens with its frame, else None."""
    if features[_INDEX["clarification"]]:
        return "clarification"
    if features[_INDEX["ignorance_early"]]:
        return "ignorance"
    if features[_INDEX["declining_early"]]:
        return "declining"
    return None


_INDEX = {name: i for i, name in enumerate(NAMES)}


def fit(x: np.ndarray[Any, Any], evasions: list[Evasion | None], clarities: list[Clarity], *, c: float = C,
        reply_weight: float = REPLY_WEIGHT) -> Model:
    """The model fitted on rows of features, each with its gold class and technique (None when annotators differ).
    Rows that open with a non-reply frame are left to the frame rule; the frame's precision is counted on them."""
    framed = np.array([non_reply_frame(row) is not None for row in x], dtype=bool)
    gold = np.array(clarities)
    frame_precision = (float(np.sum(gold[framed] == "non-reply")) + 1) / (float(framed.sum()) + 2)
    rest = x[~framed]
    mean, scale = rest.mean(axis=0), rest.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(rest - mean) / scale, np.ones((len(rest), 1))])
    is_reply = (gold[~framed] == "reply").astype(float)
    weights = np.where(is_reply == 1, reply_weight, 1.0)
    reply = _descend(z, is_reply[:, None], weights, c, sigmoid=True)[:, 0]
    kept = [e for e, f in zip(evasions, framed, strict=True) if not f]
    chosen = [i for i, e in enumerate(kept) if e in AMBIVALENT]
    targets = np.zeros((len(chosen), len(AMBIVALENT)))
    for row, i in enumerate(chosen):
        targets[row, AMBIVALENT.index(kept[i])] = 1.0
    balance = targets.sum(axis=0)
    sample = (targets @ (len(chosen) / (len(AMBIVALENT) * np.maximum(balance, 1))))  # classes weighed equally
    evasion = _descend(z[chosen], targets, sample, c, sigmoid=False)
    return Model(mean, scale, reply, evasion, frame_precision)


def _descend(z: np.ndarray[Any, Any], targets: np.ndarray[Any, Any], weights: np.ndarray[Any, Any], c: float, *,
             sigmoid: bool) -> np.ndarray[Any, Any]:
    """Weights minimizing the weighted log-loss plus the L2 penalty ``|w|² / 2c`` (the bias not penalized)."""
    w = np.zeros((z.shape[1], targets.shape[1]))
    penalty = np.ones((z.shape[1], 1))
    penalty[-1] = 0.0
    total = float(weights.sum())
    rate = _RATE / (1.0 + 1.0 / (c * total))  # the penalty's pull per step stays below one: no oscillation
    for _ in range(_STEPS):
        scores = z @ w
        if sigmoid:
            predicted = 1.0 / (1.0 + np.exp(-scores))
        else:
            scores = scores - scores.max(axis=1, keepdims=True)
            predicted = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        gradient = z.T @ ((predicted - targets) * weights[:, None]) / total + penalty * w / (c * total)
        w -= rate * gradient
    return w


def save(model: Model, path: Path) -> None:
    """Write the model as the package ships it."""
    np.savez_compressed(path, mean=model.mean.astype(np.float32), scale=model.scale.astype(np.float32),
                        reply=model.reply.astype(np.float32), evasion=model.evasion.astype(np.float32),
                        frame_precision=np.float32(model.frame_precision), names=np.array(NAMES))


@functools.cache
def load() -> Model:
    """The shipped model, read once."""
    with resources.files("onrecord").joinpath("data", MODEL_FILE).open("rb") as handle, np.load(handle) as data:
        if tuple(data["names"].tolist()) != NAMES:
            raise ValueError(f"{MODEL_FILE} was trained on other features; run scripts/train_clarity.py")
        return Model(data["mean"], data["scale"], data["reply"], data["evasion"], float(data["frame_precision"]))
