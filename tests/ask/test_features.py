"""Ask's features: one row per candidate, the shipped weights name every feature, words alike count."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np

from onrecord.ask.features import FEATURES, SHALLOW, feature_weights, features, soft_cover
from onrecord.ask.query import parse
from onrecord.ask.rank import gather
from onrecord.corpus import Corpus


def test_features_shipped_weights_name_every_feature() -> None:
    data = json.loads((resources.files("onrecord") / "data" / "ask-weights.json").read_text(encoding="utf-8"))
    assert sorted(data["deep"]) == sorted(FEATURES) and sorted(data["first_look"]) == sorted(SHALLOW)
    assert feature_weights().shape == feature_weights("first_look").shape == (len(FEATURES),)


def test_features_soft_cover_finds_words_alike() -> None:
    near, empty, unrelated = soft_cover(["freed", "prisons"], ["They were released from prisons.", "And it was so.",
                                                                "The weather was fine."])
    assert near > 0.6 > 0.2 > unrelated and empty == 0.0  # a text of stopwords only comes near nothing


def test_features_one_row_per_candidate_within_bounds(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    question = parse(connection, "Does the minister regret what was spent?")
    candidates = list(gather(connection, question).values())
    table = features(connection, question, candidates)
    assert table.shape == (len(candidates), len(FEATURES)) and len(candidates) > 0
    assert float(table.min()) >= -1.0 and float(table.max()) <= 1.0 + 1e-6
    regret = next(i for i, c in enumerate(candidates) if c.text == "We have no regrets about that spending.")
    assert table[regret, FEATURES.index("words")] == np.max(table[:, FEATURES.index("words")])


def test_features_words_kept_between_stages_give_what_a_fresh_reading_gives(small_corpus: Path) -> None:
    from onrecord.ask.signals import Words

    connection = Corpus(small_corpus).reader()
    question = parse(connection, "Who invited the engineers from Norway?")
    candidates = sorted(gather(connection, question, shortlist=None).values(), key=lambda c: c.rowid)
    first, second = candidates[::2], candidates[1::2]
    kept = Words(connection, question)
    for stage in (first, second):
        for deep in (False, True):
            assert np.array_equal(features(connection, question, stage, deep=deep, words=kept),
                                  features(connection, question, stage, deep=deep))
