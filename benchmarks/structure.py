"""Cost of enumerations, attributions and citations relative to the spaCy pass, and Quran citations parsed.

    .venv/bin/python benchmarks/structure.py [SAMPLE]

Times the spaCy pass and the three analyses over the same SAMPLE UN General Debate speeches (default 40,
every n-th file of ../shared/data/ungdc), then counts the Quran citation patterns in Iran's 73 speeches
(IRN_*.txt) and how many the citations analysis parsed, listing any it did not.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from onrecord.analyze.attributions import find_attributions
from onrecord.analyze.citations import find_citations
from onrecord.analyze.enumerations import find_enumerations
from onrecord.analyze.sentences import find_sentences
from onrecord.nlp import english
from onrecord.pipeline import structure
from onrecord.read import read

UNGDC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ungdc"
# Loose on purpose: any mention of the book followed closely by chapter:verse, in any numerals.
PATTERN = re.compile(r"(?:Qur['’]?an|Koran|Surah?)\W{0,4}(?:\w+\W{0,3}){0,2}?[\dIVXLC]+\s*:\s*\d+", re.IGNORECASE)


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
    found = parsed = 0
    unparsed: list[str] = []
    for path in files:
        record = structure(read(path))
        text = record.document.text
        spans = [c.span for c in find_citations(record, None) if c.work == "Quran"]
        for match in PATTERN.finditer(text):
            found += 1
            if any(s.start <= match.end() and match.start() <= s.end for s in spans):
                parsed += 1
            else:
                unparsed.append(f"{path.name}: {match.group()!r}")
    print(f"{len(files)} Iran speeches: {found} Quran citation patterns, {parsed} parsed")
    for line in unparsed:
        print("  unparsed:", line)


if __name__ == "__main__":
    timing(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    quran()
