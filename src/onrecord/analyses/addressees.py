"""Who a sentence speaks to rather than of: vocatives, thanks, a first name given the floor or called on. No stance
is toward them (``stance.find_stances``); a given name called on is a person (``actors.resolve.match_entities``)."""

from __future__ import annotations

from typing import Any

from onrecord.kb.names import given_name
from onrecord.record import Span

# Vocatives: a name that opens the sentence or is set off by commas and is neither subject nor object ("Jake, I'd
# like to...", "OK, Jake.", "Let me tell you, Jake, the biggest threat..."), and whoever a sentence of thanks names
# ("Thank you, Carolyn", "Thank you, also, to Hugh Hewitt"): courtesy, not a stance.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "poss", "agent", "conj"})
_DISCOURSE = frozenset({"well", "and", "but", "so", "ok", "okay", "oh", "now", "look", "listen", "again", "yes", "no", "sir",
                        "you", "please"})
_THANKS = frozenset({"thank", "thanks"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "madam", "madame", "dr", "sir", "mister", "senator", "governor",
                         "secretary", "president", "minister", "ambassador", "general", "congressman", "congresswoman"})
_RESUMPTIVE = frozenset({"he", "she", "it", "they"})


def addressed(span: Any, sentence: Span) -> bool:
    """Whether ``sentence`` (the Record's, within its turn: no speaker label) speaks to the person named, or
    thanks them, rather than speaks of them."""
    doc = span.doc
    if _given_the_floor(span):
        return True
    sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") or span.sent
    lead = doc[sent.start : span.start]
    colon = max((t.i for t in lead if t.text.endswith(":")), default=sent.start - 1)  # "(UNKNOWN): Jake, ..."
    opening = [t for t in doc[colon + 1 : span.start] if not t.is_punct]
    first = next((t for t in sent if not t.is_punct and t.lower_ not in _DISCOURSE), None)
    if first is not None and first.lower_ in _THANKS:
        return True
    after = doc[span.end] if span.end < sent.end else None
    if after is not None and not (after.is_punct and after.text != "'s"):
        return False
    if all(t.lower_ in _DISCOURSE or t.lower_.rstrip(".") in _HONORIFICS or t.dep_ == "intj" for t in opening):
        # "Jake, I'd like to...", "OK, Jake.", "Mr. President, the world...": not a subject with its verb after
        # the commas ("Putin, who invaded Ukraine, is..."), nor a topic taken up again ("Putin, he is...").
        root = span.root
        following = doc[span.end + 1] if span.end + 1 < sent.end else None
        subject = root.dep_ in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i for c in root.head.children)
        return not subject and not (following is not None and following.lower_ in _RESUMPTIVE)
    before = doc[span.start - 1]
    if before.text != ",":
        return False
    return span.root.dep_ not in _ARGUMENTS or (span.start >= 2 and doc[span.start - 2].lower_ in _DISCOURSE)


def _given_the_floor(span: Any) -> bool:
    """Whether a first name alone is given the floor: "Let's go to Molly", "And then come back to Jennifer", "I'll
    turn it over to Jake" (not "We went to Putin": no given name)."""
    root = span.root
    if len(span) != 1 or not given_name(span.text) or root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    verb = root.head.head
    while verb.lower_ in ("back", "over") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in _FLOOR_VERBS


_FLOOR_VERBS = frozenset({"go", "come", "turn"})


def called(doc: Any, i: int) -> bool:
    """Whether the word at ``i`` calls on someone: set off by a comma before and the sentence's end after ("Go
    ahead, Francesca.", "Yes, Mary?"), not as the last of a list ("Boston, Dallas."); or after a reporter's "Q"
    with a comma after ("Q Jake, on the...")."""
    after = doc[i + 1].text if i + 1 < len(doc) else "."
    if i >= 2 and doc[i - 1].text == "," and after in _ENDS and doc[i - 2].pos_ != "PROPN":
        return True
    return i >= 1 and doc[i - 1].text == "Q" and doc[i - 1].is_sent_start and after == ","


_ENDS = frozenset({".", "?", "!", "…"})
