"""Every example of docs/transcripts.md, read and transcribed, gives the turns, notes and exchanges written
under it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from onrecord.readers import read_bytes
from onrecord.transcript import transcribe

DOC = Path(__file__).resolve().parents[2] / "docs" / "transcripts.md"
_BLOCK = re.compile(r"^```(?P<format>\w+)\n(?P<body>.*?)^```\n(?P<expected>(?:[A-Z]\w+: [^\n]*\n)+)", re.M | re.S)


@dataclass(frozen=True)
class Example:
    heading: str
    format: str
    body: str
    expected: dict[str, str]


def _examples() -> list[Example]:
    text = DOC.read_text(encoding="utf-8")
    examples = []
    for found in _BLOCK.finditer(text):
        heading = re.findall(r"^#+ (.*)$", text[: found.start()], re.M)[-1]
        expected = dict(line.split(": ", 1) for line in found["expected"].splitlines())
        examples.append(Example(heading, found["format"], found["body"], expected))
    return examples


EXAMPLES = _examples()


def test_conventions_every_example_states_its_turns() -> None:
    assert len(EXAMPLES) >= 20
    assert all("Turns" in example.expected for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.heading}-{i}" for i, e in enumerate(EXAMPLES)])
def test_conventions_example_reads_as_documented(example: Example) -> None:
    source = read_bytes(example.body.encode("utf-8"), f"example.{example.format}", format=example.format)
    transcript = transcribe(source)
    labels = {s.id: s.label for s in transcript.speakers}
    speech = [f"{labels[t.speaker or '']} {t.kind}" for t in transcript.turns if t.kind != "note"]
    assert " · ".join(speech) == example.expected["Turns"]
    if "Notes" in example.expected:
        notes = [" ".join(t.span.text.split()) for t in transcript.turns if t.kind == "note"]
        assert " · ".join(notes) == example.expected["Notes"]
    if "Exchanges" in example.expected:
        assert sum(1 for x in transcript.exchanges if x.answers) == int(example.expected["Exchanges"])
