"""The speaker's "we": first-person plural pronouns resolved to the speaker's affiliation.

Only in institutional contexts: a sentence about states, forces, security, policy... "We knew" in a story
about one's family is not the government. The sentence decides, through the words in ``INSTITUTIONAL``
(lemmas) or a mention of a country, organization or group in the same sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from onrecord.analyses.actors.matching import Found
from onrecord.kb import KnowledgeBase
from onrecord.record import Record

PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves"})
# "My Government", "our country", "my delegation": in diplomatic speech, the speaker's state, whole phrase.
OWNERS = frozenset({"my", "our"})
OWNED = frozenset({"government", "country", "delegation", "nation", "state", "republic", "administration", "people",
                   "army", "force", "parliament", "leadership", "homeland", "motherland"})
# "My Sovereign", "our august Monarch": the holder of "<Sovereign> of <the speaker's country>" (a knowledge-base
# title) on the document's date, else that office. Only monarchs: "our President" in the General Assembly is
# as often the Assembly's president as the speaker's own.
OWNED_TITLES = frozenset({"sovereign", "monarch", "king", "queen", "emperor", "shah", "shahanshah", "shahinshah"})
INSTITUTIONAL = frozenset({
    "country", "nation", "government", "state", "security", "force", "military", "army", "border", "region",
    "presence", "principle", "interest", "enemy", "war", "support", "assistance", "policy", "operation", "strike",
    "defend", "defense", "defence", "official", "revolution", "republic", "sanction", "negotiate", "negotiation",
    "agreement", "diplomacy", "ally", "resistance", "weapon", "missile", "nuclear", "threat", "aggression", "fight",
    "attack", "intervene", "intervention", "request", "expenditure", "delegation", "people", "economy", "troop",
    "territory", "sovereignty", "independence", "invade", "aggressor", "treaty", "council", "assembly", "ideal",
    "cooperation", "relation", "administration", "minister", "president", "leader", "regime", "terrorism",
    "terrorist", "occupation", "conflict", "peace", "capability", "technology", "connection", "confront",
})
_ACTOR_TYPES = ("country", "organization", "group")


def _groups(record: Record, speaker_groups: dict[str, str]) -> list[tuple[int, int, str]]:
    return [(t.span.start, t.span.end, speaker_groups[t.speaker]) for t in record.turns
            if t.speaker in speaker_groups and t.kind != "note"]


def match_owned(record: Record, doc: Any, speaker_groups: dict[str, str], kb: KnowledgeBase,
                date: str | None) -> list[Found]:
    """"my Government", "our country" (possessive, optional adjective, institutional noun) in the turns of
    speakers whose group is known, the whole phrase to the group; "my Sovereign" to the group's monarch."""
    spans = _groups(record, speaker_groups)
    extra: list[Found] = []
    for token in doc:
        if token.lower_ not in OWNERS or token.dep_ != "poss" or token.head.i <= token.i:
            continue
        noun = token.head.lemma_.lower()
        group = next((g for start, end, g in spans if start <= token.idx < end), None)
        if group is None:
            continue
        if noun in OWNED:
            extra.append(Found(token.i, token.head.i + 1, group, "pronoun"))
        elif noun in OWNED_TITLES and token.head.text[:1].isupper():
            title = f"{token.head.text} of {kb.entries[group].name}"
            holder = kb.holder(title, date) or kb.office(title)
            if holder is not None:
                extra.append(Found(token.i, token.head.i + 1, holder, "title"))
    return extra


def match_ingroup(record: Record, doc: Any, speaker_groups: dict[str, str], found: list[Found],
                  types: Mapping[str, str]) -> list[Found]:
    """"we/us/our" in the turns of speakers whose group is known (``speaker_groups``: speaker id -> actor key)."""
    spans = _groups(record, speaker_groups)
    if not spans:
        return []
    starts = {f.start for f in found if types.get(f.actor) in _ACTOR_TYPES}
    covered = {i for f in found for i in range(f.start, f.end)}
    extra: list[Found] = []
    for token in doc:
        if token.lower_ not in PRONOUNS or token.i in covered:
            continue
        group = next((g for start, end, g in spans if start <= token.idx < end), None)
        if group is not None and _institutional(token.sent, starts):
            extra.append(Found(token.i, token.i + 1, group, "pronoun"))
    return extra


def _institutional(sent: Any, actor_starts: set[int]) -> bool:
    return any(t.lemma_.lower() in INSTITUTIONAL or t.i in actor_starts for t in sent)
