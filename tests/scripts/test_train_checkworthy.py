"""The training script, run on a tiny CLEF-format folder: deterministic, and its model loads and scores."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import load_script
from onrecord.analyses.claim_features import Line
from onrecord.analyses.claims import load_model, score_lines

CLAIMS = ("Unemployment fell to {n} percent in 2016.", "We sent {n} troops to the border last year.",
          "The deficit rose by ${n} billion.", "They arrested {n} people in March.")
TALK = ("Thank you all for coming tonight.", "I think we can do better.", "What will you do about it?",
        "God bless you.", "Let us work together.", "That is a great question.")



def _write_folder(folder: Path) -> None:
    folder.mkdir()
    for f in range(3):
        rows = []
        for i in range(16):
            text, label = (CLAIMS[i % 4].format(n=f * 16 + i + 2), 1) if i % 4 == 1 else (TALK[(i + f) % 6], 0)
            speaker = "HOST" if text.endswith("?") else "GUEST"
            rows.append(f"{i + 1}\t{speaker}\t{text}\t{label}")
        (folder / f"debate{f}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_train_checkworthy_is_deterministic_and_writes_a_loadable_model(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_folder(tmp_path / "clef")
    script = load_script("train_checkworthy")
    outputs = []
    for run in ("a", "b"):
        script.main(["--data", str(tmp_path / "clef"), "--out", str(tmp_path / f"{run}.npz")])
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert outputs[0]["lofo"]["files"] == 3
    with np.load(tmp_path / "a.npz") as a, np.load(tmp_path / "b.npz") as b:
        assert sorted(a.files) == sorted(b.files)
        assert all(np.array_equal(a[name], b[name]) for name in a.files)
    model = load_model(tmp_path / "a.npz")
    lines = [Line(text, 0, "answer", 1.0, 0.0) for text in ("They arrested 40 people in March.", "God bless you.")]
    scores = score_lines(lines, model=model)
    assert scores.tolist() == score_lines(lines, model=load_model(tmp_path / "b.npz")).tolist()
    assert scores[0] > scores[1]
