"""Precision, recall and F1, shared by the evaluations."""

from __future__ import annotations


def prf(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1), rounded to four places; zero where undefined."""
    p = true_positives / predicted if predicted else 0.0
    r = true_positives / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f1, 4)
