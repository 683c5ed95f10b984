"""W3C Web Annotation (JSON-LD): every coding as an Annotation on the document, located twice.

Each target carries a ``TextPositionSelector`` (character offsets into the Record's text, end exclusive)
and a ``TextQuoteSelector`` (the exact words with some context), so that a tool can re-anchor the
annotation even in a copy of the text whose offsets differ.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from onrecord.errors import ExportError
from onrecord.export import ensure_parent
from onrecord.export.codings import Coding, codings
from onrecord.record import Record

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Characters of context in a TextQuoteSelector's prefix and suffix (enough to disambiguate a repeated name).
AFFIX = 32
_MOTIVATION = {"actors": "identifying", "claims": "assessing", "stance": "assessing"}


def source_iri(record: Record) -> str:
    """The IRI an annotation's target names: the document id, which is the hash of its text."""
    return f"urn:onrecord:document:{record.document.id}"


def annotations_of(record: Record) -> list[dict[str, Any]]:
    """The Web Annotations of one record."""
    return [_annotation(record, number, coding) for number, coding in enumerate(codings(record), 1)]


def write_webanno(records: Iterable[Record], out: Path) -> list[Path]:
    """Write an ``AnnotationCollection`` of every record's annotations to the file ``out``."""
    items = [item for record in records for item in annotations_of(record)]
    collection = {
        "@context": CONTEXT,
        "id": "urn:onrecord:collection",
        "type": "AnnotationCollection",
        "label": "onrecord findings",
        "total": len(items),
        "first": {"id": "urn:onrecord:collection:page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    ensure_parent(out)
    try:
        out.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write the export ({error.strerror})", str(out), "choose a writable path") from None
    return [out]


def _annotation(record: Record, number: int, coding: Coding) -> dict[str, Any]:
    text, span = record.document.text, coding.span
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": " / ".join(coding.code)}]
    if coding.note:
        body.append({"type": "TextualBody", "purpose": "describing", "value": coding.note})
    return {
        "id": f"urn:onrecord:annotation:{record.document.id}:{number}",
        "type": "Annotation",
        "motivation": _MOTIVATION.get(coding.code[0], "tagging"),
        "body": body,
        "target": {
            "source": source_iri(record),
            "selector": [
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                {"type": "TextQuoteSelector", "exact": span.text, "prefix": text[max(0, span.start - AFFIX):span.start],
                 "suffix": text[span.end:span.end + AFFIX]},
            ],
        },
    }
