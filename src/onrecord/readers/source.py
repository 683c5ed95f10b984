"""What a reader hands on: normalized text, metadata, and the turns the file itself marks."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
import ftfy

from onrecord.errors import ReadError
from onrecord.record import TimeRange


@dataclass(frozen=True)
class Segment:
    """A turn the file marks itself (JSON turns, subtitle voices): offsets into ``Source.text``."""

    start: int
    end: int
    speaker: str | None
    label: tuple[int, int] | None = None
    time: TimeRange | None = None


@dataclass(frozen=True)
class Source:
    """A file read into text. Offsets from here on refer to ``text``, which never changes again."""

    text: str
    path: str
    format: str
    title: str | None = None
    date: str | None = None
    # When no day is known: the year (YYYY) or month (YYYY-MM) the document belongs to, e.g. from its file name.
    period: str | None = None
    speaker: str | None = None
    # The country whose words these are (a speech at the UN, an official's interview), when the caller knows it.
    speaks_for: str | None = None
    segments: tuple[Segment, ...] | None = None
    label_hints: tuple[tuple[int, int], ...] = field(default=())
    # Paragraphs the file sets apart as quoted (Markdown ``>`` blockquotes, HTML ``<blockquote>``): in a transcript
    # without labels, the interviewer's questions.
    quoted: tuple[tuple[int, int], ...] = field(default=())


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0c\u2028\u2029\x85]")


def normalize(text: str) -> str:
    """Mojibake repaired, NFC, LF line ends, no control characters: the form every offset refers to.

    Text that went through a wrong decoding once ("â€œ" for "“") is common in scraped transcripts and UN
    records; ftfy's ``fix_encoding`` undoes only that and leaves sound text alone.
    """
    text = _SURROGATE.sub("\ufffd", _LINE_BREAKS.sub("\n", text))  # a lone surrogate (JSON's "\ud800") encodes to nothing
    return unicodedata.normalize("NFC", _CONTROL.sub("", ftfy.fix_encoding(text)))


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-8, then charset-normalizer's best guess; binary data is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(f"text says it is {encoding} but is not", name, "save it again as UTF-8") from None
    try:
        return _refuse_binary(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    unmarked_utf16 = _guess_utf16(data)
    if unmarked_utf16 is not None:
        return _refuse_binary(unmarked_utf16, name)
    if b"\x00" in data:
        raise ReadError("binary data, not text", name, "give a text, HTML, PDF, DOCX, subtitle or JSON file")
    western = _western(data)
    if western is not None:
        return _refuse_binary(western, name)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadError("binary data or an unknown text encoding", name, "save it as UTF-8")
    return _refuse_binary(str(best), name)


# What a Western European text holds beyond ASCII in Windows-1252 (a superset of Latin-1's printable characters):
# accented letters, typographic quotes and dashes, currency and a few signs.
_WESTERN = frozenset(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)) | frozenset(
    "ŒœŠšŽžŸƒ’‘“”„–—…€«»°§©®·•¡¿ªº´¨¸£¥¢\u00a0")
_ESCAPED = re.compile("[\udc80-\udcff]")
_WESTERN_SHARE = 0.3  # bytes that are not UTF-8 per letter of the text: more is another alphabet (Cyrillic, Greek)


def _western(data: bytes) -> str | None:
    """Text that is UTF-8 where it is valid and Windows-1252 (Latin-1) where it is not: a Latin-1 file, or a
    UTF-8 file with Latin-1 lines pasted in, read character by character. None when the bytes that are not UTF-8
    do not read as Western European text (a Russian or Greek file in an 8-bit code page), which are left to
    charset-normalizer's guess."""
    escaped = data.decode("utf-8", errors="surrogateescape")  # each byte that is not UTF-8 as U+DC80..U+DCFF
    foreign = {character: bytes([ord(character) - 0xDC00]).decode("cp1252", errors="replace")
               for character in set(_ESCAPED.findall(escaped))}
    if not all(character in _WESTERN for character in foreign.values()):
        return None
    text = _ESCAPED.sub(lambda found: foreign[found.group()], escaped)
    letters = sum(character.isalpha() for character in text)
    share = len(_ESCAPED.findall(escaped)) / max(letters, 1)
    return text if share <= _WESTERN_SHARE else None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: most ASCII characters then have a zero byte on one side."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _refuse_binary(text: str, name: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\n\r\t\x0c")
    if sample and controls > 0.02 * len(sample):
        raise ReadError("binary data, not text", name, "give a text, HTML, PDF, DOCX, subtitle or JSON file")
    return text


def finish(source: Source) -> Source:
    """Refuse a source with no words in it; the reader's last step."""
    if not any(ch.isalnum() for ch in source.text):
        raise ReadError("no text in it", source.path, "check that the file is the transcript you meant")
    return source
