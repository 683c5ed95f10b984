"""Analyses: each a function ``(record, doc) -> findings`` for one layer of the Record.

An analysis reads the record (with the layers of the analyses before it) and the spaCy doc, and returns its
findings; ``annotate`` puts them in place. No analysis changes another's output.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from onrecord.analyses.actors import find_actors
from onrecord.analyses.attributions import find_attributions
from onrecord.analyses.citations import find_citations
from onrecord.analyses.claims import find_claims
from onrecord.analyses.enumerations import find_enumerations
from onrecord.analyses.replies import find_replies
from onrecord.analyses.sentences import find_sentences
from onrecord.analyses.stance import find_stances
from onrecord.record import Record

# An analysis returns the findings of its layer, or a mapping layer -> findings when it fills several
# (actors also fills each speaker's ``actor``).
Analysis = Callable[..., Sequence[Any] | Mapping[str, Sequence[Any]]]


@dataclass(frozen=True)
class Step:
    """One analysis and the Record layer its findings fill."""

    layer: str
    run: Analysis
    options: tuple[str, ...] = ()  # keyword options ``run`` accepts, bound by ``configure``


# In order: a later analysis may read the layers of the earlier ones.
ANALYSES: tuple[Step, ...] = (
    Step("sentences", find_sentences),
    Step("actors", find_actors, options=("kb",)),
    Step("stances", find_stances),
    Step("enumerations", find_enumerations),
    Step("attributions", find_attributions),
    Step("citations", find_citations),
    Step("claims", find_claims),
    Step("replies", find_replies),
)


def annotate(record: Record, doc: Any, *, steps: Sequence[Step] = ANALYSES) -> Record:
    """The record with every analysis's findings in its layer."""
    for step in steps:
        findings = step.run(record, doc)
        pairs = findings.items() if isinstance(findings, Mapping) else [(step.layer, findings)]
        layers: dict[str, Any] = {layer: tuple(found) for layer, found in pairs}
        record = replace(record, **layers)
    return record


def configure(steps: Sequence[Step], **options: Any) -> tuple[Step, ...]:
    """The steps with each option bound to the analyses that declare it (``None`` values are left unset)."""
    given = {name: value for name, value in options.items() if value is not None}
    return tuple(
        replace(step, run=functools.partial(step.run, **{k: v for k, v in given.items() if k in step.options}))
        if given.keys() & set(step.options) else step
        for step in steps
    )
