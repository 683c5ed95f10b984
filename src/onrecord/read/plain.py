"""Plain text and Markdown."""

from __future__ import annotations

import re

from onrecord.read.builder import TextBuilder
from onrecord.read.source import Source, decode, normalize

_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)(?P<label>[^*_\n]{1,80}?)(?:\*\*|__)\s*(?P<colon>[:.]?)\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def read_txt(data: bytes, name: str) -> Source:
    """A plain-text file: decoded and normalized, nothing else."""
    return Source(text=normalize(decode(data, name)), path=name, format="txt")


def read_md(data: bytes, name: str) -> Source:
    """Markdown: heading marks and bold markers dropped, bold labels at a paragraph's start kept as hints."""
    builder = TextBuilder()
    title = None
    for line in normalize(decode(data, name)).split("\n"):
        if title is None and _HEADING.match(line):
            title = _HEADING.sub("", line).strip() or None
        line = _HEADING.sub("", line)
        bold = _BOLD_LABEL.match(line)
        prefix = ""
        if bold:
            prefix = bold["label"].strip() + bold["colon"]
            line = prefix + " " + line[bold.end() :]
        builder.paragraph(_EMPHASIS.sub(r"\2", line), bold_prefix=prefix)
    return Source(text=builder.text(), path=name, format="md", title=title, label_hints=tuple(builder.label_hints))
