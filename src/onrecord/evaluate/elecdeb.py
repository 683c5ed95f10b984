"""The ElecDeb 1960-2020 debates (one CSV row per speaker turn) as transcripts in several formats."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import EvaluationError
from onrecord.readers.source import normalize

FORMATS = ("txt", "html", "docx")
_COLUMNS = {"date", "speaker", "concatenated_speech"}


@dataclass(frozen=True)
class GoldTurn:
    speaker: str
    text: str


@dataclass(frozen=True)
class Debate:
    date: str
    turns: tuple[GoldTurn, ...]


def debates(path: Path) -> Iterator[Debate]:
    """One debate per date, its turns in file order; rows with no speech are left out."""
    csv.field_size_limit(10_000_000)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not set(reader.fieldnames or ()) >= _COLUMNS:
                raise EvaluationError("not the ElecDeb CSV", str(path), f"it needs the columns {sorted(_COLUMNS)}")
            grouped: dict[str, list[GoldTurn]] = {}
            for row in reader:
                # Gold text in the form onrecord reads it (mojibake such as "weâ€™ve" repaired), so that
                # the score is about turns, not about the text repair the reader does.
                speaker = " ".join(normalize(row["speaker"]).split()).rstrip(":").strip()
                text = " ".join(normalize(row["concatenated_speech"]).split())
                if speaker and text:
                    grouped.setdefault(row["date"], []).append(GoldTurn(speaker, text))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvaluationError(f"cannot read the CSV ({error})", str(path), "check the file") from None
    for date, turns in grouped.items():
        yield Debate(date, tuple(turns))


def render(debate: Debate, fmt: str) -> tuple[bytes, str]:
    """The debate as a transcript file in ``fmt``: (bytes, file name)."""
    name = f"elecdeb-{debate.date.replace('/', '-')}.{fmt}"
    if fmt == "txt":
        return "\n\n".join(f"{t.speaker}: {t.text}" for t in debate.turns).encode("utf-8"), name
    if fmt == "html":
        body = "\n".join(f"<p><b>{html.escape(t.speaker)}:</b> {html.escape(t.text)}</p>" for t in debate.turns)
        page = f"<!doctype html><html><head><title>Debate {debate.date}</title></head><body>{body}</body></html>"
        return page.encode("utf-8"), name
    if fmt == "docx":
        import docx

        document = docx.Document()
        for turn in debate.turns:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{turn.speaker}:").bold = True
            paragraph.add_run(f" {turn.text}")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue(), name
    raise EvaluationError("unknown format", fmt, f"use one of {', '.join(FORMATS)}")
