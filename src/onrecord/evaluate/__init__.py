"""Evaluations: each scores one analysis against gold data. ``onrecord evaluate TASK DATA``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Evaluation:
    """How to score a task, and how to show its figures."""

    run: Callable[[Path], dict[str, Any]]
    show: Callable[[dict[str, Any], Console], None]


# Each task's module and scoring function, imported when the task runs: naming the tasks costs nothing.
TASKS: dict[str, tuple[str, str]] = {
    "turns": ("turns", "evaluate_turns"),
    "attribution": ("attribution", "evaluate_attribution"),
    "checkworthy": ("checkworthy", "evaluate_checkworthy"),
    "stance": ("stance", "evaluate_stance"),
    "clarity": ("clarity", "evaluate_clarity"),
}


def evaluation(task: str) -> Evaluation:
    """The evaluation of ``task`` (one of ``TASKS``)."""
    module_name, function = TASKS[task]
    module = importlib.import_module(f"onrecord.evaluate.{module_name}")
    return Evaluation(getattr(module, function), module.show)
