"""Stance: the sentiment goes to the actor the clause is about, with the sentences that carry it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from onrecord.analyses.stance import lexicon, score_mention
from onrecord.analyses.wrongs import wronged
from onrecord.nlp import english
from onrecord.pipeline import analyze
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
    for name in ("Hezbollah", "Hamas", "Palestinian Islamic Jihad", "Ansarullah", "Ali Khamenei"):
        assert scores[ids[name]].score > 0.1, name
    assert scores[ids["Soviet Union"]].score < -0.1  # the giver its passive leaves out ("were not even given")
    for stance in scores.values():
        assert stance.evidence and all(e.text == reference_record.document.text[e.start : e.end] for e in stance.evidence)
    assert scores[ids["Iran"]].own  # his "we" and "our": self-presentation, never hostility to his own country
    assert not any(ids[name] in scores for name in ("Doha", "God", "Moses") if name in ids)


def test_stance_object_of_fight_is_opposed_and_negation_flips() -> None:
    assert _score("We fight DAESH everywhere.", "DAESH") == -0.9
    assert _score("No one can eliminate Hamas.", "Hamas") == 0.85
    assert _score("We strengthened Hezbollah.", "Hezbollah") == 0.86


def test_stance_a_partner_the_speaker_works_or_stands_with_is_favoured() -> None:
    assert _score("We're continuing to work closely with them and the EU on the sanctions.", "EU") > 0.3
    assert _score("We stand with Ukraine.", "Ukraine") > 0.5
    assert _score("Russia is working with Iran on drones.", "Iran") <= 0  # someone else's partner
    assert _score("We work on Iran's program.", "Iran") <= 0  # not "with"
    assert _score("We will not work with the Taliban.", "Taliban") < 0


def test_stance_a_denied_noun_of_support_or_cooperation_flips() -> None:
    sentence = "Unfortunately, we still do not have proper cooperation between the Sports Ministry and the Agency."
    assert _score(sentence, "Sports Ministry") < 0
    assert _score("There is no support for Hamas here.", "Hamas") < 0
    assert _score("We have cooperation with Japan.", "Japan") > 0.5


def test_stance_nor_negates_the_clause_it_joins() -> None:
    # "nor can they erase Ansarullah": the speaker says Ansarullah endures
    assert _score("No one can eliminate Hamas, nor can they erase Ansarullah.", "Ansarullah") > 0


def test_stance_support_by_others_is_not_the_speakers() -> None:
    assert _score("We support Lebanon.", "Lebanon") > 0.5
    assert _score("We hold countries supporting Israel responsible for these crimes.", "Israel") < 0



def test_stance_an_alliance_or_partnership_with_an_actor_is_favour_unless_it_is_others() -> None:
    assert _score("We will deepen our alliance with Japan.", "Japan") > 0.5
    assert _score("We value our partnership with India.", "India") > 0.5
    assert _score("He talked about advancing cooperation between Japan and South Korea.", "Japan") > 0.5
    assert _score("Russia’s alliance with Iran worries us.", "Iran") <= 0  # others' alliance, not the speaker's


def test_stance_sanctions_and_restrictions_on_an_actor_are_hostility() -> None:
    assert _score("Today we sanction the Central Bank of Russia.", "Central Bank") < -0.5
    assert _score("We are imposing sanctions on Belarus.", "Belarus") < -0.5
    assert _score("This action will also limit RDIF’s ability to leverage corrupt ties.", "RDIF") < -0.3
    assert _score("The allies will not isolate Ukraine.", "Ukraine") > 0  # negated

def _wronged(sentence: str, name: str) -> bool:
    doc = english()(sentence)
    start = sentence.index(name)
    return wronged(doc.char_span(start, start + len(name)), lexicon())


def test_stance_whoever_does_a_wrong_is_treated_with_hostility() -> None:
    assert _score("It means to support Russia's aggression against Ukraine.", "Russia") < -0.5  # not "support"
    assert _score("Our collective response to undemocratic moves by China and continued efforts.", "China") < -0.5
    assert _score("If Russia further invades Ukraine, we will act.", "Russia") < -0.5
    assert _score("Iran did not attack the ship.", "Iran") >= 0  # a wrong denied
    # a name before a war says where or between whom, not who wronged whom
    assert _score("The last Hamas-Israel war went on for almost two months.", "Israel") > -0.5


def test_stance_none_toward_whom_someone_else_wrongs() -> None:
    assert _wronged("It means to support Russia's aggression against Ukraine.", "Ukraine")
    assert _wronged("If Russia further invades Ukraine, we will act.", "Ukraine")
    assert _wronged("They condemned the aggression against Ukraine.", "Ukraine")
    assert not _wronged("We will continue the war against ISIS.", "ISIS")  # the speaker's side's own war
    assert not _wronged("Our attacks on Daesh will go on.", "Daesh")
    assert not _wronged("Our collective response to undemocratic moves by China and continued efforts.", "China")  # the doer


def test_stance_of_a_briefing_on_an_invasion(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text("MS. LANE: We will keep supporting Ukraine. Russia's war against Ukraine is brutal, and Russian "
                    "aggression against Ukraine will fail. We will tell China what it means to support Russia's war "
                    "against Ukraine.\n", encoding="utf-8")
    record = analyze(path)
    scores = {a.name: s.score for a in record.actors for s in record.stances if s.actor == a.id}
    assert scores["Ukraine"] > 0.1 and scores["Russia"] < -0.1


def test_stance_aid_to_an_actor_and_its_own_things_is_favour() -> None:
    assert _score("We will provide Ukraine with air defense interceptors.", "Ukraine") > 0.5
    assert _score("The package will augment Ukraine's air defenses.", "Ukraine") > 0.5
    # what is overcome is opposed: "despite the ruling party"
    assert _score("Syria, despite the ruling Baath Party in Iraq, still provided us with support.", "Baath Party") < 0


def test_stance_syria_2020_is_hostile_to_israel() -> None:
    paths = sorted(SHARED.glob("ungdc/*/SYR_75_2020.txt"))
    if not paths:
        pytest.skip("../shared/data is not beside the checkout")
    record = analyze(paths[0])
    israel = next(a.id for a in record.actors if a.name == "Israel")
    [stance] = [s for s in record.stances if s.actor == israel]
    assert stance.score < -0.1
    assert stance.classes.count("negative") > stance.classes.count("positive")


def test_stance_never_toward_the_reporter_a_moderator_calls_on(tmp_path: Path) -> None:
    path = tmp_path / "gaggle.txt"
    path.write_text("MODERATOR: Thank you. For our final question, we'll do Jane Marlowe from Harbour News, sadly late.\n"
                    "Q: Will the United States condemn the attack?\n"
                    "MR. KIRBY: We condemn the attack, and we thank Jane Marlowe for the terrible question.\n",
                    encoding="utf-8")
    record = analyze(path)
    reporter = next(a.id for a in record.actors if a.name == "Jane Marlowe")
    assert [s for s in record.stances if s.actor == reporter] == []


def test_stance_never_toward_the_speaker_a_long_label_names(tmp_path: Path) -> None:
    path = tmp_path / "forum.html"
    path.write_text("<html><body><p><b>BBC anchor Jane Marlowe, moderator of the session:</b> Good morning. My name "
                    "is Jane Marlowe, and I am delighted and honoured to run this wonderful panel.</p>"
                    "<p><b>Vladimir Putin:</b> Thank you. We value our partnership with Finland.</p>"
                    "<p><b>Jane Marlowe:</b> Thank you.</p></body></html>", encoding="utf-8")
    record = analyze(path)
    names = {a.id: a.name for a in record.actors}
    assert "Jane Marlowe" in names.values()
    assert {names[s.actor] for s in record.stances} == {"Finland"}
    path.write_text("<html><body><p><b>Chairwoman Jane Doe:</b> We value our partnership with Oman.</p>"
                    "<p><b>Vladimir Putin:</b> Thank you.</p></body></html>", encoding="utf-8")
    record = analyze(path)  # whole words: "Oman" is not in "Chairwoman"
    assert [a.name for a in record.actors if any(s.actor == a.id for s in record.stances)] == ["Oman"]


def test_stance_the_source_of_quoted_words_gets_none_from_them(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("In the words of Nelson Mandela, the cruel and violent oppressors will fall. "
                    "According to Nelson Mandela, hatred is a terrible poison.\n", encoding="utf-8")
    record = analyze(path)
    mandela = next(a.id for a in record.actors if a.name == "Nelson Mandela")
    assert [s for s in record.stances if s.actor == mandela] == []


def test_stance_goes_to_the_clause_about_the_actor() -> None:
    sentence = "Iran supports Lebanon, while Israel commits genocide."
    assert _score(sentence, "Israel") < 0 < _score(sentence, "Lebanon")


def test_stance_delegitimizing_predicates_and_others_claims() -> None:
    assert _score("DAESH was a fabricated creation of intelligence agencies.", "DAESH") == -0.9
    assert _score("By any standard, DAESH was a terrorist organization.", "DAESH") == -1.0
    assert _score("DAESH issued a statement claiming a successful operation.", "DAESH") == 0.0


INTERVIEW = """Question: Minister, what do you make of Norway's new fishing law?
Jane Roe: Thank you, Carolyn. Our country will never accept the aggression of Norway against our fishermen. \
Sweden has failed its fishermen before, I admit. In Oslo the weather was terrible. God willing, we will win.
Question: And Denmark?
Jane Roe: Denmark, I must say, has been a wonderful partner. Well, let me tell you, Carolyn Berg, the danger is Norway.
"""


def test_stance_only_toward_others_that_can_hold_a_position() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    record = analyze_source(read_bytes(INTERVIEW.encode(), "fish.txt", speaks_for="Sweden"))
    names = {a.id: a.name for a in record.actors}
    found = {names[s.actor]: (round(s.score, 2), s.own) for s in record.stances}
    assert found["Norway"][0] < -0.3 and found["Denmark"][0] > 0.3
    assert found["Sweden"] == (found["Sweden"][0], True)  # the speaker's own side: self-presentation
    for never in ("Carolyn", "Carolyn Berg", "Oslo", "God"):  # addressed, thanked, a place, scripture
        assert never not in found, never
    asking = {s.id for s in record.speakers if s.label == "Question"}
    assert asking and not any(s.holder in asking for s in record.stances)  # a question is no position


def test_stance_none_held_by_a_question() -> None:
    from onrecord.pipeline import analyze_source
    from onrecord.readers import read_bytes

    text = ("Question: Critics say Norway's terrible aggression has destroyed the fishing towns. Is Norway a threat?\n"
            "Jane Roe: We will talk with our neighbours.\n")
    record = analyze_source(read_bytes(text.encode(), "q.txt"))
    assert record.stances == [] or all(s.holder != record.speakers[0].id for s in record.stances)


def test_stance_addressed_people_are_vocatives_thanks_and_those_given_the_floor() -> None:
    from onrecord.analyses.addressees import addressed
    from onrecord.record import Span

    cases = [
        ("Well, let me tell you, Jake, the single biggest threat is a nuclear Iran.", "Jake", True),
        ("OK, Jake.", "Jake", True),
        ("(UNKNOWN): Jake, I'd like to...", "Jake", True),
        ("Thank you, Carolyn and everyone.", "Carolyn", True),
        ("Thank you, also, to Hugh Hewitt and Dana Bash.", "Dana Bash", True),
        ("Mr. President, the world is watching.", "President", True),
        ("Putin, who invaded Ukraine, is a war criminal.", "Putin", False),
        ("Obama, in my view, failed.", "Obama", False),
        ("Hillary Clinton, she lied.", "Hillary Clinton", False),
        ("Iran, Russia, and China support Assad.", "Russia", False),
        ("I met Netanyahu, and we talked.", "Netanyahu", False),
        ("Let’s go to Molly.", "Molly", True),  # given the floor
        ("And then come back to Jennifer.", "Jennifer", True),
        ("I will turn it over to Jake.", "Jake", True),
        ("We went to Putin with this proposal.", "Putin", False),
    ]
    for sentence, name, expected in cases:
        doc = english()(sentence)
        start = sentence.index(name)
        assert addressed(doc.char_span(start, start + len(name)), Span(0, len(sentence), sentence)) is expected, sentence


def test_stance_blames_the_giver_a_negated_passive_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("For forty years Cuba was allied with the Soviet Union. Yet it was never given a single factory "
                    "of its own. Cuba was aligned with Brazil and Mexico for a time. But it was not helped at all. "
                    "Later Cuba traded with Canada. It was given new loans.\n", encoding="utf-8")
    record = analyze(path)
    names = {a.id: a.name for a in record.actors}
    found = {names[s.actor]: s for s in record.stances}
    soviet = found["Soviet Union"]
    assert soviet.score < 0 and soviet.classes == ("negative",)
    [evidence] = soviet.evidence  # the sentence that names the giver and the one that leaves them out
    assert evidence.text.startswith("For forty years") and evidence.text.endswith("of its own.")
    assert evidence.text == record.document.text[evidence.start : evidence.end]
    for name in ("Brazil", "Mexico", "Canada"):  # two candidates: not guessed; given, not withheld: no blame
        assert name not in found or found[name].score >= 0, name
