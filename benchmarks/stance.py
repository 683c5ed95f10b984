"""The mention-level stance model's speed beyond the spaCy parse, on NewsMTSC's dev sentences.

    .venv/bin/python benchmarks/stance.py

Parses the sentences of ``dev-rw`` and ``dev-mt`` once (timed: the baseline), then times the model's inputs
and probabilities for every target of them. Prints targets per second for the model alone (target: at least
1,000 on one core) and its time as a share of the parse's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onrecord.analyses.stance import lexicon
from onrecord.analyses.stance_model import inputs, model, probabilities
from onrecord.evaluate.stance import read_lines, targets_of
from onrecord.nlp import english

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newsmtsc"


def main() -> None:
    lines = [line for name in ("dev-rw", "dev-mt") for line in read_lines(DATA / f"{name}.jsonl")]
    nlp, words = english(), lexicon()
    model()
    list(nlp.pipe([sentence for sentence, _ in lines[:20]]))
    start = time.perf_counter()
    docs = list(nlp.pipe([sentence for sentence, _ in lines], batch_size=64))
    parse = time.perf_counter() - start
    targets, _ = targets_of(lines, docs)
    probabilities([inputs(t, words) for t in targets[:20]])
    start = time.perf_counter()
    probabilities([inputs(t, words) for t in targets])
    scoring = time.perf_counter() - start
    print(f"sentences        {len(lines)} (NewsMTSC dev-rw and dev-mt), {len(targets)} targets")
    print(f"spaCy parse      {parse:.2f} s ({len(lines) / parse:,.0f} sentences/s)")
    print(f"stance model     {scoring:.2f} s: {len(targets) / scoring:,.0f} targets/s (target >= 1,000)")
    print(f"ratio            {scoring / parse:.2f} of the parse's time")


if __name__ == "__main__":
    main()
