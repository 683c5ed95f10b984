"""Stance: how each speaker treats each actor, from -1 (hostile) to 1 (favourable), with evidence.

Each named mention gets a value. Where political speech's own words or roles speak (``political``), the domain
rules give it: through the dependency parse, the object of "fight" or of "against" is opposed, the object of
"support" favoured (``hostile_verbs``...), the words of the mention's own clause carry the domain lexicon's
valence (``data/stance-lexicon.yaml``: "aggression", "occupation", "resistance", "martyr"), what the sentence
calls the actor ("X was a terrorist organization") counts in full, someone else's claim does not, and negation
flips a clause. Elsewhere the learned mention model gives it (``stance_model``: P(positive) - P(negative), none
when it classes the mention neutral). A speaker's score for an actor is the mean over the sentences that carry a
value, damped for thin evidence, so mixed treatment shows as a small score with evidence on both sides.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from onrecord.analyses.addressees import addressed
from onrecord.analyses.wrongs import FIRST_PERSON, NAMED, wrong_done, wronged
from onrecord.record import ASKING_ROLES, Actor, Record, Span, Stance

_CLAUSES = frozenset({"conj", "advcl", "ccomp", "relcl", "acl", "parataxis", "xcomp"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"})
_EVIDENCE = 6
_ROLE = 0.7
_MINIMUM = 0.15  # a sentence below this carries no evidence and does not dilute the mean toward 0
# Whom a stance can be about: governments and countries as political actors, organizations, groups, persons;
# not places as geography, treaties and instruments, or figures of scripture (the knowledge base's "other").
TARGETS = frozenset({"country", "organization", "group", "person"})
CLASSES = ("negative", "neutral", "positive")  # the classes of a mention, as the model gives them
# Verbs whose complement is someone else's words ("DAESH issued a statement claiming ... a successful operation").
_REPORTING = frozenset({"claim", "say", "allege", "announce", "declare", "boast", "assert", "pretend"})


@dataclass(frozen=True)
class Lexicon:
    """Word valences and the verbs and prepositions that make their object an adversary or a friend."""

    valence: dict[str, float]
    domain: frozenset[str]
    hostile_verbs: frozenset[str]
    favourable_verbs: frozenset[str]
    hostile_prepositions: frozenset[str]
    giving_verbs: frozenset[str]
    wrongdoing: frozenset[str]
    favourable_with: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """The domain lexicon over vaderSentiment's (valences scaled from [-4, 4] to [-1, 1]); loaded once."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    data = yaml.safe_load((resources.files("onrecord") / "data" / "stance-lexicon.yaml").read_text(encoding="utf-8"))
    valence = {word: float(v) / 4 for word, v in SentimentIntensityAnalyzer().lexicon.items()}
    valence.update({word: float(v) for word, v in data["valence"].items()})
    return Lexicon(valence, frozenset(data["valence"]), frozenset(data["hostile_verbs"]), frozenset(data["favourable_verbs"]),
                   frozenset(data["hostile_prepositions"]), frozenset(data["giving_verbs"]), frozenset(data["wrongdoing"]),
                   frozenset(data["favourable_with"]))


def find_stances(record: Record, doc: Any) -> list[Stance]:
    """A stance for every (speaker, actor) pair with evidence, in order of actor then speaker.

    A sentence's value toward an actor is the mean of its mentions' values; the sentences with one are the
    evidence. Only toward those a stance can be about (``TARGETS``: not a place, a treaty or a figure of
    scripture), never toward the speaker themselves, those who ask, or someone the sentence addresses ("Thank
    you, Carolyn"); toward the speaker's own side it is marked ``own``, their self-presentation. A question holds
    none: it puts a topic or someone else's claim ("critics say..."), not the asker's position; what a moderator or
    chair says outside their questions counts."""
    from onrecord.analyses.implicit_agents import implicit_givers
    from onrecord.analyses.stance_model import Target, inputs, probabilities

    speaker_of = {t.id: t.speaker for t in record.turns if t.kind not in ("note", "question")}
    selves = {s.id: s.actor for s in record.speakers}
    labels = {s.id: _words(s.label) for s in record.speakers}
    askers = _askers(record)

    def about(actor: Actor, holder: str | None) -> bool:
        if holder is None or actor.type not in TARGETS or actor.id in askers:
            return False
        # the speaker themself, also when the label says more than the name ("CNBC TV anchor Geoff Cutmore,
        # moderator of the plenary session": "My name is Geoff Cutmore"), or their institution the label names;
        # whole words ("Oman" is not in "Chairwoman")
        return selves.get(holder) != actor.id and _words(actor.name) not in labels.get(holder, "")

    own = own_sides(record)
    starts = [s.span.start for s in record.sentences]
    named = _tokens_by_sentence(record, doc, starts)
    words = lexicon()
    found: list[tuple[str, int]] = []
    targets: list[Target] = []
    for actor, index, span in _mentions(record, doc, starts):
        holder = speaker_of.get(record.sentences[index].turn)
        if (not about(actor, holder) or (actor.type != "country" and addressed(span, record.sentences[index].span))
                or _quoted_source(record.document.text, span.start_char, record.sentences[index].span.start)
                or wronged(span, words)):
            continue
        sentence = record.sentences[index].span
        others = frozenset(i for other, tokens in named[index] if other != actor.id for i in tokens)
        found.append((actor.id, index))
        targets.append(Target(span, doc.char_span(sentence.start, sentence.end, alignment_mode="expand") or span.sent,
                              others))
    batch = [inputs(target, words) for target in targets]
    per_sentence: dict[tuple[str, int], list[float]] = defaultdict(list)
    for key, target, item, row in zip(found, targets, batch, probabilities(batch), strict=True):
        if political(target.span, words) and abs(item.rule) >= _MINIMUM:
            value = item.rule  # the domain's own words and roles, which news data lacks, speak: the rules' score
        else:
            value = float(row[2] - row[0]) if CLASSES[int(row.argmax())] != "neutral" else 0.0
        per_sentence[key].append(value)
    # a giver left out of a negated passive ("yet they were never given...") is blamed where the sentence before
    # names them: the two sentences are one piece of evidence
    spans = {key: record.sentences[key[1]].span for key in per_sentence}
    actors = {a.id: a for a in record.actors}
    for actor_id, index in implicit_givers(record, doc, named, words.giving_verbs):
        if about(actors[actor_id], speaker_of.get(record.sentences[index].turn)):
            per_sentence[(actor_id, index - 1)].append(-_ROLE)
            spans[(actor_id, index - 1)] = Span.of(record.document.text, record.sentences[index - 1].span.start,
                                                   record.sentences[index].span.end)
    scores: dict[tuple[str, str], list[tuple[float, Span, str]]] = defaultdict(list)
    for (actor_id, index), values in per_sentence.items():
        carried = [v for v in values if v]
        if carried and (mean := sum(carried) / len(carried)):
            label = "negative" if mean < 0 else "positive"
            scores[(actor_id, speaker_of[record.sentences[index].turn] or "")].append(
                (mean, spans[(actor_id, index)], label))
    return [_stance(actor, holder, evidence, own=actor in own.get(holder, ()))
            for (actor, holder), evidence in scores.items()]


def _words(text: str) -> str:
    """The text's words, lower case, one space apart and around: to find a name as whole words in a label."""
    return f" {' '.join(_WORD.findall(text.casefold()))} "


_WORD = re.compile(r"[\w-]+")


def _mentions(record: Record, doc: Any, starts: list[int], *, pronouns: bool = False
              ) -> Iterator[tuple[Actor, int, Any]]:
    """Each mention (named ones only unless ``pronouns``) with the index of its sentence and its spaCy span."""
    for actor in record.actors:
        for mention in actor.mentions:
            index = bisect_right(starts, mention.span.start) - 1
            if (mention.form == "pronoun" and not pronouns) or index < 0 \
                    or mention.span.start >= record.sentences[index].span.end:
                continue
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None:
                yield actor, index, span


def _tokens_by_sentence(record: Record, doc: Any, starts: list[int]) -> dict[int, list[tuple[str, range]]]:
    """For each sentence, the tokens of every actor named in it (pronoun mentions too), by actor: what the model
    reads as the other actors of a mention's sentence. Built once, not per mention."""
    named: dict[int, list[tuple[str, range]]] = defaultdict(list)
    for actor, index, span in _mentions(record, doc, starts, pronouns=True):
        named[index].append((actor.id, range(span.start, span.end)))
    return named


# Words that make the next name the source of what follows: the sentence's tone is the quoted words', not the
# speaker's toward their source.
_SOURCE_BEFORE = re.compile(r"\b(?:in the words of|according to|quoting|citing|as stated by)\s+(?:the\s+)?$",
                            re.IGNORECASE)


def _quoted_source(text: str, start: int, sentence_start: int) -> bool:
    """Whether the mention at ``start`` is introduced as the source of words ("In the words of the Leader, ...")."""
    return _SOURCE_BEFORE.search(text, max(sentence_start, start - 40), start) is not None


# A person a moderator calls on with their outlet: "we'll do Hiba Nasr from Asharq News", "Jane Roe with Reuters".
_CALLED_ON = re.compile(r"\s*,?\s*(?:from|with)\s+(?:the\s+)?[A-Z]")


def _askers(record: Record) -> set[str]:
    """The actors who ask in this document: an asking speaker's actor, a person named as the speaker's label
    or name ends ("BASH" is Dana Bash), or a person a moderator calls on with their outlet."""
    askers: set[str] = set()
    text = record.document.text
    moderating = [t.span for t in record.turns if t.speaker in {s.id for s in record.speakers if s.role == "moderator"}]
    for actor in record.actors:
        if actor.type == "person" and any(
                span.start <= m.span.start < span.end and _CALLED_ON.match(text, m.span.end, span.end)
                for m in actor.mentions for span in moderating):
            askers.add(actor.id)
    for speaker in record.speakers:
        if speaker.role not in ASKING_ROLES:
            continue
        if speaker.actor:
            askers.add(speaker.actor)
        surname = (speaker.name or speaker.label).split()[-1:]
        askers |= {a.id for a in record.actors
                   if a.type == "person" and surname and a.name.lower().split()[-1:] == [surname[0].lower()]}
    return askers


def own_sides(record: Record) -> dict[str, set[str]]:
    """Each speaker's own side: the actors their "we", "our country", "my Government" stand for (the in-group
    mentions in their turns), and the country the document speaks for."""
    turns = [(t.span.start, t.span.end, t.speaker) for t in record.turns if t.speaker and t.kind != "note"]
    starts = [start for start, _, _ in turns]
    sides: dict[str, set[str]] = defaultdict(set)
    for actor in record.actors:
        for mention in actor.mentions:
            if mention.form != "pronoun":  # only the in-group's "we" and "our country" are pronoun mentions
                continue
            index = bisect_right(starts, mention.span.start) - 1
            if index >= 0 and mention.span.start < turns[index][1]:
                sides[turns[index][2]].add(actor.id)
    voice = (record.document.speaks_for or "").lower()
    if voice:
        voiced = {a.id for a in record.actors if voice in (a.name.lower(), (a.kb or "").lower())}
        for speaker in record.speakers:
            sides[speaker.id] |= voiced
    return sides


def _stance(actor: str, holder: str, found: list[tuple[float, Span, str]], *, own: bool) -> Stance:
    """A speaker's score for an actor: the mean over the sentences classed negative or positive, damped when
    they are few (one sentence: half its value), so that thin or mixed evidence stays near neutral."""
    mean = sum(value for value, _, _ in found) / len(found)
    damped = mean * len(found) / (len(found) + 1)
    strongest = sorted(sorted(found, key=lambda item: -abs(item[0]))[:_EVIDENCE], key=lambda item: item[1].start)
    return Stance(actor, holder, round(max(-1.0, min(1.0, damped)), 3), tuple(span for _, span, _ in strongest),
                  own=own, classes=tuple(label for _, _, label in strongest))


def political(mention: Any, words: Lexicon) -> bool:
    """Whether the domain of political speech speaks about the mention: it is the object of a verb or preposition
    of support or hostility ("fight", "support", "against"), or its clause holds a word of the domain lexicon
    ("aggression", "occupation", "resistance", "martyr"). Then the rules' score (``score_mention``) stands."""
    head = mention.root
    return _role(head, words)[0] != 0 or any(
        t.lemma_.lower() in words.domain or t.lower_ in words.domain for t in _tokens(_clause(head), mention))


def score_mention(mention: Any, words: Lexicon) -> float:
    """The sentiment the mention's clause carries toward the actor named, in [-1, 1]."""
    head = mention.root
    role, verb = _role(head, words)
    if verb is not None and _denied(verb) and not any(c.lower_ == "if" for c in verb.children):
        role = -role  # "no one can eliminate Hamas"; but "if Daesh had not been eliminated" stays hostile
    clause = _clause(head)
    tone = _tone(_tokens(clause, mention), words)
    if _negated(clause):
        tone = -tone
    tone += sum(words.valence.get(t.lemma_.lower(), 0.0) for t in mention)
    return max(-1.0, min(1.0, role + 0.5 * max(-1.0, min(1.0, tone))))


def _tone(tokens: list[Any], words: Lexicon) -> float:
    """The valence of a clause's words; the domain lexicon's words, where the clause has any, speak alone
    ("a fabricated creation of intelligence agencies" is hostile, whatever "creation" means in general)."""
    def lemma(token: Any) -> str:
        return str(token.lemma_.lower() if token.lemma_.lower() in words.valence else token.lower_)

    domain = [t for t in tokens if lemma(t) in words.domain]
    return sum(words.valence.get(lemma(t), 0.0) for t in (domain or tokens))


def _described(token: Any, words: Lexicon) -> float | None:
    """What the sentence calls the actor: the predicate of "X was a terrorist organization", the noun of "the
    sedition of X"; ``None`` when neither applies or the words are neutral."""
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":
        predicate = [t for c in token.head.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
        tone = _tone(predicate, words)
    elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        tone = _tone([token.head.head], words)
    else:
        return None
    return max(-1.0, min(1.0, tone)) if tone else None


def _role(head: Any, words: Lexicon) -> tuple[float, Any]:
    """+/- when the actor is the object of a favouring or opposing verb (or noun) or of "against"; - when it is
    who does a wrong ("Russia's war", "Russian aggression", "Russia invaded"), unless that is denied."""
    token = head
    while True:
        wrong = wrong_done(token, words)
        if wrong is not None:
            return (0.0, None) if wrong.pos_ == "VERB" and _negated(wrong) else (-_ROLE, None)
        if token.dep_ not in ("conj", "appos", "compound") or token.head.i == token.i:
            break
        token = token.head
    possessed = token.dep_ == "poss" and token.head.i != token.i
    if possessed:  # "support Ukraine's defenses": the actor's own thing is what is supported or fought
        token = token.head
    parent = token.head
    if token.dep_ == "pobj" and parent.lower_ in words.hostile_prepositions:
        return -_ROLE, None
    described = None if possessed else _described(token, words)
    if described is not None:
        return described, None
    if token.dep_ == "attr":  # "the enemy has been the United States": what the subject calls it
        subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in words.valence:
            return words.valence[subject.lemma_.lower()], None
    if token.dep_ == "pobj":  # "war with X", "support for X": the noun or verb the preposition hangs on
        partner = parent.lower_ in ("with", "alongside")
        parent = parent.head
        if partner and parent.lemma_.lower() in words.favourable_with and not _others_act(parent):
            return _ROLE, parent  # "we work closely with the EU", "we stand with Ukraine"
    if token.dep_ in ("dobj", "pobj", "dative", "nsubjpass"):
        lemma = parent.lemma_.lower()
        if lemma in words.hostile_verbs:
            return -_ROLE, parent
        if lemma in words.favourable_verbs and not _others_act(parent):
            return _ROLE, parent
    return 0.0, None


# Subjects that name others who act, when not a named actor: "some", "countries", "certain states".
_AGENTS = frozenset({"some", "other", "others", "many", "country", "state", "government", "regime", "nation", "power",
                     "party", "side", "ally", "member"})


def _others_act(verb: Any) -> bool:
    """Whether the one who supports is someone other than the speaker's "we": "Some have even supported Israel",
    "countries supporting Israel" report others' support, not the speaker's. A thing as the subject ("the package
    will augment Ukraine's defenses") is the speaker's side acting."""
    # "countries supporting Israel": the noun a participle qualifies is who supports
    subject = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ in ("nsubj", "poss")), None)
    if subject is None or subject.lower_ in FIRST_PERSON or any(c.lower_ in FIRST_PERSON for c in subject.children):
        return False
    return (subject.pos_ == "PRON" or subject.ent_type_ in NAMED
            or subject.lemma_.lower() in _AGENTS)


def _clause(head: Any) -> Any:
    token = head
    while token.head.i != token.i and not (token.pos_ in ("VERB", "AUX") and token.dep_ in (*_CLAUSES, "ROOT")):
        token = token.head
    return token


def _tokens(clause: Any, mention: Any) -> list[Any]:
    """The clause's own words: its subtree without nested clauses that do not contain the mention."""
    skip: set[int] = set()
    for child in clause.children:
        if child.dep_ in _CLAUSES and not (child.left_edge.i <= mention.start and mention.end - 1 <= child.right_edge.i):
            skip.update(t.i for t in child.subtree)
    for token in clause.subtree:
        if token.lemma_.lower() in _REPORTING and token.i != clause.i:
            skip.update(t.i for t in token.subtree)
    return [t for t in clause.subtree if t.i not in skip and not (mention.start <= t.i < mention.end)]


def _negated(clause: Any) -> bool:
    """An odd number of negations: "there is no one who does not reject Israel" is not negated."""
    count = sum(1 for child in clause.children if child.dep_ == "neg" or (
        child.dep_ in ("nsubj", "nsubjpass") and _negative(child)))
    if clause.dep_ == "relcl" and _negative(clause.head):
        count += 1
    # "..., nor can they erase Ansarullah": the clause "nor" joins on is negated
    if clause.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in clause.head.children):
        count += 1
    return count % 2 == 1


def _denied(word: Any) -> bool:
    """Whether the verb or noun of a role is negated: "no one can eliminate Hamas", and for a noun, "no support for
    X" or the verb it is the object of ("we still do not have proper cooperation between X and Y")."""
    if _negated(word):
        return True
    if word.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in word.children):
        return True
    return word.dep_ in ("dobj", "attr") and word.head.i != word.i and _negated(word.head)


def _negative(token: Any) -> bool:
    return bool(token.lower_ in _NEGATORS or any(g.lower_ in _NEGATORS for g in token.children))
