"""Share of NER entity mentions that resolve to a knowledge-base actor, on the Iran speeches of the UNGDC.

    .venv/bin/python scripts/actor_coverage.py [--data ../shared/data/ungdc] [--top 15]

An entity (PERSON, ORG, NORP, GPE, LOC, FAC) counts as resolved when one of its tokens lies in a mention
that onrecord links to a knowledge-base actor.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from onrecord.analyze.actors import find_mentions
from onrecord.analyze.actors.resolve import ACTOR_LABELS
from onrecord.kb import load_kb
from onrecord.nlp import english
from onrecord.pipeline import structure
from onrecord.read import read

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ungdc")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    kb = load_kb()
    records = [structure(read(path)) for path in sorted(args.data.glob("*/IRN_*.txt"))]
    resolved, unresolved = 0, Counter[str]()
    docs = english().pipe((r.document.text for r in records), batch_size=4)
    for record, doc in zip(records, docs, strict=True):
        linked = {i for f in find_mentions(record, doc, kb, {}) if f.actor in kb.entries for i in range(f.start, f.end)}
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            if any(i in linked for i in range(ent.start, ent.end)):
                resolved += 1
            else:
                unresolved[f"{' '.join(ent.text.split())} ({ent.label_})"] += 1
    total = resolved + sum(unresolved.values())
    print(f"{len(records)} speeches, {total} entity mentions, {resolved} resolved: {resolved / total:.1%}")
    for name, count in unresolved.most_common(args.top):
        print(f"{count:5d}  {name}")


if __name__ == "__main__":
    main()
