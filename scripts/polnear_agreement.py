"""Agreement between PolNeAR's annotators, scored like ``onrecord evaluate attribution``: a yardstick for it.

    .venv/bin/python scripts/polnear_agreement.py ../shared/data/polnear/train

For every document that more than one annotator annotated, each other annotator's Source, Cue and Content
spans are scored against the first annotator's (the one ``evaluate attribution`` scores against), exact and
by overlap, with the same matching; the counts are summed over documents and printed as P / R / F1.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from onrecord.evaluate.attribution import PARTS, match_spans, read_brat
from onrecord.evaluate.scores import prf


def agreement(data: Path) -> tuple[int, dict[str, dict[str, tuple[float, float, float]]]]:
    """(documents with several annotators, part -> mode -> (p, r, f1))."""
    by_document: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((data / "attributions").glob("*.ann")):
        by_document[re.sub(r"_[^_]+$", "", path.stem)].append(path)
    shared = {name: paths for name, paths in by_document.items() if len(paths) > 1}
    counts = {part: {mode: [0, 0, 0] for mode in ("exact", "overlap")} for part in PARTS}
    for first, *others in shared.values():
        gold = read_brat(first)
        for other in others:
            spans = read_brat(other)
            for part in PARTS:
                for mode, tally in counts[part].items():
                    tally[0] += match_spans(spans[part], gold[part], exact=mode == "exact")
                    tally[1] += len(spans[part])
                    tally[2] += len(gold[part])
    scores = {part: {mode: prf(*tally) for mode, tally in modes.items()} for part, modes in counts.items()}
    return len(shared), scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    documents, scores = agreement(args.data)
    print(f"{documents} documents with more than one annotator")
    for part, modes in scores.items():
        print(part.ljust(8), "  ".join(f"{mode} {p:.3f}/{r:.3f}/{f1:.3f}" for mode, (p, r, f1) in modes.items()))


if __name__ == "__main__":
    main()
