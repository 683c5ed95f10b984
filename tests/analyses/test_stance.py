"""Stance: the sentiment goes to the actor the clause is about, with the sentences that carry it."""

from __future__ import annotations

from onrecord.analyses.stance import lexicon, score_mention
from onrecord.nlp import english
from onrecord.record import Record


def _score(sentence: str, name: str) -> float:
    doc = english()(sentence)
    start = sentence.index(name)
    return round(score_mention(doc.char_span(start, start + len(name)), lexicon()), 2)


def test_stance_reference_hostile_and_favourable(reference_record: Record) -> None:
    ids = {a.name: a.id for a in reference_record.actors}
    speaker = reference_record.speakers[1].id
    scores = {s.actor: s for s in reference_record.stances if s.holder == speaker}
    for name in ("Israel", "DAESH", "United States"):
        assert scores[ids[name]].score < -0.1, name
    for name in ("Hezbollah", "Hamas"):
        assert scores[ids[name]].score > 0.1, name
    for stance in scores.values():
        assert stance.evidence and all(e.text == reference_record.document.text[e.start : e.end] for e in stance.evidence)


def test_stance_object_of_fight_is_opposed_and_negation_flips() -> None:
    assert _score("We fight DAESH everywhere.", "DAESH") == -0.9
    assert _score("No one can eliminate Hamas.", "Hamas") == 0.85
    assert _score("We strengthened Hezbollah.", "Hezbollah") == 0.86


def test_stance_goes_to_the_clause_about_the_actor() -> None:
    sentence = "Iran supports Lebanon, while Israel commits genocide."
    assert _score(sentence, "Israel") < 0 < _score(sentence, "Lebanon")


def test_stance_delegitimizing_predicates_and_others_claims() -> None:
    assert _score("DAESH was a fabricated creation of intelligence agencies.", "DAESH") == -0.9
    assert _score("By any standard, DAESH was a terrorist organization.", "DAESH") == -1.0
    assert _score("DAESH issued a statement claiming a successful operation.", "DAESH") == 0.0
