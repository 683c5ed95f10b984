"""The numpy evaluation of the trees gives LightGBM's own raw scores, exactly."""

from __future__ import annotations

import numpy as np
import pytest

from onrecord.analyses.claim_trees import forest_of, forest_scores
from onrecord.analyses.claims import load_model

# A hand-written dump: tree 0 splits feature 1 at 0.5 (left leaf 1.0, right leaf -1.0); tree 1 is one leaf.
DUMP = """tree
version=v4

Tree=0
num_leaves=2
split_feature=1
threshold=0.5
decision_type=2
left_child=-1
right_child=-2
leaf_value=1 -1

Tree=1
num_leaves=1
leaf_value=0.25

end of trees
"""


def test_claim_trees_hand_written_dump() -> None:
    forest = forest_of(DUMP)
    rows = np.asarray([[9.0, 0.5], [9.0, 0.75], [0.0, np.nan]])
    assert forest.trees == 2
    assert forest_scores(forest, rows).tolist() == [1.25, -0.75, 1.25]  # NaN reads as 0 under missing type none
    assert forest_scores(forest, np.zeros((0, 2))).tolist() == []


def test_claim_trees_shipped_model_gives_lightgbm_scores() -> None:
    model = load_model()
    assert len(model.check_scores) == 8
    assert forest_scores(model.forest, model.check_rows).tolist() == model.check_scores.tolist()


@pytest.mark.parametrize("with_nan", [False, True])
def test_claim_trees_match_a_trained_booster(with_nan: bool) -> None:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(5)
    rows = rng.normal(size=(400, 6))
    labels = (rows[:, 0] + rows[:, 1] * rows[:, 2] > 0.3).astype(int)
    if with_nan:  # NaN in training gives splits a "NaN" missing type with a learned default branch
        rows[rng.random(rows.shape) < 0.1] = np.nan
    booster = lightgbm.train({"objective": "binary", "num_leaves": 7, "min_data_in_leaf": 5, "verbose": -1,
                              "deterministic": True, "num_threads": 1, "seed": 1}, lightgbm.Dataset(rows, labels),
                             num_boost_round=40)
    test = rng.normal(size=(200, 6))
    test[rng.random(test.shape) < 0.1] = np.nan
    test[:20, 0] = 0.0
    expected = booster.predict(test, raw_score=True)
    assert forest_scores(forest_of(booster.model_to_string()), test).tolist() == expected.tolist()
