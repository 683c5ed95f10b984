"""Evaluations: each scores one analysis against gold data. ``onrecord evaluate TASK DATA``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console

from onrecord.evaluate import attribution, checkworthy, turns


@dataclass(frozen=True)
class Evaluation:
    """How to score a task, and how to show its figures."""

    run: Callable[[Path], dict[str, Any]]
    show: Callable[[dict[str, Any], Console], None]


EVALUATIONS: dict[str, Evaluation] = {
    "turns": Evaluation(turns.evaluate_turns, turns.show),
    "attribution": Evaluation(attribution.evaluate_attribution, attribution.show),
    "checkworthy": Evaluation(checkworthy.evaluate_checkworthy, checkworthy.show),
}
