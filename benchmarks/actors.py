"""Cost of the actor layer (actors + stances) per document, against the spaCy pass in the same run, and the
knowledge base's load time.

    .venv/bin/python benchmarks/actors.py [--docs 10]

Documents: the reference interview and the first Iran speeches of ../shared/data/ungdc.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from onrecord.analyses.actors import find_actors
from onrecord.analyses.actors.matching import name_index
from onrecord.analyses.sentences import find_sentences
from onrecord.analyses.stance import find_stances, lexicon
from onrecord.kb import load_kb
from onrecord.nlp import english
from onrecord.pipeline import structure
from onrecord.readers import read

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10)
    args = parser.parse_args()
    nlp = english()  # the spaCy model loads for the spaCy pass anyway; not the knowledge base's cost
    start = time.perf_counter()
    load_kb()
    kb_seconds = time.perf_counter() - start
    start = time.perf_counter()
    name_index(load_kb(), nlp.tokenizer)
    index_seconds = time.perf_counter() - start
    paths = [SHARED / "seed" / "000_7bfc00263638301d.txt", *sorted(SHARED.glob("ungdc/*/IRN_*.txt"))][: args.docs]
    lexicon()
    spacy_seconds = actor_seconds = 0.0
    for path in paths:
        record = structure(read(path))
        start = time.perf_counter()
        doc = nlp(record.document.text)
        spacy_seconds += time.perf_counter() - start
        record = replace(record, sentences=tuple(find_sentences(record, doc)))
        start = time.perf_counter()
        layers = find_actors(record, doc)
        record = replace(record, actors=tuple(layers["actors"]), speakers=tuple(layers["speakers"]))
        find_stances(record, doc)
        actor_seconds += time.perf_counter() - start
    print(f"knowledge base load (cold, once): {kb_seconds:.3f} s + name index build (once): {index_seconds:.3f} s "
          f"= {kb_seconds + index_seconds:.3f} s")
    print(f"{len(paths)} documents: spaCy {spacy_seconds / len(paths):.3f} s/doc, "
          f"actors + stances {actor_seconds / len(paths):.3f} s/doc = {actor_seconds / spacy_seconds:.1%} extra")


if __name__ == "__main__":
    main()
