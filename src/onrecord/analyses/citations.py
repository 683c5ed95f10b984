"""Citations: scripture and document references, parsed, with the quoted words they support.

Quran ("(Quran 43:54)", "(The Holy Koran, XIII:11)", "Surah Al-Baqarah, verse 268"), Bible ("Mark 11:23"),
UN resolutions ("Security Council resolution 2231 (2015)", "resolution 67/19") and named treaties ("the
Treaty on the Non-Proliferation of Nuclear Weapons", "Article 51 of the Charter"). A quotation that ends
just before a reference, or starts just after it, is the text the reference supports. Scripture quoted after
the book's name and a colon ("I quote from the Holy Koran: ...") with no verse given is a citation with an
empty reference, unless a verse reference closes the quotation ("As stated in the Holy Koran: ... (XXI:105)").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from onrecord.analyses.scripture import parse_scripture
from onrecord.record import Citation, Record, Span

_RESOLUTION = re.compile(
    r"(?:\b(?P<body>Security\s+Council|General\s+Assembly)\s+)?\b[Rr]esolutions?\s+"
    r"(?P<list>(?:[A-Z]+/RES/)?(?:ES-)?\d{1,4}(?:/\d{1,4})?(?:\s*\((?:\d{4}|[IVXLC]+)\))?"
    r"(?:(?:,\s*|,?\s+and\s+)(?:[A-Z]+/RES/)?(?:ES-)?\d{1,4}(?:/\d{1,4})?(?:\s*\((?:\d{4}|[IVXLC]+)\))?)*)"
)
_ONE_RESOLUTION = re.compile(r"(?:[A-Z]+/RES/)?(?:ES-)?\d{1,4}(?:/\d{1,4})?(?:\s*\((?:\d{4}|[IVXLC]+)\))?")
_TREATY_WORD = r"(?:Treaty|Convention|Agreement|Accords?|Protocol|Charter|Covenant|Declaration|Statute|Plan\s+of\s+Action)"
_NAME_WORD = r"(?:[A-Z][\w'’-]*|of|on|the|for|and|to|in|against|an?(?=\s+[A-Z]))"
_TREATY = re.compile(
    rf"\b(?:[A-Z][\w'’-]*\s+)*{_TREATY_WORD}(?:\s+(?:of|on|for|against|to)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*)?"
)
_CHARTER = "Charter of the United Nations"
_NPT = "Treaty on the Non-Proliferation of Nuclear Weapons"
_CANONICAL = {
    "charter": _CHARTER, "united nations charter": _CHARTER, "un charter": _CHARTER, _CHARTER.lower(): _CHARTER,
    "npt": _NPT, "non-proliferation treaty": _NPT, "nuclear non-proliferation treaty": _NPT, _NPT.lower(): _NPT,
    "jcpoa": "Joint Comprehensive Plan of Action", "ctbt": "Comprehensive Nuclear-Test-Ban Treaty",
    "udhr": "Universal Declaration of Human Rights",
    "universal declaration on human rights": "Universal Declaration of Human Rights",
    "cwc": "Chemical Weapons Convention", "bwc": "Biological Weapons Convention",
}
# Two words name a treaty when the first is a place or a party ("Tehran Declaration", "Kyoto Protocol"), not a
# kind of text ("Final Declaration", "Joint Declaration").
_NOT_PLACES = {"final", "joint", "political", "new", "interim", "comprehensive", "ministerial", "universal", "general",
               "special", "international", "bilateral", "trilateral", "multilateral", "nuclear", "security", "peace",
               "framework", "global", "regional", "historic", "solemn", "basic", "draft", "present", "said", "above",
               "former", "last", "first", "second", "third", "same", "whole", "entire", "relevant", "annexed", "un", "un's"}
_ORGANIZATION = re.compile(r"\s+Organi[sz]ation\b")
_BRACKETED = re.compile(r"\s*\(\w+\)")
_ABBREVIATION = re.compile(r"\b(?:NPT|JCPOA|JCPoA|CTBT|UDHR)\b")
# "the Charter" alone, in a text that has named the Charter of the United Nations before.
_UNITED_NATIONS = re.compile(r"United\s+Nations")
_BARE_CHARTER = re.compile(r"\b[Tt]he\s+(?P<charter>Charter)\b(?!\s+of\b)")
_NAME_TAIL = re.compile(r"\s+(?:and\s+(?:the|of\s+the)\s+|against\s+the\s+|of\s+(?:January|February|March|April|May|June|July"
                        r"|August|September|October|November|December)\b)")
_DETERMINER = re.compile(r"^(?:That|This|These|Those|Our|Its|Their|Such|Any|Every)\s+.*", re.DOTALL)
_ARTICLE = re.compile(r"\bArticle\s+(?P<number>\d{1,3})(?:,?\s+paragraph\s+(?P<paragraph>\d{1,2}))?,?\s+of\s+the\s+")
_QUOTE_BEFORE = re.compile(r"[”\"]\s*[.,;]?\s*\(?\s*$")
_QUOTE_AFTER = re.compile(r"^\s*\)?\s*[:,]?\s*[“\"]")
_REACH = 1500
_PARAGRAPH_END = re.compile(r"\n(?:[ \t]+\S|[ \t]*\n)")
# The book named just before a colon: what follows is quoted from it.
_BOOK_COLON = re.compile(r"\b(?:[Tt]he\s+)?(?:[Hh]oly\s+)?(?P<book>Qur['’]?[aā]n|Koran|Bible)[ \t]*:", re.IGNORECASE)
_WORKS = {"bible": "Bible"}
_SCRIPTURE = frozenset({"Quran", "Bible"})


@dataclass(frozen=True)
class _Found:
    work: str
    reference: str
    start: int
    end: int


def find_citations(record: Record, doc: Any) -> list[Citation]:
    """Every citation in the speech turns (not in notes), in text order, with its supported quotation."""
    text = record.document.text
    found: list[_Found] = []
    for start, end in speech_ranges(record):
        found.extend(parse_citations(text, start, end))
    found.sort(key=lambda f: (f.start, -f.end))
    citations: list[Citation] = []
    last_end = -1
    for item in found:
        if item.start < last_end:
            continue  # the same words matched twice ("the Holy Koran" by two patterns): keep the longest first
        last_end = item.end
        quote = _quote_near(text, item.start, item.end, scripture=item.work in _SCRIPTURE)
        citations.append(Citation(f"c{len(citations) + 1}", item.work, item.reference,
                                  Span.of(text, item.start, item.end), quote))
    return citations


def speech_ranges(record: Record) -> list[tuple[int, int]]:
    """Where people speak: every turn but notes; the whole text when the record has no turns."""
    if not record.turns:
        return [(0, len(record.document.text))]
    return [(t.span.start, t.span.end) for t in record.turns if t.kind != "note"]


def parse_citations(text: str, start: int, end: int) -> Iterator[_Found]:
    """The citations between ``start`` and ``end``, each parsed into work and reference."""
    references = [_Found(ref.work, ref.reference, *_trim_paren(text, ref.start, ref.end))
                  for ref in parse_scripture(text, start, end)]
    yield from references
    yield from _unreferenced(text, start, end, references)
    for m in _RESOLUTION.finditer(text, start, end):
        yield from _resolutions(m)
    yield from _treaties(text, start, end)


def _unreferenced(text: str, start: int, end: int, references: list[_Found]) -> Iterator[_Found]:
    """Scripture quoted after "the Holy Koran:" with no verse reference closing the quotation."""
    for m in _BOOK_COLON.finditer(text, start, end):
        work = _WORKS.get(m["book"].lower(), "Quran")
        if any(r.work == work and m.end() <= r.start <= m.end() + _REACH for r in references):
            continue
        yield _Found(work, "", m.start(), m.end("book"))


def _resolutions(m: re.Match[str]) -> Iterator[_Found]:
    body = " ".join(m["body"].split()) if m["body"] else None
    for one in _ONE_RESOLUTION.finditer(m["list"]):
        reference = " ".join(one.group().split())
        # The symbols tell the body: "31/123" and "3314 (XXIX)" are the Assembly's, "242 (1967)" the Council's.
        kind = body or ("General Assembly" if "/" in reference or re.search(r"\([IVXLC]+\)", reference)
                        else "Security Council" if re.search(r"\(\d{4}\)", reference) else None)
        work = f"UN {kind} resolution" if kind else "UN resolution"
        offset = m.start("list")
        # The first resolution's span takes the words that name it ("Security Council resolution 2231 (2015)").
        begin = m.start() if one.start() == 0 else offset + one.start()
        yield _Found(work, reference, begin, offset + one.end())


def _treaties(text: str, start: int, end: int) -> Iterator[_Found]:
    """Named treaties, charters, declarations and plans, their usual abbreviations ("NPT", "JCPOA"), and "the
    Charter" once the Charter or the United Nations has been named."""
    found: list[_Found] = []
    position = start
    while (m := _TREATY.search(text, position, end)) is not None:
        name, position = _cut(m.group()), m.end()
        if _ORGANIZATION.match(text, m.end()):
            continue  # "the Central Treaty Organization" is an organization
        if name and len(name) < len(m.group().rstrip()):
            position = m.start() + len(name) + 1  # "the Charter ... and the Universal Declaration ...": two names
        found.extend(_treaty(text, start, m.start(), name))
    for m in _ABBREVIATION.finditer(text, start, end):
        work = _canonical()[_squashed(m.group())]
        full = next((i for i, f in enumerate(found) if f.work == work and _BRACKETED.fullmatch(text, f.end, m.end() + 1)), None)
        if full is not None:  # "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)": one citation
            found[full] = _Found(work, found[full].reference, found[full].start, m.end() + 1)
        else:
            found.append(_Found(work, "", m.start(), m.end()))
    # "the Charter" is the United Nations' once the text has named the Charter or the United Nations.
    named = [f.start for f in found if f.work == _CHARTER and not f.reference] + [
        m.start() for m in _UNITED_NATIONS.finditer(text, start, end)][:1]
    for m in _BARE_CHARTER.finditer(text, start, end):
        if named and min(named) < m.start() and not any(f.start <= m.start("charter") < f.end for f in found):
            found.append(_Found(_CHARTER, "", m.start("charter"), m.end("charter")))
    yield from found


def _treaty(text: str, start: int, at: int, name: str) -> Iterator[_Found]:
    if (article_word := re.match(r"The\s+", name)) is not None:
        at, name = at + article_word.end(), name[article_word.end():]
    if len(name.split()) < 2 and name not in ("Charter",):
        return  # a bare "Agreement" or "Declaration" names nothing in particular
    article = _ARTICLE.search(text, max(start, at - 40), at)
    if article and article.end() == at:
        reference = f"Article {article['number']}" + (f"({article['paragraph']})" if article["paragraph"] else "")
        yield _Found(_work_name(name), reference, article.start(), at + len(name))
    elif len(name.split()) >= 3 or (len(name.split()) == 2 and (
            _work_name(name) != name or name.split()[0].lower() not in _NOT_PLACES)):
        yield _Found(_work_name(name), "", at, at + len(name))


def _cut(name: str) -> str:
    """The name without what follows it: another name ("... and the Universal Declaration"), a party ("... against
    the Government of"), a month ("Algiers Agreement of March"), or dangling small words."""
    tail = _NAME_TAIL.search(name)
    if tail is not None and (not tail.group().lstrip().startswith("and") or re.search(_TREATY_WORD, name[tail.end():])):
        name = name[:tail.start()].rstrip()
    name = _DETERMINER.sub("", name)
    while " " in name and name.split()[-1] in ("of", "on", "the", "for", "and", "to", "in", "against", "a", "an"):
        name = name[: name.rfind(" ")].rstrip()
    return name


def _work_name(name: str) -> str:
    """One name for one treaty: "The Treaty on the Non- Proliferation ..." and "Nuclear Non-Proliferation Treaty"
    are the NPT's full name, "United Nations Charter" is the Charter of the United Nations."""
    plain = re.sub(r"(?<=\w)-\s+(?=\w)", "-", " ".join(name.split()))
    plain = re.sub(r"^The\s+", "", plain)
    return _canonical().get(_squashed(plain), plain)


def _squashed(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


@functools.cache
def _canonical() -> dict[str, str]:
    """The canonical names by their letters alone: "Non Proliferation", "NonProliferation" and "Non-Proliferation" meet."""
    return {_squashed(alias): work for alias, work in _CANONICAL.items()}


def _trim_paren(text: str, start: int, end: int) -> tuple[int, int]:
    """Take the brackets around a reference into its span: "(Quran 43:54)" is what the reader sees."""
    before = text.rfind("(", max(start - 2, 0), start + 1)
    after = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip())
    if before != -1 and text[before:start].strip() in ("(", "") and text[after:after + 1] == ")":
        return before, after + 1
    return start, end


def _quote_near(text: str, start: int, end: int, *, scripture: bool) -> Span | None:
    """The quotation right before the reference, or right after it, without its quotation marks. Words after a
    colon with no opening mark are quoted only from scripture ("the Holy Quran: ..."); after a treaty's name they
    say what the speaker takes it to mean ("purposes under the Charter: maintaining peace ...")."""
    if _QUOTE_BEFORE.search(text[max(start - 6, 0):start]):
        close = max(text.rfind("”", start - 6, start), text.rfind('"', start - 6, start))
        opening = max(text.rfind("“", max(close - _REACH, 0), close), text.rfind('"', max(close - _REACH, 0), close))
        if opening != -1:
            return Span.of(text, opening + 1, close)
    block = _block_quote(text, start)
    if block is not None:
        return block
    after = _QUOTE_AFTER.match(text[end:end + 6])
    if after is None and scripture and text[end:end + 1] == ":":
        return _closed_quote(text, end + 1) or _paragraph_after(text, end + 1)
    if after:
        opening = end + after.end()
        close = min((i for i in (text.find("”", opening), text.find('"', opening)) if i != -1), default=-1)
        if close != -1 and close - opening <= _REACH:
            return Span.of(text, opening, close)
    return None


def _closed_quote(text: str, start: int) -> Span | None:
    """'Quran: One who does not ... darkness”.': words after a colon that a closing mark ends, none opening."""
    close = text.find("”", start, start + _REACH)
    if close == -1 or "“" in text[start:close] or '"' in text[start:close]:
        return None
    begin = start + len(text[start:close]) - len(text[start:close].lstrip())
    return Span.of(text, begin, close) if begin < close else None


def _paragraph_after(text: str, start: int) -> Span | None:
    """'mentioned in the Holy Quran:\n Do they not look ... the will of God.\n These Powers ...': with no quotation
    marks, the words quoted are the paragraph the colon opens. In a hard-wrapped text whose paragraphs start
    indented, the paragraph runs to the next indented line or blank line; otherwise to the end of the line."""
    begin = start + len(text[start:start + _REACH]) - len(text[start:start + _REACH].lstrip())
    if begin >= len(text) or begin == start + _REACH:
        return None
    indented = text.rfind("\n", start, begin) != -1 and text[text.rfind("\n", start, begin) + 1:begin] != ""
    stop = _PARAGRAPH_END.search(text, begin, begin + _REACH) if indented else None
    finish = stop.start() if stop else text.find("\n", begin, begin + _REACH)
    finish = min(begin + _REACH, len(text)) if finish == -1 else finish
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return Span.of(text, begin, finish) if finish > begin else None


def _block_quote(text: str, start: int) -> Span | None:
    """A reference that closes a paragraph announced by a colon ("the Qur'an:") cites that whole paragraph."""
    line = text.rfind("\n", 0, start) + 1
    if line == 0 or not text[line:start].strip() or not text[:line].rstrip().endswith(":"):
        return None
    finish = start
    while finish > line and text[finish - 1].isspace():
        finish -= 1
    return Span.of(text, line, finish)
