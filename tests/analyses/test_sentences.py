from __future__ import annotations

from onrecord.pipeline import analyze_source
from onrecord.readers import read_bytes
from onrecord.record import Record


def test_sentences_are_clipped_to_turns_and_run_on_over_hard_wraps() -> None:
    text = "Q: Why now? Tell us.\nA. B. Smith: Because it was time\nand we were ready. No doubt.\nComment"
    record = analyze_source(read_bytes(text.encode(), "s.txt"))
    assert [(s.turn, s.span.text) for s in record.sentences] == [
        ("t1", "Why now?"), ("t1", "Tell us."), ("t2", "Because it was time\nand we were ready."),
        ("t2", "No doubt."), ("t3", "Comment"),
    ]


def test_sentences_end_at_a_paragraph_or_a_short_heading_line() -> None:
    text = ("Our policy\nWe have always said that the region needs its own security arrangements\n\n"
            "and nobody else's forces in it whatever the pretext offered by anyone")
    record = analyze_source(read_bytes(text.encode(), "h.txt"))
    texts = [s.span.text for s in record.sentences]
    assert texts[:2] == ["Our policy", "We have always said that the region needs its own security arrangements"]
    assert texts[2].startswith("and")  # a blank line ends a paragraph whatever its last character


def test_sentences_of_the_reference_interview(reference_record: Record) -> None:
    by_turn = {t.id: [s for s in reference_record.sentences if s.turn == t.id] for t in reference_record.turns}
    assert len(by_turn["t1"]) == 1
    assert by_turn["t2"][0].span.text == "From our perspective, the people are the pillar of national security."
    assert all(s.span.text.strip() == s.span.text for s in reference_record.sentences)
    assert len(reference_record.sentences) == 208
