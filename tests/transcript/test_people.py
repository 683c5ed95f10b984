"""Speakers as people: one person's labels, and the full name a surname label stands for."""

from __future__ import annotations

from onrecord.readers import read_bytes
from onrecord.transcript import transcribe
from onrecord.transcript.people import full_name, same_people


def test_people_one_person_written_two_ways_is_one_speaker() -> None:
    people = same_people(["QUINCY HOWE, MODERATOR", "MR. HOWE", "MR. NIXON", "Vladimir Putin",
                          "President of Russia Vladimir Putin", "Vladimir Putin",
                          "The Prime Minister (Mr. Tony Blair)", "Mr Blair", "Mr Blair"])
    assert people["mr. howe"] == people["quincy howe, moderator"] == "quincy howe, moderator"
    assert people["president of russia vladimir putin"] == people["vladimir putin"] == "vladimir putin"
    assert people["the prime minister (mr. tony blair)"] == people["mr blair"] == "mr blair"
    assert people["mr. nixon"] == "mr. nixon"


def test_people_generic_and_ambiguous_labels_stay_apart() -> None:
    people = same_people(["BUSH", "JEB BUSH", "GEORGE BUSH", "Q", "Speaker 1", "Speaker 2", "SPEAKER_00"])
    assert all(people[key] == key for key in people)


def test_people_full_name_from_the_introduction() -> None:
    intro = "I have the National Security Advisor, Jake Sullivan, here. MR. SULLIVAN: Thanks. I'm Jake Sullivan."
    assert full_name(intro, "mr. sullivan") == "Jake Sullivan"
    assert full_name("I'm Jeb Bush, and President George W. Bush is my brother.", "bush") == "Jeb Bush"
    assert full_name("Thank you, Mr. Secretary Sullivan.", "mr. sullivan") is None
    assert full_name("Jake Sullivan", "jake sullivan") is None  # the label names the person already


def test_people_speaker_carries_the_introduced_name() -> None:
    text = ("MS. JEAN-PIERRE: National Security Advisor Jake Sullivan is here.\nMR. SULLIVAN: Thanks.\n"
            "Q Jake, what about Iran?\nMR. SULLIVAN: We are watching.\nQ And Hezbollah?\nMR. SULLIVAN: Too.\n")
    speakers = transcribe(read_bytes(text.encode(), "b.txt")).speakers
    assert [(s.label, s.role, s.name) for s in speakers] == [
        ("MS. JEAN-PIERRE", "speaker", None), ("MR. SULLIVAN", "speaker", "Jake Sullivan"),
        ("Q", "interviewer", None)]
