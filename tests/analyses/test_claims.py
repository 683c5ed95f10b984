"""Check-worthy claims: one per sentence, scores in [0, 1], factual claims ranked above rhetoric."""

from __future__ import annotations

import pytest

from conftest import requires_shared
from onrecord.analyses.claim_features import Line, hand_features, ngrams, tokens
from onrecord.analyses.claims import load_model, score_lines
from onrecord.record import Record
from onrecord.view.claims import top_claims


def test_claims_tokens_fold_numbers() -> None:
    assert tokens("We lost 3.5 million jobs in 2016, didn't we?") == [
        "we", "lost", "<num>", "million", "jobs", "in", "<num>", "didn't", "we"]
    assert ngrams("Ford is leaving") == ["ford", "is", "leaving", "ford is", "is leaving"]


def test_claims_tokens_scripture_reference_is_no_number() -> None:
    assert tokens("“Satan threatens you” (Quran 2:268).") == ["satan", "threatens", "you", "<ref>"]


def test_claims_hand_features_mark_quotation_exhortation_and_action() -> None:
    quotation = hand_features("The work of Satan: “Satan threatens you” (Quran 2:268).")
    exhortation = hand_features("Take a look at the situation.")
    action = hand_features("Our forces arrested 20 groups.")
    assert (quotation[-5], quotation[-4]) == (21 / 55, 1.0)
    assert exhortation[-3:] == [1.0, 0.0, 0.0]
    assert action[-5:] == [0.0, 0.0, 0.0, 1.0, 1.0]


def test_claims_hand_features_mark_numbers_and_questions() -> None:
    claim = hand_features("The deficit rose to $800 billion in 2016.")
    question = hand_features("What will you do?")
    assert (claim[1], claim[3], claim[4], claim[7]) == (2.0, 1.0, 1.0, 0.0)
    assert (question[1], question[3], question[7]) == (0.0, 0.0, 1.0)


def test_claims_one_per_sentence_with_turn_kind(example_record: Record) -> None:
    kinds = {t.id: t.kind for t in example_record.turns}
    turns = {s.id: s.turn for s in example_record.sentences}
    assert [c.sentence for c in example_record.claims] == [s.id for s in example_record.sentences]
    assert all(c.turn_kind == kinds[turns[c.sentence]] for c in example_record.claims)
    assert all(0.0 <= c.checkworthiness <= 1.0 for c in example_record.claims)


def test_claims_factual_sentence_outranks_pleasantry() -> None:
    lines = [Line(text, 0, "answer", 1.0, 0.0) for text in (
        "Thank you very much, it is wonderful to be here.",
        "Unemployment fell from 10 percent in 2009 to 4.7 percent last year.",
    )]
    low, high = score_lines(lines)
    assert high > low


def test_claims_model_is_small_and_loads() -> None:
    model = load_model()
    assert len(model.vocabulary) == len(model.sparse_coef) == len(model.idf)
    assert model.forest.trees == 300


def test_claims_view_lists_top_of_each_answer(example_record: Record) -> None:
    found = top_claims(example_record, per_turn=2)
    kinds = {t.id: t.kind for t in example_record.turns}
    assert found and all(kinds[turn] in ("answer", "statement") and 1 <= len(best) <= 2 for turn, best in found)
    for _, best in found:
        assert [c.checkworthiness for c, _ in best] == sorted((c.checkworthiness for c, _ in best), reverse=True)


def _ranked_answers(record: Record) -> list[str]:
    text = {s.id: s.span.text for s in record.sentences}
    answers = sorted((c for c in record.claims if c.turn_kind == "answer"), key=lambda c: -c.checkworthiness)
    return [text[c.sentence] for c in answers]


@requires_shared
@pytest.mark.parametrize(("start", "within"), [
    ("Yet the people of Yemen surprise the world every day and produce missiles with a range of 1,000", 5),
    ("Well, what occurred was that almost all of our forces withdrew from there", 5),
    ("For example, if you remember, during the incident involving the assassination", 10),
    ("Moreover, the Syrian government did not make such a request from us", 15),
    ("Our security forces constantly arrest various teams that they send into the country", 30),
])
def test_claims_reference_factual_claims_rank_high(reference_record: Record, start: str, within: int) -> None:
    ranked = _ranked_answers(reference_record)
    assert any(sentence.startswith(start) for sentence in ranked[:within])


@requires_shared
def test_claims_reference_quran_quotation_ranks_low(reference_record: Record) -> None:
    ranked = _ranked_answers(reference_record)
    quotation = next(i for i, s in enumerate(ranked) if s.startswith("The work of Satan is to instill fear"))
    assert quotation >= 50


@requires_shared
def test_claims_reference_rhetoric_ranks_low(reference_record: Record) -> None:
    ranked = _ranked_answers(reference_record)
    closing = next(i for i, s in enumerate(ranked) if s.startswith("From our perspective, the people are the pillar"))
    assert closing > len(ranked) // 2
