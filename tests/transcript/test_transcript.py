from __future__ import annotations

from onrecord.readers import read_bytes
from onrecord.transcript import UNNAMED_SPEAKER, Transcript, transcribe


def _transcribe(text: str, **metadata: str) -> Transcript:
    return transcribe(read_bytes(text.encode("utf-8"), "test.txt", **metadata))


def _shape(t: Transcript) -> list[tuple[str | None, str, str]]:
    labels = {s.id: s.label for s in t.speakers}
    return [(labels.get(turn.speaker or ""), turn.kind, turn.span.text) for turn in t.turns]


def test_transcript_questions_answers_continuations_and_notes() -> None:
    t = _transcribe(
        "Question: Why now?\nJane Roe: Because.\nIt was time.\n(APPLAUSE)\nQuestion: And then?\n"
        "Jane Roe: We wait. [CROSSTALK] Then we act.\n(The views expressed in this interview are her own.)\nComment"
    )
    assert _shape(t) == [
        ("Question", "question", "Why now?"),
        ("Jane Roe", "answer", "Because.\nIt was time."),
        (None, "note", "(APPLAUSE)"),
        ("Question", "question", "And then?"),
        ("Jane Roe", "answer", "We wait."),
        (None, "note", "[CROSSTALK]"),
        ("Jane Roe", "answer", "Then we act."),
        (None, "note", "(The views expressed in this interview are her own.)"),
        (None, "note", "Comment"),
    ]
    assert [(s.label, s.role) for s in t.speakers] == [("Question", "interviewer"), ("Jane Roe", "interviewee")]
    assert [(x.question, x.answers) for x in t.exchanges] == [("t1", ("t2",)), ("t4", ("t5", "t7"))]


def test_transcript_roles_from_who_asks_in_a_debate() -> None:
    t = _transcribe(
        "LEHRER: Good evening. Senator, what is your plan?\nOBAMA: Jobs.\nLEHRER: Governor, yours?\n"
        "ROMNEY: Growth. Why not?\nOBAMA: Because it failed.\nLEHRER: Next, what about taxes?\nROMNEY: Lower."
    )
    assert [(s.label, s.role) for s in t.speakers] == [
        ("LEHRER", "moderator"), ("OBAMA", "speaker"), ("ROMNEY", "speaker")
    ]
    assert [turn.kind for turn in t.turns] == ["question", "answer", "question", "answer", "answer", "question",
                                               "answer"]
    assert len(t.exchanges) == 3


def test_transcript_speech_without_labels_is_one_statement_speaker() -> None:
    t = _transcribe("Mr. President, I congratulate you.\n\nWe face a crisis. (Applause)\nThank you.",
                    speaker="Hassan Rouhani")
    assert _shape(t) == [
        ("Hassan Rouhani", "statement", "Mr. President, I congratulate you.\n\nWe face a crisis."),
        (None, "note", "(Applause)"),
        ("Hassan Rouhani", "statement", "Thank you."),
    ]
    assert [(s.label, s.role) for s in t.speakers] == [("Hassan Rouhani", "speaker")]
    assert _transcribe("Just words.").speakers[0].label == UNNAMED_SPEAKER


def test_transcript_preface_and_page_furniture_are_notes() -> None:
    t = _transcribe("An interview with Jane Roe\nPhoto: Reuters\nQ: Hello?\nA: Hi.\nShare this article\n© 2024 Daily")
    assert [(turn.kind, turn.span.text) for turn in t.turns] == [
        ("note", "An interview with Jane Roe"), ("note", "Photo: Reuters"), ("question", "Hello?"),
        ("answer", "Hi."), ("note", "Share this article"), ("note", "© 2024 Daily"),
    ]


def test_transcript_weak_labels_need_to_recur() -> None:
    once = _transcribe("Background: the talks failed.\nThey resumed later.")
    assert [turn.kind for turn in once.turns] == ["statement"]
    twice = _transcribe("Chris Wallace: Why?\nJoe Biden: Because.\nChris Wallace: Really?\nJoe Biden: Yes.")
    assert [s.label for s in twice.speakers] == ["Chris Wallace", "Joe Biden"]


def test_transcript_a_lone_label_deep_in_a_speech_is_running_text() -> None:
    speech = "".join(f"Line {n} of the speech goes on about the region and the world.\n" for n in range(30))
    t = _transcribe(speech + "MERCOSUR. The Caribbean Community has\nexpressed its support.\n")
    assert [(label, kind) for label, kind, _ in _shape(t)] == [(UNNAMED_SPEAKER, "statement")]
    # Labels that each appear once still open turns near the top (a short exchange), or when one recurs.
    short = _transcribe("Interview, 2 May 2020\nQ: Will you run?\nSMITH: Yes.\n")
    assert [(label, kind) for label, kind, _ in _shape(short)] == [(None, "note"), ("Q", "question"), ("SMITH", "answer")]
    late = _transcribe(speech + "SMITH: One.\nJONES: Two.\nSMITH: Three.\n")
    assert [label for label, _, _ in _shape(late)] == [None, "SMITH", "JONES", "SMITH"]


def test_transcript_an_acronym_ending_a_sentence_begun_on_the_line_before_is_running_text() -> None:
    speech = "".join(f"Line {n} of the speech goes on about the region and the world.\n" for n in range(30))
    wrapped = ("We recall the special needs of\nSIDS. They are many.\nThe vulnerabilities of\nSIDS. They grow.\n"
               "Our support for the\nSIDS. It holds.\n")
    t = _transcribe(speech + wrapped)
    assert [(label, kind) for label, kind, _ in _shape(t)] == [(UNNAMED_SPEAKER, "statement")]
    # After a line that ends its sentence, the same labels still open turns.
    t = _transcribe("Opening of the hearing.\nSMITH. Why?\nJONES. Because.\nSMITH. Really?\n")
    assert [label for label, _, _ in _shape(t)] == [None, "SMITH", "JONES", "SMITH"]


def test_transcript_a_name_before_a_quotation_or_a_reference_opens_no_turn() -> None:
    t = _transcribe("We recall the words of a great man.\nSir Isaac Newton: \u201cWe build too many walls.\u201d\n"
                    "We heed them.\nAs another said,\nPresident Kennedy: we do not do these things because they"
                    " are easy.\nThe Koran (Surah\nXVI:125). Calls us to wisdom.\n")
    assert [(label, kind) for label, kind, _ in _shape(t)] == [(UNNAMED_SPEAKER, "statement")]
    # Said more than once, or opening its own sentence, a name still opens a turn.
    t = _transcribe("Q: Will you run?\nSMITH: yes.\nQ: When?\nSMITH: soon.\n")
    assert [label for label, _, _ in _shape(t)] == ["Q", "SMITH", "Q", "SMITH"]


def test_transcript_a_speech_set_in_capitals_has_no_labels_ending_in_a_period() -> None:
    t = _transcribe("MR PRESIDENT, I CONGRATULATE YOU.\nMAINTAIN. PEACE IS OUR GOAL.\nPOVERTY. IT MUST END.\n"
                    "POVERTY. IT MUST END NOW.\n")
    assert [(label, kind) for label, kind, _ in _shape(t)] == [(UNNAMED_SPEAKER, "statement")]
    # In capitals, a label with a colon still opens a turn.
    t = _transcribe("LEHRER: WHAT IS YOUR PLAN?\nOBAMA: JOBS.\nLEHRER: AND YOURS?\nROMNEY: GROWTH.\n")
    assert [label for label, _, _ in _shape(t)] == ["LEHRER", "OBAMA", "LEHRER", "ROMNEY"]


def test_transcript_acronyms_in_brackets_stay_speech() -> None:
    t = _transcribe("Q: Is NATO (North Atlantic Treaty Organization) involved?\nA: The UN (UN) is. (NATO) too.")
    assert [turn.kind for turn in t.turns] == ["question", "answer"]


def test_transcript_reference_interview(reference_text: str) -> None:
    t = _transcribe(reference_text)
    assert len(t.exchanges) == 9
    labels = {s.id: s.label for s in t.speakers}
    for exchange in t.exchanges:
        assert len(exchange.answers) == 1
        answer = next(turn for turn in t.turns if turn.id == exchange.answers[0])
        assert labels[answer.speaker or ""] == "A. A. Ahmadian"
    notes = [turn.span.text for turn in t.turns if turn.kind == "note"]
    assert notes == [
        "(The views expressed in this interview are interviewee’s own and do not necessarily reflect those of "
        "Khamenei.ir.)",
        "Comment",
    ]
    answered = {a for x in t.exchanges for a in x.answers}
    assert not any(turn.id in answered for turn in t.turns if turn.kind == "note")
