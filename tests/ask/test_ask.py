"""Ask: verbatim evidence, the interviewer's question as a signal, speaker and year filters, CLI JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from onrecord.ask.query import parse
from onrecord.cli import app
from onrecord.corpus import Corpus


def test_ask_quotes_the_answering_sentence(small_corpus: Path) -> None:
    answer = Corpus(small_corpus).ask("Does the minister regret what was spent?", k=2)
    assert [e["span"]["text"] for e in answer["evidence"]] == [
        "We have no regrets about that spending.", "Critics said it was a waste of money."]
    first = answer["evidence"][0]
    assert {key: first[key] for key in ("title", "speaker", "span")} == {
        "title": "Bridge interview, 12 March 2019", "speaker": "Jane Roe",
        "span": {"start": 110, "end": 149, "text": "We have no regrets about that spending."}}


def test_ask_quotes_two_strong_sentences_side_by_side_as_one_piece_of_evidence(small_corpus: Path) -> None:
    from onrecord.ask.candidates import Candidate
    from onrecord.ask.rank import _evidence

    reader = Corpus(small_corpus).reader()
    said = ("We have no regrets about that spending.", "The bridge carries forty thousand cars a day.",
            "Critics said it was a waste of money.")
    regrets, bridge, critics = (Candidate(rowid, turn, text) for rowid, turn, text in reader.execute(
        "SELECT rowid, turn, text FROM sentences WHERE text IN (?, ?, ?) ORDER BY rowid", said))
    regrets.score, bridge.score, critics.score = 3.0, 2.7, 1.0
    assert [e["span"]["text"] for e in _evidence(reader, [regrets, bridge, critics], 3)] == [
        f"{said[0]} {said[1]}", said[2]]  # each sentence quoted once
    bridge.score = 2.0  # not close enough to the best: side by side, each is its own evidence
    assert [e["span"]["text"] for e in _evidence(reader, [regrets, bridge, critics], 3)] == list(said)


def test_ask_finds_answers_through_the_interviewers_question(small_corpus: Path) -> None:
    answer = Corpus(small_corpus).ask("Who asked the Norwegian engineers to come?", k=1)
    assert answer["evidence"][0]["span"]["text"] == "The mayor of Bergen invited them after the flood."


def test_ask_quotes_what_an_interviewer_states_never_what_they_ask(tmp_path: Path) -> None:
    path = tmp_path / "port.txt"
    path.write_text("Port interview, 2 May 2020\n"
                    "Question: Some newspapers claim the harbour authority lost money for ten years. Is that so?\n"
                    "John Doe: The port has paid its way since it opened.\n", encoding="utf-8")
    with Corpus(tmp_path / "port.db") as corpus:
        corpus.add([path])
        stated = corpus.ask("Which papers accused the harbour authority of losses?", k=3)["evidence"]
        asked = corpus.ask("Is that so?", k=3)["evidence"]
    assert (stated[0]["speaker"], stated[0]["span"]["text"]) == (
        "Question", "Some newspapers claim the harbour authority lost money for ten years.")
    assert all(not e["span"]["text"].endswith("?") for e in stated + asked)


def test_ask_filters_by_year(small_corpus: Path) -> None:
    answer = Corpus(small_corpus).ask("coastal towns and the harbour before 2020", k=5)
    assert answer == {"question": "coastal towns and the harbour before 2020", "evidence": []}


def test_ask_reads_speaker_and_years_from_the_question(small_corpus: Path) -> None:
    question = parse(Corpus(small_corpus).reader(), "What did Roe say about the bridge since 2018?")
    assert (question.terms, question.speakers, question.years) == (("bridge",), ("Jane Roe",), (2018, None))


def test_ask_speaker_is_named_by_a_name_not_a_title_nor_an_acronym() -> None:
    import sqlite3

    from onrecord.ask.query import _speakers

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE speakers (label TEXT, role TEXT)")
    connection.executemany("INSERT INTO speakers VALUES (?, 'speaker')",
                           [("President Arafat",), ("Mr President",), ("NATO",), ("A. A. Ahmadian",)])
    assert _speakers(connection, "What did President Zelaya say about NATO?") == ((), set())
    assert _speakers(connection, "What did President Arafat say?") == (("President Arafat",), {"arafat"})
    assert _speakers(connection, "What does Ahmadian think?") == (("A. A. Ahmadian",), {"ahmadian"})


def test_ask_speaker_is_one_the_question_has_speak_by_a_name_not_their_given_name() -> None:
    import sqlite3

    from onrecord.ask.query import _speakers

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE speakers (label TEXT, role TEXT)")
    connection.executemany("INSERT INTO speakers VALUES (?, 'speaker')", [
        ("Mr. Israel Katz",), ("Muhammad Shehbaz Sharif",), ("Muhammad Nawaz Sharif",), ("Zine El Abidine Ben Ali",),
        ("A. A. Ahmadian",), ("Mevlüt Çavuşoğlu",), ("ALI  KHAMENEI",), ("Luiz Inácio Lula da Silva",),
        ("Mr. Lula Da Silva",), ("Mr. Hugo Chvez Frias",), ("Volodymyr Zelenskyy",), ("Rodrigo Duterte",),
        ("Mr. Mhmoud Ahmadi-Nejad",), ("Marc Hermanne Gninadoou Araba",), ("Mr. Sarwar Danesh",),
        ("Antonio Costa",), ("Enrique Austria Manalo",)])
    assert _speakers(connection, "Can Israel survive in the long term?") == ((), set())
    assert _speakers(connection, "How many troops are in Kashmir, according to Shehbaz Sharif?") == (
        ("Muhammad Shehbaz Sharif",), {"shehbaz", "sharif"})
    # A name the question talks about, not one it has speak.
    assert _speakers(connection, "What did Tunisia ask to recover from Ben Ali and his family?") == ((), set())
    assert _speakers(connection, "Can the Houthis be wiped out, in Ahmadian's view?") == (
        ("A. A. Ahmadian",), {"ahmadian"})
    assert _speakers(connection, "Why does Çavuşoğlu oppose the plan?") == (("Mevlüt Çavuşoğlu",), {"çavuşoğlu"})
    assert _speakers(connection, "What did Khamenei say in 1987?") == (("ALI  KHAMENEI",), {"khamenei"})
    # Once named, every label holding the name, spelt alike (a PDF lost the "á" of "Chávez").
    assert _speakers(connection, "What did Lula propose?") == (
        ("Luiz Inácio Lula da Silva", "Mr. Lula Da Silva"), {"lula"})
    assert _speakers(connection, "Whom did Chávez call the devil?") == (("Mr. Hugo Chvez Frias",), {"chávez"})
    assert _speakers(connection, "What did Zelensky ask for?") == (("Volodymyr Zelenskyy",), {"zelensky"})
    # The name of a country or a group is spelt as written: "Arabia" is no misspelt "Araba", "Daesh" no "Danesh".
    assert _speakers(connection, "What did Saudi Arabia want in 2003?") == ((), set())
    assert _speakers(connection, "Did Daesh have a homeland of its own?") == ((), set())
    # A country's name written whole names no speaker who bears a word of it; a word alone still may.
    assert _speakers(connection, "What did Costa Rica vow to abolish?") == ((), set())
    assert _speakers(connection, "How did Austria react to its isolation?") == ((), set())
    assert _speakers(connection, "What did Costa say about Portugal?") == (("Antonio Costa",), {"costa"})
    # Whose view, not whose war.
    assert _speakers(connection, "Are police allowed to shoot suspects in Duterte's drug war?") == ((), set())
    assert _speakers(connection, "Is the war over, in Duterte's view?") == (("Rodrigo Duterte",), {"duterte"})
    # A name "as" tells it, or "per" a name, speaks; a country "as" does something does not.
    assert _speakers(connection, "How cohesive were the factions, as Ahmadian describes them?") == (
        ("A. A. Ahmadian",), {"ahmadian"})
    assert _speakers(connection, "How was Israel regarded, as Ahmadian tells it?") == (("A. A. Ahmadian",), {"ahmadian"})
    assert _speakers(connection, "Who pays for the schools, per Lula?") == (
        ("Luiz Inácio Lula da Silva", "Mr. Lula Da Silva"), {"lula"})
    assert _speakers(connection, "What has Israel lost, in Ahmadian's telling?") == (("A. A. Ahmadian",), {"ahmadian"})
    assert _speakers(connection, "How did trade fall as Duterte waged his drug war?") == ((), set())
    assert _speakers(connection, "How did trade grow as Austria joined the union?") == ((), set())


def test_ask_year_of_the_speech_wins_over_a_target_year_and_possessives_are_dropped(small_corpus: Path) -> None:
    reader = Corpus(small_corpus).reader()
    aid = parse(reader, "How much will Norway's aid reach by 2010? (2005 speech)")
    assert (aid.terms, aid.years) == (("norway", "aid", "reach", "speech"), (2005, 2005))
    assert parse(reader, "How many refugees had fled by 1974?").years == (1974, 1974)
    assert parse(reader, "What did Roe say at the 2019 General Assembly about the 2016 flood?").years == (2019, 2019)
    # The year the speech is named by, before the year of the events it speaks of.
    assert parse(reader, "How long did the Council wait when Iraq invaded Iran in 1980, according to Iran's 1990"
                         " speech?").years == (1990, 1990)
    # A month dates an event: its year or any later one speaks of it; unless it dates the speech.
    assert parse(reader, "Who was tried for the crackdown of January 1991?").years == (1991, None)
    assert parse(reader, "What followed the attacks of September 11, 2001?").years == (2001, None)
    assert parse(reader, "What did Roe say in her speech of 22 September 2019?").years == (2019, 2019)


def test_ask_the_name_a_questions_auxiliary_puts_before_its_verb_speaks(small_corpus: Path) -> None:
    reader = Corpus(small_corpus).reader()
    assert parse(reader, "What did Norway rebuild after the storm?").speaking == "norway"
    assert parse(reader, "Why was the harbour of Norway rebuilt?").speaking is None


def test_ask_a_two_word_actor_name_is_one_concept_where_its_second_word_came_before() -> None:
    from onrecord.ask.query import _groups

    groups = _groups(["spy", "korea", "north", "korea"], {"north korea": ("pyongyang",)})
    assert groups == (("north korea", "pyongyang"), ("spy",))


def test_ask_reads_whole_the_documents_of_the_year_and_country_a_question_names(small_corpus: Path) -> None:
    from onrecord.ask.candidates import voiced_documents

    reader = Corpus(small_corpus).reader()
    docs = dict(reader.execute("SELECT year, rowid FROM documents"))
    assert voiced_documents(reader, parse(reader, "What did Norway promise the towns in 2021?")) == [docs[2021]]
    assert voiced_documents(reader, parse(reader, "Whom did Norway invite in 2019?")) == [docs[2019]]
    # No year, or no country that a document speaks for: the question is not about one document.
    assert voiced_documents(reader, parse(reader, "What did Norway promise the towns?")) == []
    assert voiced_documents(reader, parse(reader, "What was promised to the towns in 2021?")) == []


def test_ask_evidence_is_the_document_text(small_corpus: Path) -> None:
    corpus = Corpus(small_corpus)
    texts = dict(corpus.reader().execute("SELECT id, text FROM documents").fetchall())
    for evidence in corpus.ask("harbour workers and fishing", k=5)["evidence"]:
        span = evidence["span"]
        assert texts[evidence["document"]][span["start"] : span["end"]] == span["text"]


def test_ask_cli_prints_the_design_json(small_corpus: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "Who invited the engineers?", "--corpus", str(small_corpus), "-k", "1",
                                      "--json"])
    assert result.exit_code == 0
    expected = Corpus(small_corpus).ask("Who invited the engineers?", k=1)
    assert json.loads(result.stdout) == expected
    assert list(expected["evidence"][0]) == ["document", "title", "speaker", "span", "score"]


def test_ask_cli_without_corpus_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "anything", "--corpus", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: no corpus at this path, {tmp_path / 'none.db'}, "
                             "add documents first: onrecord add FILE --corpus PATH\n")


def test_ask_quotes_a_sentence_that_breaks_off_with_the_rest_and_a_word_no_text_uses_matches_nothing(
        tmp_path: Path) -> None:
    # A PDF's line break cut the first sentence: spaCy ends it at "lost their", and "income..." goes on from it.
    speech = tmp_path / "speech.txt"
    speech.write_text("Fragment speech, 1 May 2020\nOur harbours stayed closed for many months and the fishermen of "
                      "the coast lost their\n\nincome from the winter catch. The government paid each of them a grant "
                      "of two thousand euros.\n", encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([speech])
        # No text says "lose": the question still finds what its other words find.
        broken, going_on = (corpus.ask(question, k=1)["evidence"][0]["span"] for question in (
            "Did the fishermen lose their winter income?", "What was lost from the winter catch?"))
    text = speech.read_text(encoding="utf-8")
    whole = ("Our harbours stayed closed for many months and the fishermen of the coast lost their\n\n"
             "income from the winter catch.")
    assert broken == going_on == {"start": text.index(whole), "end": text.index(whole) + len(whole), "text": whole}


def test_ask_cli_table_fits_80_columns_with_rank_source_and_words(small_corpus: Path) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["ask", "Who invited the engineers?", "--corpus",
                                                          str(small_corpus), "-k", "2"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "┃ # ┃ who, where" in lines[2] and "evidence" in lines[2] and "score" not in result.stdout
    evidence = Corpus(small_corpus).ask("Who invited the engineers?", k=1)["evidence"][0]
    assert evidence["span"]["text"].split()[0] in lines[4]
