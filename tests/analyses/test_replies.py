"""Answer clarity: questions split from a turn, their kinds, the frames of a non-reply, and the replies layer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from onrecord.analyses.replies import frames
from onrecord.analyses.replies.features import NAMES
from onrecord.analyses.replies.model import Model, fit, judge, non_reply_frame
from onrecord.analyses.replies.questions import question_kind, sub_questions
from onrecord.export.codings import codings
from onrecord.nlp import english
from onrecord.pipeline import analyze
from onrecord.record import check_spans

BRIEFING = """Press briefing, 3 May 2024
Q: Will the President meet the Chinese leader next week? And what will they discuss?
MS. ROE: I'm not going to get ahead of the President's schedule. We will have more to say when we can.
Q: Did the sanctions on Iran take effect today?
MS. ROE: Yes, they did. The Treasury published the list of forty companies this morning.
Q: What do you make of the report about the talks in Oman?
MS. ROE: Which report do you mean?
Q: How many ships has the Navy sent to the Red Sea since January?
MS. ROE: I don't know the exact number. The Pentagon can give you that.
"""


def _asked(text: str) -> list[str]:
    doc = english()(text)
    return [text[start:end] for start, end in sub_questions(list(doc.sents))]


def test_replies_sub_questions_split_a_turn_at_each_question() -> None:
    assert _asked("Thanks. Did you speak to him? And what did he say?") == ["Did you speak to him?",
                                                                            "And what did he say?"]
    assert _asked("Did you call him, and what did he tell you?") == ["Did you call him", "and what did he tell you?"]
    # "or" joins the options of one question
    assert _asked("Will you stay in the deal, or will you leave it?") == ["Will you stay in the deal, or will you leave it?"]
    assert _asked("Talk to us about the sanctions you announced this morning.") == [
        "Talk to us about the sanctions you announced this morning."]
    assert _asked("Jake, what — sorry, go ahead.") == []


@pytest.mark.parametrize(("question", "kind"), [
    ("Will the President meet him?", "yes-no"),
    ("Mr. President, do you regret it?", "yes-no"),
    ("Will you stay or will you leave?", "alternative"),
    ("What did he say?", "wh"),
    ("Can you tell us what was agreed?", "wh"),
    ("Could I just ask, what evidence do you have?", "wh"),
    ("Talk about the sanctions.", "wh"),
])
def test_replies_question_kind(question: str, kind: str) -> None:
    assert question_kind(english()(question)[:]) == kind


@pytest.mark.parametrize(("sentence", "frame"), [
    ("I'm not going to get ahead of the President.", frames.DECLINING),
    ("Won’t get ahead of the President’s decision making.", frames.DECLINING),
    ("I’d have to point you to the Pentagon.", frames.DECLINING),
    ("I don't have anything to announce today.", frames.DECLINING),
    ("I don't know.", frames.IGNORANCE),
    ("I haven't seen the report.", frames.IGNORANCE),
    ("What do you mean by that?", frames.CLARIFICATION),
    ("Yes, they did.", frames.YES),
    ("No, it wasn't coordinated with me.", frames.NO),
    ("It was not.", frames.MIRROR),
])
def test_replies_frames_match_their_phrases(sentence: str, frame: object) -> None:
    assert frame.search(frames.plain(sentence))  # type: ignore[attr-defined]


@pytest.mark.parametrize("sentence", [
    "I am not going to let Iran get a nuclear weapon.",
    "I don't know if you've ever been down there, but it's a vast country.",
    "It was a difficult day for everyone.",
])
def test_replies_frames_leave_statements_alone(sentence: str) -> None:
    plain = frames.plain(sentence)
    assert not any(f.search(plain) for f in (frames.DECLINING, frames.IGNORANCE, frames.MIRROR))


def test_replies_model_leaves_framed_rows_to_the_frame_and_learns_the_rest() -> None:
    rows = np.zeros((6, len(NAMES)), dtype=np.float32)
    rows[:3, NAMES.index("position_asked")] = 1.0  # replies take a position
    rows[5, NAMES.index("declining_early")] = 1.0
    model = fit(rows, ["explicit", "explicit", "explicit", "dodging", "general", "declining"],
                ["reply", "reply", "reply", "ambivalent", "ambivalent", "non-reply"], c=10.0)
    assert isinstance(model, Model)
    assert model.frame_precision == pytest.approx(2 / 3)  # one framed row, right: (1 + 1) / (1 + 2)
    assert non_reply_frame(rows[5]) == "declining"
    assert judge(model, rows[0]).clarity == "reply"
    assert judge(model, rows[3]).clarity == "ambivalent"
    assert judge(model, rows[5]).evasion == "declining"


def test_replies_layer_of_a_briefing(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING, encoding="utf-8")
    record = analyze(path)
    check_spans(record)
    found = [(r.exchange, r.question.text, r.kind, r.clarity, r.evasion, [e.text for e in r.evidence])
             for r in record.replies]
    assert found == [
        ("x1", "Will the President meet the Chinese leader next week?", "yes-no", "non-reply", "declining",
         ["I'm not going to get ahead of the President's schedule."]),
        ("x1", "And what will they discuss?", "wh", "non-reply", "declining",
         ["I'm not going to get ahead of the President's schedule."]),
        ("x2", "Did the sanctions on Iran take effect today?", "yes-no", "reply", "explicit",
         ["Yes, they did.", "The Treasury published the list of forty companies this morning."]),
        ("x3", "What do you make of the report about the talks in Oman?", "wh", "non-reply", "clarification",
         ["Which report do you mean?"]),
        ("x4", "How many ships has the Navy sent to the Red Sea since January?", "wh", "non-reply", "ignorance",
         ["I don't know the exact number."]),
    ]
    assert all(0.5 <= r.confidence <= 1.0 for r in record.replies)
    codes = {c.code for c in codings(record) if c.code[0] == "clarity"}
    assert codes == {("clarity", "non-reply", "declines to answer"), ("clarity", "clear reply", "explicit"),
                     ("clarity", "non-reply", "asks what was meant"), ("clarity", "non-reply", "claims not to know"),
                     ("clarity", "evidence", "non-reply"), ("clarity", "evidence", "clear reply")}
