"""PDF files: text per page with pypdf, wrapped lines joined back into paragraphs."""

from __future__ import annotations

import io
import re

import pypdf

from onrecord.errors import ReadError
from onrecord.readers.source import Source, normalize
from onrecord.transcript.labels import match_label

_ENDS_PARAGRAPH = tuple('.?!:;"”’)]')
_STARTS_PARAGRAPH = re.compile(r"^(?:[(\[]|[-•*]\s|\d+[.)]\s|[A-Z][\w.’' -]{0,40}:\s)")
# a line this much shorter than the page's longest line, after a sentence end, ends its paragraph
_SHORT_LINE = 0.85
# a line this short ends its paragraph whatever its last character (titles, datelines)
_VERY_SHORT_LINE = 0.7


def read_pdf(data: bytes, name: str) -> Source:
    """A PDF's text, page by page; its title from the document information when set."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == 0:
            raise ReadError("the PDF is encrypted", name, "give an unlocked copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except ReadError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean the same to a user
        raise ReadError(f"damaged or truncated PDF ({type(error).__name__})", name, "check the file") from None
    paragraphs = [p for page in pages for p in _paragraphs(normalize(page))]
    return Source(text="\n".join(paragraphs), path=name, format="pdf", title=title if isinstance(title, str) else None)


def _paragraphs(page: str) -> list[str]:
    lines = [" ".join(line.split()) for line in page.split("\n")]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line)
        following = next((n for n in lines[i + 1 :] if n), "")
        if _ends_paragraph(current, line, following, width):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _ends_paragraph(current: str, line: str, following: str, width: int) -> bool:
    """Does ``line`` close its paragraph? Wrapped lines run to the margin; a paragraph's last line stops short."""
    label = match_label(following)
    if not following or len(line) < _VERY_SHORT_LINE * width or (label is not None and label.strong):
        return True
    short = len(line) < _SHORT_LINE * width
    return current.endswith(_ENDS_PARAGRAPH) and (short or _STARTS_PARAGRAPH.match(following) is not None)


def _join(current: str, line: str) -> str:
    if not current:
        return line
    if current.endswith("-") and line[:1].islower():
        return current + line
    return current + " " + line
