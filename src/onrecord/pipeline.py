"""read -> transcript -> annotate: one document, or a stream of them, to Records."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from onrecord.analyses import ANALYSES, Step, annotate, configure
from onrecord.deadline import deadline, limit_for
from onrecord.errors import AnalysisError, OnrecordError, unexpected
from onrecord.nlp import parse, parse_texts, parsed_text
from onrecord.readers import DEFAULT_MAX_BYTES, Source, read
from onrecord.record import Document, Record, document_id
from onrecord.transcript import transcribe

# spaCy batches texts for speed; long speeches make big batches, so keep them small to bound memory.
_BATCH = 8


def structure(source: Source) -> Record:
    """The Record of a source with its transcript (speakers, turns, exchanges) and no analyses yet."""
    transcript = transcribe(source)
    document = Document(
        id=document_id(source.text),
        title=source.title or "",
        source=source.path,
        date=source.date,
        language="en",
        text=source.text,
        format=source.format,
        period=source.period,
        speaks_for=source.speaks_for,
    )
    return Record(document=document, speakers=transcript.speakers, turns=transcript.turns,
                  exchanges=transcript.exchanges)


def analyze(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    title: str | None = None,
    date: str | None = None,
    speaker: str | None = None,
    speaks_for: str | None = None,
    steps: Sequence[Step] = ANALYSES,
    kb: str | os.PathLike[str] | None = None,
) -> Record:
    """Read a file and return its Record with every analysis run; ``kb`` is a knowledge base of actors
    (YAML) that extends the bundled one."""
    source = read(path, format=format, max_bytes=max_bytes, title=title, date=date, speaker=speaker,
                  speaks_for=speaks_for)
    return analyze_source(source, steps=configure(steps, kb=kb))


def analyze_source(source: Source, *, steps: Sequence[Step] = ANALYSES) -> Record:
    """The Record of a source that has been read already; ``AnalysisError`` names the source when any part of the
    analysis fails."""
    try:
        with deadline(limit_for(len(source.text)), source.path):
            record = structure(source)
            return annotate(record, parse(parsed_text(record.document.text)), steps=steps)
    except OnrecordError:
        raise
    except Exception as error:  # one document's failure, named, never a traceback that ends a batch
        raise AnalysisError(f"cannot be analyzed ({unexpected(error)})", source.path,
                            "report it with the file attached") from error


def analyze_sources(sources: Iterable[Source], *, steps: Sequence[Step] = ANALYSES) -> Iterator[Record]:
    """Records for a stream of sources, parsed in small spaCy batches; memory does not grow with the stream."""
    records = (structure(source) for source in sources)
    pairs: Iterator[tuple[Any, Record]] = parse_texts(
        ((parsed_text(record.document.text), record) for record in records), batch_size=_BATCH)
    for doc, record in pairs:
        yield annotate(record, doc, steps=steps)
