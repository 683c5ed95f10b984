"""The web reader and the brief in Debian's Chromium, driven by Playwright (one server for the module)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from onrecord.view.brief import brief_html
from onrecord.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason="Debian's chromium is not installed (make system-deps)")


@pytest.fixture(scope="module")
def server(web_corpus: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(web_corpus), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _page(browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    return page


def _reference_url(page: Any, server: str) -> str:
    page.goto(f"{server}/?speaker=Ahmadian")
    return str(page.locator("#documents a").first.get_attribute("href"))


def test_browser_reader_toggles_actors_and_jumps_to_doctrine(browser: Any, server: str, reference_record: Any) -> None:
    page = _page(browser)
    page.goto(server + _reference_url(page, server))
    hostile = page.locator(".m-actor.s-hostile").first
    before = hostile.evaluate("e => getComputedStyle(e).backgroundColor")
    page.keyboard.press("Tab")
    page.locator("#t-actors").check()
    after = hostile.evaluate("e => getComputedStyle(e).backgroundColor")
    assert before == "rgba(0, 0, 0, 0)" and after == "rgb(247, 212, 207)"
    page.screenshot(path=str(ARTIFACTS / "reader-actors.png"))
    page.locator("aside .tree a", has_text="3").first.click()
    assert page.evaluate("location.hash") == "#e1-3"
    target = page.locator("#e1-3 + .m-enum")
    assert target.is_visible() and target.evaluate("e => e.getBoundingClientRect().top") < 800
    assert reference_record.document.text.find(target.inner_text()[:40]) >= 0
    page.screenshot(path=str(ARTIFACTS / "reader-doctrine.png"))
    page.close()


def test_browser_ask_evidence_link_lands_on_the_highlighted_span(browser: Any, server: str) -> None:
    page = _page(browser)
    page.goto(f"{server}/ask")
    page.fill("input[name=q]", "What conditions did the minister set for returning to the talks?")  # the example
    page.keyboard.press("Enter")
    page.wait_for_selector(".evidence-link")
    page.screenshot(path=str(ARTIFACTS / "ask.png"))
    quoted = page.locator(".evidence blockquote").first.inner_text()
    page.locator(".evidence-link").first.click()
    page.wait_for_selector(".m-hit")
    assert page.evaluate("location.hash") == "#hit"
    hit = page.locator(".m-hit")
    assert " ".join(hit.all_inner_texts()).split() == quoted.split()
    assert hit.first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 240, 106)"
    assert 0 <= hit.first.evaluate("e => e.getBoundingClientRect().top") < 800
    page.screenshot(path=str(ARTIFACTS / "evidence.png"))
    page.close()


def test_browser_no_script_from_a_hostile_document_runs(browser: Any, server: str, web_corpus: Path,
                                                        tmp_path: Path) -> None:
    from onrecord.export import records_of

    hostile = next(r for r in records_of(web_corpus) if "Hostile" in r.document.title)
    brief = tmp_path / "hostile.html"
    brief.write_text(brief_html([hostile]), encoding="utf-8")
    page = _page(browser)
    urls = [f"{server}/", f"{server}/documents/{hostile.document.id}", f"{server}/ask?q=harbour+rebuilt+Israel",
            brief.as_uri()]
    for url in urls:
        page.goto(url)
        page.mouse.move(200, 200)
        for link in page.locator("a").all()[:40]:
            link.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    page.goto(urls[1])
    assert page.locator(".turn .who", has_text="<b onmouseover").count() == 1
    page.screenshot(path=str(ARTIFACTS / "hostile.png"))
    page.close()


def test_browser_brief_opens_with_no_network_request(browser: Any, reference_record: Any) -> None:
    brief = ARTIFACTS / "brief.html"
    brief.write_text(brief_html([reference_record]), encoding="utf-8")
    page = _page(browser)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(brief.as_uri())
    page.wait_for_load_state("networkidle")
    assert requests == [brief.as_uri()]
    page.screenshot(path=str(ARTIFACTS / "brief.png"))
    page.close()


def test_browser_actor_page_charts_stance_and_links_mentions_to_the_reader(browser: Any, server: str,
                                                                           reference_record: Any) -> None:
    page = _page(browser)
    page.goto(f"{server}/actors/Israel")
    chart = page.locator("svg[role=img]")
    assert chart.is_visible() and chart.locator("circle").count() >= 1
    assert chart.get_attribute("aria-label") == "Stance toward Israel in the words of Iran"
    mentions = page.locator("h2:has-text('Mentions') + ul > li > a")
    heading = page.locator("h2", has_text="Mentions").inner_text()
    assert heading == f"Mentions ({mentions.count()})" and mentions.count() > 0
    page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)
    link = mentions.first
    words = link.inner_text()
    link.click()
    page.wait_for_selector(".m-hit")
    assert page.evaluate("location.pathname").startswith("/documents/") and page.evaluate("location.hash") == "#hit"
    assert " ".join(page.locator(".m-hit").all_inner_texts()) == words
    assert 0 <= page.locator(".m-hit").first.evaluate("e => e.getBoundingClientRect().top") < 800
    page.screenshot(path=str(ARTIFACTS / "actor-mention.png"))
    page.close()


def _tab_to(page: Any, check: str, *, most: int = 80) -> list[str]:
    """Press Tab until the focused element satisfies the JS predicate ``check``; what was focused on the way."""
    seen = []
    for _ in range(most):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.getAttribute('href') || ''"))
        if page.evaluate(f"(e => {check})(document.activeElement)"):
            return seen
    pytest.fail(f"Tab never reached {check} in {most} presses: {seen}")


def test_browser_reader_is_keyboard_navigable(browser: Any, server: str, reference_record: Any) -> None:
    page = _page(browser)
    page.goto(server + _reference_url(page, server))
    seen = _tab_to(page, "e.id === 't-enum'")
    assert seen[-2:] == ["t-actors", "t-enum"]
    page.keyboard.press("Space")
    assert page.locator("#t-enum").is_checked()
    seen = _tab_to(page, "e.matches('aside .tree a')")
    assert seen[-4:] == ["t-attr", "t-cite", "t-claim", "#e1-1"]
    for _ in range(2):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#e1-3"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#e1-3"
    target = page.locator("#e1-3 + .m-enum")
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert 0 <= target.evaluate("e => e.getBoundingClientRect().top") < 800
    assert reference_record.document.text.find(target.inner_text()[:40]) >= 0
    page.screenshot(path=str(ARTIFACTS / "reader-keyboard.png"))
    page.close()


def test_browser_actors_page_and_search_box_lead_to_the_text(browser: Any, server: str) -> None:
    page = _page(browser)
    page.goto(server)
    page.locator("nav a", has_text="Actors").click()
    page.wait_for_selector("h1:has-text('Actors')")
    page.locator("table a").first.click()
    page.wait_for_selector("h2:has-text('Mentions')")
    page.screenshot(path=str(ARTIFACTS / "actor.png"))
    page.goto(server)
    page.fill("form[action='/search'] input[name=q]", "river")
    page.keyboard.press("Enter")
    page.wait_for_selector(".hit-link")
    quoted = page.locator(".evidence blockquote").first.inner_text()
    page.locator(".hit-link").first.click()
    page.wait_for_selector(".m-hit")
    # the highlight may be cut by other marks (an actor's name): compare the characters
    assert "".join("".join(page.locator(".m-hit").all_inner_texts()).split()) == "".join(quoted.split())
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    page.close()
