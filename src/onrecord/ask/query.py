"""Read a natural-language question: its content words, and the speaker, actor and years it names.

"What did Ahmadian say about Turkey?" asks about Turkey, by the speaker Ahmadian; "Iran on Israel since
2015" asks from 2015 on. Named speakers and years become filters; named actors bring their other names.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from onrecord.corpus.words import STOPWORDS, WORD, words
from onrecord.kb.names import HONORIFICS

_YEAR = r"(1[89]\d\d|20\d\d)"
_RANGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|until)\s+{_YEAR}\b", re.I), "range"),
    (re.compile(rf"\b(?:since|after|from)\s+{_YEAR}\b", re.I), "since"),
    (re.compile(rf"\b(?:before|until|till)\s+{_YEAR}\b", re.I), "before"),
)
# A year that says when the words were spoken ("in 2015", "(2005 speech)", "at the 2006 General Assembly") is
# preferred to one that dates what they are about ("the 2010 earthquake"); a year after "by" is a target
# ("reach 0.7 per cent by 2015"), never a filter. A year the speech is named by ("the 1990 speech") comes first.
_SPOKEN = re.compile(rf"(?:\b(?:in|at|during|of)\s+(?:the\s+)?|\(){_YEAR}\b|\b{_YEAR}\s*(?:\)|speech|address|"
                     r"session|debate|general\s+assembly|un\b|statement)", re.I)
_TARGET = re.compile(rf"\bby\s+(?:the\s+(?:end\s+of\s+)?)?{_YEAR}\b", re.I)
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")
# A month before a year dates an event, not a speech (the General Debate meets in September): its words are
# spoken that year or later.
_EVENT = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
                    r"(?:\s+\d{1,2})?,?\s*$", re.I)
_SPEECH_OF = re.compile(r"\b(?:speech|address|statement|interview|remarks|debate|session)\s+(?:of|in|on)\s+"
                        r"(?:the\s+)?(?:\d{1,2}\s+)?$", re.I)  # "its speech of (12) September 2005": spoken then


@dataclass(frozen=True)
class Question:
    """A question, read: content words, and the filters it names."""

    text: str
    terms: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    years: tuple[int | None, int | None] = (None, None)
    aliases: tuple[str, ...] = ()
    # The question's concepts: each content word, or an actor it names (one or two words), with its other names.
    groups: tuple[tuple[str, ...], ...] = ()
    named: frozenset[str] = frozenset()  # the groups (by first name) that are actors of the actors layer
    # People the question names who speak for a country (knowledge base): group's first name -> the country's
    # key in ``voices``, and the years they held office (None: any year). "Netanyahu on..." is heard in a
    # speech of Israel's made while he was in office.
    spokesmen: tuple[tuple[str, str, tuple[tuple[int, int], ...] | None], ...] = ()
    # The group (by first name) the question has speak: "What does Russia say...", "Netanyahu on...".
    speaking: str | None = None


# Words about the asking or the speaking, not about what was said ("What did Chávez say in his speech..."):
# they do not choose the sentences BM25 ranks, and count for little when a sentence matches them.
ASKING = frozenset("""
say said says tell told claim claimed claims describe described describes mention mentioned mentions speech
speeches address addressed remarks statement view views opinion per according call called calls ask asked
argue argued suggest suggested point pointed consider considers considered express expressed stated
general assembly un debate session""".split())


def terms_of(text: str) -> list[str]:
    """The words of a text without the possessive ending ("Iran's" is "iran")."""
    return [w[:-2] if w.endswith("'s") else w for w in words(text)]


def parse(connection: sqlite3.Connection, text: str) -> Question:
    """Read ``text`` against the corpus: which speakers, years and actor names it mentions."""
    years, rest = _years(text)
    speakers, named = _speakers(connection, rest)
    # In the question's order, repeats kept: "over Korea, according to North Korea" names North Korea.
    sequence = [w for w in terms_of(rest) if w not in STOPWORDS and w not in named and len(w) > 1]
    terms = tuple(dict.fromkeys(sequence))
    others = _aliases(connection, sequence)
    aliases = tuple(dict.fromkeys(name for names in others.values() for name in names))
    groups = _groups(sequence, others)
    return Question(text, terms, speakers, years, aliases, groups, frozenset(others), _spokesmen(groups),
                    _speaking(rest, groups))


# Who the question has speak: the subject of a verb of saying, a name before "on", "according to" a name, a
# name (capitalized) that a question's auxiliary puts before its verb ("What did Turkey threaten...?": in a
# corpus of speeches, what a country did is what its speech says it did).
_SAYING = (
    re.compile(r"\b(?:what|how|why|when|where|who|whom|which)(?:\s+\w+){0,2}?\s+(?:does|did|do|has|have|would|will)\s+"
               r"(?P<who>.+?)\s+"
               r"(?:say|said|think|claim|argue|state|believe|see|view|consider|propose|want|mean|call|describe|"
               r"demand|accuse|ask|promise|warn|expect|hope)\b", re.I),
    re.compile(r"^\s*(?P<who>[A-Z][^\s]*(?:\s+[A-Z][^\s]*){0,3})\s+on\s+"),
    re.compile(r"\baccording\s+to\s+(?P<who>.+?)(?:[,?.]|$)", re.I),
    re.compile(r"\b(?i:does|did|do|has|have|would|will)\s+(?:the\s+)?(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
               r"\s+(?:[a-z]+)\b"),
)


def _speaking(text: str, groups: tuple[tuple[str, ...], ...]) -> str | None:
    """The concept group the question names as the one speaking, if any."""
    for pattern in _SAYING:
        found = pattern.search(text)
        if found is None:
            continue
        who = " ".join(words(found.group("who")))
        for group in groups:
            if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", who) for name in group):
                return group[0]
    return None


def _spokesmen(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str, tuple[tuple[int, int], ...] | None], ...]:
    """The groups that name a person of the knowledge base acting for a country, with that country's key: by a
    name of theirs, else by their surname (every person of that surname: "Bush" is both Presidents Bush)."""
    from onrecord.corpus.voices import actor_key
    from onrecord.kb import load_kb

    kb = load_kb()
    found: dict[tuple[str, str], list[tuple[int, int]] | None] = {}
    for group in groups:
        named = [actor for actor, _ in kb.names.get(group[0], ())][:1] or list(kb.surnames.get(group[0], ()))
        people = [kb.entries[actor] for actor in named
                  if kb.entries[actor].type == "person" and kb.entries[actor].affiliation]
        for person in people:
            country = kb.entries.get(person.affiliation or "")
            for _ in range(2):  # a leader of a movement or an authority acting for a country (the PLO: Palestine)
                if country is None or country.type == "country":
                    break
                country = kb.entries.get(country.affiliation or "")
            if country is None or country.type != "country":
                continue
            terms = [(int((r.start or "0")[:4]), int((r.end or "9999")[:4])) for r in person.roles]
            key = (group[0], actor_key(country))
            # one line per name and country: both Presidents Bush, a prime minister's terms and foreign minister's
            found[key] = None if not terms or (key in found and found[key] is None) else [*(found.get(key) or []), *terms]
    return tuple((first, country, None if terms is None else _merged(terms)) for (first, country), terms in found.items())


def _merged(terms: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Years in office as sorted, disjoint spans: (1996, 1999) and (1998, 1998) are one."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted(terms):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return tuple(spans)


def _years(text: str) -> tuple[tuple[int | None, int | None], str]:
    """The years the question asks about, and its text without the words that said so."""
    for pattern, kind in _RANGES:
        found = pattern.search(text)
        if found is None:
            continue
        first = int(found.group(1))
        rest = text[: found.start()] + " " + text[found.end() :]
        if kind == "range":
            return (first, int(found.group(2))), rest
        if kind == "since":
            return (first, None), rest
        return (None, first - 1), rest
    targets = {m.start(1) for m in _TARGET.finditer(text)}
    spoken = [m for m in _SPOKEN.finditer(text) if m.start(1 if m.group(1) else 2) not in targets]
    spoken.sort(key=lambda m: m.group(2) is None)  # "Iran's 1990 speech" before "invaded Iran in 1980"
    bare = sorted(_BARE_YEAR.finditer(text), key=lambda m: m.start(1) in targets)  # a target only when alone
    found = spoken[0] if spoken else bare[0] if bare else None
    if found is None:
        return (None, None), text
    year = int(found.group(1) or found.group(2))
    month = None if spoken else _EVENT.search(text[:found.start(1)])
    if month and not _SPEECH_OF.search(text[:month.start()]):  # "the crackdown of January 1991": said since
        return (year, None), _BARE_YEAR.sub(" ", text)
    return (year, year), _BARE_YEAR.sub(" ", text)


# Where a question names who speaks: "according to" a name, a name before "on", the subject of a verb of saying
# (``_SAYING``); the name that follows a question's auxiliary ("Why does Trump prefer..."), whose view or words
# these are ("in Ahmadian's view"; not "in Duterte's drug war"), a name "as" tells it ("as Ahmadian describes
# them", "as King Abdullah told the Assembly") or "per" a name.
_CAPITAL = r"[^\W\d_a-z]"  # a letter that may be a capital: "Çavuşoğlu" (re has no class for capitals)
_NAME = rf"(?:{_CAPITAL}[\w'’.-]*\s+){{0,3}}{_CAPITAL}[\w'’.-]*"
_SPEAKING = (
    re.compile(rf"\b(?:does|did|do|has|have|had|would|will|is|was)\s+(?:the\s+)?(?P<who>(?:{_CAPITAL}[\w'’.-]*\s+){{1,4}})"),
    re.compile(rf"(?P<who>(?:{_CAPITAL}[\w.-]*\s+){{0,3}}{_CAPITAL}[\w.-]*)['’]s\s+(?:view|views|opinion|words|"
               r"speech|address|statement|remarks|account|answer|reply|interview|eyes|telling)\b"),
    re.compile(rf"\bas\s+(?P<who>{_NAME})\s+(?:[a-z]+s|[a-z]+ed|told|put|saw|sees)\s+(?:it|them|this|that|the)\b"),
    re.compile(rf"\bper\s+(?P<who>{_NAME})\b"),
)


def _speakers(connection: sqlite3.Connection, text: str) -> tuple[tuple[str, ...], set[str]]:
    """Speaker labels the question has speak, and the words of theirs it names.

    A person is named by a word of their name other than the given name ("Katz", not "Israel", of "Mr. Israel
    Katz"), or by their only one ("Ahmadian" of "A. A. Ahmadian"), where the question says who speaks
    (``_SAYING``, ``_SPEAKING``): a corpus of thousands of speakers has most names, and "What price did the Assad
    family pay?" or "recover from Ben Ali" name the speech's subject. Once named, every label holding the name
    is theirs ("Mr. Lula Da Silva" beside "Luiz Inácio Lula da Silva"), spelt alike (``_same_name``: "Chávez",
    "Chvez" of a damaged PDF; "Zelensky", "Zelenskyy"). The question's words count written as names:
    capitalized, 3+ letters, not a title ("President") nor in capitals (an acronym: "NATO"). Of the labels
    named, those that share the most words with the question are kept ("Shehbaz Sharif", not "Nawaz Sharif")."""
    asked = " ".join(found.group("who") for pattern in (*_SAYING, *_SPEAKING) for found in pattern.finditer(text))
    placed = _place_words(text)
    written = {_unaccented(w): w.lower() for w in WORD.findall(asked) if w[:1].isupper() and len(w) >= 3
               and not w.isupper() and w.lower() not in HONORIFICS
               and _unaccented(w) not in placed}  # folded: as the question has it
    if not written:
        return (), set()
    prefixes = {w[:2] for w in written}  # names spelt alike begin alike
    known = _spelt_as_written()
    shared: dict[str, set[str]] = {}
    naming: set[str] = set()  # the words that name someone: found beyond a label's given name
    for (label,) in connection.execute(
            "SELECT DISTINCT label FROM speakers WHERE role NOT IN ('interviewer', 'moderator', 'audience')"):
        names = _name_words(label)
        if not any(n[:2] in prefixes for n in names):
            continue
        shared[label] = {w for w in written if any(_same_name(w, n, exact=w in known) for n in names)}
        naming |= {w for w in shared[label] if any(_same_name(w, n, exact=w in known) for n in names[1:] or names)}
    named = {label: found & naming for label, found in shared.items() if found & naming}
    most = max(map(len, named.values()), default=0)
    kept = [label for label, found in named.items() if len(found) == most]
    return tuple(kept), {written[w] for label in kept for w in named[label]}


_NAME_WORDS: dict[str, tuple[str, ...]] = {}  # a label's name words, folded (kept between questions)


def _name_words(label: str) -> tuple[str, ...]:
    """The words of a speaker label that make a name: 3+ letters, not a title, folded (``_unaccented``)."""
    if label not in _NAME_WORDS:
        _NAME_WORDS[label] = tuple(_unaccented(w) for w in WORD.findall(label) if len(w) >= 3 and w.lower() not in HONORIFICS)
    return _NAME_WORDS[label]


def _unaccented(word: str) -> str:
    """A word lowercased without its accents: "Chávez" is "chavez"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


@functools.cache
def _spelt_as_written() -> frozenset[str]:
    """The words of the names of the knowledge base's actors other than people (countries, places,
    organizations, groups), folded: "Arabia" of "Saudi Arabia" and "Daesh" are spelt as the question has them,
    never a misspelt "Araba" or "Danesh" of a speaker's name."""
    return frozenset(word for name in _actor_names() for word in name.split())


def _place_words(text: str) -> set[str]:
    """The words (folded) of the names of countries, places, organizations and groups of the knowledge base that
    the question writes whole: "Costa" of "Costa Rica" and "Austria" name no speaker ("Antonio Costa", "Enrique
    Austria Manalo")."""
    found = [_unaccented(w) for w in WORD.findall(text)]
    names = _actor_names()
    return {word for size in range(1, min(len(found), _longest_actor_name()) + 1) for at in range(len(found) - size + 1)
            if " ".join(found[at:at + size]) in names for word in found[at:at + size]}


@functools.cache
def _longest_actor_name() -> int:
    """How many words the longest of ``_actor_names`` has."""
    return max((len(name.split()) for name in _actor_names()), default=0)


@functools.cache
def _actor_names() -> frozenset[str]:
    """The names of the knowledge base's actors other than people, folded, their words joined by single spaces."""
    from onrecord.kb import load_kb

    return frozenset(" ".join(_unaccented(w) for w in WORD.findall(name)) for entry in load_kb().entries.values()
                     if entry.type != "person" for name, _ in entry.names)


def _same_name(a: str, b: str, *, exact: bool = False) -> bool:
    """Whether two folded words spell one name: equal, or of 5+ letters, a letter apart in length, alike from
    their first two letters on (difflib ratio 0.85: "chavez" and "chvez", "zelensky" and "zelenskyy"; "israel" and
    "ismael" are not, nor "ahmadian" and "ahmadi"). ``exact``: only the same spelling will do."""
    if a == b or exact:
        return a == b
    return (min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) <= 1 and a[:2] == b[:2]
            and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)


def _aliases(connection: sqlite3.Connection, terms: list[str]) -> dict[str, tuple[str, ...]]:
    """Other names of the actors the question names (a word or two, ``terms`` in the question's order), from the
    actors layer when analyzed; a name broken over lines counts once."""
    phrases = set(terms) | {" ".join(pair) for pair in itertools.pairwise(terms)}
    if not phrases:
        return {}
    marks = ",".join("?" * len(phrases))
    named = connection.execute(
        f"SELECT name, actor FROM actor_aliases WHERE name IN ({marks})", sorted(phrases)).fetchall()
    # The names most documents use first: the twelve kept are the usual ones, not one-off misspellings.
    rows = [(name, other) for name, actor in named for (other,) in connection.execute(
        "SELECT name FROM actor_aliases WHERE actor = ? ORDER BY documents DESC, name", (actor,))]
    found: dict[str, dict[str, None]] = {}
    for named, other in rows:
        kept = found.setdefault(named, {})
        other = " ".join(other.split())
        if other not in phrases and any(w not in STOPWORDS for w in words(other)):
            kept[other] = None
    return {named: tuple(names)[:12] for named, names in found.items()}


def _groups(terms: list[str], others: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """One group per concept (``terms`` in the question's order): a two-word actor name replaces its two words;
    each word or name brings aliases."""
    pairs = list(dict.fromkeys(" ".join(pair) for pair in itertools.pairwise(terms) if " ".join(pair) in others))
    inside = {word for pair in pairs for word in pair.split()}
    singles = [term for term in dict.fromkeys(terms) if term not in inside]
    return tuple((name, *others.get(name, ())) for name in [*pairs, *singles])
