"""Word documents: paragraphs (and table cells) in order, with bold runs that open a paragraph."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from onrecord.errors import ReadError
from onrecord.readers.builder import TextBuilder
from onrecord.readers.source import Source

# A .docx is a zip: refuse archives that would unpack to far more than any transcript (zip bombs).
MAX_UNPACKED_BYTES = 200_000_000
MAX_RATIO = 200
_PROLOG = 4096  # bytes at the head of an XML part where a document type declaration would stand


def read_docx(data: bytes, name: str) -> Source:
    """A Word document's paragraphs; a bold run at a paragraph's start is kept as a speaker-label hint."""
    _refuse_zip_bomb(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        builder = TextBuilder()
        for block in _blocks(document):
            builder.paragraph(block.text, bold_prefix=_bold_prefix(block))
        title = document.core_properties.title or None
    except ReadError:
        raise
    except Exception as error:  # python-docx raises KeyError, XMLSyntaxError, ...: all mean a broken file
        raise ReadError(f"corrupt Word document ({type(error).__name__})", name, "check the file") from None
    return Source(text=builder.text(), path=name, format="docx", title=title, label_hints=tuple(builder.label_hints))


def _refuse_zip_bomb(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked <= MAX_UNPACKED_BYTES:
                _refuse_entities(archive, name)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReadError(f"not a Word document, its zip container is broken ({error})", name, "check the file") from None
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(len(data), 1):
        raise ReadError(
            f"unpacks to {unpacked:,} bytes from {len(data):,} (a zip bomb?)", name, "refused for safety; check the file"
        )


def _refuse_entities(archive: zipfile.ZipFile, name: str) -> None:
    """Word never writes a document type declaration; one declares entities, whose references python-docx would
    read as the end of a run's text (the words after them lost) or expand (billion laughs): refused."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                if b"<!DOCTYPE" in part.read(_PROLOG):
                    raise ReadError(f"its part {info.filename} declares a document type (entities), which Word never "
                                    "writes", name, "refused for safety; save it again from a word processor")


def _blocks(document: DocxDocument) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
        else:
            paragraphs.append(block)
    return paragraphs


def _bold_prefix(paragraph: Paragraph) -> str:
    prefix = ""
    for run in paragraph.runs:
        if not run.text.strip() and prefix:
            prefix += run.text
            continue
        if run.bold:
            prefix += run.text
        else:
            break
    return prefix.strip()
