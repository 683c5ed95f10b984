"""Markdown read as Markdown, HTML's article and furniture, turn lists in YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.errors import FormatError
from onrecord.readers import read_bytes
from onrecord.transcript import transcribe


def test_markup_front_matter_gives_title_and_date_and_stays_out_of_the_text() -> None:
    yaml_md = b"---\ntitle: 'Press Gaggle'\ndate: '2024-07-29'\nsource_url: https://example.org/x\n---\nMODERATOR: Hi.\n"
    toml_md = b'+++\ntitle = "Interview"\ndate = 2022-03-03\n+++\nText.\n'
    for data, title, day, text in ((yaml_md, "Press Gaggle", "2024-07-29", "MODERATOR: Hi."),
                                   (toml_md, "Interview", "2022-03-03", "Text.")):
        for name in ("a.md", "a.txt"):  # a .txt file that opens with front matter is Markdown by another name
            source = read_bytes(data, name, format=name.rsplit(".", 1)[1])
            assert (source.text, source.title, source.date, source.format) == (text, title, day, "md")


def test_markup_markdown_markup_leaves_the_text_and_list_markers_stay() -> None:
    md = (b"# The interview\n\n<!-- editor's note -->\n\n**Q:** What are the *three* [principles](http://x)?\n\n"
          b"1. Independence\n2. Dignity\n\n::: {.column-margin}\n:::\n\n***\n\nA \\[note\\] ends.\n")
    source = read_bytes(md, "a.md", format="md")
    assert source.text == "The interview\nQ: What are the three principles?\n1. Independence\n2. Dignity\nA [note] ends."
    assert source.title == "The interview"


def test_markup_plain_text_with_emphasis_only_stays_plain() -> None:
    source = read_bytes(b"We act *now*.\nThe **Assembly** must act.\n", "a.txt")
    assert (source.format, source.text) == ("txt", "We act *now*.\nThe **Assembly** must act.\n")


def test_markup_html_article_body_without_furniture() -> None:
    html = (b'<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>T</title></head><body>'
            b'<nav>Menu</nav><div class="read" role="complementary"><div itemprop="articleBody">'
            b'<div class="media"><img src="a.jpg"><span>A caption of the photo.</span></div>'
            b'<p><b>Question:</b> Why?</p><p><b>Jane Doe<span class="tooltip hidden">Doe Jane, Minister</span>'
            b'</b> <i>(retranslated)</i><b>:</b> Because.</p><p style="display:none">Hidden.</p>'
            b'<div class="cut" role="complementary">See also</div><div class="bottommeta">Topics</div>'
            b'</div></div><footer>Last updated</footer></body></html>')
    source = read_bytes(html, "a.html", format="html")
    assert source.text == "Question: Why?\nJane Doe (retranslated): Because."
    t = transcribe(source)
    labels = {s.id: s.label for s in t.speakers}
    assert [(labels[x.speaker or ""], x.kind) for x in t.turns] == [("Question", "question"), ("Jane Doe", "answer")]


def test_markup_yaml_turns_and_their_errors() -> None:
    source = read_bytes(b"turns:\n  - speaker: Host\n    text: Why?\n  - speaker: Guest\n    text: Because.\n",
                        "a.yaml", format="yaml")
    assert source.text == "Host: Why?\nGuest: Because."
    with pytest.raises(FormatError, match="not valid YAML at line 2"):
        read_bytes(b"turns: [\n  {", "b.yaml", format="yaml")
    with pytest.raises(FormatError, match="no list of turns"):
        read_bytes(b"title: x\n", "c.yml", format="yaml")


def test_markup_a_lone_surrogate_becomes_the_replacement_character() -> None:
    for data, name, fmt in ((b'[{"speaker": "A", "text": "Hi \\ud800 there"}]', "a.json", "json"),
                            (b'turns:\n  - speaker: A\n    text: "Hi \\ud800 there"\n', "a.yaml", "yaml")):
        source = read_bytes(data, name, format=fmt)
        assert source.text == "A: Hi \ufffd there"
        transcribe(source)  # every span encodes


def test_markup_a_page_too_deep_to_parse_is_one_error_and_nothing_else_on_stderr(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_bytes(b"<div>" * 50000 + b"Q: hi" + b"</div>" * 50000)
    # wordllama configures logging when imported (as the analyses import it): a library's log would then print
    code = "import wordllama\nfrom onrecord.cli import main\nmain()"
    done = subprocess.run([sys.executable, "-c", code, "analyze", str(page)], capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stderr) == (
        1, f"Error: no text in it, {page}, check that the file is the transcript you meant\n")
