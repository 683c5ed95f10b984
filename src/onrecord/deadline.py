"""A time limit for one document's analysis: a document that hangs an analysis becomes that document's error."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from onrecord.errors import AnalysisError

# Analysis runs at about 0.3 ms a word, 0.06 ms a character (benchmarks/long_documents.py); the limit allows ten
# times that and a minute more, so that only a document that hangs an analysis reaches it.
BASE_SECONDS = 60.0
SECONDS_PER_CHARACTER = 0.0006


def limit_for(characters: int) -> float:
    """The time a text of ``characters`` may take to analyze."""
    return BASE_SECONDS + SECONDS_PER_CHARACTER * characters


@contextmanager
def deadline(seconds: float | None, source: str) -> Iterator[None]:
    """Raise ``AnalysisError`` naming ``source`` when the block runs longer than ``seconds``. A timer signal
    needs the main thread of a Unix process: elsewhere (a Dask worker's thread) the block runs without limit."""
    if seconds is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise AnalysisError(f"its analysis took longer than {seconds:,.0f} s", source,
                            "report it with the file attached")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
