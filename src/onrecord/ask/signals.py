"""What ask knows about a candidate sentence that a search engine does not: which of the question's concepts
it, its passage in the turn, the question it answers and its document contain.

A concept is a content word of the question (stemmed, with word variants) or an actor it names (with the
actor's other names from the actors layer), weighted by rarity. An actor the question names is often its
topic, which the answer does not repeat ("Does Iran regret the money?" - "We have no regrets about our
expenditures."): for an actor, being named in the sentence's passage or in the interviewer's question counts
fully, and so does the document speaking for it (an interview of its official, its speech at the UN: the
country whose "we" it is, ``voices.py``); being named elsewhere in the document counts in part.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Protocol

from onrecord.ask.query import ASKING, Question
from onrecord.corpus.connection import by_rowid
from onrecord.corpus.lexical import Concept, concepts, sentence_stems, variants, weights

# Sentences on each side of a candidate, within its turn, that make its passage.
WINDOW = 2
# What an actor named only in the rest of the document counts for, against one named near the sentence.
ACTOR_DOCUMENT = 0.5
# What a word about the asking or the speaking ("say", "speech") counts for, against a word of the subject.
ASKED = 0.3
OPENING = True


class Placed(Protocol):
    """A candidate sentence: where it is (``ask.Candidate``)."""

    rowid: int
    turn: int
    text: str
    asked: int | None


def texts_around(connection: sqlite3.Connection, candidates: Sequence[Placed]) -> dict[int, str]:
    """Sentence texts by rowid: the candidates, their neighbours in the turn, the questions they answer."""
    texts = {c.rowid: c.text for c in candidates}
    wanted = sorted({c.rowid + step for c in candidates for step in range(-WINDOW, WINDOW + 1)} - set(texts))
    asked = sorted({c.asked for c in candidates if c.asked is not None})
    texts.update(by_rowid(connection, "sentences", "text", wanted))
    if asked:
        texts.update(connection.execute(
            f"SELECT rowid, text FROM sentences WHERE turn IN ({','.join('?' * len(asked))})", asked))
    return texts


class Words:
    """The question's concepts, and which of them the sentences at hand contain.

    Ask reads candidates in stages (``read``): what is learnt of a sentence or a document is kept for the next,
    but each stage's passages and turns hold only the sentences at hand in it, as when the ranker was fitted.
    """

    def __init__(self, connection: sqlite3.Connection, question: Question, texts: dict[int, str] | None = None
                 ) -> None:
        self._connection = connection
        pairs = [(group, concept) for group, concept in
                 zip(question.groups, concepts(connection, question.groups), strict=True) if concept]
        self._groups = [group for group, _ in pairs]
        self.concepts: list[Concept] = [concept for _, concept in pairs]
        rarity = weights(connection, self.concepts) if self.concepts else []
        self.weights = [w * (ASKED if group[0] in ASKING else 1.0)
                        for w, group in zip(rarity, self._groups, strict=True)]
        self.total = sum(self.weights) or 1.0
        self._finder = _ConceptFinder(self.concepts)
        self._named = [group[0] in question.named for group in self._groups]
        self.actors = list(self._named)
        self.speaking = [index for index, group in enumerate(self._groups) if group[0] == question.speaking]
        self._spokesmen = [(place, country, terms) for first, country, terms in question.spokesmen
                           for place, group in enumerate(self._groups) if group[0] == first]
        for place, _, _ in self._spokesmen:
            self.actors[place] = True
        # Which actor concepts each document speaks for or names, as bits: cover() ORs and looks up.
        self.actor_bits = sum(1 << bit for bit, actor in enumerate(self.actors) if actor)
        self.actor_docs: list[set[int]] = [set() for _ in self._groups]
        self.voiced: list[set[int]] = [set() for _ in self._groups]
        self.voiced_bits: dict[int, int] = {}
        self.naming_bits: dict[int, int] = {}
        self.turn_of: dict[int, int] = {}
        self.doc_of: dict[int, int] = {}
        self._by_turn: dict[int, list[int]] = {}
        self.mask: dict[int, int] = {}  # which concepts each sentence has, as bits
        self.at_hand: set[int] = set()
        self._weight_of: dict[int, float] = {}
        if texts is not None:
            self.read(texts)

    def read(self, texts: dict[int, str]) -> None:
        """Make ``texts`` (rowid -> sentence text) the sentences at hand, learning what is new in them."""
        self.at_hand = set(texts)
        new = sorted(self.at_hand - self.turn_of.keys())
        if not new:
            return
        known = set(self.doc_of.values())
        for rowid, turn, doc in by_rowid(self._connection, "sentences", "turn, doc", new):
            self.turn_of[rowid], self.doc_of[rowid] = turn, doc
            self._by_turn.setdefault(turn, []).append(rowid)
        self.mask.update(self._finder.masks(sentence_stems(self._connection, {r: texts[r] for r in new}, joined=True)))
        docs = {self.doc_of[rowid] for rowid in new} - known
        if not docs:
            return
        for place, group in enumerate(self._groups):
            if self._named[place]:
                naming, voicing = _documents_naming(self._connection, group, docs)
                self.actor_docs[place] |= naming
                self.voiced[place] |= voicing
        for place, country, terms in self._spokesmen:
            self.voiced[place] |= _documents_voiced_by(self._connection, country, terms, docs)
        self.voiced_bits = _bits_by_document(self.voiced)
        self.naming_bits = _bits_by_document(self.actor_docs)

    def spoken(self, candidate: Placed) -> bool:
        """Whether the candidate's document speaks for the actor the question has speak."""
        doc = self.doc_of.get(candidate.rowid)
        return any(doc in self.voiced[index] for index in self.speaking)

    def voiced_any(self, candidate: Placed) -> bool:
        """Whether the candidate's document speaks for an actor the question names."""
        doc = self.doc_of.get(candidate.rowid)
        return any(doc in voiced for voiced in self.voiced)

    def passage(self, candidate: Placed) -> list[int]:
        """The candidate and its neighbours within ``WINDOW`` sentences in the same turn; for the opening
        sentence of an answer, also the question it answers ("Yes, it is becoming more difficult." says no more
        than its question does)."""
        around = [r for r in range(candidate.rowid - WINDOW, candidate.rowid + WINDOW + 1)
                  if r in self.at_hand and self.turn_of.get(r) == candidate.turn]
        if OPENING and candidate.asked is not None and (
                candidate.rowid - 1 not in self.at_hand or self.turn_of.get(candidate.rowid - 1) != candidate.turn):
            around.extend(self.asked(candidate))
        return around

    def asked(self, candidate: Placed) -> list[int]:
        """The sentences at hand of the interviewer's question the candidate answers."""
        return self._at_hand(candidate.asked) if candidate.asked is not None else []

    def turn(self, candidate: Placed) -> list[int]:
        """The sentences of the candidate's turn that are at hand, and of the question it answers."""
        return [*self._at_hand(candidate.turn), *self.asked(candidate)]

    def _at_hand(self, turn: int) -> list[int]:
        """The sentences at hand of a turn."""
        return [rowid for rowid in self._by_turn.get(turn, ()) if rowid in self.at_hand]

    def cover(self, rowids: list[int], candidate: Placed | None = None) -> float:
        """The share of the question's weight that ``rowids`` match (0 to 1).

        With ``candidate``, an actor not named in ``rowids`` counts when named in the candidate's passage or
        question, or when the document speaks for it (fully), or when named elsewhere in the document
        (``ACTOR_DOCUMENT``).
        """
        found = 0
        for rowid in rowids:
            found |= self.mask.get(rowid, 0)
        if candidate is None:
            return self._weight(found) / self.total
        doc = self.doc_of.get(candidate.rowid, -1)
        full = found | self.voiced_bits.get(doc, 0)
        if self.actor_bits & ~full:  # an actor still missing: is it named near the sentence?
            near = 0
            for rowid in (*self.passage(candidate), *self.asked(candidate)):
                near |= self.mask.get(rowid, 0)
            full |= near & self.actor_bits
        half = self.naming_bits.get(doc, 0) & ~full
        return (self._weight(full) + ACTOR_DOCUMENT * self._weight(half)) / self.total

    def _weight(self, bits: int) -> float:
        """The summed weight of the concepts whose bits are set (memoised: few combinations occur)."""
        known = self._weight_of.get(bits)
        if known is None:
            known = self._weight_of[bits] = sum(w for bit, w in enumerate(self.weights) if bits >> bit & 1)
        return known


def _bits_by_document(documents: list[set[int]]) -> dict[int, int]:
    """For concept sets of documents (one set per concept), each document's concepts as bits."""
    bits: dict[int, int] = {}
    for bit, found in enumerate(documents):
        for doc in found:
            bits[doc] = bits.get(doc, 0) | 1 << bit
    return bits


class _ConceptFinder:
    """Which of the question's concepts a sentence has: a concept is there when all the stems of one of its names
    are, each as it is or as a word variant ("creat" / "creation")."""

    def __init__(self, found: list[Concept]) -> None:
        stems = list(dict.fromkeys(stem for concept in found for name in concept for stem in name))
        self._place = {stem: index for index, stem in enumerate(stems)}
        self._names = [[sum(1 << self._place[stem] for stem in name) for name in concept] for concept in found]
        self._by_prefix: dict[str, list[str]] = {}  # first five letters -> concept stems of five letters or more
        for stem in stems:
            if len(stem) >= 5:
                self._by_prefix.setdefault(stem[:5], []).append(stem)
        # A variant of a stem of five letters or more shares its first five letters; a shorter one is only itself.
        wanted = [re.escape(prefix) + r"\S*" for prefix in self._by_prefix] + [re.escape(s) for s in stems if len(s) < 5]
        self._pattern = re.compile(rf"(?<!\S)(?:{'|'.join(wanted)})(?!\S)") if stems else None
        self._word_bits: dict[str, int] = {}  # a word met -> the concept stems it is or varies, as bits

    def masks(self, texts: dict[int, str]) -> dict[int, int]:
        """For each text (its stems joined by spaces), the concepts it has as bits."""
        if self._pattern is None:
            return dict.fromkeys(texts, 0)
        masks: dict[int, int] = {}
        for rowid, text in texts.items():
            present = 0
            for word in self._pattern.findall(text):  # most sentences hold none of the question's stems
                present |= self._word_bits[word] if word in self._word_bits else self._bits(word)
            mask = 0
            if present:
                for bit, concept in enumerate(self._names):
                    if any(present & name == name for name in concept):
                        mask |= 1 << bit
            masks[rowid] = mask
        return masks

    def _bits(self, word: str) -> int:
        found = 1 << self._place[word] if word in self._place else 0
        for stem in self._by_prefix.get(word[:5], ()):
            if variants(stem, word):
                found |= 1 << self._place[stem]
        self._word_bits[word] = found
        return found


def _documents_naming(connection: sqlite3.Connection, names: Sequence[str], docs: set[int]
                      ) -> tuple[set[int], set[int]]:
    """Which of ``docs`` the actors layer says name one of ``names``, and which of those speak for the actor so
    named (table ``voices``)."""
    rows = connection.execute(
        "SELECT a.doc, max(v.doc IS NOT NULL) FROM actor_names AS a"
        " LEFT JOIN voices AS v ON v.doc = a.doc AND v.actor = a.actor"
        f" WHERE a.name IN ({','.join('?' * len(names))}) AND a.doc IN ({','.join('?' * len(docs))}) GROUP BY a.doc",
        [*names, *sorted(docs)]).fetchall()
    return {doc for doc, _ in rows}, {doc for doc, voicing in rows if voicing}


def _documents_voiced_by(connection: sqlite3.Connection, country: str, terms: tuple[tuple[int, int], ...] | None,
                         docs: set[int]) -> set[int]:
    """Which of ``docs`` speak for ``country`` (its key in ``voices``), in one of the ``terms`` (years) if given."""
    if not docs:
        return set()
    rows = connection.execute(
        f"SELECT v.doc, d.year FROM voices AS v JOIN documents AS d ON d.rowid = v.doc WHERE v.actor = ?"
        f" AND v.doc IN ({','.join('?' * len(docs))})", [country, *sorted(docs)])
    return {doc for doc, year in rows
            if terms is None or (year is not None and any(low <= year <= high for low, high in terms))}
