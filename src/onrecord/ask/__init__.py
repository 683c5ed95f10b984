"""Ask: the sentences that answer a question, quoted verbatim. Evidence only, nothing generated.

Candidates come from FTS5 BM25, from the documents that speak for an actor the question names, and from the
answers to the interviewer questions closest to the user's (``candidates.py``); a first look at each (the
sentence alone) chooses the documents read whole (with those of the year and country the question names) and a
shortlist, which a ranker with learnt weights reads with its neighbours (``features.py``). The question's speaker
and years filter; the actors it names bring their other names.

The ask engine reads the corpus through a small interface: SQL over the corpus schema, the full-text stems
(``corpus.lexical``), the sentence vectors (``corpus.vectors``) and the documents' voices (``corpus.voices``);
the store knows nothing of ranking.
"""

from __future__ import annotations

from onrecord.ask.rank import ask

__all__ = ["ask"]
