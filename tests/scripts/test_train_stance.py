"""The stance training script: cross-validation on the training file alone, weights in the shipped layout."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import load_script
from onrecord.analyses.stance_model import BUCKETS, Model, probabilities
from onrecord.evaluate.stance import read_targets

SENTENCES = {
    2.0: ["Critics condemned {} for the fraud.", "Voters blamed {} for the disastrous war.",
          "{} was accused of corruption and lies."],
    4.0: ["{} arrived in Oslo on Tuesday.", "{} met the delegation at noon.", "{} spoke to reporters."],
    6.0: ["Fans praised {} for the heroic rescue.", "{} won wide acclaim for the brilliant plan.",
          "Colleagues admired {} for her kindness."],
}
NAMES = ["Anna Berg", "John Roe", "Mary Lee", "Paul Kim"]


def test_train_stance_fits_weights_that_read_the_training_sentences(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    train = load_script("train_stance")
    data = tmp_path / "train.jsonl"
    with data.open("w", encoding="utf-8") as handle:
        for polarity, templates in SENTENCES.items():
            for template in templates:
                for name in NAMES:
                    sentence = template.format(name)
                    start = sentence.index(name)
                    handle.write(json.dumps({"sentence_normalized": sentence, "targets": [
                        {"from": start, "to": start + len(name), "polarity": polarity}]}) + "\n")
    out = tmp_path / "stance.npz"
    monkeypatch.setattr("sys.argv", ["train_stance", "--data", str(data), "--out", str(out)])
    train.main()
    with np.load(out) as weights:
        model = Model(weights["sparse"].astype(np.float32), weights["dense"], weights["bias"])
    assert model.sparse.shape == (BUCKETS, 3)
    batch, gold = read_targets(data)
    predicted = probabilities(batch, model).argmax(axis=1)
    assert (predicted == np.array(gold)).mean() >= 0.9
