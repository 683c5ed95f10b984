"""Static word embeddings (wordllama): sentence vectors in microseconds, no network, no PyTorch."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.errors import CorpusError


@functools.cache
def model() -> Any:
    """The wordllama model shipped inside the wordllama package, loaded once, never downloaded."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        raise CorpusError("wordllama is not installed", "wordllama", "pip install wordllama==0.4.0.post1") from None
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str], *, unit: bool = True) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Vectors for ``texts``, one row each: of unit length, or (``unit=False``) each text's mean token vector."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    # wordllama pads each batch to its longest text: texts of like length batched together waste less
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.asarray(model().embed([texts[i] for i in order], norm=unit), dtype=np.float32)
    restored = np.empty_like(vectors)
    restored[order] = vectors
    return restored
