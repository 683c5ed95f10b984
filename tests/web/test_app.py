"""The web app over HTTP (no browser): pages, errors, and untrusted text rendered as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.cli.web import check_host
from onrecord.errors import WebError
from onrecord.web.app import create_app

# What the hostile document would inject if any of it reached the page as markup.
INJECTED = ("<script>window.__pwned", "<img src=x", "<b onmouseover", "<svg onload", 'href="javascript:')


@pytest.fixture(scope="module")
def client(web_corpus: Path) -> TestClient:
    return TestClient(create_app(web_corpus), base_url="http://127.0.0.1")


def _hostile_id(client: TestClient) -> str:
    page = client.get("/", params={"speaker": "Jane Roe"}).text
    (found,) = set(re.findall(r"/documents/([0-9a-f]{16})", page))
    return found


def test_app_corpus_page_escapes_titles_and_speakers(client: TestClient) -> None:
    page = client.get("/").text
    assert not any(bad in page for bad in INJECTED)
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;Hostile" in page


def test_app_reader_escapes_text_and_labels(client: TestClient) -> None:
    response = client.get(f"/documents/{_hostile_id(client)}")
    assert response.status_code == 200
    assert not any(bad in response.text for bad in INJECTED)
    assert "&lt;b onmouseover=&#34;window.__pwned=&#39;label&#39;&#34;&gt;Jane Roe&lt;/b&gt;" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_app_reader_highlights_the_requested_span(client: TestClient) -> None:
    document = _hostile_id(client)
    text = client.get(f"/documents/{document}").text
    response = client.get(f"/documents/{document}", params={"start": 0, "end": 100000})
    assert response.status_code == 400 and "the span is not inside the document" in response.text
    assert not re.search(r'class="[^"]*\bm-hit\b', text)


def test_app_ask_results_escape_evidence(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "What did Israel say about Iran?"})
    assert response.status_code == 200
    assert not any(bad in response.text for bad in INJECTED)
    links = re.findall(r'class="evidence-link" href="([^"]+)"', response.text)
    assert links
    followed = client.get(links[0].replace("&amp;", "&"))
    assert followed.status_code == 200 and 'id="hit"' in followed.text
    assert re.search(r'class="[^"]*\bm-hit\b', followed.text)


@pytest.mark.parametrize("path", ["/documents/nope", "/static/../../etc/passwd", "/static/%2e%2e/app.py",
                                  "/static/..%2F..%2Fcorpus%2F__init__.py", "/documents/..%2F..%2Fetc%2Fpasswd",
                                  "/actors/nobody%20at%20all"])
def test_app_paths_cannot_leave_the_corpus(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text
    assert "<script>" not in response.text.replace('<script src="/static/htmx.min.js" defer></script>', "")


def test_app_serves_vendored_htmx(client: TestClient) -> None:
    response = client.get("/static/htmx.min.js")
    assert response.status_code == 200 and "htmx" in response.text[:2000]


def test_app_filters_documents_by_date(client: TestClient) -> None:
    page = client.get("/", params={"since": "2020-01-01", "until": "2020-12-31"}).text
    assert len(set(re.findall(r"/documents/([0-9a-f]{16})", page))) == 1


def test_app_reader_shows_bidi_controls_as_marks(client: TestClient) -> None:
    page = client.get(f"/documents/{_hostile_id(client)}").text
    assert "\u202e" not in page and "\u202c" not in page
    assert "The minister ⟨U+202E⟩said nothing⟨U+202C⟩ about it." in page


def test_app_answers_only_to_its_own_host_names(web_corpus: Path) -> None:
    app = create_app(web_corpus, hosts=("127.0.0.1", "reader.example"))
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://reader.example").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://evil.example").get("/")
    assert rebound.status_code == 400 and "Hostile" not in rebound.text


def test_app_serve_refuses_an_empty_host() -> None:
    from typer.testing import CliRunner

    from onrecord.cli import app

    result = CliRunner().invoke(app, ["serve", "--host", ""], env={"ONRECORD_HOST": "0.0.0.0"})
    assert result.exit_code == 2
    assert result.stderr == "Error: --host is empty, '', give the address to bind (127.0.0.1 for this machine only)\n"


def test_app_check_host_refuses_non_local_unless_explicit() -> None:
    check_host("127.0.0.1", explicit=False)
    check_host("::1", explicit=False)
    check_host("0.0.0.0", explicit=True)
    with pytest.raises(WebError) as caught:
        check_host("0.0.0.0", explicit=False)
    assert str(caught.value) == "refusing to serve beyond this machine, 0.0.0.0, pass --host 0.0.0.0 explicitly to allow it"


def test_app_actor_page_draws_an_escaped_page(client: TestClient) -> None:
    response = client.get("/actors/<script>")
    assert response.status_code == 200
    assert "<h1>&lt;script&gt;</h1>" in response.text and not any(bad in response.text for bad in INJECTED)


def test_app_reader_keeps_each_rendered_page(web_corpus: Path) -> None:
    from onrecord.export import records_of

    fresh = TestClient(create_app(web_corpus), base_url="http://127.0.0.1")
    document = _hostile_id(fresh)
    (text,) = [r.document.text for r in records_of(web_corpus) if r.document.id == document]
    start = text.index("Israel said")
    plain = [fresh.get(f"/documents/{document}").text for _ in range(2)]
    hit = fresh.get(f"/documents/{document}", params={"start": start, "end": start + 11}).text
    bad = fresh.get(f"/documents/{document}", params={"start": 0, "end": 100000})
    assert plain[0] == plain[1] and 'id="hit"' in hit and 'id="hit"' not in plain[0] and bad.status_code == 400
    assert (len(fresh.app.state.records), len(fresh.app.state.pages)) == (1, 2)


def test_app_actors_page_lists_the_corpus_actors_linked_to_their_pages(client: TestClient) -> None:
    response = client.get("/actors")
    assert response.status_code == 200 and not any(bad in response.text for bad in INJECTED)
    links = re.findall(r'<td><a href="(/actors/[^"]+)">', response.text)
    assert links and all(client.get(link).status_code == 200 for link in links[:3])
    assert '<a href="/actors">Actors</a>' in client.get("/").text


def test_app_search_page_finds_the_words_and_links_the_reader(client: TestClient) -> None:
    response = client.get("/search", params={"q": "river"})
    assert response.status_code == 200 and not any(bad in response.text for bad in INJECTED)
    links = re.findall(r'class="hit-link" href="([^"]+)"', response.text)
    assert links and 'id="hit"' in client.get(links[0].replace("&amp;", "&")).text
    assert "No sentence holds all these words." in client.get("/search", params={"q": "zzzqqq"}).text
    assert client.get("/search", params={"q": "\"unbalanced"}).status_code == 200
    assert 'action="/search"' in client.get("/").text


def test_app_a_corpus_damaged_while_served_is_a_page_saying_so(tmp_path: Path) -> None:
    from conftest import EXAMPLE
    from onrecord.corpus import Corpus

    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        corpus.add([EXAMPLE])
        corpus.writer().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    client = TestClient(create_app(path), base_url="http://127.0.0.1")
    assert client.get("/").status_code == 200
    path.write_bytes(b"not a database at all\n" * 200)
    response = client.get("/search", params={"q": "Danube"})
    assert response.status_code == 503
    assert "not an onrecord corpus (file is not a database)" in response.text


def test_app_exchanges_page_filters_and_escapes(client: TestClient) -> None:
    page = client.get("/exchanges").text
    assert "<h1>Questions and how they were answered</h1>" in page
    assert "Did Israel say" in page  # the hostile document's question, escaped
    assert "<script>window.__pwned" not in page and "&lt;script&gt;window.__pwned = &#39;question&#39;" in page
    answered = client.get("/exchanges", params={"clarity": "non-reply", "actor": "<b>x</b>", "speaker": "x"})
    assert answered.status_code == 200
    assert "No question matches." in answered.text and "<b>x</b>" not in answered.text
