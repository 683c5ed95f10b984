"""What the analyses found in a candidate sentence, as ask signals: a quotation of scripture or another work
(the citations layer) when the question asks what is quoted, and speech reported from the one the question has
speak (the attributions layer: "What do some Westerners say...?" finds what the interview reports them saying).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from onrecord.ask.query import Question
from onrecord.ask.signals import Placed
from onrecord.corpus.words import words

# Question words that ask for a quotation (compared lower-cased, by beginning).
_QUOTING = ("quot", "cite", "citing", "citation", "verse", "scripture", "surah", "sura")


def asks_quotation(question: Question) -> bool:
    """Whether the question asks what is quoted or cited."""
    return any(word.startswith(_QUOTING) for word in words(question.text))


class Findings:
    """The citation and attribution spans of the candidates' documents that bear on the question."""

    def __init__(self, connection: sqlite3.Connection, question: Question, candidates: Sequence[Placed]) -> None:
        rowids = sorted({c.rowid for c in candidates})
        marks = ",".join("?" * len(rowids))
        self.place = {rowid: (doc, start, end) for rowid, doc, start, end in connection.execute(
            f"SELECT rowid, doc, start, end FROM sentences WHERE rowid IN ({marks})", rowids)} if rowids else {}
        docs = sorted({doc for doc, _, _ in self.place.values()})
        self.spans: dict[int, list[tuple[int, int]]] = {}
        if not docs:
            return
        doc_marks = ",".join("?" * len(docs))
        if asks_quotation(question):
            for doc, start, end in connection.execute(
                    f"SELECT doc, start, end FROM spans WHERE layer = 'citations' AND doc IN ({doc_marks})", docs):
                self.spans.setdefault(doc, []).append((start, end))
        names = next((group for group in question.groups if group[0] == question.speaking), ())
        if names:
            pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names), re.I)
            rows = connection.execute(
                "SELECT s.doc, s.start, s.end, json_extract(f.data, '$.source.span.text') FROM spans AS s"
                " JOIN findings AS f ON f.rowid = s.finding"
                f" WHERE s.layer = 'attributions' AND s.path = 'content' AND s.doc IN ({doc_marks})", docs)
            for doc, start, end, source in rows:
                if source and pattern.search(source):
                    self.spans.setdefault(doc, []).append((start, end))

    def marked(self, candidate: Placed) -> bool:
        """Whether a span that bears on the question overlaps the candidate sentence."""
        doc, start, end = self.place.get(candidate.rowid, (None, 0, 0))
        return doc is not None and any(s < end and start < e for s, e in self.spans.get(doc, ()))
