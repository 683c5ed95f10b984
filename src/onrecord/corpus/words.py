"""The words of a text as the corpus counts them: lowercased, apostrophes kept inside words, and the
function words that carry no topic."""

from __future__ import annotations

import re

# A word: a run of letters and digits, with an apostrophe inside ("Iran's", "don't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
ours out over own same say said says she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours tell told think thinks according ever still get got make made much many
""".split())


def words(text: str) -> list[str]:
    """The words of a text, lowercased, apostrophes kept inside words."""
    text = text.replace("’", "'")
    if text.isascii():  # lowered at once (elsewhere a letter may lower to two: "İ")
        return WORD.findall(text.lower())
    return [w.lower() for w in WORD.findall(text)]
