"""Write one transcript in every format onrecord reads, for tests that compare the readers."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def paragraphs(text: str) -> list[tuple[str | None, str]]:
    """(label, rest) per paragraph: the label when the paragraph opens with ``Label: ``."""
    from onrecord.transcript.labels import match_label

    result: list[tuple[str | None, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        label = match_label(line)
        if label and label.strong:
            result.append((line[: label.end], line[label.content_start :]))
        else:
            result.append((None, line))
    return result


def write_html(text: str, path: Path) -> Path:
    body = []
    for label, rest in paragraphs(text):
        lead = f"<strong>{html.escape(label)}:</strong> " if label else ""
        body.append(f"<p>{lead}{html.escape(rest)}</p>")
    path.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Interview</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/about'>About</a></nav><article>"
        + "\n".join(body)
        + "</article><footer>Site footer</footer></body></html>",
        encoding="utf-8",
    )
    return path


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for label, rest in paragraphs(text):
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}:").bold = True
            paragraph.add_run(f" {rest}")
        else:
            paragraph.add_run(rest)
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def write_json(text: str, path: Path) -> Path:
    """Turns as a diarization tool writes them; paragraphs without a label continue the turn before."""
    turns: list[dict[str, str | None]] = []
    for label, rest in paragraphs(text):
        if label or not turns:
            turns.append({"speaker": label, "text": rest})
        else:
            turns[-1]["text"] = f"{turns[-1]['text']}\n{rest}"
    path.write_text(json.dumps(turns, ensure_ascii=False), encoding="utf-8")
    return path


def docx_bytes(paragraph_texts: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraph_texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WRITERS = {"html": write_html, "docx": write_docx, "pdf": write_pdf, "json": write_json}
