"""Markdown, read as Markdown (markdown-it-py): front matter to metadata, markup out of the text, bold labels
kept as hints, list markers kept for enumerations, rules, comments and HTML tags left out."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from onrecord.readers.builder import TextBuilder
from onrecord.readers.publishers import country_of_address
from onrecord.readers.source import Source, decode, normalize

# YAML (``---``) or TOML (``+++``) front matter, as static-site generators and archive exports write it.
_FRONT_MATTER = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^[\w-]+\s*[:=]", re.MULTILINE)
# Lines of nothing but spaces of any kind (non-breaking ones included) end a paragraph, as blank lines do.
_BLANKISH = re.compile(r"^[^\S\n]+$", re.MULTILINE)
# A line that opens with a bold run: three of them in a .txt file make it Markdown.
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)", re.MULTILINE)
# Pandoc and Quarto fenced divs ("::: {.column-margin}", ":::"): markup around blocks, no text of their own.
_FENCED_DIV = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+)?[ \t]*$", re.MULTILINE)
_TAG = re.compile(r"<!--.*?-->|<[^>\n]{1,300}>", re.DOTALL)


def read_md(data: bytes, name: str) -> Source:
    """A Markdown file: its front matter's title and date, the text of its blocks one paragraph each."""
    return markdown_source(normalize(decode(data, name)), name)


def looks_like_markdown(text: str) -> bool:
    """Whether a plain-text file is Markdown: it opens with front matter, or several lines open on a bold run."""
    return front_matter(text)[1] > 0 or len(_BOLD_LINE.findall(text, 0, 200_000)) >= 3


def markdown_source(text: str, name: str) -> Source:
    """The Source of a Markdown text (already decoded and normalized)."""
    meta, end = front_matter(text)
    builder = TextBuilder()
    body = _FENCED_DIV.sub("", _BLANKISH.sub("", text[end:]))
    heading = _paragraphs(MarkdownIt("commonmark").parse(body), builder)
    title = meta.get("title")
    address = next((meta[key] for key in _ADDRESSES if key in meta), None)
    return Source(text=builder.text(), path=name, format="md",
                  title=str(title).strip() if title else heading, date=_date(meta.get("date")),
                  speaks_for=country_of_address(address),
                  label_hints=tuple(builder.label_hints), quoted=tuple(builder.quoted))


# Front matter fields that give the page a file was saved from.
_ADDRESSES = ("source_url", "url", "canonical_url", "canonical", "link", "source")


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The fields of the front matter that opens ``text`` (empty when unreadable) and where the body starts."""
    found = _FRONT_MATTER.match(text)
    if not found or not _FIELD.search(found["body"]):
        return {}, 0
    try:
        fields = (yaml.safe_load(found["body"]) if found["fence"] == "---" else tomllib.loads(found["body"]))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        fields = None
    return (fields if isinstance(fields, dict) else {}), found.end()


def _date(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return str(value)[:10] if value else None


def _paragraphs(tokens: list[Token], builder: TextBuilder) -> str | None:
    """Add each block's text to ``builder``; return the first heading."""
    heading: str | None = None
    marker = ""  # a list item's marker, put before its first paragraph
    in_heading = False
    quotes = 0  # blockquotes open around the token
    for token in tokens:
        if token.type in ("blockquote_open", "blockquote_close"):
            quotes += 1 if token.type == "blockquote_open" else -1
        elif token.type == "list_item_open":
            marker = f"{token.info}{token.markup} " if token.info else f"{token.markup} "
        elif token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type == "inline":
            text, bold = _inline(token.children or [])
            if in_heading and heading is None and text.strip():
                heading = " ".join(text.split())
            # A heading is bold whole: a label, or a note that no one speaks.
            builder.paragraph(marker + text, bold_prefix=text if in_heading else bold if not marker else "",
                              quoted=quotes > 0)
            marker = ""
        elif token.type in ("fence", "code_block"):
            builder.paragraph(token.content)
        elif token.type == "html_block":
            builder.paragraph(_TAG.sub("", token.content))
    return heading


def _inline(children: list[Token]) -> tuple[str, str]:
    """The text of an inline run (markup, links' targets and HTML tags left out) and the bold run that opens it."""
    parts: list[str] = []
    bold: list[str] | None = None
    opening = True  # nothing but white space read yet
    for child in children:
        if child.type == "strong_open" and opening:
            bold = []
        elif child.type == "strong_close" and bold is not None and opening:
            opening = False
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
            opening = False
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            if bold is not None and opening:
                bold.append(child.content)
            elif child.content.strip():
                opening = False
        elif child.type == "image":
            opening = False
    return "".join(parts), "".join(bold or ()).strip()
