"""What the name index leaves: bare surnames ("Assad", "Mr. Araghchi") and the rest of NER's entities."""

from __future__ import annotations

import functools
from typing import Any

from onrecord.analyses.actors.matching import (
    Found,
    _honorific_start,
    choose,
    instrument_end,
    named_after,
    part_of_other_name,
    roman_numeral,
)
from onrecord.analyses.addressees import called
from onrecord.kb import KnowledgeBase, days_of
from onrecord.kb.names import COURTESY, HONORIFICS, given_name
from onrecord.record import ActorType
from onrecord.transcript.people import TITLES

# NER labels that name actors; the others (dates, money, laws...) are not who is talked about.
ACTOR_LABELS: dict[str, ActorType] = {
    "PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place",
}
UNKNOWN = "?"  # prefix of the key of an actor that is not in the knowledge base
# Words that own a phrase rather than name anyone: "My Government" is the speaker's (see ingroup.py).
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their", "its"})
# Letter pairs that PDF fonts set as one ligature glyph, which text extraction sometimes drops: "Palesne" for
# "Palestine", "Chrisans" for "Christians".
LIGATURES = ("ti", "tt", "ft", "fi", "fl", "ff", "ffi", "ffl")


def match_surnames(doc: Any, kb: KnowledgeBase, date: str | None, found: list[Found]) -> list[Found]:
    """Capitalised words outside ``found`` that are a known person's surname, each to the right person."""
    covered = _covered(found)
    merged = sorted(found, key=lambda f: f.start)
    extra: list[Found] = []
    for token in doc:
        if token.i in covered or not token.text[:1].isupper() or roman_numeral(token.text):
            continue
        candidates = kb.surnames.get(token.lower_)
        if (not candidates or part_of_other_name(doc, token.i, token.i + 1, covered)
                or named_after(doc, token.i, token.i + 1)):
            continue
        before = sorted([f for f in merged if f.start < token.i] + extra, key=lambda f: f.start)
        start = _honorific_start(doc, token.i)
        if _word_too(token) and not (start < token.i or any(f.actor in candidates for f in before)):
            continue  # "May", "Brown", "Bush": a person only as "Mrs. May" or after "Theresa May"
        actor = choose(_by_date(kb, list(candidates), date), before)
        extra.append(Found(start, token.i + 1, actor, "alias"))
    return extra


def _word_too(token: Any) -> bool:
    """Whether a capitalised word is also an everyday English word ("May", "Key", "Brown", "Rice", "Begin")."""
    return token.is_stop or token.lower_ in _WORDS_TOO


# Surnames of people a knowledge base is likely to hold that are everyday English words, so that a capital at
# the start of a sentence ("Brown coal", "Begin with") makes no person. (WordNet's noun index, used for
# ``generic``, is no guide here: it lists Putin, Nixon and Khomeini.)
_WORDS_TOO = frozenset({
    "may", "brown", "bush", "rice", "key", "lee", "moon", "park", "begin", "lie", "jarring", "slim", "thorn", "ping",
    "young", "long", "hope", "love", "rich", "little", "short", "major", "best", "black", "white", "green", "king",
    "bell", "hill", "wood", "ford", "case", "price", "law", "strong", "hunt", "rose", "march", "page", "fox", "cook",
    "gates", "waltz", "austin", "bolton",  # and places: "Austin", Texas
})


def _by_date(kb: KnowledgeBase, candidates: list[str], date: str | None) -> list[str]:
    """Candidates in order of preference when no earlier mention decides: in office on the date (at some time in
    a year or month), else latest."""
    days = days_of(date) if date is not None else None

    def key(actor: str) -> tuple[bool, str]:
        roles = kb.entries[actor].roles
        current = days is not None and any(role.overlaps(*days) for role in roles)
        return current, max((role.start or "" for role in roles), default="")

    return sorted(candidates, key=key, reverse=True)


def match_entities(doc: Any, kb: KnowledgeBase, found: list[Found]) -> list[Found]:
    """NER entities no name covers: looked up once more as written, else kept as actors without a QID. A word
    alone that NER calls an organization, group or place is the one person named in full before whose name begins
    or ends with it (see ``match_name_parts``); else, when it is a given name that a speaker calls on somewhere in
    the document ("Go ahead, Francesca."), an unknown person."""
    covered = _covered(found)
    people = _full_names(kb, doc, found)
    called_on = {ent.text for ent in doc.ents if len(ent) == 1 and called(doc, ent.start) and given_name(ent.text)}
    extra: list[Found] = []
    for ent in doc.ents:
        kind = ACTOR_LABELS.get(ent.label_)
        if kind is None or any(i in covered for i in range(ent.start, ent.end)):
            continue
        start, end, titled = _trim(ent)
        if end <= start or doc[start].lower_ in POSSESSIVES or named_after(doc, start, end):
            continue
        if instrument_end(doc, start, end) == end:  # a law, treaty, programme ("Inflation Reduction Act")
            kind = "other"
        elif titled or (start > 0 and doc[start - 1].lower_.rstrip(".") in COURTESY):  # "Ms Popova", NER's ORG
            kind = "person"
        key = " ".join(doc[start:end].text.split())
        owners = kb.names.get(key.lower()) or kb.names.get(f"the {key.lower()}") or _ligature_lost(key, kb)
        if owners:
            match = Found(start, end, choose([o for o, _ in owners], found + extra), owners[0][1])
        elif generic(key, kb):
            continue
        elif end - start == 1 and kind != "person" and (person := _named_in_full(doc, doc[start], people)):
            match = Found(start, end, person, "alias")  # "Q Jake, ..." after "Jake Sullivan", tagged a place
        else:
            if end - start == 1 and kind in ("organization", "place") and key in called_on:
                kind = "person"  # "Go ahead, Francesca.": someone called on by first name, whatever NER's label
            match = Found(start, end, f"{UNKNOWN}{kind}:{key}", "name")
        extra.append(match)
        people += _full_names(kb, doc, [match])
    return extra


def match_name_parts(doc: Any, kb: KnowledgeBase, found: list[Found]) -> list[Found]:
    """A capitalised proper noun alone, outside ``found``, that begins or ends the full name of exactly one person
    named before it: "Jake" after "Jake Sullivan", "Sullivan" after it, where NER tags the word as no actor or
    nothing ("legislation that Jake talked about"; a word NER tags as an actor is ``match_entities``'). Not a
    word that is also an everyday word, nor part of a longer name, a hyphened pair ("Biden-Harris") or a compound
    ("the Brady bill"); with two such people named before, it stays unresolved."""
    covered = _covered(found)
    people = _full_names(kb, doc, found)
    extra: list[Found] = []
    for token in doc:
        if (token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() or not token.is_alpha
                or len(token.text) < 2 or token.ent_type_ in ACTOR_LABELS or token.dep_ == "compound"
                or any((t.pos_ == "PROPN" and t.text[:1].isupper()) or t.text in "-–" for t in _neighbours(doc, token))):
            continue
        if (person := _named_in_full(doc, token, people)) is not None:
            extra.append(Found(token.i, token.i + 1, person, "alias"))
    return extra


def _full_names(kb: KnowledgeBase, doc: Any, found: list[Found]) -> list[Found]:
    """The mentions of ``found`` that name a person in more than one word ("Ayman al-Zawahiri", not "al-Zawahiri"),
    whose first and last tokens are proper nouns of two letters or more (not "Q Jen", a reporter's marker run into
    a name, nor "That’s AI")."""
    return [f for f in found if f.form == "name" and len(doc[f.start : f.end].text.split()) > 1 and _person(kb, f.actor)
            and all(t.pos_ == "PROPN" and len(t.text) > 1 for t in (doc[f.start], doc[f.end - 1]))]


def _named_in_full(doc: Any, token: Any, people: list[Found]) -> str | None:
    """The one person of ``people`` named before ``token`` whose name begins or ends with it; None when none or
    several are, or the word is also an everyday word, a title, or part of a name after someone."""
    if _word_too(token) or token.lower_ in TITLES or not token.is_alpha or named_after(doc, token.i, token.i + 1):
        return None
    owners = {f.actor for f in people if f.end <= token.i and _name_part(doc[f.start : f.end], token.text)}
    return owners.pop() if len(owners) == 1 else None


def _person(kb: KnowledgeBase, actor: str) -> bool:
    entry = kb.entries.get(actor)
    return entry.type == "person" if entry is not None else actor.startswith(f"{UNKNOWN}person:")


def _name_part(name: Any, word: str) -> bool:
    """Whether ``word`` is the first or the last word of a name as written (honorifics aside)."""
    words = [t.text for t in name if t.lower_ not in HONORIFICS and t.lower_ not in TITLES and t.is_alpha]
    return len(words) > 1 and word in (words[0], words[-1])


def _neighbours(doc: Any, token: Any) -> list[Any]:
    return [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]


# Head nouns of institutions and instruments that a document names in full once and then as "the Treaty",
# "the Conference", "this Committee"; such a short form is the nearest one named before (see match_definite).
DEFINITE_HEADS = frozenset({
    "treaty", "convention", "conference", "committee", "commission", "council", "court", "tribunal", "agency",
    "organization", "organisation", "assembly", "fund", "bank", "programme", "program", "movement",
    "agreement", "protocol", "charter", "declaration", "covenant", "summit", "forum", "union", "league",
})
_DETERMINERS = frozenset({"the", "this", "that"})


def match_definite(doc: Any, kb: KnowledgeBase, found: list[Found]) -> list[Found]:
    """"the Treaty", "this Conference": a capitalised institution word after a determiner, outside ``found``,
    goes to the nearest earlier knowledge-base organization or instrument whose name has that word ("the
    Treaty" after "the NPT"); with none before, it stays unresolved."""
    covered = _covered(found)
    known = sorted((f for f in found if f.actor in kb.entries and kb.entries[f.actor].type in ("organization", "other")),
                   key=lambda f: f.start)
    extra: list[Found] = []
    for token in doc:
        head = token.lower_
        if (token.i in covered or token.i == 0 or head not in DEFINITE_HEADS or not token.text[:1].isupper()
                or doc[token.i - 1].lower_ not in _DETERMINERS
                or (token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper())):
            continue
        antecedent = next((f for f in reversed(known) if f.end <= token.i
                           and head in kb.entries[f.actor].name.lower().replace("-", " ").split()), None)
        if antecedent is not None:
            extra.append(Found(token.i, token.i + 1, antecedent.actor, "alias"))
    return extra


def _ligature_lost(key: str, kb: KnowledgeBase) -> tuple[tuple[str, Any], ...] | None:
    """The owners of the one knowledge-base name that ``key`` becomes when a lost ligature is put back in one
    of its words ("Palesnians" -> "Palestinians"); None when none or several do."""
    lower = key.lower()
    if len(lower) >= kb.longest_name:  # no name this long: spare a long token (a 10 MB one) a copy per character
        return None
    found = {variant for i in range(2, len(lower) - 1) if lower[i - 1].isalpha() and lower[i].isalpha()
             for pair in LIGATURES if (variant := lower[:i] + pair + lower[i:]) in kb.names}
    return kb.names[found.pop()] if len(found) == 1 else None


def generic(name: str, kb: KnowledgeBase) -> bool:
    """Whether an entity NER found is no name of an actor: it has no capital letter ("inter alia"), is a roman
    numeral ("XII"), ends in a word broken off ("Uni-", "Department of Ener-"), or is one word that no
    knowledge-base name has and whose lower-case form (or singular) is a common English noun, adjective or adverb
    in spaCy's English lemma index ("State", "Governments", "Sovereign", "Understandably")."""
    if not any(ch.isupper() for ch in name) or roman_numeral(name) or name.endswith("-"):
        return True
    lower = name.lower()
    if " " in name or lower in kb.names or f"the {lower}" in kb.names:
        return False
    singular = {lower, lower[:-1], lower[:-2], lower[:-3] + "y"} if lower.endswith("s") else {lower}
    return not singular.isdisjoint(common_words())


@functools.cache
def common_words() -> frozenset[str]:
    """Nouns, adjectives and adverbs of the English lemmatizer's index (WordNet lemmas), lower case."""
    from onrecord.nlp import english

    index = english().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for pos in ("noun", "adj", "adv") for word in index.get(pos, ()) if word.islower())


def _trim(ent: Any) -> tuple[int, int, bool]:
    """The entity without a leading article, possessive ("’s Bipartisan" of "the President’s Bipartisan
    Infrastructure Law") or sentence-opening preposition ("Across Wisconsin"), a trailing possessive or space, and
    the end of a title that NER took in ("State" of "Secretary of State Tillerson", the words of a title before a
    person's name); and whether a title was cut (then the rest names a person)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    titled = False
    while start < end - 1:
        token = doc[start]
        title_end = token.lower_ in TITLES and (ent.label_ == "PERSON" or token.lower_.rstrip(".") in COURTESY or (
            start == ent.start and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TITLES))
        # a sentence's or a turn's first word is capitalized, so NER takes a preposition there in ("Across
        # Wisconsin, ...", "MS. DALTON: Aboard Air Force One")
        before = doc[start - 1] if start else None
        opening = start == ent.start and (token.pos_ == "ADP" or token.dep_ == "prep") and (
            before is None or token.is_sent_start or before.text == ":" or before.text_with_ws.endswith("\n"))
        if not (token.lower_ in ("the", "a", "an", "'s", "’s") or token.is_space or token.is_punct or title_end
                or opening):
            break
        titled = titled or title_end
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return start, end, titled


def _covered(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}
