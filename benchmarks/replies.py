"""Answer clarity's cost against the spaCy pass it runs after, on White House briefings (question-answer documents).

    .venv/bin/python benchmarks/replies.py --sample 20

For each file: the spaCy pass (``parse``) and the replies analysis alone on its result (the layers it reads,
sentences and exchanges, made first and not counted). Prints both totals, the questions judged per second, and
their ratio (target <= 0.10: clarity costs at most a tenth of the spaCy pass).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onrecord.analyses.replies import find_replies
from onrecord.analyses.sentences import find_sentences
from onrecord.nlp import parse, parsed_text
from onrecord.pipeline import structure
from onrecord.readers import read

BRIEFINGS = Path(__file__).resolve().parents[2] / "shared" / "data" / "briefings"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=20, help="how many briefings, every n-th file (default 20)")
    args = parser.parse_args()
    files = sorted(BRIEFINGS.glob("*.md"))
    if not files:
        sys.exit(f"no briefings in {BRIEFINGS}")
    files = files[:: max(1, len(files) // args.sample)][: args.sample]
    find_replies(structure(read(files[0])), parse("Warm up? Yes."))  # loads the model and wordllama once
    parsing = judging = 0.0
    questions = 0
    for file in files:
        record = structure(read(file))
        start = time.perf_counter()
        doc = parse(parsed_text(record.document.text))
        parsing += time.perf_counter() - start
        record = replace(record, sentences=tuple(find_sentences(record, doc)))
        start = time.perf_counter()
        questions += len(find_replies(record, doc))
        judging += time.perf_counter() - start
    print(f"{len(files)} briefings, {questions} questions judged")
    print(f"spaCy pass {parsing:.2f} s, clarity {judging:.2f} s ({questions / judging:,.0f} questions/s)")
    print(f"ratio clarity / spaCy: {judging / parsing:.3f} (target <= 0.10)")


if __name__ == "__main__":
    main()
