"""What a command costs before it does anything: `onrecord --help` and one `onrecord ask`, as a user runs them.

    .venv/bin/python benchmarks/startup.py [--corpus PATH] [--speeches 60] [--runs 5]

Measures, in fresh processes, the wall time of `python -c pass` (the interpreter's own start, the baseline of the
same run), `onrecord --help`, and `onrecord ask QUESTION --corpus PATH` on a corpus of UN speeches (built with
`onrecord add` when PATH does not exist yet: the first --speeches of the benchmark sample). Prints the median of
--runs runs of each, and each command's time over the baseline. Targets: --help under 0.3 s, ask under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import un_speeches

BIN = Path(sys.executable).parent
QUESTION = "What did the speakers say about climate change and small island states?"


def wall(command: list[str], runs: int) -> float:
    """The median wall time of ``command`` in fresh processes, in seconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/onrecord-startup.db"), help="corpus to ask")
    parser.add_argument("--speeches", type=int, default=60, help="speeches in a corpus built anew (default 60)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    args = parser.parse_args()
    onrecord = str(BIN / "onrecord")
    if not args.corpus.exists():
        files = [str(path) for path in un_speeches(args.speeches)]
        subprocess.run([onrecord, "add", *files, "--corpus", str(args.corpus), "--workers", "2"], check=True,
                       capture_output=True)
    baseline = wall([sys.executable, "-c", "pass"], args.runs)
    help_time = wall([onrecord, "--help"], args.runs)
    ask_time = wall([onrecord, "ask", QUESTION, "--corpus", str(args.corpus), "-k", "3"], args.runs)
    print(f"python -c pass   {baseline:.3f} s  (baseline)")
    print(f"onrecord --help  {help_time:.3f} s  = {help_time / baseline:.1f} x the baseline  (target < 0.3 s)")
    print(f"onrecord ask     {ask_time:.3f} s  = {ask_time / baseline:.1f} x the baseline  (target < 1 s, "
          f"corpus {args.corpus})")


if __name__ == "__main__":
    main()
