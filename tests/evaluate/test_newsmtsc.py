"""The stance model on news sentences: its numpy inference, its evaluation command, and its NewsMTSC figures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import SHARED, requires_shared
from onrecord.analyses.stance_model import BUCKETS, Inputs, Model, dense, hashed, probabilities
from onrecord.cli import app
from onrecord.evaluate.stance import evaluate_stance

LINES = [
    {"sentence_normalized": "Critics condemned Mayor Smith for the fraud that ruined the city.",
     "targets": [{"from": 18, "to": 29, "polarity": 2.0}]},
    {"sentence_normalized": "Fans cheered and praised Anna Berg for her brilliant, heroic rescue.",
     "targets": [{"from": 25, "to": 34, "polarity": 6.0}]},
    {"sentence_normalized": "Anna Berg met John Roe in Oslo on Tuesday.",
     "targets": [{"from": 0, "to": 9, "polarity": 4.0}, {"from": 14, "to": 22, "polarity": 4.0}]},
]


def test_stance_model_inference_is_a_softmax_over_hashed_and_dense_weights() -> None:
    item = Inputs(["u:fraud", "u:fraud", "dep:nsubj"], -0.5, ("a", "b", "c", "d", "e"))
    width = dense([item]).shape[1]
    sparse_weights = np.zeros((BUCKETS, 3), dtype=np.float32)
    sparse_weights[hashed(["u:fraud"])[0]] = [2.0, 0.0, -2.0]
    weights = Model(sparse_weights, np.zeros((width, 3), dtype=np.float32), np.array([0.0, 1.0, 0.0], np.float32))
    logits = np.array([2.0, 1.0, -2.0])  # "u:fraud" counts once: features are binary
    expected = np.exp(logits) / np.exp(logits).sum()
    assert np.allclose(probabilities([item], weights)[0], expected, atol=1e-6)
    assert list(hashed(["u:fraud", "u:fraud"])) == list(hashed(["u:fraud"]))


def test_stance_evaluate_scores_a_newsmtsc_file(tmp_path: Path) -> None:
    data = tmp_path / "small.jsonl"
    data.write_text("\n".join(json.dumps(line) for line in LINES) + "\n", encoding="utf-8")
    result = evaluate_stance(data)
    assert result["targets"] == 4
    assert result["confusion"][0][0] == 1 and result["confusion"][2][2] == 1  # the condemned and the praised
    assert sum(map(sum, result["confusion"])) == 4
    assert result["accuracy"] == round(sum(result["confusion"][i][i] for i in range(3)) / 4, 4)
    shown = CliRunner().invoke(app, ["evaluate", "stance", str(data)])
    assert shown.exit_code == 0 and shown.stdout.startswith("Stance toward targets (4 targets): macro-F1 ")
    data.write_text('{"sentence_normalized": "x", "targets": [{"from": 0}]}\n', encoding="utf-8")
    refused = CliRunner().invoke(app, ["evaluate", "stance", str(data)])
    assert refused.exit_code == 1 and refused.stderr.startswith(f"Error: malformed line, {data}:1, expected JSON lines")


@requires_shared
# Floors under the measured figures (dev-rw 0.7054, dev-mt 0.6537 with data/stance.npz as train_stance.py fits it
# on the current rules): a fall below them is a regression. The target, 0.70 on both, is not met on dev-mt.
@pytest.mark.parametrize(("name", "least"), [("dev-rw", 0.70), ("dev-mt", 0.64)])
def test_stance_newsmtsc_dev_macro_f1(name: str, least: float) -> None:
    result = evaluate_stance(SHARED / "newsmtsc" / f"{name}.jsonl")
    assert result["macro_f1"] >= least, result["macro_f1"]
