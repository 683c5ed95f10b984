"""Analyses: each a function ``(record, doc) -> findings`` for one layer of the Record.

An analysis reads the record (with the layers of the analyses before it) and the spaCy doc, and returns its
findings; ``annotate`` puts them in place. No analysis changes another's output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from onrecord.analyze.sentences import find_sentences
from onrecord.record import Record

Analysis = Callable[[Record, Any], Sequence[Any]]


@dataclass(frozen=True)
class Step:
    """One analysis and the Record layer its findings fill."""

    layer: str
    run: Analysis


# In order: a later analysis may read the layers of the earlier ones.
ANALYSES: tuple[Step, ...] = (
    Step("sentences", find_sentences),
)


def annotate(record: Record, doc: Any, *, steps: Sequence[Step] = ANALYSES) -> Record:
    """The record with every analysis's findings in its layer."""
    for step in steps:
        layers: dict[str, Any] = {step.layer: tuple(step.run(record, doc))}
        record = replace(record, **layers)
    return record
