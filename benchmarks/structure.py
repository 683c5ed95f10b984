"""Cost of enumerations, attributions and citations relative to the spaCy pass, and Quran citations parsed.

    .venv/bin/python benchmarks/structure.py [SAMPLE]

Times the spaCy pass and the three analyses over the same SAMPLE UN General Debate speeches (default 40,
every n-th file of ../shared/data/ungdc), then counts the Quran citation patterns in Iran's 73 speeches
(IRN_*.txt): found (a chapter:verse near the book's name, or the book's name before a colon), parsed (a
citation with its surah:ayah covers it), unparsed (a citation with no reference, the text giving no verse)
and missed (no citation at all), listing the unparsed and the missed; then the UN resolutions and the NPT, JCPOA
and Charter mentions in the same speeches, and how many a citation of that resolution or treaty covers.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from onrecord.analyses.attributions import find_attributions
from onrecord.analyses.citations import find_citations
from onrecord.analyses.enumerations import find_enumerations
from onrecord.analyses.sentences import find_sentences
from onrecord.nlp import english
from onrecord.pipeline import structure
from onrecord.readers import read

UNGDC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ungdc"
# Loose on purpose: any mention of the book followed closely by chapter:verse, in any numerals.
PATTERN = re.compile(r"(?:Qur['’]?an|Koran|Surah?)(?:\W{0,4}(?:\w+\W{0,3}){0,2}?[\dIVXLC]+\s*:\s*\d+|[ \t]*:)", re.IGNORECASE)


REACH = 1500  # as far as a verse reference may close a quotation the book's name and a colon opened


def timing(sample: int) -> None:
    files = sorted(UNGDC.glob("*/*.txt"))
    chosen = files[:: max(len(files) // sample, 1)][:sample]
    records = [structure(read(path)) for path in chosen]
    began = time.perf_counter()
    docs = [english()(record.document.text) for record in records]
    spacy_seconds = time.perf_counter() - began
    from dataclasses import replace

    records = [replace(r, sentences=tuple(find_sentences(r, d))) for r, d in zip(records, docs, strict=True)]
    began = time.perf_counter()
    for record, doc in zip(records, docs, strict=True):
        find_enumerations(record, doc)
        find_attributions(record, doc)
        find_citations(record, doc)
    analyses_seconds = time.perf_counter() - began
    words = sum(len(r.document.text.split()) for r in records)
    print(f"{len(records)} speeches, {words:,} words: spaCy {spacy_seconds:.1f} s, three analyses "
          f"{analyses_seconds:.2f} s = {100 * analyses_seconds / spacy_seconds:.1f}% of the spaCy pass")


def quran() -> None:
    files = sorted(UNGDC.glob("*/IRN_*.txt"))
    tally = {"found": 0, "parsed": 0, "unparsed": 0, "missed": 0}
    listed: list[str] = []
    for path in files:
        record = structure(read(path))
        citations = [c for c in find_citations(record, None) if c.work == "Quran"]
        for match in PATTERN.finditer(record.document.text):
            near = [c for c in citations if c.span.start <= match.end() and match.start() <= c.span.end]
            if match.group().endswith(":") and not near and any(
                    c.reference and 0 <= c.span.start - match.end() <= REACH for c in citations):
                continue  # "As stated in the Holy Koran: “...” (XXI:105)": one citation, counted at its verse
            tally["found"] += 1
            kind = "missed" if not near else "parsed" if any(c.reference for c in near) else "unparsed"
            tally[kind] += 1
            if kind != "parsed":
                listed.append(f"  {kind}: {path.name}: {' '.join(match.group().split())!r}")
    print(f"{len(files)} Iran speeches: {tally['found']} Quran citation patterns, {tally['parsed']} parsed, "
          f"{tally['unparsed']} unparsed (no verse in the text), {tally['missed']} missed")
    print("\n".join(listed))


# Loose on purpose: every way the speeches write a resolution number or name these three treaties.
RESOLUTION = re.compile(r"\b[Rr]esolutions?\s+(?:[A-Z]+/RES/)?\(?\d")
TREATIES = {
    "Treaty on the Non-Proliferation of Nuclear Weapons": re.compile(r"\bNPT\b|Non-\s?Proliferation\s+Treaty|Treaty\s+on\s+the\s+Non-\s?Proliferation"),
    "Joint Comprehensive Plan of Action": re.compile(r"\bJCPOA\b|Joint\s+Comprehensive\s+Plan\s+of\s+Action"),
    "Charter of the United Nations": re.compile(r"Charter\s+of\s+the\s+United\s+Nations|United\s+Nations\s+Charter|\b[Tt]he\s+Charter\b(?!\s+of)"),
}


def references() -> None:
    """UN resolutions and three treaties in Iran's speeches: mentions, and how many a citation of the right kind covers."""
    files = sorted(UNGDC.glob("*/IRN_*.txt"))
    tally = {name: [0, 0] for name in ["UN resolutions", *TREATIES]}
    for path in files:
        record = structure(read(path))
        citations = find_citations(record, None)
        text = record.document.text
        for name, pattern in [("UN resolutions", RESOLUTION), *TREATIES.items()]:
            for match in pattern.finditer(text):
                tally[name][0] += 1
                tally[name][1] += any(c.span.start < match.end() and match.start() < c.span.end and (
                    "resolution" in c.work if name == "UN resolutions" else c.work == name) for c in citations)
    for name, (mentions, covered) in tally.items():
        print(f"{name}: {mentions} mentions, {covered} cited")


if __name__ == "__main__":
    timing(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    quran()
    references()
