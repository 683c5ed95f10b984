"""Citations: Quran, Bible, UN resolutions and treaties, parsed, with the quoted words they support."""

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


def test_citations_roman_surah_and_quote_before() -> None:
    record = _record("As God says, “the earth shall be inherited by the righteous.” (The Holy Koran, XXI:105)\n")
    [citation] = record.citations
    assert (citation.work, citation.reference, citation.span.text) == ("Quran", "21:105", "(The Holy Koran, XXI:105)")
    assert citation.quote is not None and citation.quote.text == "the earth shall be inherited by the righteous."


def test_citations_block_quote_after_a_colon() -> None:
    record = _record("According to the Qur'an:\nMankind was one nation. (Quran, II:213)\n")
    [citation] = record.citations
    assert (citation.reference, citation.quote.text if citation.quote else None) == ("2:213", "Mankind was one nation.")


def test_citations_resolutions_and_bible() -> None:
    record = _record("We recall Security Council resolutions 242 (1967) and 338 (1973), and Mark 11:23.\n")
    assert [(c.work, c.reference) for c in record.citations] == [
        ("UN Security Council resolution", "242 (1967)"), ("UN Security Council resolution", "338 (1973)"),
        ("Bible", "Mark 11:23")]


def test_citations_named_treaty_and_article() -> None:
    record = _record("Under Article 51 of the Charter we act, as the Treaty on the Non-Proliferation of Nuclear Weapons allows.\n")
    assert [(c.work, c.reference) for c in record.citations] == [
        ("Charter of the United Nations", "Article 51"), ("Treaty on the Non-Proliferation of Nuclear Weapons", "")]


@requires_shared
def test_citations_reference_two_quran_citations(reference_record: Record) -> None:
    found = [(c.work, c.reference, c.span.text, c.quote.text if c.quote else None) for c in reference_record.citations]
    assert found == [
        ("Quran", "43:54", "(Quran 43:54)", "So he belittled his people, and they obeyed him"),
        ("Quran", "2:268", "(Quran 2:268)", "Satan threatens you with poverty and commands you to immorality"),
    ]


def test_citations_surah_names_and_bible_books_normalised() -> None:
    record = _record("As Surah Al-Baqarah, verse 268 and Al-Hujurat 49:13 teach, and as Matt. 5:9 and II Kings 2:11 say.\n")
    assert [(c.work, c.reference) for c in record.citations] == [
        ("Quran", "2:268"), ("Quran", "49:13"), ("Bible", "Matthew 5:9"), ("Bible", "2 Kings 2:11")]


def test_citations_book_and_colon_without_verse_is_unparsed() -> None:
    record = _record('I quote from the Holy Koran: "We sent our messengers with clear proofs." We agree.\n')
    [citation] = record.citations
    assert (citation.work, citation.reference, citation.span.text) == ("Quran", "", "the Holy Koran")
    assert citation.quote is not None and citation.quote.text == "We sent our messengers with clear proofs."


def test_citations_book_and_colon_closed_by_a_verse_counts_once() -> None:
    record = _record("As stated in the Holy Koran:\n“My righteous servants shall inherit it.” (The Holy Koran, XXI:105)\n")
    assert [(c.work, c.reference, c.span.text) for c in record.citations] == [
        ("Quran", "21:105", "(The Holy Koran, XXI:105)")]


@requires_shared
def test_citations_iran_sample_matches_the_annotation() -> None:
    from iran_sample import citations_found, gold

    assert citations_found() == [(g["file"], g["excerpt"], g["work"], g["reference"]) for g in gold()["citations"]]


def test_citations_surah_without_verse_is_the_surah_alone() -> None:
    record = _record("He recited Surah Al-Fil to the crowd.\n")
    assert [(c.work, c.reference, c.span.text) for c in record.citations] == [("Quran", "105", "Surah Al-Fil")]


def test_citations_unmarked_paragraph_after_the_book_and_colon_is_the_quote() -> None:
    text = ("These are the words mentioned in the Holy Quran:\n Do they not look at those who came before\n"
            "them? God destroyed them.\n These Powers must know it.\n")
    [citation] = _record(text).citations
    assert citation.quote is not None
    assert citation.quote.text == "Do they not look at those who came before\nthem? God destroyed them."


def test_citations_treaty_names_and_abbreviations_made_one() -> None:
    text = ("The Charter of the United Nations and the Universal Declaration of Human Rights bind us. The NPT, the\n"
            "Nuclear Non- Proliferation Treaty, and the JCPOA stand. The Charter is clear. We recall resolution 479 (1980).\n")
    assert [(c.work, c.span.text) for c in _record(text).citations] == [
        ("Charter of the United Nations", "Charter of the United Nations"),
        ("Universal Declaration of Human Rights", "Universal Declaration of Human Rights"),
        ("Treaty on the Non-Proliferation of Nuclear Weapons", "NPT"),
        ("Treaty on the Non-Proliferation of Nuclear Weapons", "Nuclear Non- Proliferation Treaty"),
        ("Joint Comprehensive Plan of Action", "JCPOA"),
        ("Charter of the United Nations", "Charter"),
        ("UN Security Council resolution", "resolution 479 (1980)")]


def test_citations_the_charter_alone_needs_the_charter_named_before() -> None:
    assert _record("The Charter is clear on this.\n").citations == ()


@requires_shared
def test_citations_iran_sample_documents_against_the_annotation() -> None:
    from iran_sample import documents_compared

    # 30 of the 31 resolution and treaty mentions annotated by hand are found with the right work and reference.
    # "the Agency's Statute" is found but named as written, not as the Statute of the IAEA.
    hit, missed, extra = documents_compared()
    assert (len(hit), missed, extra) == (30, ["IRN_62_2007: Agency’s Statute"], [])


def test_citations_words_after_a_treaty_and_colon_are_no_quote_and_the_text_may_end_there() -> None:
    text = "We serve two purposes under the Charter of the United Nations: peace and the prosperity of all"
    assert [(c.work, c.quote) for c in _record(text).citations] == [("Charter of the United Nations", None)]


def test_citations_scripture_quoted_after_a_colon_up_to_the_end_of_the_text() -> None:
    [citation] = _record("As it is written in the Holy Quran: God is with the patient").citations
    assert citation.quote is not None and citation.quote.text == "God is with the patient"
