"""Web reader timings on loopback: the reader page of the largest UN speech and the ask round trip.

Builds a corpus of the largest UN General Debate speech plus 20 sampled ones, starts ``onrecord serve`` on a
free loopback port, sends 100 requests of each kind one after another (bounded, then stops the server) and
prints p50/p95 in milliseconds. Targets: page p95 < 300 ms, ask p95 < 200 ms. The server keeps decoded records
and rendered pages (records never change), so the first request, the repeated page and pages with a different
highlighted span each (the record cached, the page rendered) are timed apart.

    .venv/bin/python -m benchmarks.web
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.common import UNGDC, un_speeches
from onrecord.corpus import Corpus

REQUESTS = 100
QUESTIONS = ("What did the speaker say about nuclear weapons?", "Which countries were criticised for sanctions?",
             "What is said about climate change?", "Who supports the Palestinian people?")


def largest_speech() -> Path:
    return max(UNGDC.glob("Session */*.txt"), key=lambda p: p.stat().st_size)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentiles(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100)
    return statistics.median(times) * 1000, cuts[94] * 1000


def _time(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        response.raise_for_status()
    return times


def main() -> None:
    largest = largest_speech()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "web.db"
        with Corpus(corpus) as store:
            store.add([largest, *un_speeches(20)])
            (document,) = store.reader().execute("SELECT id FROM documents WHERE source = ?", (str(largest),)).fetchone()
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-c", "from onrecord.cli import main; main()", "serve",
                                   "--corpus", str(corpus), "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(200):
                    try:
                        client.get("/")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                (first,) = _time(client, [f"/documents/{document}"])
                _time(client, ["/ask?q=warm+up"])
                page = _time(client, [f"/documents/{document}"] * REQUESTS)
                # Each request highlights another span, as following ask evidence does: the page is rendered anew.
                spans = _time(client, [f"/documents/{document}?start={i * 500}&end={i * 500 + 300}"
                                       for i in range(REQUESTS)])
                ask = _time(client, [f"/ask?q={QUESTIONS[i % len(QUESTIONS)]}" for i in range(REQUESTS)])
        finally:
            server.terminate()
            server.wait(10)
    print(f"reader page of {largest.name} ({largest.stat().st_size:,} bytes), first request (record decoded, "
          f"page rendered): {first * 1000:.1f} ms")
    print(f"reader page of {largest.name}, {REQUESTS} requests: p50 {{:.1f}} ms, p95 {{:.1f}} ms"
          .format(*_percentiles(page)))
    print(f"reader page of {largest.name} with {REQUESTS} different highlighted spans: p50 {{:.1f}} ms, "
          "p95 {:.1f} ms".format(*_percentiles(spans)))
    print(f"ask round trip, corpus of 21 speeches, {REQUESTS} requests: p50 {{:.1f}} ms, p95 {{:.1f}} ms"
          .format(*_percentiles(ask)))


if __name__ == "__main__":
    main()
