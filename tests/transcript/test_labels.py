from __future__ import annotations

import pytest

from onrecord.transcript.labels import label_key, match_label, role_word


@pytest.mark.parametrize(
    ("line", "speaker", "kind"),
    [
        ("Question: What is it?", "Question", "role"),
        ("Q: What?", "Q", "role"),
        ("Q. What?", "Q", "role"),
        ("Q    Thank you, Karine.", "Q", "role"),
        ("MS. JEAN-PIERRE:  Good afternoon.", "MS. JEAN-PIERRE", "honorific"),
        ("A: Yes.", "A", "role"),
        ("Interviewer: Welcome.", "Interviewer", "role"),
        ("A. A. Ahmadian: From our perspective", "A. A. Ahmadian", "initials"),
        ("Mr. Smith: Thank you.", "Mr. Smith", "honorific"),
        ("MR. CARTER: Well,", "MR. CARTER", "honorific"),
        ("THE PRESIDENT. Thank you all.", "THE PRESIDENT", "capitals"),
        ("DONALD TRUMP: We will.", "DONALD TRUMP", "capitals"),
        ("QUINCY HOWE, MODERATOR: Good evening.", "QUINCY HOWE, MODERATOR", "capitals"),
        ("[00:01:02] JOHN: hello", "JOHN", "capitals"),
        ("Chris Wallace: Good evening.", "Chris Wallace", "name"),
    ],
)
def test_labels_match_common_styles(line: str, speaker: str, kind: str) -> None:
    label = match_label(line)
    assert label is not None
    assert (label.speaker, label.kind) == (speaker, kind)
    assert line[label.content_start :].strip() == line[label.content_start :]


@pytest.mark.parametrize(
    "line",
    ["Firstly, DAESH was a creation.", "Note: this is editorial.", "Comment", "Regarding Syria: yes",
     "(LAUGHTER)", "I. Introduction", "The first principle: is", "In the words of the Leader: text",
     "Speaker:", "question — have the perpetrators been condemned?", "answer: the wrapped line goes on",
     "H.E. Philemon Yang of Cameroon", "MR. PRESIDENT, we", "HIS EXCELLENCY MR. ANTONIO GUTERRES spoke"],
)
def test_labels_refuse_what_is_not_a_speaker(line: str) -> None:
    assert match_label(line) is None


def test_labels_weak_and_strong() -> None:
    assert match_label("Chris Wallace: Hi")
    assert not match_label("Chris Wallace: Hi").strong  # type: ignore[union-attr]
    assert not match_label("A. Yes.").strong  # type: ignore[union-attr]
    assert match_label("A: Yes.").strong  # type: ignore[union-attr]


def test_labels_key_and_role_word() -> None:
    assert label_key("TRUMP") == label_key("Trump") == "trump"
    assert role_word("question") == ("interviewer", "always")
    assert role_word("quincy howe, moderator") == ("moderator", "when")
    assert role_word("biden") is None
