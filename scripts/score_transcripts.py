"""Score speaker turns, exchanges and askers against hand-written gold, with the measures of
../shared/data/realworld/score.py, reading and transcribing each document in this process (no spaCy).

    .venv/bin/python scripts/score_transcripts.py [GOLD_FOLDER ...] [--details]

Default folders: evaluation/transcripts (gold the project wrote for briefings and kremlin.ru pages of
../shared/data, each before onrecord was run on it; its "set" field says whether it was read while tuning) and
../shared/data/realworld. A gold file's "file" is the document's path, absolute or relative to the gold file.
Prints, per document and in total: turns (the speaker sequence of the first turns), exch (answered exchanges
against the gold range), asked (exchanges whose question is put by a gold questioner) and the documents where
gold boilerplate stands inside a speech turn.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from onrecord.errors import OnrecordError
from onrecord.pipeline import structure
from onrecord.readers import read
from onrecord.record import to_json

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "data" / "realworld" / "score.py"
FOLDERS = (ROOT / "evaluation" / "transcripts", SCORE.parent)


def measures() -> ModuleType:
    """The measures of the real-world gold's own scorer."""
    spec = importlib.util.spec_from_file_location("realworld_score", SCORE)
    if spec is None or spec.loader is None or not SCORE.is_file():
        raise SystemExit(f"Error: the real-world scorer is missing, {SCORE}, put ../shared beside the checkout")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_file(gold_path: Path, score: ModuleType) -> dict[str, Any]:
    """The measures of one gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = Path(gold["file"]) if Path(gold["file"]).is_absolute() else gold_path.parent / gold["file"]
    try:
        record = json.loads(to_json(structure(read(document))))
    except OnrecordError as error:
        return {"name": gold_path.name, "error": str(error), "turns": 0.0, "exch": 0.0}
    label_of = {s["id"]: s.get("label") for s in record["speakers"]}
    turns, sequence = score.score_turns(record, gold, label_of)
    exchanges, counted = (None, "-") if gold["exchanges"].get("gold") is None else score.score_exchanges(record, gold)
    asked = score.score_askers(record, gold, label_of)
    boilerplate = [flag for flag in score.flags(record, gold, label_of) if flag.startswith("boilerplate")]
    return {"name": gold_path.name, "turns": turns, "exch": exchanges, "counted": counted, "asked": asked,
            "boilerplate": boilerplate, "sequence": sequence, "gold": " ".join(gold.get("turns_first", []))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of *.gold.json files")
    parser.add_argument("--details", action="store_true", help="print the speaker sequences too")
    args = parser.parse_args(argv)
    score = measures()
    for folder in args.folders or list(FOLDERS):
        results = [score_file(path, score) for path in sorted(folder.glob("*.gold.json"))]
        for r in results:
            if "error" in r:
                print(f"{r['name'][:60]:<60} ERROR {r['error']}")
                continue
            print(f"{r['name'][:60]:<60} turns {r['turns']:.2f}  exch {score.fmt(r['exch'])} ({r['counted']})  "
                  f"asked {r['asked']}  {' '.join(r['boilerplate'])}")
            if args.details:
                print(f"  tool: {r['sequence']}\n  gold: {r['gold']}")
        asked = [tuple(map(int, r["asked"].split("/"))) for r in results if "/" in r.get("asked", "")]
        exchanges = [r["exch"] for r in results if r.get("exch") is not None]
        print(f"TOTAL {folder.name}: {len(results)} documents, turns {sum(r['turns'] for r in results) / max(len(results), 1):.3f}, "
              f"exchanges {sum(exchanges) / max(len(exchanges), 1):.3f}, asked by a questioner "
              f"{sum(a for a, _ in asked)}/{sum(b for _, b in asked)}, boilerplate in speech in "
              f"{sum(1 for r in results if r.get('boilerplate'))} documents\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
