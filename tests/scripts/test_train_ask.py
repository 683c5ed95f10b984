"""The ask training script's coordinate ascent: it finds the feature that tells right from wrong."""

from __future__ import annotations

import numpy as np

from conftest import load_script


def test_train_ask_coordinate_ascent_weights_the_telling_feature() -> None:
    train = load_script("train_ask")
    rng = np.random.default_rng(3)
    data = []
    for _ in range(20):  # feature 0 is noise, feature 1 marks the right candidate (with noise)
        table = rng.random((30, 2))
        labels = np.zeros(30)
        labels[7] = 1.0
        table[7, 1] += 0.8
        data.append((table, labels))
    start = np.array([1.0, 0.0])
    fitted = train.ascend(data, start, len(data))
    assert train.recall(data, start, len(data)) < 0.5
    assert train.recall(data, fitted, len(data)) >= 0.9
    assert fitted[1] > fitted[0]


def test_train_ask_out_of_fold_recall_counts_each_fold_with_weights_fitted_on_the_others() -> None:
    train = load_script("train_ask")
    rng = np.random.default_rng(5)

    def fold(telling: bool) -> tuple[list[tuple[np.ndarray, np.ndarray]], int]:
        data = []
        for _ in range(10):
            table = rng.random((30, 2))
            labels = np.zeros(30)
            labels[4] = 1.0
            table[4, 1] += 0.8 if telling else 0.0
            data.append((table, labels))
        return data, 12  # two more questions whose answer no candidate holds

    folds = {"a": fold(True), "b": fold(True), "noise": fold(False)}
    answered = train.out_of_fold(folds, np.array([1.0, 0.0]))
    assert answered["a"] >= 9 and answered["b"] >= 9  # what the other folds teach holds here
    assert answered["noise"] <= 4  # here feature 1 tells nothing: the top 3 of 30 hold it 1 time in 10
