"""The country a page speaks for, from its publisher's address; the month a file name gives."""

from __future__ import annotations

import pytest

from onrecord.readers import read_bytes
from onrecord.readers.metadata import period_in_filename
from onrecord.readers.publishers import country_of_address


@pytest.mark.parametrize(("address", "country"), [
    ("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2023/11/14/x", "United States"),
    ("http://en.kremlin.ru/events/president/news/58537", "Russia"),
    ("www.gov.uk/government/speeches/pm-statement", "United Kingdom"),
    ("https://example.com/whitehouse.gov/fake", None),
    ("https://notwhitehouse.gov/x", None),
    (None, None),
    ("", None),
])
def test_publishers_country_of_address(address: str | None, country: str | None) -> None:
    assert country_of_address(address) == country


def test_publishers_markdown_front_matter_gives_the_voice() -> None:
    text = b"---\ntitle: Press Gaggle\nsource_url: https://www.whitehouse.gov/briefings/1\n---\nQ: Why?\n"
    assert read_bytes(text, "gaggle.md", format="md").speaks_for == "United States"
    given = read_bytes(text, "gaggle.md", format="md", speaks_for="Canada")
    assert given.speaks_for == "Canada"  # the caller's word wins


@pytest.mark.parametrize(("name", "period"), [
    ("mbs_atlantic_interview_2022-03.txt", "2022-03"),
    ("IRN_70_2015.txt", "2015"),
    ("speech_2015-13.txt", "2015"),
    ("2019_03_notes.txt", "2019-03"),
    ("1999-2001_review.txt", None),
])
def test_publishers_period_in_filename(name: str, period: str | None) -> None:
    assert period_in_filename(name) == period
