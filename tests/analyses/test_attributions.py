"""Attributions: source, cue and content of reported speech, vague sources marked as such."""

from __future__ import annotations

from conftest import requires_shared
from onrecord.analyses import ANALYSES
from onrecord.pipeline import analyze_source
from onrecord.readers import read_bytes
from onrecord.record import Record

# Only the layers these analyses read, so that the tests stay fast and about them.
STEPS = tuple(s for s in ANALYSES if s.layer in ("sentences", "enumerations", "attributions", "citations"))

def _record(text: str) -> Record:
    return analyze_source(read_bytes(text.encode("utf-8"), "speech.txt"), steps=STEPS)


def _triples(record: Record) -> list[tuple[str | None, str | None, str]]:
    return [(a.source.span.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
            for a in record.attributions]


def test_attributions_indirect_speech() -> None:
    record = _record("The minister stated that the talks had failed.\n")
    assert _triples(record) == [("The minister", "stated", "that the talks had failed")]
    assert record.attributions[0].kind == "indirect"


def test_attributions_according_to_and_words_of() -> None:
    record = _record("According to the ministry, the border is closed. In the words of the envoy, peace is near.\n")
    assert _triples(record) == [("the ministry", "According to", "the border is closed"),
                                ("the envoy", "In the words of", "peace is near")]


def test_attributions_vague_source() -> None:
    record = _record("Some analysts say that the deal is dead.\n")
    [attribution] = record.attributions
    assert attribution.source is not None and attribution.source.kind == "vague"


@requires_shared
def test_attributions_reference_sources(reference_record: Record) -> None:
    found = {(a.source.span.text if a.source else None, a.cue.text if a.cue else None): a
             for a in reference_record.attributions}
    assert found[("the Leader of the Revolution", "In the words of")].content.text.startswith("“religious democracy” means")
    assert found[("he", "stated")].content.text.startswith("that the Islamic Republic is meaningless")
    assert found[("the Prime Minister of Iraq", "stated")].content.text == "that he had invited Martyr Soleimani to Iraq"
    assert found[("DAESH", "issued a statement claiming")].content.text.startswith("that the martyr-seeking fighters")
    assert found[("They", "openly declared")].content.text == "that their ultimate goal was Iran"
    assert found[("Some", "raise")].content.text == "“What happened to Operation True Promise III? Are you striking now or tomorrow?”"
    westerners = found[("Some Westerners", "say")]
    assert westerners.source is not None and westerners.source.kind == "vague"


def test_attributions_drop_the_speakers_own_words_and_non_speakers() -> None:
    record = _record("I say that we must act. The first principle emphasizes that borders matter. "
                     "I do not think anyone doubts that peace is near. They reject Israel. "
                     "The envoy said that talks resume.\n")
    assert _triples(record) == [("The envoy", "said", "that talks resume")]


def test_attributions_quotation_after_a_colon() -> None:
    record = _record("Critics raise questions, such as: “Where is the money? Who took it?”\n")
    assert _triples(record) == [("Critics", "raise", "“Where is the money? Who took it?”")]


def test_attributions_nothing_reported_inside_a_quotation() -> None:
    record = _record("The minister said, “I think that they know the truth.”\n")
    assert _triples(record) == [("The minister", "said", "“I think that they know the truth.”")]


@requires_shared
def test_attributions_reference_actor_ids(reference_record: Record) -> None:
    actors = {a.source.span.text: a.source.actor for a in reference_record.attributions if a.source}
    assert actors["the Prime Minister of Iraq"] is not None and actors["DAESH"] is not None
    assert actors["Some Westerners"] is not None


@requires_shared
def test_attributions_reference_precision(reference_record: Record) -> None:
    sources = [a.source.span.text if a.source else None for a in reference_record.attributions]
    assert not {"I", "we", "anyone", "who", "The first principle", "The reality", "Israel"} & set(sources)


def test_attributions_report_between_commas_and_after_a_quotation() -> None:
    record = _record("It was, he said, one of the bitterest failures of his presidency.\n"
                     "“We will delay the vote until May,” she said at a hearing.\n")
    assert _triples(record) == [
        ("he", "said", "It was, he said, one of the bitterest failures of his presidency"),
        ("she", "said", "“We will delay the vote until May,”")]


def _found(text: str) -> list[tuple[str | None, str, str]]:
    """(source, cue, content) of what the PolNeAR evaluation scores: every attribution, no transcript filter."""
    from onrecord.analyses.attributions import extract, outermost
    from onrecord.nlp import english

    doc = english()(text)
    return [(text[f.source[0]:f.source[1]] if f.source else None, text[f.cue[0]:f.cue[1]], text[f.content[0]:f.content[1]])
            for f in outermost(list(extract(text, doc, 0, len(text))))]


def test_attributions_preposition_after_the_verb_is_part_of_the_cue() -> None:
    text = "“We lost,” Clark said, referring to the 2004 election.\n"
    assert _found(text) == [("Clark", "said", "“We lost,”"), ("Clark", "referring to", "the 2004 election")]


def test_attributions_cue_with_auxiliaries_and_medium() -> None:
    assert _found("The senator has also said in a statement that the bill is dead.\n") == [
        ("The senator", "has also said in a statement", "that the bill is dead")]


def test_attributions_a_poll_is_a_source() -> None:
    assert _found("In a CBS News poll released Monday, she led by ten points.\n") == [
        ("a CBS News poll released Monday", "In", "she led by ten points")]
    assert _found("In other words, she led by ten points.\n") == []


def test_attributions_headline_read_from_its_capitals() -> None:
    assert _found("Newspaper Editor: Defense secretary used personal email\n\nMore text here.\n")[0] == (
        "Newspaper Editor", ":", "Defense secretary used personal email")
    assert _found("Q: Does he run?\n\nClinton: 547.\n") == []


def test_attributions_nominal_cue_with_its_owner() -> None:
    assert _found("Ms. Warren's criticism of the developer was sharp.\n") == [
        ("Ms. Warren's", "criticism of", "the developer")]
    assert _found("The attack on the base was sharp.\n") == []  # 'attack' needs an owner


def test_attributions_quotation_marks_and_brackets_closed_by_the_span() -> None:
    text = "Spokeswoman Haley Morris says the candidate has “always run a lean campaign.”\n"
    assert _found(text) == [("Spokeswoman Haley Morris", "says", "the candidate has “always run a lean campaign.”")]
    text = "“We lost,” said Jim Clyburn, a congressman from South Carolina, adding nothing.\n"
    assert _found(text)[0][0] == "Jim Clyburn, a congressman from South Carolina,"
