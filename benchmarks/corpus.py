"""Corpus benchmark: add throughput (1 and 2 workers, and against bare spaCy), ask/search latency, size, memory.

Usage: python benchmarks/corpus.py --sample 100 [--data ../shared/data] [--queries 200] [--keep DIR]
       python benchmarks/corpus.py --corpus /tmp/ungdc.db [--queries 200]   # latency and size of a corpus made already

The sample is the reference interview plus ``--sample`` UN General Debate speeches taken evenly across the
sessions (every k-th file in sorted order). Each ``add`` runs into a fresh corpus file, in a fresh Python process
(as ``onrecord add`` does), so that 1 worker and 2 both load the analysis models inside their measured time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onrecord.corpus import AddResult, Corpus

ROOT = Path(__file__).resolve().parents[1]


def sample(data: Path, size: int) -> list[str]:
    speeches = sorted((data / "ungdc").rglob("*_*_*.txt"))
    step = max(len(speeches) // max(size, 1), 1)
    return [str(data / "seed" / "000_7bfc00263638301d.txt"), *map(str, speeches[::step][:size])]


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1e6


def bare_spacy(files: list[str]) -> float:
    """Documents/s of spaCy alone (same pipeline, same batch size) over the same texts."""
    from onrecord.nlp import english
    from onrecord.readers import read

    texts = [read(f).text for f in files]
    nlp = english()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return len(texts) / (time.perf_counter() - start)


def add_cold(files: list[str], database: Path, workers: int) -> dict[str, Any]:
    """``add`` in a fresh Python process, as ``onrecord add --workers N`` runs: with 1 worker as with 2, the
    analysis models are loaded inside the measured time (in this process bare spaCy has loaded them already)."""
    listing = database.with_suffix(".files.json")
    listing.write_text(json.dumps(files), encoding="utf-8")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--add-only", str(database),
                           "--workers", str(workers), "--files-from", str(listing)],
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def add(files: list[str], database: Path, workers: int) -> dict[str, Any]:
    memory: list[float] = []

    def progress(result: AddResult, _: str | None) -> None:
        done = result.added + result.skipped + len(result.failed)
        if done in (result.total // 2, result.total):
            memory.append(round(rss_mb(), 1))

    start = time.perf_counter()
    with Corpus(database) as corpus:
        result = corpus.add(files, workers=workers, progress=progress)
        corpus.writer().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - start
    return {"workers": workers, "documents": result.added, "failed": len(result.failed), "seconds": round(seconds, 1),
            "documents_per_s": round(result.added / seconds, 2), "writer_rss_mb_at_half_and_end": memory}


def latency(run: Callable[[str], Any], queries: list[str]) -> dict[str, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def queries(database: Path, count: int) -> list[str]:
    """The question set, then the first eight words of random stored sentences, ``count`` in all."""
    questions = [q["question"] for q in json.loads((ROOT / "tests" / "data" / "questions.json").read_text())["questions"]]
    with Corpus(database) as corpus:
        sentences = [row[0] for row in corpus.reader().execute("SELECT text FROM sentences WHERE length(text) > 60")]
    random.Random(7).shuffle(sentences)
    made = [" ".join(s.split()[:8]) for s in sentences[: max(count - len(questions), 0)]]
    return (questions + made)[:count]


def measure(database: Path, count: int) -> dict[str, Any]:
    """Words, file size per million words, and ask/search latency over ``count`` queries of a corpus file."""
    with Corpus(database) as corpus:
        documents, words = corpus.reader().execute("SELECT count(*), sum(words) FROM documents").fetchone()
        asked = queries(database, count)
        corpus.ask(asked[0])  # load wordllama once, outside the timing
        return {"corpus_documents": documents, "words": words,
                "db_mb_per_million_words": round(database.stat().st_size / 1e6 / (words / 1e6), 1),
                "ask": latency(lambda q: corpus.ask(q, k=5), asked),
                "search": latency(lambda q: corpus.search(q, limit=20), asked)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=100, help="UN speeches besides the reference interview")
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", default=None, help="folder to keep the corpus files in")
    parser.add_argument("--corpus", default=None, help="measure ask/search latency and size of this corpus only")
    parser.add_argument("--add-only", default=None, help=argparse.SUPPRESS)  # one add, in the child process
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--files-from", default=None, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.add_only:
        files = json.loads(Path(arguments.files_from).read_text(encoding="utf-8"))
        print(json.dumps(add(files, Path(arguments.add_only), arguments.workers)))
        return
    if arguments.corpus:
        print(json.dumps(measure(Path(arguments.corpus), arguments.queries), indent=2))
        return
    files = sample(Path(arguments.data), arguments.sample)
    folder = Path(arguments.keep or tempfile.mkdtemp(prefix="onrecord-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"documents": len(files)}
    report["spacy_documents_per_s"] = round(bare_spacy(files), 2)
    print(json.dumps({"spacy_documents_per_s": report["spacy_documents_per_s"]}), flush=True)
    for workers in (1, 2):
        database = folder / f"bench_{workers}.db"
        for leftover in folder.glob(f"bench_{workers}.db*"):
            leftover.unlink()
        report[f"add_{workers}"] = add_cold(files, database, workers)
        print(json.dumps({f"add_{workers}": report[f"add_{workers}"]}), flush=True)  # partial results survive a kill
    one, two = report["add_1"]["documents_per_s"], report["add_2"]["documents_per_s"]
    report["ratio_2_to_1_workers"] = round(two / one, 2)
    report["ratio_add_1_to_spacy"] = round(one / report["spacy_documents_per_s"], 2)
    report.update(measure(folder / "bench_1.db", arguments.queries))
    report["peak_rss_mb_benchmark"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000, 1)
    # The largest of the add processes and their workers (each waited for, so counted).
    report["peak_rss_mb_largest_add_process"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1000, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
