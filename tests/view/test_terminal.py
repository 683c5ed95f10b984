"""The terminal view's sections, as a reader sees them."""

from __future__ import annotations

from rich.console import Console

from onrecord.record import Record
from onrecord.view import structure


def _shown(renderable: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(renderable)
    return " ".join(word for word in console.export_text().split() if not set(word) <= set("│╭╮╰╯─┃━┏┓┗┛"))


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


def test_terminal_summary_opens_the_view(example_record: Record) -> None:
    from dataclasses import replace

    from onrecord.record import Stance
    from onrecord.view.summary import summary
    from onrecord.view.terminal import SECTIONS

    assert SECTIONS[1] is summary
    answerer = next(s for s in example_record.speakers if s.role == "interviewee")
    asker = next(s for s in example_record.speakers if s.role == "interviewer")
    first, second, third = (a.id for a in example_record.actors[:3])
    record = replace(example_record, stances=(Stance(first, answerer.id, 0.4), Stance(second, answerer.id, -0.3),
                                              Stance(third, asker.id, -0.9)))
    shown = _shown(summary(record))
    assert "speakers Question, interviewer, 3 turns; Elena Varga, interviewee, 3 turns" in shown
    assert "exchanges 3 of 3 questions answered" in shown
    assert "lists conditions (3)" in shown
    names = {a.id: a.name for a in example_record.actors}
    assert f"most hostile to {names[second]} -0.30 most favourable to {names[first]} +0.40" in shown
    assert names[third] not in shown.split("to check")[0]  # the interviewer's stance is no answerer's
    assert "to check 1. According to the finance ministry" in shown


def test_terminal_stances_show_their_evidence(example_record: Record) -> None:
    from dataclasses import replace

    from onrecord.record import Stance
    from onrecord.view.actors import stances

    assert stances(example_record) is None  # the example holds no stance: no empty section
    answerer = next(s for s in example_record.speakers if s.role == "interviewee")
    asker = next(s for s in example_record.speakers if s.role == "interviewer")
    sentences = [s.span for s in example_record.sentences]
    first, second = example_record.actors[:2]
    record = replace(example_record, stances=(
        Stance(first.id, answerer.id, -0.2, (sentences[3],)),
        Stance(second.id, answerer.id, 0.6, (sentences[5], sentences[6])),
        Stance(second.id, asker.id, -0.9, (sentences[1],)),
    ))
    shown = _shown(stances(record))
    assert shown.startswith(f"Stance of {answerer.name or answerer.label}: the evidence")
    rows = shown[shown.index("━"):]
    assert rows.index(second.name) < rows.index(first.name)  # strongest first
    assert f"“{' '.join(sentences[3].text.split())}”" in shown
    assert "+1 more" in shown and "-0.90" not in shown  # the asker's stance is not the answerer's
