"""Actors: names, epithets, titles by date, surnames, the speaker's "we", speaker labels, unknown names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from onrecord.analyses import ANALYSES, annotate
from onrecord.cli import app
from onrecord.nlp import english
from onrecord.pipeline import analyze, structure
from onrecord.readers import read
from onrecord.record import Actor, Record


def _record(tmp_path: Path, text: str, date: str | None = None) -> Record:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    record = structure(read(path, date=date))
    return annotate(record, english()(record.document.text), steps=ANALYSES[:2])


def _actor(record: Record, name: str) -> Actor:
    return next(a for a in record.actors if a.name == name)


def _texts(record: Record, name: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.form) for m in _actor(record, name).mentions]


def test_actors_reference_names_epithets_and_titles_are_one_actor(reference_record: Record) -> None:
    israel = {(m.span.text, m.form) for m in _actor(reference_record, "Israel").mentions}
    assert {("Israel", "name"), ("Zionist regime", "epithet"), ("fake entity", "epithet")} <= israel
    assert set(_texts(reference_record, "Ali Khamenei")) == {
        ("Leader of the Islamic Revolution", "title"), ("Leader of the Revolution", "title")}
    assert _texts(reference_record, "Qasem Soleimani") == [("Martyr Soleimani", "alias")] * 2
    assert ("Mr. Maliki", "alias") in _texts(reference_record, "Nouri al-Maliki")
    assert _texts(reference_record, "Abbas Araghchi") == [("Mr. Araghchi", "alias")]
    assert _texts(reference_record, "Hassan Nasrallah") == [("Sayyed Hassan Nasrallah", "alias")]
    assert _texts(reference_record, "Ansarullah") == [("Ansarullah", "name")]
    assert _texts(reference_record, "Palestinian Islamic Jihad") == [("Islamic Jihad", "alias")] * 2
    assert {t for t, _ in _texts(reference_record, "DAESH")} == {"DAESH", "Daesh"}
    # The bare "Assad" of "the Assad family" goes to the Assad named last before it: either is right.
    assert {t for t, _ in _texts(reference_record, "Hafez al-Assad")} == {"Hafez al-Assad", "Hafez Assad", "Assad"}
    assert {t for t, _ in _texts(reference_record, "Bashar al-Assad")} == {"Assad", "Bashar Assad", "Bashar al-Assad"}


def test_actors_reference_speaker_label_and_ingroup(reference_record: Record) -> None:
    ahmadian = _actor(reference_record, "Ali Akbar Ahmadian")
    assert [s.actor for s in reference_record.speakers] == [None, ahmadian.id]
    iran = _actor(reference_record, "Iran")
    pronouns = [m for m in iran.mentions if m.form == "pronoun"]
    assert len(pronouns) == 83
    assert {m.span.text for m in pronouns} == {"we", "We", "us", "our", "ourselves", "our forces", "Our security forces"}
    questions = [t.span for t in reference_record.turns if t.kind == "question"]
    assert not any(q.start <= m.span.start < q.end for m in pronouns for q in questions)


def test_actors_bare_surname_goes_to_the_nearest_preceding_full_name(tmp_path: Path) -> None:
    record = _record(tmp_path, "Hafez al-Assad ruled Syria. Assad was cautious. Later Bashar al-Assad came. Assad fell.\n")
    assert _texts(record, "Hafez al-Assad") == [("Hafez al-Assad", "name"), ("Assad", "alias")]
    assert _texts(record, "Bashar al-Assad") == [("Bashar al-Assad", "name"), ("Assad", "alias")]


def test_actors_titles_never_go_to_a_holder_out_of_office(tmp_path: Path) -> None:
    text = "The President of Syria spoke. The Leader of the Islamic Revolution replied.\n"
    old = _record(tmp_path, text, date="1965-03-01")  # no Leader of the Revolution yet
    assert [a.name for a in old.actors if a.type == "person"] == ["Amin al-Hafiz"]
    union = _record(tmp_path, text, date="1960-03-01")  # Syria was part of the United Arab Republic
    assert [a.name for a in union.actors if a.type == "person"] == []
    assert [a.name for a in _record(tmp_path, text, date="1985-03-01").actors if a.type == "person"] == [
        "Hafez al-Assad", "Ruhollah Khomeini"]
    assert _texts(_record(tmp_path, text, date="1995-03-01"), "Hafez al-Assad") == [("President of Syria", "title")]
    assert _texts(_record(tmp_path, text, date="2010-03-01"), "Bashar al-Assad") == [("President of Syria", "title")]


def test_actors_unknown_names_stay_without_a_qid(tmp_path: Path) -> None:
    record = _record(tmp_path, "Yesterday Anna Bloomquist met the mayor in Oslo.\n")
    unknown = [(a.name, a.type, a.kb, len(a.mentions)) for a in record.actors]
    # "in Oslo" is the city, not the Norwegian government.
    assert unknown == [("Anna Bloomquist", "person", None, 1), ("Oslo", "place", None, 1)]


def test_actors_cli_reports_a_malformed_kb(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n- {id: x, name: X, type: planet}\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("Israel spoke.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(doc), "--kb", str(bad), "--json"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: malformed knowledge-base entry, {bad} line 2, field 'type', use one of "
                             "country, person, organization, group, place, other\n")


def test_actors_cli_user_kb_wins(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("actors:\n- {id: acme, name: Acme Corp, type: organization, aliases: [Acme]}\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("Acme spoke to Iran.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(doc), "--kb", str(user), "--json"])
    assert result.exit_code == 0
    assert '"name": "Acme Corp"' in result.stdout


def test_actors_reference_undated_title_goes_to_the_office_not_the_current_holder(reference_record: Record) -> None:
    # The January 2020 killing was under Adil Abdul-Mahdi; an undated text must not say al-Sudani.
    assert _texts(reference_record, "Prime Minister of Iraq") == [("Prime Minister of Iraq", "title")]
    assert _actor(reference_record, "Prime Minister of Iraq").type == "other"
    assert not any(a.name == "Mohammed Shia al-Sudani" for a in reference_record.actors)
    assert _texts(reference_record, "Ali Khamenei")[0] == ("Leader of the Islamic Revolution", "title")


def test_actors_reference_operations_doctrines_and_scripture(reference_record: Record) -> None:
    assert _texts(reference_record, "Operation Al-Aqsa Flood") == [("Operation Al-Aqsa Flood", "name")]
    assert _texts(reference_record, "Operation True Promise") == [("Operation True Promise", "name")] * 2
    assert not any(a.name == "Al-Aqsa Mosque" for a in reference_record.actors)
    assert _texts(reference_record, "Takfirism") == [("Takfiri", "alias"), ("Takfir", "alias")]
    assert _texts(reference_record, "Islam") == [("Islam", "name"), ("Islamic", "alias")]
    assert _texts(reference_record, "Zionism") == [("anti-Zionist", "alias")]
    types = {a.name: a.type for a in reference_record.actors}
    assert [types[n] for n in ("Operation Al-Aqsa Flood", "Takfirism", "God", "Satan", "Pharaoh", "Moses", "Quran")] == [
        "other"] * 7
    assert "the East" not in types and "Al-Aqsa Mosque" not in types


def test_actors_reference_capitals_as_places_and_coordinated_names(reference_record: Record) -> None:
    assert _texts(reference_record, "Damascus") == [("Damascus", "name")] * 3
    assert _texts(reference_record, "Doha") == [("Doha", "name")]
    assert _texts(reference_record, "Eastern Ghouta") == [("East", "alias")]
    assert _texts(reference_record, "Western Ghouta") == [("West Ghouta", "alias")]


def test_actors_capital_is_the_government_unless_named_as_a_place(tmp_path: Path) -> None:
    record = _record(tmp_path, "Washington rejected the deal. The minister flew to Washington and met people in Tehran.\n")
    assert _texts(record, "United States") == [("Washington", "alias")]
    assert [(a.name, a.type) for a in record.actors] == [("United States", "country"), ("Washington", "place"),
                                                          ("Tehran", "place")]


def test_actors_generic_words_are_no_actors_and_my_government_is_the_speaker(tmp_path: Path) -> None:
    record = _record(tmp_path, "MR. SMITH (Iran): My Government believes that the State must respect the Sovereign "
                               "rights of peoples, inter alia.\n")
    names = [a.name for a in record.actors]
    assert "State" not in names and "Sovereign" not in names and "My Government" not in names
    said = _record(tmp_path, "Question: What is your view?\nA. A. Ahmadian: My Government rejects the State's claim.\n")
    assert [(m.span.text, m.form) for m in _actor(said, "Iran").mentions] == [("My Government", "pronoun")]
    assert [a.name for a in said.actors] == ["Iran", "Ali Akbar Ahmadian"]


def test_actors_generic_covers_adverbs_and_words_broken_off() -> None:
    from onrecord.analyses.actors.resolve import generic
    from onrecord.kb import load_kb

    kb = load_kb()
    assert generic("Understandably", kb) and generic("Realistically", kb) and generic("Uni-", kb)
    assert not generic("Reuters", kb) and not generic("Boeing", kb) and not generic("Mayorkas", kb)


def test_actors_year_of_a_speech_resolves_titles_held_all_that_year(tmp_path: Path) -> None:
    text = "The Leader of the Revolution and the President of Iran spoke.\n"
    path = tmp_path / "IRN_40_1985.txt"
    path.write_text(text, encoding="utf-8")
    record = structure(read(path))
    assert (record.document.date, record.document.period) == (None, "1985")
    record = annotate(record, english()(record.document.text), steps=ANALYSES[:2])
    assert [a.name for a in record.actors if a.type == "person"] == ["Ruhollah Khomeini", "Ali Khamenei"]
    path = tmp_path / "IRN_44_1989.txt"  # Khomeini died and Khamenei left the presidency that year
    path.write_text(text, encoding="utf-8")
    record = structure(read(path))
    record = annotate(record, english()(record.document.text), steps=ANALYSES[:2])
    assert [(a.name, a.type) for a in record.actors if a.type in ("person", "other")] == [
        ("Supreme Leader of Iran", "other"), ("President of Iran", "other")]


def test_actors_my_sovereign_is_the_speakers_monarch_in_office(tmp_path: Path) -> None:
    text = "Question: What is your view?\nA. A. Ahmadian: My august Sovereign has proposed a literacy campaign.\n"
    assert _texts(_record(tmp_path, text, date="1964-10-01"), "Mohammad Reza Pahlavi") == [
        ("My august Sovereign", "title")]
    # After the revolution nobody holds the title: the office, never the deposed Shah.
    late = _record(tmp_path, text, date="1985-10-01")
    assert not any(a.name == "Mohammad Reza Pahlavi" for a in late.actors)
    assert _texts(late, "Shah of Iran") == [("My august Sovereign", "title")]


def test_actors_a_first_name_or_surname_inside_an_unknown_persons_name_is_not_the_known_one(tmp_path: Path) -> None:
    record = _record(tmp_path, "Cyrus Vance met Gordon Brown in Paris. Cyrus founded Persia and Mr. Brown wrote.\n")
    names = {a.name: [m.span.text for m in a.mentions] for a in record.actors}
    assert names["Cyrus the Great"] == ["Cyrus"]
    assert names["George Brown"] == ["Mr. Brown"]
    assert "Cyrus Vance" in names and "Gordon Brown" in names


def test_actors_names_that_lost_a_pdf_ligature_still_resolve(tmp_path: Path) -> None:
    record = _record(tmp_path, "We support the right of all Palesnians to self-determination, and Chrisans too.\n")
    assert [m.span.text for m in _actor(record, "Palestine").mentions] == ["Palesnians"]
    assert [m.span.text for m in _actor(record, "Christians").mentions] == ["Chrisans"]


def test_actors_names_match_whichever_apostrophe_the_text_uses(tmp_path: Path) -> None:
    record = _record(tmp_path, "The Democratic People’s Republic of Korea and Côte d’Ivoire spoke; so did the "
                               "Republic of Korea.\n")
    assert [(a.name, [m.span.text for m in a.mentions]) for a in record.actors] == [
        ("North Korea", ["The Democratic People’s Republic of Korea"]), ("Côte d'Ivoire", ["Côte d’Ivoire"]),
        ("South Korea", ["the Republic of Korea"])]


def test_actors_a_capitalised_common_word_is_no_place(tmp_path: Path) -> None:
    record = _record(tmp_path, "Sham elections were held. The Islamic State in Iraq and the Sham spread.\n")
    assert [(a.name, [m.span.text for m in a.mentions]) for a in record.actors] == [
        ("DAESH", ["Islamic State in Iraq and the Sham"])]


def test_actors_the_treaty_is_the_treaty_named_before_and_nothing_without_one(tmp_path: Path) -> None:
    record = _record(tmp_path, "Iran has signed the NPT. We abide by the Treaty and its safeguards.\n\n"
                               "The Committee met in Geneva. The Treaty of Tlatelolco followed; this Treaty stands.\n")
    npt = _texts(record, "Treaty on the Non-Proliferation of Nuclear Weapons")
    assert npt == [("NPT", "alias"), ("Treaty", "alias")]
    assert ("Treaty", "alias") in _texts(record, "Treaty of Tlatelolco")
    assert all(m.span.text != "Committee" for a in record.actors for m in a.mentions)

    alone = _record(tmp_path, "Iran abides by the Treaty.\n")
    assert all(m.span.text != "Treaty" for a in alone.actors if a.kb for m in a.mentions)


def test_actors_a_surname_that_is_an_everyday_word_needs_a_title_or_the_full_name_before(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text("actors:\n  - {id: theresa-may, name: Theresa May, type: person, affiliation: united-kingdom}\n",
                  encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("May the talks succeed. Prime Minister May spoke. Theresa May returned; May said no.\n",
                   encoding="utf-8")
    record = analyze(doc, kb=kb, steps=ANALYSES[:2])
    [actor] = [a for a in record.actors if a.name == "Theresa May"]
    assert [m.span.text for m in actor.mentions] == ["Prime Minister May", "Theresa May", "May"]


def test_actors_a_roman_numeral_in_capitals_is_no_mixed_case_name(tmp_path: Path) -> None:
    record = _record(tmp_path, "Part XI of the Convention was amended.\nPresident Xi spoke in Beijing.\n", "2015-09-28")
    assert [(m.span.text, a.name) for a in record.actors for m in a.mentions if "Xi" in a.name or m.span.text == "XI"] == [
        ("President Xi", "Xi Jinping")]


def test_actors_titles_of_address_go_to_the_home_countrys_office_holder() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    interview = (b"Interview, 1 March 2018\nQuestion: Mr President, will you meet the American president?\n"
                 b"Vladimir Putin: We are ready to meet.\n")
    record = analyze_source(read_bytes(interview, "putin.txt"))
    addressed = next(a for a in record.actors for m in a.mentions if m.span.text == "Mr President")
    assert (addressed.name, addressed.mentions[0].form) == ("Vladimir Putin", "title")
    royal = (b"Question: Does His Majesty approve of the plan?\nAnswer: His Majesty approved it last year.\n")
    record = analyze_source(read_bytes(royal, "royal.txt", date="2022-03-03", speaks_for="Saudi Arabia"))
    assert {a.name for a in record.actors for m in a.mentions if m.span.text == "His Majesty"} == {
        "Salman bin Abdulaziz Al Saud"}
    speech = b"Mr. President, Iran stands ready. Mr. President, we thank the Assembly.\n"
    record = analyze_source(read_bytes(speech, "IRN_70_2015.txt", date="2015-09-28", speaks_for="Iran"))
    assert not any(m.span.text == "Mr. President" for a in record.actors for m in a.mentions)  # the Assembly's


def test_actors_definite_titles_go_to_the_home_office_holder_unless_a_foreign_one_speaks() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    # Two of three speakers the knowledge base knows act for the United States ("CHRISTIE" is also a Bahamian
    # prime minister's surname): the debate's "the President" is the sitting US president.
    debate = (b"Debate, 16 September 2015\nTAPPER: Will you work with the President on Iran?\n"
              b"TRUMP: The President made a terrible deal.\nTAPPER: Senator?\nRUBIO: The Vice President agrees.\n"
              b"TAPPER: Governor?\nCHRISTIE: Your Foreign Minister, Mr. Trump, would be me.\n")
    record = analyze_source(read_bytes(debate, "debate.txt"))
    titled = {m.span.text: a.name for a in record.actors for m in a.mentions if m.form == "title"}
    assert titled == {"the President": "Barack Obama", "The President": "Barack Obama", "The Vice President": "Joe Biden"}
    # a publisher's address says whose words these are; at the Kremlin "the Prime Minister" may be a visitor's
    page = (b"<html><head><link rel='canonical' href='http://en.kremlin.ru/events/president/news/1'></head><body>"
            b"<p><b>Question:</b> Will the President meet the Prime Minister of Japan?</p>"
            b"<p><b>Vladimir Putin:</b> The President will, and so will the Prime Minister.</p></body></html>")
    record = analyze_source(read_bytes(page, "kremlin.html", format="html", date="2016-09-05"))
    assert record.document.speaks_for == "Russia"
    assert {m.span.text: a.name for a in record.actors for m in a.mentions if m.form == "title"} == {
        "the President": "Vladimir Putin", "The President": "Vladimir Putin", "Prime Minister of Japan": "Shinzo Abe",
        "the Prime Minister": "Shinzo Abe"}  # the holder the question named


def test_actors_a_title_goes_to_the_holder_named_before_it_or_of_the_country_named_before_it() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    briefing = ("Press briefing, June 7, 2023\nQ    Firstly, on the Sunak visit. The Prime Minister has echoed the "
                "President. Is Russia's war on the agenda?\nMS. JEAN-PIERRE:  The Prime Minister and the President will "
                "discuss it. We sent firefighters to Canada. I have no call between the Prime Minister and the President."
                "\nQ    And Modi?\nMS. JEAN-PIERRE:  Russia is at war. The Prime Minister will visit. Prime Minister "
                "Trudeau thanked us.\n")
    record = analyze_source(read_bytes(briefing.encode(), "briefing.txt"))
    prime = [(m.span.start, a.name) for a in record.actors for m in a.mentions if m.span.text == "The Prime Minister"
             or m.span.text == "the Prime Minister"]
    # Sunak named before (twice: the question's, then the answer's); Canada's, named just before; Modi, named in the
    # question before, nearer than any prime minister of Russia, whose holder the briefing never names
    assert [name for _, name in sorted(prime)] == ["Rishi Sunak", "Rishi Sunak", "Justin Trudeau", "Narendra Modi"]
    call = (b"Background call, November 18, 2021\nSENIOR ADMINISTRATION OFFICIAL:  Secretary of State Blinken met "
            b"his counterparts. The Secretary made his first trip to Canada. The Secretary for Health spoke.\n"
            b"Q    Thanks.\n")
    record = analyze_source(read_bytes(call, "call.txt"))
    assert [(m.span.text, a.name) for a in record.actors for m in a.mentions if m.span.text.startswith("The Secretary")
            ] == [("The Secretary", "Antony Blinken")]
    undated = analyze_source(read_bytes(b"Q    On the Sunak visit. The Prime Minister spoke.\nA:  Yes.\n", "q.txt"))
    assert not any(m.span.text == "The Prime Minister" for a in undated.actors for m in a.mentions)


def test_actors_a_first_name_or_surname_alone_is_the_one_person_named_in_full_before() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Q    Jake Sullivan came out in support of the bill. Is that the legislation that Jake\ntalked about "
            b"a couple of months ago?\nMS. JEAN-PIERRE:  It is the Brady bill. The Biden-Harris plan stands.\n")
    record = analyze_source(read_bytes(text, "briefing.txt", date="2023-06-07"))
    sullivan = next(a for a in record.actors if a.name == "Jake Sullivan")
    assert [m.span.text for m in sullivan.mentions] == ["Jake Sullivan", "Jake"]
    # two people of that first name named before: the word alone is neither
    two = analyze_source(read_bytes(b"Jake Sullivan and Jake Tapper met. Later Jake\ntalked to us.\n", "two.txt"))
    assert not any(m.span.text == "Jake" for a in two.actors if a.name in ("Jake Sullivan", "Jake Tapper")
                   for m in a.mentions)


def test_actors_a_first_name_the_tagger_calls_an_organization_is_the_person_named_in_full_before() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"We are thinking of the family in the wake of the plea from Siamak Namazi. We will keep working until "
            b"this unacceptable detention ends and Siamak is reunited with his family.\n")
    assert [(e.text, e.label_) for e in english()(text.decode()).ents][-1] == ("Siamak", "ORG")
    record = analyze_source(read_bytes(text, "statement.txt"))
    assert [(a.name, a.type, [m.span.text for m in a.mentions]) for a in record.actors] == [
        ("Siamak Namazi", "person", ["Siamak Namazi", "Siamak"])]


def test_actors_the_former_holder_of_a_home_office_is_the_one_who_left_it_last() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = b"Q    Did the former President call President Macron?\nMS. PSAKI:  The former President did not.\n"
    record = analyze_source(read_bytes(text, "briefing.txt", date="2021-11-30", speaks_for="United States"))
    titled = [(m.span.text, a.name) for a in record.actors for m in a.mentions if "former" in m.span.text]
    assert sorted(titled) == [("The former President", "Donald Trump"), ("the former President", "Donald Trump")]
    later = analyze_source(read_bytes(text, "briefing.txt", date="2017-06-01", speaks_for="United States"))
    assert {a.name for a in later.actors for m in a.mentions if m.span.text == "The former President"} == {"Barack Obama"}
    # a former holder named just before is the one meant
    named = b"Q    Former President Bush criticized the withdrawal.\nMS. PSAKI:  We respect the right of the former President.\n"
    record = analyze_source(read_bytes(named, "briefing.txt", date="2021-07-15", speaks_for="United States"))
    assert {a.name for a in record.actors for m in a.mentions if m.span.text == "the former President"} == {
        "George W. Bush"}


def test_actors_cabinet_members_by_title_and_surname_on_the_date() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Q    Did the Defense Secretary speak?\nMS. PSAKI:  Ambassador Tai and the National Security Advisor did. "
            b"Austin is a city in Texas.\n")
    record = analyze_source(read_bytes(text, "briefing.txt", date="2021-11-30", speaks_for="United States"))
    named = {m.span.text: a.name for a in record.actors for m in a.mentions}
    assert {k: named.get(k) for k in ("the Defense Secretary", "Ambassador Tai", "the National Security Advisor")} == {
        "the Defense Secretary": "Lloyd Austin", "Ambassador Tai": "Katherine Tai",
        "the National Security Advisor": "Jake Sullivan"}
    assert named.get("Austin") != "Lloyd Austin"  # a surname that is also a place needs a title or the full name
    earlier = analyze_source(read_bytes(text, "briefing.txt", date="2018-06-01", speaks_for="United States"))
    assert {a.name for a in earlier.actors for m in a.mentions if m.span.text == "the Defense Secretary"} == {
        "Jim Mattis"}


def test_actors_the_speaker_is_the_speaker_of_the_house_on_the_date() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = b"Q    Has the Speaker agreed?\nMS. PSAKI:  The Speaker of the House and Speaker Pelosi spoke.\n"
    held = {}
    for date in ("2022-03-01", "2023-02-01", "2024-05-01", "2023-01-05"):
        record = analyze_source(read_bytes(text, "briefing.txt", date=date, speaks_for="United States"))
        held[date] = {m.span.text: a.name for a in record.actors for m in a.mentions}
    assert [held[d].get("the Speaker") for d in sorted(held)] == ["Nancy Pelosi", None, "Kevin McCarthy", "Mike Johnson"]
    assert held["2024-05-01"]["The Speaker of the House"] == "Mike Johnson"
    assert held["2024-05-01"]["Pelosi"] == "Nancy Pelosi"  # by name, whatever the date
    british = analyze_source(read_bytes(b"MR SMITH: Mr Speaker, the Speaker has ruled.\n", "hansard.txt",
                                        date="2022-03-01", speaks_for="United Kingdom"))
    assert not any(m.span.text.endswith("Speaker") for a in british.actors for m in a.mentions)


def test_actors_no_preposition_that_opens_a_sentence() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = b"MS. DALTON: Aboard Air Force One, the President met Tony Evers. Behind Biden stood Harris.\n"
    record = analyze_source(read_bytes(text, "gaggle.txt", date="2023-08-15", speaks_for="United States"))
    names = {m.span.text: a.name for a in record.actors for m in a.mentions}
    assert names.get("Air Force One") == "Air Force One" and names.get("Biden") == "Joe Biden"
    assert not any(text.startswith(("Aboard", "Behind")) for text in names)


def test_actors_a_home_name_broken_across_lines_is_the_institution() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Q    Has the State\nDepartment spoken?\nMS. PSAKI:  The State Department and the Justice\n"
            b"Department both have.\n")
    record = analyze_source(read_bytes(text, "briefing.txt", date="2021-11-30", speaks_for="United States"))
    named = {" ".join(m.span.text.split()): a.name for a in record.actors for m in a.mentions}
    assert named == {"the State Department": "United States Department of State",
                     "The State Department": "United States Department of State",
                     "Justice Department": "United States Department of Justice"}

def test_actors_institutions_go_by_their_home_names_only_at_home(tmp_path: Path) -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Q    Will Congress act? The Senate votes today.\nMS. PSAKI:  The President asked Congress and the "
            b"Republicans to act. Treasury has sanctioned them; the Treasury Secretary spoke. DOJ is looking into it.\n")
    at_home = analyze_source(read_bytes(text, "briefing.txt", date="2021-11-30", speaks_for="United States"))
    named = {m.span.text: a.name for a in at_home.actors for m in a.mentions}
    assert {k: named.get(k) for k in ("Congress", "The Senate", "the Republicans", "Treasury", "DOJ")} == {
        "Congress": "United States Congress", "The Senate": "United States Senate",
        "the Republicans": "Republican Party", "Treasury": "United States Department of the Treasury",
        "DOJ": "United States Department of Justice"}
    assert named.get("the Treasury Secretary") == "Janet Yellen"  # a title, not Treasury
    kremlin = b"Q    Will the Government of Kazakhstan agree?\nPUTIN:  The Government will decide.\n"
    record = analyze_source(read_bytes(kremlin, "kremlin.txt", date="2019-05-15", speaks_for="Russia"))
    assert [m.span.text for a in record.actors if a.name == "Government of Russia" for m in a.mentions] == [
        "The Government"]  # not "the Government of Kazakhstan"
    abroad = analyze_source(read_bytes(text, "briefing.txt", date="2021-11-30", speaks_for="France"))
    assert not {a.name for a in abroad.actors} & {"United States Congress", "United States Senate", "Republican Party"}
    # a user's knowledge base gives its own institutions home names
    kb = tmp_path / "kb.yaml"
    kb.write_text("actors:\n- {id: bundestag, name: Bundestag, type: organization, affiliation: germany, "
                  "home_names: [Parliament]}\n", encoding="utf-8")
    speech = "Q    Will Parliament agree?\nSCHOLZ:  Parliament will agree.\n"
    path = tmp_path / "presser.txt"
    path.write_text(speech, encoding="utf-8")
    record = analyze(path, kb=kb, date="2023-01-10", speaks_for="Germany")
    assert [m.span.text for a in record.actors if a.name == "Bundestag" for m in a.mentions] == ["Parliament"] * 2


def test_actors_an_office_label_is_the_holder_the_heading_names() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    interview = (b"Mohammed bin Salman on reform: full transcript\n\nQuestion: Does His Majesty approve of the reform?"
                 b"\n\nTHE CROWN PRINCE: His Majesty the King approved it last year.\n\n"
                 b"Question: And will it last?\n\nTHE CROWN PRINCE: It will.\n")
    record = analyze_source(read_bytes(interview, "interview_2022-03.txt"))
    actors = {a.id: a.name for a in record.actors}
    assert {s.label: actors.get(s.actor or "") for s in record.speakers} == {
        "Question": None, "THE CROWN PRINCE": "Mohammed bin Salman"}
    assert {a.name for a in record.actors for m in a.mentions if m.span.text == "His Majesty"} == {
        "Salman bin Abdulaziz Al Saud"}


def test_actors_a_law_named_after_a_person_is_not_that_person_and_names_merge() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"The Caesar Syria Civilian Protection Act punishes the people. Julius Caesar crossed the Rubicon. "
            b"John F Kennedy was president. John F. Kennedy spoke. Secretary of State Tillerson arrived. "
            b"Tillerson left. Karine Jean-Pierre briefed. Thanks, Karine.")
    record = analyze_source(read_bytes(text, "laws.txt", date="2017-06-01"))
    mentions = {a.name: [m.span.text for m in a.mentions] for a in record.actors}
    assert mentions["Julius Caesar"] == ["Julius Caesar"]  # not the Act's "Caesar"
    assert mentions["John F. Kennedy"] == ["John F Kennedy", "John F. Kennedy"]
    assert mentions["Tillerson"] == ["Tillerson", "Tillerson"]  # "State" is the end of his title
    assert mentions["Karine Jean-Pierre"] == ["Karine Jean-Pierre", "Karine"]
    # a party to a court case is the case; "Saharan" is of the Sahara; "’s" opens no name
    cases = analyze_source(read_bytes("The Court overturned Roe v. Wade in Dobbs v. Jackson. Sub-Saharan Africa "
                                      "needs the President’s Bipartisan Infrastructure Law.".encode(), "cases.txt",
                                      date="2022-07-01"))
    names = {a.name for a in cases.actors}
    assert not names & {"Abdoulaye Wade", "Dobbs", "Western Sahara"}
    assert not any(n.startswith("’s") for n in names)
    # a law, declaration or programme is no actor, even one NER takes for a person or a place
    laws = analyze_source(read_bytes(b"Pass the George Floyd Justice in Policing Act and the John Lewis Voting Rights "
                                     b"Advancement Act. We signed the Los Angeles Declaration. The Hazard Mitigation "
                                     b"Grant Program pays.", "laws2.txt", date="2022-07-01"))
    kinds = {a.name: a.type for a in laws.actors}
    assert not {k for k, v in kinds.items() if v != "other"}, kinds
    assert kinds.get("John Lewis Voting Rights Advancement Act") == kinds.get("Los Angeles Declaration") == "other"


def test_actors_a_surname_after_a_particle_is_the_person_named_in_full() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"MR. KIRBY: On Saturday the United States conducted a counterterrorism operation that killed Ayman "
            b"al-Zawahiri. For years al-Zawahiri led the group. Zawahiri was hiding in a safe house, and Zawahiri "
            b"never left it.\n")
    labels = [(e.text, e.label_) for e in english()(text.decode()).ents if "Zawahiri" in e.text]
    assert labels == [("Ayman al-Zawahiri", "PERSON"), ("al-Zawahiri", "PERSON"), ("Zawahiri", "ORG"),
                      ("Zawahiri", "ORG")]
    record = analyze_source(read_bytes(text, "briefing.txt", date="2022-08-02"))
    assert [(a.name, a.type, len(a.mentions)) for a in record.actors if "Zawahiri" in a.name] == [
        ("Ayman al-Zawahiri", "person", 4)]

def test_actors_a_first_name_a_speaker_calls_on_is_a_person_whatever_the_taggers_label() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Q Is the President going?\n\nMS. JEAN-PIERRE: He is. Go ahead, Francesca.\n\n"
            b"Q On the budget, will it pass?\n\nMS. JEAN-PIERRE: As Francesca said, it will. Go ahead, Bloomberg.\n")
    labels = [(e.text, e.label_) for e in english()(text.decode()).ents]
    assert labels == [("Francesca", "ORG"), ("Francesca", "ORG"), ("Bloomberg", "GPE")]
    record = analyze_source(read_bytes(text, "briefing.txt", date="2023-03-10"))
    # called on once, the name is a person wherever it stands
    assert [(a.name, a.type, len(a.mentions)) for a in record.actors if a.name == "Francesca"] == [
        ("Francesca", "person", 2)]
    assert next(a for a in record.actors if a.name == "Bloomberg").type != "person"  # an outlet: no given name


def test_actors_called_is_a_name_set_off_to_call_on_someone_not_a_list_end() -> None:
    from onrecord.analyses.addressees import called

    nlp = english()
    for sentence, word, expected in [
        ("Go ahead, Francesca.", "Francesca", True),
        ("Yes, Mary?", "Mary", True),
        ("Q Jake, on the budget, will it pass?", "Jake", True),
        ("He met officials in New York, Boston, Dallas.", "Dallas", False),
        ("Dallas, for its part, voted.", "Dallas", False),
    ]:
        doc = nlp(sentence)
        assert called(doc, next(t.i for t in doc if t.text == word)) is expected, sentence


def test_actors_a_speaker_the_knowledge_base_lacks_is_the_person_the_heading_names() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b'---\ntitle: "Press Briefing by Press Secretary Karine Jean-Pierre"\ndate: 2022-08-02\n---\n\n'
            b"MS. JEAN-PIERRE:  Good afternoon, everyone.\n\nQ  Thank you, Karine. Is the President traveling?\n\n"
            b"MS. JEAN-PIERRE:  He is not. As Karine Jean-Pierre told you last week, he stays here.\n")
    record = analyze_source(read_bytes(text, "briefing.md"))
    speaker = record.speakers[0]
    assert (speaker.label, speaker.name) == ("MS. JEAN-PIERRE", "Karine Jean-Pierre")
    actor = next(a for a in record.actors if a.id == speaker.actor)
    # her first name, called by a reporter before her full name is said, is her too
    assert (actor.name, actor.type, [m.span.text for m in actor.mentions]) == (
        "Karine Jean-Pierre", "person", ["Karine", "Karine Jean-Pierre"])


def test_actors_speakers_named_by_their_labels_and_a_name_the_tagger_labels_two_ways_is_one_actor() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = (b"Vladimir Putin: Good afternoon. Ms Golikova and I have discussed this matter.\n\n"
            b"Sergei Sobyanin: We have 500 cases. Ms Popova is helping us with her labs as well. Most patients are "
            b"in Kommunarka.\n\nAnna Popova: We have confirmed 290 cases.\n\nVladimir Putin: Are all of them in "
            b"Kommunarka?\n\nSergei Sobyanin: Yes, the hospital in Kommunarka has the biggest experience. Kommunarka "
            b"has 500 beds.\n\nAnna Popova: Yes.\n")
    labels = [e.label_ for e in english()(text.decode()).ents if e.text == "Kommunarka"]
    assert labels == ["GPE", "GPE", "GPE", "PERSON"]
    record = analyze_source(read_bytes(text, "kremlin.txt", date="2020-03-24", speaks_for="Russia"))
    assert [(a.name, a.type, len(a.mentions)) for a in record.actors if a.name == "Kommunarka"] == [
        ("Kommunarka", "place", 4)]
    names = {a.id: (a.name, a.type) for a in record.actors}
    assert [names.get(s.actor or "") for s in record.speakers] == [
        ("Vladimir Putin", "person"), ("Sergei Sobyanin", "person"), ("Anna Popova", "person")]


def test_actors_a_speaker_label_is_a_name_only_when_it_names_a_person() -> None:
    from onrecord.analyses.actors import _speaker_name
    from onrecord.record import Speaker

    def named(label: str, name: str | None = None) -> str | None:
        return _speaker_name(Speaker("s1", label, "speaker", None, name))

    assert named("Sergei Sobyanin") == "Sergei Sobyanin"
    assert named("ANNA POPOVA") == "Anna Popova"
    assert named("MS. JEAN-PIERRE", "Karine Jean-Pierre") == "Karine Jean-Pierre"
    for label in ("Senior Administration Official", "MR. KIRBY", "Moscow Mayor Sergei Sobyanin", "Moderator"):
        assert named(label) is None, label


def test_actors_an_unknown_name_joins_the_kind_most_of_its_mentions_have_and_stays_apart_on_a_tie() -> None:
    from onrecord.analyses.actors import _one_kind_per_name

    mentions: dict[str, list[Any]] = {"?place:Kommunarka": [1, 2, 3], "?person:Kommunarka": [4],
                                      "?organization:Novavax": [5], "?person:Novavax": [6], "iran": [7]}
    assert _one_kind_per_name(mentions) == {
        "?place:Kommunarka": "?place:Kommunarka", "?person:Kommunarka": "?place:Kommunarka",
        "?organization:Novavax": "?organization:Novavax", "?person:Novavax": "?person:Novavax", "iran": "iran"}


def test_actors_a_title_of_address_without_exchanges_is_the_holder_only_when_the_holder_speaks() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    call = (b"Vladimir Putin: Good afternoon. I congratulate you.\n\nPavel Vinogradov: On behalf of the whole crew, "
            b"thank you, Mr President.\n\nVladimir Putin: Thank you.\n")
    record = analyze_source(read_bytes(call, "call.txt", date="2013-04-12", speaks_for="Russia"))
    assert [m.span.text for a in record.actors if a.name == "Vladimir Putin" for m in a.mentions] == ["Mr President"]
    speech = b"Hassan Rouhani: Mr. President, ladies and gentlemen, I congratulate you on your election.\n"
    record = analyze_source(read_bytes(speech, "speech.txt", date="2013-09-24", speaks_for="Iran"))
    assert not any(m.span.text == "Mr. President" for a in record.actors for m in a.mentions)  # the assembly's


def test_actors_a_title_far_after_its_holder_is_named_is_them_only_when_no_other_holder_was_named() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    turns = [b"MODERATOR:  Our speaker will take questions.", b"SENIOR ADMINISTRATION OFFICIAL:  The measures "
             b"that the President asked Secretary Yellen to design hold Russia accountable."]
    for n in range(4):
        turns += [b"Q    What about the banks, question %d?" % n, b"SENIOR ADMINISTRATION OFFICIAL:  They are covered."]
    turns += [b"Q    And the allies?", b"SENIOR ADMINISTRATION OFFICIAL:  The Secretary and I have spoken to them."]
    text = b"\n".join(turns) + b"\n"
    record = analyze_source(read_bytes(text, "call.txt", date="2022-02-28", speaks_for="United States"))
    yellen = [m.span.text for a in record.actors if a.name == "Janet Yellen" for m in a.mentions]
    assert yellen == ["Secretary Yellen", "The Secretary"]
    two = text.replace(b"asked Secretary Yellen", b"asked Secretary Yellen and Secretary Blinken")
    record = analyze_source(read_bytes(two, "call.txt", date="2022-02-28", speaks_for="United States"))
    assert not any(m.span.text == "The Secretary" for a in record.actors for m in a.mentions)
    # an office of that name in between ("the NATO Secretary General") leaves it open too
    office = text.replace(b"What about the banks, question 2?", b"Will the NATO Secretary General come?")
    record = analyze_source(read_bytes(office, "call.txt", date="2022-02-28", speaks_for="United States"))
    assert "Secretary General of NATO" in {a.name for a in record.actors}
    assert not any(m.span.text == "The Secretary" for a in record.actors for m in a.mentions)
