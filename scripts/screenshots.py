"""The pictures of docs/: the brief and the web reader of the bundled example interview, as Chromium shows them.

    .venv/bin/python scripts/screenshots.py [--out docs]

Writes `brief.png` (the HTML brief that `onrecord analyze --format html` writes) and `reader.png` (the web
reader of a corpus holding the example, served by `onrecord serve` on a free local port). Needs the test
extra's Playwright and Debian's chromium (`make system-deps`); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "interview.txt"
ONRECORD = str(Path(sys.executable).parent / "onrecord")
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Error: the web reader did not answer, {url}, run onrecord serve by hand to see why")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the pictures (default docs)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        brief, corpus = Path(work) / "brief.html", Path(work) / "example.db"
        subprocess.run([ONRECORD, "analyze", str(EXAMPLE), "--format", "html", "--out", str(brief)], check=True)
        subprocess.run([ONRECORD, "add", str(EXAMPLE), "--corpus", str(corpus)], check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen([ONRECORD, "serve", "--corpus", str(corpus), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(brief.as_uri())
                page.screenshot(path=str(args.out / "brief.png"))
                page.goto(base)
                page.locator("#documents a").first.click()
                page.wait_for_selector(".turn")
                page.screenshot(path=str(args.out / "reader.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {args.out / 'brief.png'} and {args.out / 'reader.png'}")


if __name__ == "__main__":
    main()
