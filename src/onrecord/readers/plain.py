"""Plain text; a .txt file that is Markdown (front matter, bold labels) is read as Markdown."""

from __future__ import annotations

from onrecord.readers.markdown import looks_like_markdown, markdown_source
from onrecord.readers.source import Source, decode, normalize


def read_txt(data: bytes, name: str) -> Source:
    """A plain-text file: decoded and normalized, nothing else, unless it is Markdown by another name."""
    text = normalize(decode(data, name))
    if looks_like_markdown(text):
        return markdown_source(text, name)
    return Source(text=text, path=name, format="txt")
