"""Long documents: peak memory and seconds per word of ``analyze`` on transcripts of 50 KB, 500 KB and 2 MB.

    .venv/bin/python benchmarks/long_documents.py [--sizes 50000 500000 2000000]

Each transcript is the bundled example interview's exchanges repeated with their numbers varied, written to a
temporary file. Each size runs in a fresh process twice: once the spaCy pass alone over the same text (the
baseline, in the segments onrecord parses it in), once the whole ``onrecord.analyze``. Prints, per size, peak
memory and seconds per word of both, and the ratio of seconds per word to the smallest size's (targets: a 2 MB
transcript under 1.5 GB peak, seconds per word within 1.5x of the 50 KB one's).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "interview.txt"

_RUN = """
import json, resource, sys, time
from onrecord.nlp import english, parse, parsed_text
from onrecord.pipeline import analyze
from onrecord.readers import read
english()  # the model's loading is no part of either pass
path, what = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if what == "spacy":
    parse(parsed_text(read(path).text))
else:
    analyze(path)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def transcript(size: int) -> str:
    """The example interview, its exchanges repeated (years and counts varied) to ``size`` bytes."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, body = text.split("\n", 2)[:2], text.split("\n", 2)[2]
    parts = ["\n".join(head) + "\n" + body]
    total, round_ = len(parts[0].encode()), 0
    while total < size:
        round_ += 1
        part = body.replace("2024", str(1900 + round_ % 120)).replace("142", str(round_))
        parts.append(part)
        total += len(part.encode())
    return "".join(parts)


def measure(path: Path, what: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _RUN, str(path), what], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 500_000, 2_000_000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"long-{size}.txt"
            text = transcript(size)
            path.write_text(text, encoding="utf-8")
            words = len(text.split())
            spacy, onrecord = measure(path, "spacy"), measure(path, "analyze")
            rows.append((size, words, spacy, onrecord))
    first = rows[0][3]["seconds"] / rows[0][1]
    print(f"{'size':>10} {'words':>8}  {'spaCy s/1k words':>16} {'peak MB':>8}  {'onrecord s/1k words':>19} "
          f"{'peak MB':>8}  {'per word vs first':>17}")
    for size, words, spacy, onrecord in rows:
        per_word = onrecord["seconds"] / words
        print(f"{size:>10,} {words:>8,}  {1000 * spacy['seconds'] / words:>16.3f} {spacy['peak_mb']:>8.0f}  "
              f"{1000 * per_word:>19.3f} {onrecord['peak_mb']:>8.0f}  {per_word / first:>17.2f}")
    print("targets: peak under 1,500 MB at 2 MB; seconds per word within 1.50 of the first size's")


if __name__ == "__main__":
    main()
