"""Share of NER entity mentions that resolve to a knowledge-base actor, on the Iran speeches of the UNGDC.

    .venv/bin/python scripts/actor_coverage.py [--data ../shared/data/ungdc] [--top 15]

An entity counts when NER labels it as naming someone or somewhere: PERSON, ORG, NORP, GPE, LOC, FAC (the
labels the actor layer keeps, ``ACTOR_LABELS``); DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL,
LAW, EVENT, WORK_OF_ART, PRODUCT and LANGUAGE never count, whatever they name. It is resolved when one of its
tokens lies in a mention that onrecord links to a knowledge-base actor (an office or a city derived from the
knowledge base counts; an unknown name kept without a QID does not). Two shares are printed: the raw one over
every entity, and the filtered one without the entities that are no names of actors by the rule the actor
layer itself applies (``onrecord.analyses.actors.resolve.generic``: no capital letter, a roman numeral, or one
word that is a common English noun or adjective and no knowledge-base name). The speaker of ``IRN_*.txt``
speaks for Iran (the corpus says so), so "my Government" resolves to Iran; each speech has the year of its file
name as its period, as the reader gives it, so titles resolve by year.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from onrecord.analyses.actors import find_mentions
from onrecord.analyses.actors.resolve import ACTOR_LABELS, generic
from onrecord.kb import load_kb
from onrecord.nlp import english
from onrecord.pipeline import structure
from onrecord.readers import read

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ungdc")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    kb = load_kb()
    records = [structure(read(path)) for path in sorted(args.data.glob("*/IRN_*.txt"))]
    resolved, unresolved, dropped = 0, Counter[str](), Counter[str]()
    docs = english().pipe((r.document.text for r in records), batch_size=4)
    for record, doc in zip(records, docs, strict=True):
        speakers = {s.id: "iran" for s in record.speakers}
        found = find_mentions(record, doc, kb, speakers)
        linked = {i for f in found if f.actor in kb.entries for i in range(f.start, f.end)}
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            name = f"{' '.join(ent.text.split())} ({ent.label_})"
            if any(i in linked for i in range(ent.start, ent.end)):
                resolved += 1
            elif generic(" ".join(ent.text.removeprefix("the ").split()), kb):
                dropped[name] += 1
            else:
                unresolved[name] += 1
    total = resolved + sum(unresolved.values())
    raw = total + sum(dropped.values())
    print(f"{len(records)} speeches, {raw} entity mentions, {resolved} resolved: raw {resolved / raw:.1%}; "
          f"without {raw - total} that are no names: {resolved} of {total}, {resolved / total:.1%}")
    print("most frequent unresolved:")
    for name, count in unresolved.most_common(args.top):
        print(f"{count:5d}  {name}")
    print("most frequent left out as no names:")
    for name, count in dropped.most_common(args.top):
        print(f"{count:5d}  {name}")


if __name__ == "__main__":
    main()
