"""The kind of answer a question asks for, and sentences that hold one."""

from __future__ import annotations

from onrecord.ask.answer_kind import answer_kind, holds


def test_answer_kind_read_from_the_question() -> None:
    kinds = [answer_kind(q) for q in (
        "How many refugees has Germany taken in?", "What share of their pay did Cuba take?",
        "By when will China be carbon neutral?", "Whom did Chávez call the devil?", "Which poet did Abbas quote?",
        "Where was Zelaya holed up?", "Why did Canada break off relations?", "Does Iran regret the money?")]
    assert kinds == ["number", "number", "time", "name", "name", "name", None, None]


def test_answer_kind_held_by_a_sentence() -> None:
    assert [holds("number", s) for s in ("We took in 600,000 refugees.", "Almost half of them left.",
                                         "We took in many refugees.")] == [True, True, False]
    assert [holds("time", s) for s in ("Emissions will peak before 2030.", "We will act soon.")] == [True, False]
    assert [holds("name", s) for s in ("Our great poet Mahmoud Darwish said so.", "They said so.")] == [True, False]
    assert holds(None, "We took in 600,000 refugees.") is False
