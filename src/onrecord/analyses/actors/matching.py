"""Names, titles and surnames of the knowledge base found in a spaCy doc, longest match first.

Matching runs over the doc's non-space tokens, so "the United  Nations" (two spaces, as PDF extraction
leaves it) still matches. A capitalised word of a name only matches a capitalised word in the text ("Turkey",
not "turkey"), and an all-capitals short name only matches itself ("US", not "us").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from onrecord.kb import KnowledgeBase
from onrecord.kb.names import HONORIFICS, PARTICLES
from onrecord.record import MentionForm, Record

# Words that stand before a name without being part of it: "Mr. Maliki", "Martyr Soleimani".


PENDING = "!"  # key prefix of a past title, resolved once every name is known

# Words before a title that point away from the document's date: "the then Prime Minister".
PAST = frozenset({"then", "former", "late", "ex", "previous"})

# Prepositions after which a capital is the city itself, and what a "visit to" a capital is.
LOCATIVE = frozenset({"in", "at", "near", "around", "inside", "outside", "within", "across", "through", "via"})
MOVEMENT = frozenset({"visit", "trip", "travel", "journey", "go", "come", "fly", "arrive", "return", "move", "transfer", "reach",
                      "enter", "capture", "seize", "besiege", "bomb"})


@dataclass(frozen=True)
class Name:
    """A name of the index: its lower-cased words, which must be capitalised, and who it names."""

    words: tuple[str, ...]
    capitals: tuple[bool, ...]
    exact: str | None
    owners: tuple[tuple[str, MentionForm], ...]
    title: str | None = None
    key: str = ""


@dataclass(frozen=True)
class Found:
    """A match: token positions in the doc (end exclusive), who it names and how."""

    start: int
    end: int
    actor: str
    form: MentionForm


_LETTERS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


@functools.lru_cache(maxsize=4)
def name_index(kb: KnowledgeBase, tokenizer: Any) -> dict[str, tuple[Name, ...]]:
    """The names and titles of ``kb`` by their first word, longest first; built once per knowledge base."""
    entries: list[tuple[str, Any, str | None]] = [(_spelling(kb, key, owners), owners, None) for key, owners in kb.names.items()]
    for key, holders in kb.titles.items():
        spelling = next(t for role in (r for _, r in holders) for t in role.titles if t.lower() == key)
        entries.append((spelling, (), key))
    index: dict[str, list[Name]] = {}
    # Names need spaCy's token boundaries, not its pipeline: words of letters alone, with no special case of the
    # tokenizer ("cannot"), are split on spaces; the others go through the tokenizer, in one batch.
    rest = []
    for spelling, owners, title in entries:
        if _LETTERS.fullmatch(spelling) and not any(word in tokenizer.rules for word in spelling.split()):
            _add(index, spelling.split(), spelling, owners, title)
        else:
            rest.append((spelling, owners, title))
    for (spelling, owners, title), tokens in zip(rest, tokenizer.pipe(e[0] for e in rest), strict=True):
        _add(index, [t.text for t in tokens if not t.is_space], spelling, owners, title)
    return {first: tuple(sorted(names, key=lambda n: -len(n.words))) for first, names in index.items()}


def _spelling(kb: KnowledgeBase, key: str, owners: tuple[tuple[str, MentionForm], ...]) -> str:
    entry = kb.entries[owners[0][0]]
    return next(name for name, _ in entry.names if name.lower() == key)


def _fold(word: str) -> str:
    """A word as names are matched: lower case, one apostrophe ("People’s" is "People's"), an initial with or
    without its period ("John F Kennedy" is "John F. Kennedy")."""
    folded = word.lower().replace("’", "'")
    return folded[0] if len(folded) == 2 and folded[1] == "." and folded[0].isalpha() else folded


def _add(index: dict[str, list[Name]], words: list[str], spelling: str, owners: Any, title: str | None) -> None:
    if not words:
        return
    exact = spelling if spelling.isupper() and len(spelling) <= 5 else None
    name = Name(tuple(_fold(w) for w in words), tuple(w[:1].isupper() for w in words), exact, tuple(owners), title,
                spelling.lower())
    index.setdefault(name.words[0], []).append(name)


def match_names(doc: Any, kb: KnowledgeBase, date: str | None) -> list[Found]:
    """Every knowledge-base name or title in ``doc``; titles go to their holder on ``date``.

    Of overlapping matches the longest wins, wherever it starts: "the Secretariat of the Supreme National
    Security Council" is the Council, not the United Nations Secretariat.
    """
    index = name_index(kb, _tokenizer())
    tokens = [t for t in doc if not t.is_space]
    lowers = [_fold(t.text) for t in tokens]
    caseless = _caseless(doc.text)
    hits = [(i, name) for i in range(len(tokens))
            if (name := _longest(index.get(lowers[i], ()), tokens, lowers, i, caseless))]
    taken: set[int] = set()
    chosen: list[tuple[int, Name]] = []
    for i, name in sorted(hits, key=lambda hit: (-len(hit[1].words), hit[0])):
        if taken.isdisjoint(range(i, i + len(name.words))):
            taken.update(range(i, i + len(name.words)))
            chosen.append((i, name))
    chosen += _ellipses(chosen, tokens, lowers, kb, taken)
    covered = {tokens[j].i for j in taken}
    found: list[Found] = []
    for i, name in sorted(chosen, key=lambda hit: hit[0]):
        first, last = tokens[i].i, tokens[i + len(name.words) - 1].i + 1
        if len(name.words) == 1 and name.title is None and part_of_other_name(doc, first, last, covered):
            continue
        resolved = _resolve(name, doc, first, kb, date, found)
        if resolved is not None:
            actor, form = resolved
            person = actor.startswith(PENDING) or kb.entries[actor].type == "person"
            if person and form != "title" and named_after(doc, first, last):
                continue
            start = _honorific_start(doc, first) if person else first
            found.append(Found(start, last, actor, form))
    return found


def _ellipses(chosen: list[tuple[int, Name]], tokens: list[Any], lowers: list[str], kb: KnowledgeBase,
              taken: set[int]) -> list[tuple[int, Name]]:
    """The first word of a coordinated name whose shared rest is left out: "East" in "East and West Ghouta"."""
    extra: list[tuple[int, Name]] = []
    for i, name in chosen:
        if name.title is not None or len(name.words) < 2 or i < 2 or lowers[i - 1] not in ("and", "or"):
            continue
        word = i - 2
        owners = kb.names.get(" ".join((lowers[word], *name.words[1:])))
        if owners and word not in taken and tokens[word].text[:1].isupper():
            taken.add(word)
            extra.append((word, Name((lowers[word],), (True,), None, owners)))
    return extra


def _longest(names: tuple[Name, ...], tokens: list[Any], lowers: list[str], i: int, caseless: bool) -> Name | None:
    return next((name for name in names if tuple(lowers[i : i + len(name.words)]) == name.words
                 and _cased(name, tokens[i : i + len(name.words)], caseless)), None)


_CASELESS_SHARE = 0.01  # capitals among letters below which a text has no case to read (automatic captions)


def _caseless(text: str) -> bool:
    """Whether the text is written without capitals (automatic captions), so that case says nothing of names."""
    sample = text[:200_000]
    letters = sum(c.isalpha() for c in sample)
    return letters > 0 and sum(c.isupper() for c in sample) / letters < _CASELESS_SHARE


def _resolve(name: Name, doc: Any, first: int, kb: KnowledgeBase, date: str | None,
             found: list[Found]) -> tuple[str, MentionForm] | None:
    if name.title is None:
        actor = choose([owner for owner, _ in name.owners], found)
        city = kb.cities.get(name.key)
        if city is not None and city != actor and _named_as_place(doc[first + len(name.words) - 1]):
            return city, "name"
        return actor, dict(name.owners)[actor]
    if first > 0 and doc[first - 1].lower_ in PAST:
        # "the then Prime Minister": whoever held it then, named just before (see resolve_past_titles).
        return f"{PENDING}{name.title}", "title"
    holder = kb.holder(name.title, date) or kb.office(name.title)
    return (holder, "title") if holder else None


# Nouns a capital qualifies as the seat of power, not as a city.
_GOVERNING = frozenset({"government", "regime", "authority", "leadership", "administration", "ruler", "cabinet"})


def _named_as_place(token: Any) -> bool:
    """A capital named as the city, not its government: after "in", "at", "near"..., or "to" after a trip, or as
    part of a compound ("the Aleppo-Damascus highway"), also as one of a list of such places."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "compound" and token.head.lemma_.lower() in _GOVERNING:
        return False  # "the Damascus government", "the Tehran regime": the government it seats
    if token.dep_ == "compound" or (token.i + 1 < len(token.doc) and token.nbor(1).text in ("-", "–")):
        return True
    if token.dep_ == "dobj":  # "reaching Damascus"
        return bool(token.head.lemma_.lower() in MOVEMENT)
    if token.dep_ != "pobj":
        return False
    preposition = token.head.lower_
    return preposition in LOCATIVE or (preposition in ("to", "into") and token.head.head.lemma_.lower() in MOVEMENT)


# Entities that may be named after a person without being that person: a law, a place, an institution, an event.
_NAMED_AFTER = frozenset({"LAW", "FAC", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT"})


_VERSUS = frozenset({"v.", "v", "vs.", "vs", "versus"})
# Last words of the names of laws, treaties, policies, programmes and meetings: what such a name names is no actor,
# whatever the tagger's label ("the George Floyd Justice in Policing Act", "the Los Angeles Declaration").
INSTRUMENT_HEADS = frozenset({
    "act", "acts", "bill", "law", "treaty", "accord", "accords", "agreement", "convention", "protocol", "charter",
    "declaration", "covenant", "pact", "deal", "compact", "amendment", "resolution", "doctrine", "plan", "initiative",
    "program", "programme", "strategy", "framework", "agenda", "policy", "review", "summit", "talks",
})
# Small words inside such a name: "Justice in Policing", "Authorization for Use of Military Force".
_NAME_JOINERS = frozenset({"in", "of", "for", "on", "to"})
_NAME_REACH = 10


def instrument_end(doc: Any, start: int, end: int) -> int | None:
    """The end of the instrument's name that the name at ``start:end`` ends or opens: ``end`` itself when its last
    word is a capitalised instrument word ("Inflation Reduction Act"), or the end of the capitalised words (and
    joiners) that carry it on to one ("George Floyd Justice" + "in Policing Act"); None when it names no
    instrument."""
    for i in range(end - 1, min(len(doc), end + _NAME_REACH)):
        token = doc[i]
        if i >= end and not (token.text[:1].isupper() or token.lower_ in _NAME_JOINERS):
            return None
        if (token.lower_ in INSTRUMENT_HEADS and token.text[:1].isupper() and i > start
                and not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper())):
            return i + 1
    return None


def named_after(doc: Any, start: int, end: int) -> bool:
    """Whether the person's name at ``start:end`` opens a longer name of something else, which goes on after it
    with a capitalised word: "the Caesar Syria Civilian Protection Act", "the Kennedy School", "Kennedy Airport";
    or names a party to a court case ("Roe v. Wade", "Dobbs v. Jackson"): the case, not the person."""
    if (end < len(doc) and doc[end].lower_ in _VERSUS) or (start > 0 and doc[start - 1].lower_ in _VERSUS):
        return True
    if (law_end := instrument_end(doc, start, end)) is not None and law_end > end:
        return True
    if not doc[start].ent_type_:  # in no entity: no scan of them all
        return False
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    return bool(ent is not None and ent.label_ in _NAMED_AFTER and ent.end > end
                and any(t.text[:1].isupper() for t in doc[end : ent.end]))


def part_of_other_name(doc: Any, start: int, end: int, covered: set[int]) -> bool:
    """Whether the one word at ``start:end`` is only part of a longer person's name NER found, whose other
    capitalised words no knowledge-base name covers: "Cyrus" in "Cyrus Vance", "Brown" in "Gordon Brown"."""
    token = doc[start]
    if token.ent_type_ != "PERSON":
        return False
    ent = next(e for e in doc.ents if e.start <= start < e.end)
    return any(t.text[:1].isupper() and t.i not in covered and t.lower_ not in HONORIFICS and t.lower_ not in PARTICLES
               for t in ent if not start <= t.i < end)


def spoken(record: Record, doc: Any, found: list[Found]) -> list[Found]:
    """The matches outside speaker labels: a label is the transcript's structure (resolved through
    ``Speaker.actor``), not a mention in speech."""
    labels = [(t.label.start, t.label.end) for t in record.turns if t.label is not None]
    return [f for f in found if not any(start <= doc[f.start].idx < end for start, end in labels)]


def resolve_past_titles(found: list[Found], kb: KnowledgeBase) -> list[Found]:
    """Past titles to the holder named most recently before them, else to the office."""
    ordered = sorted(found, key=lambda f: f.start)
    resolved: list[Found] = []
    for f in ordered:
        if not f.actor.startswith(PENDING):
            resolved.append(f)
            continue
        title = f.actor[len(PENDING) :]
        holders = {actor for actor, _ in kb.titles[title]}
        previous = next((p.actor for p in reversed(resolved) if p.actor in holders), kb.office(title))
        if previous is not None:
            resolved.append(Found(f.start, f.end, previous, f.form))
    return resolved


def _cased(name: Name, tokens: list[Any], caseless: bool = False) -> bool:
    """Whether the words are capitalised as the name is; in a text without case, a name of several words matches
    as it is (one word alone would take "turkey" and "us" for countries)."""
    if caseless and len(tokens) > 1 and name.exact is None:
        return True
    if name.exact is not None:
        return "".join(t.text for t in tokens) == name.exact.replace(" ", "")
    if len(tokens) == 1 and roman_numeral(tokens[0].text):
        return False  # "Part XI", a heading "XI.": not Xi Jinping
    return all(t.text[:1].isupper() for t, upper in zip(tokens, name.capitals, strict=True) if upper)


_ROMAN = re.compile(r"[IVXLC]+")  # not D and M: "DC" is Washington


def roman_numeral(text: str) -> bool:
    """Whether a word is a roman numeral in capitals ("XI", "IV"), which no mixed-case name is."""
    return _ROMAN.fullmatch(text) is not None


def choose(candidates: list[str], found: list[Found]) -> str:
    """Of several actors a word may name, the one named most recently before it (else the first listed)."""
    if len(candidates) > 1:
        for previous in reversed(found):
            if previous.actor in candidates:
                return previous.actor
    return candidates[0]


def _honorific_start(doc: Any, start: int) -> int:
    """Take in the honorifics just before a person's name ("Sayyed Hassan Nasrallah"), not a leading "the"."""
    begin = start
    while begin > 0 and doc[begin - 1].lower_ in HONORIFICS and doc[begin - 1].text[:1].isupper():
        begin -= 1
    return begin


@functools.cache
def _tokenizer() -> Any:
    from onrecord.nlp import english

    return english().tokenizer
