"""Defaults the command line shows in its help, kept apart so that showing them loads neither the readers nor
the corpus."""

from __future__ import annotations

# Files larger than this are refused unless the caller raises the limit (--max-bytes).
DEFAULT_MAX_BYTES = 50_000_000
# The corpus of the working directory, when no --corpus is given.
DEFAULT_CORPUS = "onrecord.db"
