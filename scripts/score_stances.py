"""Score stances and actor mentions against hand-written gold, with the measures of
../shared/data/realworld/score.py, analyzing each document in this process.

    .venv/bin/python scripts/score_stances.py [GOLD_FOLDER ...] [--details]

Default folder: evaluation/stance (gold written for briefings and kremlin.ru pages of ../shared/data by a reader
who never ran onrecord; its "set" field says when); ``evaluation/stance-unseen`` and ``stance-unseen2`` to
``stance-unseen6`` hold later sets, each written for more documents before onrecord was run on them, to be scored on
their own (docs/evaluation.md says which figures were measured before their errors were read). A gold file's
"file" is the document's path, absolute or relative to the gold file. Prints, per document and in total: actor mentions resolved to an accepted name,
gold (holder, actor, sign) stances with the right sign, the gold stances with no stance at all, and the flags
(stances toward places or reporters).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_transcripts import measures

from onrecord.errors import OnrecordError
from onrecord.pipeline import analyze
from onrecord.record import to_json

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "evaluation" / "stance",)


def score_file(gold_path: Path, score: Any) -> dict[str, Any]:
    """The stance and actor measures of one gold file, with the scorer's details."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = Path(gold["file"]) if Path(gold["file"]).is_absolute() else gold_path.parent / gold["file"]
    try:
        record = json.loads(to_json(analyze(document)))
    except OnrecordError as error:
        return {"name": gold_path.name, "error": str(error), "actors": (0, len(gold["actors"])),
                "stances": (0, len(gold["stances"])), "missing": len(gold["stances"]), "flags": [], "details": []}
    normalized, index = score.norm_with_map(record["document"]["text"])
    label_of = {s["id"]: s.get("label") for s in record["speakers"]}
    details: list[str] = []
    actors, _ = score.score_actors(record, gold, normalized, index, details)
    stances, _, missing = score.score_stances(record, gold, label_of, details)
    return {"name": gold_path.name, "actors": (round((actors or 0) * len(gold["actors"])), len(gold["actors"])),
            "stances": (round((stances or 0) * len(gold["stances"])), len(gold["stances"])), "missing": missing,
            "flags": score.flags(record, gold, label_of), "details": details}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    parser.add_argument("--details", action="store_true", help="print each gold item's result")
    args = parser.parse_args()
    score = measures()
    totals = {"actors": [0, 0], "stances": [0, 0], "missing": 0}
    for folder in args.folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            result = score_file(gold_path, score)
            print(f"{result['name'][:60]:60} actors {result['actors'][0]}/{result['actors'][1]}  stance "
                  f"{result['stances'][0]}/{result['stances'][1]} (missing {result['missing']})  "
                  f"{'; '.join(result['flags'])}{result.get('error', '')}")
            if args.details:
                for line in result["details"]:
                    print(f"    {line}")
            for key in ("actors", "stances"):
                totals[key][0] += result[key][0]
                totals[key][1] += result[key][1]
            totals["missing"] += result["missing"]
    print(f"TOTAL actors {totals['actors'][0]}/{totals['actors'][1]}  stance {totals['stances'][0]}/"
          f"{totals['stances'][1]} (missing {totals['missing']})")


if __name__ == "__main__":
    main()
