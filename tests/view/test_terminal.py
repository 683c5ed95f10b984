"""The terminal view's sections, as a reader sees them."""

from __future__ import annotations

from rich.console import Console

from onrecord.record import Record
from onrecord.view import structure


def _shown(renderable: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(renderable)
    return " ".join(console.export_text().split())


def test_terminal_quotations_read_in_the_texts_order(example_record: Record) -> None:
    shown = _shown(structure.quotations(example_record))
    assert "q2 indirect According to the finance ministry: the irrigation programme will cost" in shown
    assert "q1 indirect Critics in parliament [vague] say: the agreement gives away sovereignty" in shown


def test_terminal_questions_whole_and_answers_cut_at_a_word(example_record: Record) -> None:
    from onrecord.view.terminal import exchanges
    from onrecord.view.text import preview

    shown = _shown(exchanges(example_record))
    assert "Why did your government return to the table?" in shown
    assert preview("the Secretariat of the Supreme National Security Council", 30) == "the Secretariat of the…"
    assert preview("short", 30) == "short"
