"""Read a file into a ``Source``: normalized text plus metadata. One module per format."""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from onrecord.defaults import DEFAULT_MAX_BYTES
from onrecord.errors import FormatError, OnrecordError, ReadError, unexpected
from onrecord.readers.metadata import (
    date_in_filename,
    date_in_text,
    period_in_filename,
    recalled,
    title_from_path,
    valid_date,
)
from onrecord.readers.source import Segment, Source, finish, normalize

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "Segment", "Source", "normalize", "read", "read_bytes"]

Reader = Callable[[bytes, str], Source]

# Each format's reader, as "module:function": imported when a file of that format is read, so that a command
# that reads nothing loads none of the readers' libraries.
READERS: dict[str, str] = {
    "txt": "plain:read_txt",
    "md": "markdown:read_md",
    "html": "html:read_html",
    "pdf": "pdf:read_pdf",
    "docx": "docx:read_docx",
    "srt": "captions:read_srt",
    "vtt": "captions:read_vtt",
    "json": "turns:read_json",
    "yaml": "turns:read_yaml",
}
_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".pdf": "pdf", ".docx": "docx", ".srt": "srt", ".vtt": "vtt", ".json": "json",
             ".yaml": "yaml", ".yml": "yaml"}


def reader_of(format: str) -> Reader:
    """The function that reads files of ``format`` (one of ``READERS``)."""
    module, function = READERS[format].split(":")
    reader: Reader = getattr(importlib.import_module(f"onrecord.readers.{module}"), function)
    return reader


def format_of(path: str | os.PathLike[str]) -> str:
    """The reader a path's extension selects; files with no known extension are read as plain text."""
    return _SUFFIXES.get(Path(path).suffix.lower(), "txt")


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    title: str | None = None,
    date: str | None = None,
    speaker: str | None = None,
    speaks_for: str | None = None,
) -> Source:
    """Read a file into normalized text and metadata; raise ``ReadError`` saying why when it cannot. ``title``,
    ``date``, ``speaker`` (of a speech without speaker labels) and ``speaks_for`` (the country whose words these
    are) are what the caller knows better than the file."""
    name = shown_name(path)
    file = Path(path)
    if not file.exists():
        raise ReadError("no such file", name, "check the path")
    if file.is_dir():
        raise ReadError("is a directory, not a file", name, "name the files in it")
    if not file.is_file():  # a named pipe or a device would block the read for ever, or never end
        raise ReadError("not a regular file (a pipe, a socket or a device)", name, "save the transcript to a file")
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise ReadError(f"{size:,} bytes is over the limit of {max_bytes:,}", name, "raise --max-bytes to read it")
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise ReadError("permission denied", name, "check the file's permissions") from None
    except OSError as error:
        raise ReadError(f"cannot be read ({error.strerror or error})", name, "check the file") from None
    if len(data) > max_bytes:
        raise ReadError(f"over the limit of {max_bytes:,} bytes", name, "raise --max-bytes to read it")
    source = read_bytes(data, name, format=format or format_of(path), title=title, date=date, speaker=speaker,
                        speaks_for=speaks_for)
    if len(source.text) > max_bytes:  # a compressed file (DOCX) can unpack to far more text than its size
        raise ReadError(f"its text is {len(source.text):,} characters, over the limit of {max_bytes:,}", name,
                        "raise --max-bytes to read it")
    return source


def shown_name(path: str | os.PathLike[str]) -> str:
    """A path as text to show and store: a file name that is not UTF-8 keeps its other bytes as U+FFFD (the
    file itself is opened by its real name)."""
    return os.fsencode(path).decode("utf-8", "replace")


def read_bytes(
    data: bytes,
    name: str,
    *,
    format: str = "txt",
    title: str | None = None,
    date: str | None = None,
    speaker: str | None = None,
    speaks_for: str | None = None,
) -> Source:
    """Read the bytes of a file in ``format``; ``name`` is the source shown in the Record and in errors."""
    if format not in READERS:
        raise FormatError(f"unknown format {format!r}", name, f"onrecord reads {', '.join(READERS)}")
    reader = reader_of(format)
    if not data.strip():
        raise ReadError("the file is empty", name, "check that it is the transcript you meant")
    try:
        source = finish(reader(data, name))
    except OnrecordError:
        raise
    except Exception as error:  # a file that breaks a reader is that file's failure, named
        raise ReadError(f"cannot be read as {format} ({unexpected(error)})", name,
                        "check the file, or report it with the file attached") from error
    day = valid_date(date) or _date_in_text(source.text, name) or valid_date(source.date) or date_in_filename(name)
    return replace(
        source,
        title=title or source.title or _title_line(source.text) or title_from_path(name),
        date=day,
        period=None if day else period_in_filename(name),
        speaker=speaker or source.speaker,
        speaks_for=speaks_for or source.speaks_for,
    )


def _date_in_text(text: str, name: str) -> str | None:
    """A date at the head or tail of the text, unless it is one the text recalls (``metadata.recalled``)."""
    day = date_in_text(text)
    return None if day is None or recalled(day, name) else day


def _title_line(text: str) -> str | None:
    """A short first line with no sentence end and no speaker label reads as a title; a salutation ("Mr.
    President") or an invocation ("In the name of God, the Compassionate, the Merciful") opens a speech instead."""
    from onrecord.transcript.labels import is_salutation

    first = text.lstrip().split("\n", 1)[0].strip()
    if (0 < len(first.split()) <= 15 and not first.endswith((".", "?", "!", ":", ",")) and ":" not in first
            and not is_salutation(first) and not _INVOCATION.match(first)):
        return first
    return None


_INVOCATION = re.compile(r"(?i)\W*(?:in the name of|bismillah|bism\b|in god's name)")
