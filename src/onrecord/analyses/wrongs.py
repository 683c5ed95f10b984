"""Wrongs in political speech, who does them and to whom: "Russia's war against Ukraine", "Russian aggression",
"undemocratic moves by China", "Russia invaded Ukraine".

Whoever does a wrong is treated with hostility by the speaker who names it so (``wrong_done``, read by the stance
rules' ``_role``); whom someone else wrongs is no adversary of the speaker for it (``wronged``: that mention holds
no stance). The wrongs are the ``wrongdoing`` words of the stance lexicon, nouns, verbs and the adjectives that make
a noun one ("undemocratic moves").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onrecord.analyses.stance import Lexicon

FIRST_PERSON = frozenset({"i", "we", "us", "me", "my", "our"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # NER's labels of those who act


def _wrong(token: Any, words: Lexicon) -> bool:
    """Whether the word names a wrong done: "aggression", "invaded", or a noun a word of wrongdoing qualifies
    ("undemocratic moves")."""
    def listed(t: Any) -> bool:
        return t.lemma_.lower() in words.wrongdoing or t.lower_ in words.wrongdoing

    if token.pos_ not in ("NOUN", "VERB"):
        return False
    return listed(token) or (token.pos_ == "NOUN" and any(c.dep_ == "amod" and listed(c) for c in token.children))


def wrong_done(token: Any, words: Lexicon) -> Any:
    """The wrong the actor does, where the sentence gives it one: its own ("Russia's war", "Russian aggression",
    "China's human rights abuses"), its doing ("moves by China", "was invaded by Russia") or its act ("Russia
    invaded")."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ == "poss" and _wrong(head, words):
        return head
    # a name before an act both sides may do is where or between whom ("the Ukraine war", "the Hamas-Israel war")
    if token.dep_ in ("amod", "compound", "nmod") and _wrong(head, words) and head.lemma_.lower() not in words.hostile_verbs:
        return head
    if token.dep_ == "pobj" and head.lower_ == "by" and head.head.i != head.i and _wrong(head.head, words):
        return head.head
    if token.dep_ == "nsubj" and _wrong(head, words) and head.pos_ == "VERB":
        return head
    return None


def wronged(mention: Any, words: Lexicon) -> bool:
    """Whether the actor is who a wrong is done to by someone else: "Russia's war against Ukraine", "the Hamas
    attack on Israel", "Russia invaded Ukraine", "aggression against Ukraine". The wrong is its doer's; it is no
    evidence that the speaker opposes the one it is done to. Without a doer, an act the speaker's side may do
    ("the war against ISIS", "attacks on Daesh") is the speaker's."""
    token = mention.root
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "poss" and token.head.i != token.i:  # "attacks on Ukraine's cities"
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ != "by" and token.head.head.i != token.head.i:
        act = token.head.head
    elif token.dep_ in ("dobj", "nsubjpass") and token.head.i != token.i:
        act = token.head
    else:
        return False
    if not _wrong(act, words):
        return False
    doer = _doer(act)
    if doer is None:
        return act.lemma_.lower() not in words.hostile_verbs
    return doer.lower_ not in FIRST_PERSON


def _doer(act: Any) -> Any:
    """Who does an act: a verb's subject or passive agent, a noun's possessor, its "by", or the name or
    nationality that qualifies it ("Russian aggression", "the Hamas attack")."""
    for child in act.children:
        if child.dep_ in ("nsubj", "poss"):
            return child
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if act.pos_ == "NOUN" and child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in NAMED:
            return child
    if act.dep_ == "acl" and act.pos_ == "VERB":  # "countries invading their neighbours"
        return act.head
    return None
