"""Gold that points into documents it does not hold.

An excerpt is a pair of character offsets into the text onrecord reads from a document, with the first 12 hex
digits of the SHA-1 of that text: the gold files of the project copy nothing of the documents (they stay in
``../shared/data``), and a reader change that moves the text is an error, not a silent mismatch.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from onrecord.errors import EvaluationError


def digest(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def excerpt(text: str, start: int, end: int, sha1: str, where: str) -> str:
    """``text[start:end]``, checked against its digest; ``EvaluationError`` names ``where`` when it differs."""
    found = text[start:end]
    if digest(found) != sha1:
        raise EvaluationError("the text at these offsets is not the one labelled", f"{where} {start}-{end}",
                              "the reader's text of the document has changed: locate the gold again")
    return found


def document_path(name: str, data: Path) -> Path:
    """Where a document gold names lives under ``data``: the reference interview in ``seed/``, a White House
    briefing in ``briefings/`` (by its file name), a UN General Debate speech (``IRN_70_2015``) in its session
    folder of ``ungdc/``."""
    paths = [data / "seed" / name, data / "seed" / f"{name}.txt", data / "briefings" / name,
             *sorted(data.glob(f"ungdc/*/{name}.txt"))]
    found = next((p for p in paths if p.exists()), None)
    if found is None:
        raise EvaluationError("document not found", name, f"expected under {data}")
    return found


def load_questions(path: Path, data: Path) -> list[dict[str, Any]]:
    """The questions of an ask question set, each with ``answers`` as the excerpts of its documents that answer
    it, read from the documents under ``data``."""
    from onrecord.readers import read

    text = functools.cache(lambda name: read(document_path(name, data)).text)
    questions = json.loads(path.read_text(encoding="utf-8"))["questions"]
    return [{**item, "answers": [excerpt(text(item["document"]), start, end, sha1, f"{path.name}: {item['document']}")
                                 for start, end, sha1 in item["answers"]]}
            for item in questions]
