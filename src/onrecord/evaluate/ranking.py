"""Ranking measures of CLEF CheckThat! Task 1, from their definitions; ``ranked`` is gold labels best first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

CUTOFFS = (1, 3, 5, 10, 20, 50)


def average_precision(ranked: Sequence[int]) -> float:
    """Mean of the precision at the rank of each relevant item; 0 when nothing is relevant."""
    found = 0
    total = 0.0
    for rank, label in enumerate(ranked, start=1):
        if label:
            found += 1
            total += found / rank
    return total / found if found else 0.0


def reciprocal_rank(ranked: Sequence[int]) -> float:
    """1 / the rank of the first relevant item; 0 when nothing is relevant."""
    return next((1.0 / rank for rank, label in enumerate(ranked, start=1) if label), 0.0)


def r_precision(ranked: Sequence[int]) -> float:
    """Precision at R, R being the number of relevant items."""
    relevant = sum(1 for label in ranked if label)
    return sum(1 for label in ranked[:relevant] if label) / relevant if relevant else 0.0


def precision_at(ranked: Sequence[int], k: int) -> float:
    """Relevant items among the first k, over k (a list shorter than k counts the missing ranks as misses)."""
    return sum(1 for label in ranked[:k] if label) / k


def rank_labels(scores: Sequence[float], labels: Sequence[int]) -> list[int]:
    """The labels in order of descending score; ties keep file order so results are reproducible."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [labels[i] for i in order]


@dataclass(frozen=True)
class Measures:
    """The measures of one ranked file."""

    map: float
    rr: float
    r_precision: float
    p_at: dict[int, float]


def measures(ranked: Sequence[int]) -> Measures:
    """Every measure for one ranked file."""
    return Measures(average_precision(ranked), reciprocal_rank(ranked), r_precision(ranked),
                    {k: precision_at(ranked, k) for k in CUTOFFS})


def mean_measures(per_file: Sequence[Measures]) -> dict[str, Any]:
    """The per-file measures averaged over files (rounded to four places), with the number of files."""
    count = max(len(per_file), 1)

    def mean(values: Iterable[float]) -> float:
        return round(sum(values) / count, 4)

    return {
        "map": mean(m.map for m in per_file),
        "rr": mean(m.rr for m in per_file),
        "r_precision": mean(m.r_precision for m in per_file),
        "p_at": {str(k): mean(m.p_at[k] for m in per_file) for k in CUTOFFS},
        "files": len(per_file),
    }
