"""Stances and actors of held-out documents, scored against hand-written gold with the real-world measures."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script, requires_shared

GOLD = Path(__file__).resolve().parents[2] / "evaluation" / "stance"


@requires_shared
def test_score_stances_the_held_out_gold() -> None:
    script = load_script("score_stances")
    score = script.measures()
    results = [script.score_file(path, score) for path in sorted(GOLD.glob("*.gold.json"))]
    assert len(results) == 4 and not any("error" in r for r in results)
    right = sum(r["stances"][0] for r in results)
    resolved = sum(r["actors"][0] for r in results)
    assert right >= 15 and resolved >= 22  # measured on 106cecf: 15 of 24 stances, 22 of 36 mentions
    assert not any(flag.startswith("stance->place") for r in results for flag in r["flags"])
