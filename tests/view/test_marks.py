"""Marks: the index finds the marks over a span exactly as a scan of every mark would."""

from __future__ import annotations

from onrecord.record import Record, Span
from onrecord.view.marks import Mark, Marks, marks, pieces

TEXT = "0123456789" * 10


def test_marks_index_finds_long_marks_that_start_before_the_span() -> None:
    found = [Mark(0, 100, "long"), Mark(10, 12, "before"), Mark(45, 45, "empty", "a1"), Mark(50, 50, "quiet"),
             Mark(52, 70, "inside"), Mark(55, 90, "after")]
    index = Marks(found)
    # Empty marks strictly inside come once as over the span and once more if anchored, as a full scan gives them.
    assert index.over(Span.of(TEXT, 40, 55)) == [Mark(0, 100, "long"), Mark(45, 45, "empty", "a1"),
                                                  Mark(50, 50, "quiet"), Mark(52, 70, "inside"),
                                                  Mark(45, 45, "empty", "a1")]
    assert index.over(Span.of(TEXT, 12, 20)) == [Mark(0, 100, "long")]


def test_marks_index_matches_a_full_scan_on_every_turn(example_record: Record) -> None:
    found = marks(example_record)
    index = Marks(found)
    for turn in example_record.turns:
        span = turn.span
        scan = [m for m in found if m.start < span.end and m.end > span.start] + [
            m for m in found if m.start == m.end and span.start <= m.start < span.end and m.anchor]
        assert index.over(span) == scan
        assert pieces(example_record.document.text, span, index) == pieces(example_record.document.text, span, found)
