"""The errors onrecord raises. A message is ``<what is wrong>, <the bad value>, <what to do>``."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class of every error onrecord raises on purpose."""

    def __init__(self, what: str, value: object = None, todo: str | None = None) -> None:
        self.what, self.value, self.todo = what, value, todo
        super().__init__(", ".join(str(part) for part in (what, value, todo) if part is not None))


class ReadError(OnrecordError):
    """A file could not be read into text: missing, unreadable, empty, binary, corrupt or too large."""


class FormatError(ReadError):
    """A file's format is not one onrecord reads, or its content does not match its format."""


class AnalysisError(OnrecordError):
    """A document was read but an analysis of it failed: a defect, reported with the file rather than a traceback."""


class SchemaError(OnrecordError):
    """A Record (JSON) does not follow the onrecord/record@1 schema."""


class SpanError(OnrecordError):
    """A span's text is not the document text at its offsets."""


class EvaluationError(OnrecordError):
    """Evaluation data is missing or malformed."""


class CorpusError(OnrecordError):
    """A corpus file cannot be opened, migrated, written or queried as asked."""


class KnowledgeBaseError(OnrecordError):
    """A knowledge-base file of actors cannot be read, or an entry in it is malformed."""


class ExportError(OnrecordError):
    """Records cannot be exported or rendered as asked: unknown format, unwritable path."""


class WebError(OnrecordError):
    """The web reader cannot serve what was asked: unknown document or actor, bad address, refused host."""


def unexpected(error: BaseException) -> str:
    """What an error that onrecord did not raise on purpose says, in one line: its kind and its first words."""
    said = " ".join(str(error).split())
    said = said if len(said) <= 120 else said[:119] + "…"
    return f"{type(error).__name__}: {said}" if said else type(error).__name__
