"""Ask's word matching: porter stems from the index's own tokenizer, word variants, actor concepts, voices."""

from __future__ import annotations

from pathlib import Path

from onrecord.ask.query import parse
from onrecord.corpus import Corpus
from onrecord.corpus.lexical import concepts, stems, variants


def test_lexical_stems_are_the_index_porter_stems(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    assert stems(connection, {7: "We have no regrets about our expenditures.", 9: "Syria’s"}) == {
        7: ["we", "have", "no", "regret", "about", "our", "expenditur"], 9: ["syria", "s"]}


def test_lexical_variants_join_what_porter_leaves_apart() -> None:
    assert [variants(a, b) for a, b in [("creat", "creation"), ("nation", "nationalist"), ("intern", "interfer"),
                                        ("war", "warn"), ("regret", "regret"), ("weaker", "weaken"), ("state", "stats"),
                                        ("weake", "weaku")]] == [True, True, False, False, True, True, False, False]


def test_lexical_concepts_keep_one_group_per_word_or_actor(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    question = parse(connection, "Did Norway regret the money?")
    assert (question.groups, question.named) == ((("norway",), ("regret",), ("money",)), frozenset({"norway"}))
    assert concepts(connection, [("norway", "the kingdom of norway"), ("the",)]) == [
        (("norwai",), ("kingdom", "norwai")), ()]


def test_lexical_document_speaks_for_its_most_mentioned_country(small_corpus: Path) -> None:
    rows = Corpus(small_corpus).reader().execute(
        "SELECT d.title, v.actor FROM voices AS v JOIN documents AS d ON d.rowid = v.doc ORDER BY d.rowid").fetchall()
    assert rows == [("Bridge interview, 12 March 2019", "q20"), ("Harbour speech, 4 June 2021", "q20")]


def test_lexical_actor_the_answer_does_not_repeat_still_counts(small_corpus: Path) -> None:
    answer = Corpus(small_corpus).ask("Did Norway regret the money spent on the bridge?", k=1)
    # (with the sentence after it, which scores as close: a run of the answer)
    assert answer["evidence"][0]["span"]["text"].startswith("We have no regrets about that spending.")


def test_lexical_person_named_speaks_for_a_country_while_in_office(small_corpus: Path) -> None:
    from onrecord.ask.signals import _documents_voiced_by

    connection = Corpus(small_corpus).reader()
    question = parse(connection, "What did Netanyahu say about the deal?")
    # prime minister, and foreign minister in 2002-2003; his other terms as foreign minister fall within the first
    assert question.spokesmen == (("netanyahu", "q801", ((1996, 1999), (2002, 2003), (2009, 2021), (2022, 9999))),)
    assert _documents_voiced_by(connection, "q20", ((2020, 2022),), {1, 2}) == {2}
    assert _documents_voiced_by(connection, "q20", None, {1, 2}) == {1, 2}


def test_lexical_answer_opening_reads_with_its_question(small_corpus: Path) -> None:
    from onrecord.ask.candidates import Candidate
    from onrecord.ask.signals import Words, texts_around

    connection = Corpus(small_corpus).reader()
    rows = connection.execute("SELECT s.rowid, s.turn, s.text, t.question FROM sentences AS s"
                              " JOIN turns AS t ON t.rowid = s.turn WHERE s.doc = 1 ORDER BY s.rowid").fetchall()
    opening, second = (Candidate(*row) for row in rows[2:4])
    words = Words(connection, parse(connection, "Was the bridge money regretted?"), texts_around(connection, [opening, second]))
    assert [(r, turn, asked) for r, turn, _, asked in rows[1:5]] == [(2, 2, None), (3, 3, 2), (4, 3, 2), (5, 3, 2)]
    assert (words.passage(opening), words.passage(second)) == ([3, 4, 5, 2], [3, 4, 5])
    # Read in stages, a sentence learnt earlier is not at hand later: each stage's passages are its own.
    staged = Words(connection, parse(connection, "Was the bridge money regretted?"), {opening.rowid: opening.text})
    staged.read({second.rowid: second.text})
    assert (staged.passage(second), staged.turn(second), sorted(staged.doc_of)) == ([4], [4], [3, 4])
    staged.read(texts_around(connection, [opening, second]))
    assert (staged.passage(opening), staged.passage(second)) == ([3, 4, 5, 2], [3, 4, 5])


def test_lexical_question_names_who_speaks(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    spoken = [parse(connection, text).speaking for text in (
        "What does Norway say about the harbour?", "Norway on the fishing quotas", "What quotas did Norway propose?",
        "According to Norway, who pays?", "Did Norway regret the money?", "What did Roe say about Norway?")]
    # "Did Norway regret...?": what a country did is what its own words say ("Does Iran regret the money?").
    assert spoken == ["norway", "norway", "norway", "norway", "norway", None]
    from onrecord.ask.candidates import voice_keys

    norway, sweden = (parse(connection, f"What does {name} say about quotas?") for name in ("Norway", "Sweden"))
    assert [voice_keys(connection, norway, group) for group in norway.groups] == [{"q20"}, set()]
    assert [voice_keys(connection, sweden, group) for group in sweden.groups] == [set(), set()]
    answer = Corpus(small_corpus).ask("What does Norway say about coastal towns?", k=1)
    assert answer["evidence"][0]["title"] == "Harbour speech, 4 June 2021"


def test_lexical_a_leader_named_by_surname_speaks_for_the_country_of_the_body_they_lead(small_corpus: Path) -> None:
    connection = Corpus(small_corpus).reader()
    spokesmen = parse(connection, "What did Abbas and Bush say about the harbour?").spokesmen
    assert [(first, country) for first, country, _ in spokesmen] == [("abbas", "q219060"), ("bush", "q30")]
