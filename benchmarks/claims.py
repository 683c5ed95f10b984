"""Check-worthiness speed: sentences scored per second on one core, model load time, against the spaCy pass.

    .venv/bin/python benchmarks/claims.py [--files N]

Scores the CLEF-2019 training transcripts (one sentence a line) and runs spaCy over the same text in the same
run, so the ratio holds on any machine. Target: at least 2,000 sentences per second.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says

from onrecord.analyses import claims
from onrecord.analyses.claim_features import lines_of
from onrecord.evaluate.checkworthy import clef_files, clef_record, read_clef
from onrecord.nlp import english

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "clef2019-checkworthy" / "training"


def main() -> None:
    parser = argparse.ArgumentParser(description="check-worthiness speed")
    parser.add_argument("--files", type=int, default=19)
    args = parser.parse_args()
    records = [clef_record(read_clef(f)) for f in clef_files(DATA)[: args.files]]
    count = sum(len(r.sentences) for r in records)
    start = time.perf_counter()
    model = claims.load_model()
    claims.embed(["warm up"])
    load = time.perf_counter() - start
    start = time.perf_counter()
    for record in records:
        claims.score_lines(lines_of(record), model=model)
    scoring = time.perf_counter() - start
    nlp = english()
    start = time.perf_counter()
    for _ in nlp.pipe((r.document.text for r in records), batch_size=1):
        pass
    parsing = time.perf_counter() - start
    print(f"sentences: {count:,}")
    print(f"model load: {load:.3f} s (target < 1 s)")
    print(f"claims: {count / scoring:,.0f} sentences/s (target >= 2,000)")
    print(f"spaCy pass: {count / parsing:,.0f} sentences/s")
    print(f"claims time / spaCy time: {scoring / parsing:.3f}")


if __name__ == "__main__":
    main()
