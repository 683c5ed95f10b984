"""Defaults the command line shows in its help, kept apart so that showing them loads neither the readers nor
the corpus."""

from __future__ import annotations

import os

# Peak memory of an analysis per byte of text: 2 MB of transcript peaked at 985 MB, 50 KB at 277 MB
# (benchmarks/long_documents.py), so about 360 bytes a byte beyond the pipeline's own 250 MB; 400 leaves room.
MEMORY_PER_BYTE = 400
_CEILING = 50_000_000


def max_bytes_for(memory: int) -> int:
    """The largest file a machine with ``memory`` bytes of RAM analyzes safely: half the memory's worth, at most
    50 MB, and never under 1 MB."""
    return max(1_000_000, min(_CEILING, memory // 2 // MEMORY_PER_BYTE // 1_000_000 * 1_000_000))


def _memory() -> int:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # not reported (not Linux nor a BSD): assume a small laptop
        return 8 * 2**30


# Files larger than this are refused unless the caller raises the limit (--max-bytes): chosen from the RAM of
# the machine (24 GiB: 32 MB; 16 GiB: 21 MB; 8 GiB: 10 MB).
DEFAULT_MAX_BYTES = max_bytes_for(_memory())
# The corpus of the working directory, when no --corpus is given.
DEFAULT_CORPUS = "onrecord.db"
