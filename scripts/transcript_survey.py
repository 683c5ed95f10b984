"""How onrecord reads real transcripts at scale: a survey of whole folders of them.

    .venv/bin/python scripts/transcript_survey.py [FOLDER ...] [--json] [--analyze]

By default it surveys ../shared/data/briefings (White House briefings, Markdown) and ../shared/data/kremlin
(kremlin.ru pages, HTML). For each folder it prints:

- documents read, and documents with at least one answered exchange;
- documents with a question line (`Q`, `Q:`, `QUESTION:`, `Question:`) and, of those, how many have no
  exchange (the target is none);
- lines that look like a speaker label by a convention of the field but open no turn, by convention;
- speakers whose label is a time, a date or a number (the target is none);
- speech turns that hold page furniture (front matter, time lines, "Direct link", "See also", ...);
- the slowest documents (reading and transcribing; with --analyze, every analysis too).

Files that cannot be read are counted and named, as `onrecord analyze` would report them.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.errors import OnrecordError
from onrecord.pipeline import analyze_source, structure
from onrecord.readers import read
from onrecord.record import Record

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FOLDERS = (SHARED / "briefings", SHARED / "kremlin")

# How a line looks when it starts a turn by a convention of the field (see docs/transcripts.md).
_LOOKS_LIKE_LABEL = {
    "Q": re.compile(r"Q(?:[:.]|[ \u00a0\t]+)(?=\S)"),
    "Question/Answer": re.compile(r"(?i:question|answer|remark|reply|response)\s*(?:\([^)]*\))?\s*:"),
    "CAPITALS:": re.compile(r"(?:[A-Z][A-Z.'’-]+ ){0,5}[A-Z][A-Z.'’-]+:\s"),
    "Name:": re.compile(r"(?:[A-Z][a-z’'-]+ ){1,3}[A-Z][a-z’'-]+(?: \([^)]*\))?:\s"),
}
_QUESTION_LINE = re.compile(r"^[ \t\u00a0]*(?:Q(?:[:.]|[ \u00a0\t]+)\S|(?i:question)\s*(?:\([^)]*\))?\s*:)", re.M)
_CLOCK_OR_DATE = re.compile(
    r"^(?:[\d\s:.,/\-\[\]()]+|.*\b\d{1,2}:\d\d\b.*|(?i:.*\b(?:a\.?m|p\.?m|edt|est|gmt|utc)\b.*)|"
    r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}))$"
)
_FURNITURE = re.compile(
    r"source_url:|published_time:|modified_time:|^title: |^---$|^\+\+\+$|Direct link|Last updated at|"
    r"Publication date|See also|Text version|Official Internet Resources|^END\b|\b\d{1,2}:\d\d [AP]\.M\. E[SD]T$",
    re.M,
)


# A folder's own description of its files, which is no transcript.
_NOT_TRANSCRIPTS = frozenset({"README.md", "README.txt", "SOURCES.md", ".gitkeep"})


@dataclass
class Survey:
    """What one folder's documents came to."""

    folder: str
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    with_exchange: int = 0
    with_question_line: int = 0
    question_line_no_exchange: list[str] = field(default_factory=list)
    unopened: Counter[str] = field(default_factory=Counter)
    unopened_examples: list[str] = field(default_factory=list)
    clock_speakers: list[str] = field(default_factory=list)
    furniture_turns: int = 0
    furniture_documents: list[str] = field(default_factory=list)
    seconds: list[tuple[float, str]] = field(default_factory=list)

    def add(self, name: str, record: Record, seconds: float) -> None:
        self.documents += 1
        self.seconds.append((seconds, name))
        text = record.document.text
        answered = any(x.answers for x in record.exchanges)
        self.with_exchange += answered
        if _QUESTION_LINE.search(text):
            self.with_question_line += 1
            if not answered:
                self.question_line_no_exchange.append(name)
        opened = sorted({t.label.start for t in record.turns if t.label} | {t.span.start for t in record.turns})
        for line in re.finditer(r"[^\n]+", text):
            start = line.start() + len(line.group()) - len(line.group().lstrip(" \t\u00a0"))
            for convention, pattern in _LOOKS_LIKE_LABEL.items():
                if pattern.match(text, start) and not _opens_within(opened, start, line.end()):
                    self.unopened[convention] += 1
                    self.unopened_examples.append(f"{name}: {line.group()[:60]}")
                    break
        self.clock_speakers += [f"{name}: {s.label}" for s in record.speakers if _CLOCK_OR_DATE.match(s.label.strip())]
        furnished = [t for t in record.turns if t.kind != "note" and _FURNITURE.search(t.span.text)]
        self.furniture_turns += len(furnished)
        if furnished:
            self.furniture_documents.append(name)

    def report(self) -> dict[str, object]:
        slowest = sorted(self.seconds, reverse=True)[:5]
        return {
            "folder": self.folder,
            "documents": self.documents,
            "failed": self.failed,
            "with_exchange": self.with_exchange,
            "with_question_line": self.with_question_line,
            "question_line_without_exchange": self.question_line_no_exchange,
            "label_lines_opening_no_turn": dict(self.unopened),
            "label_lines_opening_no_turn_examples": self.unopened_examples[:40],
            "time_or_date_speakers": self.clock_speakers,
            "turns_with_furniture": self.furniture_turns,
            "documents_with_furniture": self.furniture_documents,
            "seconds_total": round(sum(s for s, _ in self.seconds), 2),
            "slowest": [{"document": name, "seconds": round(s, 3)} for s, name in slowest],
        }


def _opens_within(starts: list[int], start: int, end: int) -> bool:
    """Whether a turn or label (their sorted starts) begins on the line ``start``-``end``."""
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


def survey(folder: Path, *, analyze: bool = False) -> Survey:
    """Read and transcribe (or analyze) every file of ``folder``."""
    result = Survey(folder.name)
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _NOT_TRANSCRIPTS):
        began = time.perf_counter()
        try:
            source = read(path)
            record = analyze_source(source) if analyze else structure(source)
        except OnrecordError as error:
            result.failed.append(str(error))
            continue
        result.add(path.name, record, time.perf_counter() - began)
    return result


def show(report: dict[str, object]) -> None:
    print(f"== {report['folder']}: {report['documents']} documents read, {len(report['failed'])} failed")  # type: ignore[arg-type]
    print(f"   with at least one answered exchange: {report['with_exchange']}")
    missing = report["question_line_without_exchange"]
    print(f"   with a question line: {report['with_question_line']}, of which without an exchange: "
          f"{len(missing)} {missing[:5] if missing else ''}")  # type: ignore[arg-type,index]
    print(f"   label-like lines opening no turn: {report['label_lines_opening_no_turn']}")
    clocks = report["time_or_date_speakers"]
    print(f"   speakers that are a time, date or number: {len(clocks)} {clocks[:5] if clocks else ''}")  # type: ignore[arg-type,index]
    print(f"   speech turns with page furniture: {report['turns_with_furniture']} "
          f"(in {len(report['documents_with_furniture'])} documents)")  # type: ignore[arg-type]
    print(f"   time: {report['seconds_total']} s in all; slowest: "
          + ", ".join(f"{s['document']} {s['seconds']} s" for s in report["slowest"]))  # type: ignore[attr-defined,index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of transcripts (default: briefings, kremlin)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--analyze", action="store_true", help="run every analysis, not only the transcript")
    args = parser.parse_args(argv)
    folders = args.folders or [f for f in FOLDERS if f.is_dir()]
    if not folders:
        print("Error: no folder to survey, ../shared/data is not beside the checkout, name the folders", file=sys.stderr)
        return 2
    reports = [survey(folder, analyze=args.analyze).report() for folder in folders]
    if args.json:
        print(json.dumps(reports, indent=1))
    else:
        for report in reports:
            show(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
