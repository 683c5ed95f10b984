"""The brief: self-contained, every finding linked to an anchor in the full text, document text escaped."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from conftest import EXAMPLE, ROOT
from onrecord.cli import app
from onrecord.record import Record
from onrecord.view.brief import brief_html
from onrecord.view.brief_md import brief_markdown, md

runner = CliRunner()
HOSTILE = ROOT / "tests" / "data" / "hostile.json"


def test_brief_links_land_on_anchors(example_record: Record) -> None:
    html = brief_html([example_record])
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= set(re.findall(r'id="([^"]+)"', html))
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<script" not in html


def test_brief_markdown_links_land_on_anchors(example_record: Record) -> None:
    text = brief_markdown([example_record])
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links and links <= set(re.findall(r'<a id="([^"]+)"></a>', text))


def test_brief_md_escapes_markup() -> None:
    assert md("<script>x</script> [a](javascript:b) *c*") == (
        r"&lt;script&gt;x&lt;/script&gt; \[a\]\(javascript:b\) \*c\*")


def test_brief_cli_analyze_html_renders_hostile_text_as_text(tmp_path: object) -> None:
    result = runner.invoke(app, ["analyze", str(HOSTILE), "--format", "html"])
    assert result.exit_code == 0
    for bad in ("<script>window", "<img src=x", "<b onmouseover", "<svg onload", 'href="javascript:'):
        assert bad not in result.stdout
    assert "&lt;img src=x onerror=&#34;window.__pwned=&#39;answer&#39;&#34;&gt;" in result.stdout
    assert "\u202e" not in result.stdout and "The minister ⟨U+202E⟩said nothing⟨U+202C⟩ about it." in result.stdout
    markdown = runner.invoke(app, ["analyze", str(HOSTILE), "--format", "md"]).stdout
    assert "\u202e" not in markdown and "The minister ⟨U+202E⟩said nothing⟨U+202C⟩ about it" in markdown


def test_brief_cli_analyze_md_writes_the_file(tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "brief.md"
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "md", "--out", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_brief_stance_chart_shows_the_answerers_and_its_axis_fits(example_record: Record) -> None:
    from dataclasses import replace

    from onrecord.record import Stance
    from onrecord.view.charts import WIDTH, stance_bars

    asker = next(s for s in example_record.speakers if s.role == "interviewer")
    answerer = next(s for s in example_record.speakers if s.role == "interviewee")
    actor = example_record.actors[0]
    record = replace(example_record, stances=(Stance(actor.id, asker.id, -0.5), Stance(actor.id, answerer.id, 0.5)))
    chart = stance_bars(record)
    assert chart is not None and [bar.label for bar in chart.bars] == [actor.name]  # one holder: named in the title
    assert chart.title == f"Stance toward the actors mentioned most: {answerer.label}"
    other = example_record.actors[1]
    speakers = tuple(replace(s, role="interviewee") if s.id == asker.id else s for s in record.speakers)
    two = replace(record, speakers=speakers,
                  stances=(Stance(other.id, asker.id, -0.5), Stance(actor.id, answerer.id, 0.5)))
    labels = [bar.label for bar in stance_bars(two, most=5).bars]  # type: ignore[union-attr]
    assert sorted(labels) == sorted([f"{asker.label} → {other.name}", f"{answerer.label} → {actor.name}"])
    long = replace(record, actors=(replace(actor, name="The Central Intelligence Agency of the United States"),
                                   *record.actors[1:]))
    assert stance_bars(long).bars[0].label == "The Central Intelligence Agency of…"  # type: ignore[union-attr]
    html = brief_html([record])
    assert f'x="{WIDTH - 20}" y=' in html and 'text-anchor="end">+1 favourable' in html
    assert "list-style: none" in html  # the doctrine's items carry their own numbers ("3.1"), once


def test_brief_quotations_read_in_the_texts_order_quoted_once(example_record: Record) -> None:
    from dataclasses import replace

    html = brief_html([example_record])
    assert "According to <strong>the finance ministry</strong>: “the irrigation programme will cost" in html
    assert "<strong>Critics in parliament</strong> say: “the agreement gives away sovereignty”" in html
    quoted = replace(example_record.attributions[0], content=replace(example_record.attributions[0].content,
                                                                   text="“Why now?”"))
    assert "““" not in brief_html([replace(example_record, attributions=(quoted,))])
    assert "According to **the finance ministry**: “the irrigation" in brief_markdown([example_record])


def test_brief_underlines_only_the_documents_most_check_worthy_tenth(example_record: Record) -> None:
    import math

    html = brief_html([example_record])
    underlined = re.findall(r'class="m-claim"[^>]*title="check-worthy: (\d+)\w\w of (\d+) sentences"', html)
    total = len(example_record.claims)
    assert underlined and all(int(rank) <= math.ceil(0.1 * total) and int(of) == total for rank, of in underlined)
    assert "top " in html and "%</span>" in html  # the claims list gives a standing, not a raw score
