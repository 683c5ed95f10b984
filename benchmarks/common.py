"""What the benchmarks share: the UN General Debate sample and peak memory."""

from __future__ import annotations

import random
import resource
from pathlib import Path

UNGDC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ungdc"


def un_speeches(count: int, *, seed: int = 7) -> list[Path]:
    """A reproducible random sample of ``count`` UN General Debate speeches."""
    files = sorted(UNGDC.glob("Session */*.txt"))
    if not files:
        raise SystemExit(f"no UN speeches under {UNGDC}: put ../shared/data beside the checkout")
    return random.Random(seed).sample(files, min(count, len(files)))


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
