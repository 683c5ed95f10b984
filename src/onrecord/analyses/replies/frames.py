"""The fixed phrases by which an answer declines, claims not to know, asks what was meant, takes a position or
hedges: the frames press officers and politicians use, matched in each answer sentence.

Each frame is a pattern over the sentence's lower-cased text with typographic apostrophes made plain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ADVERB = r"(?:just |simply |certainly |really |definitely |obviously )?"
_NOT_GOING = (rf"(?:(?:^|\b(?:i|we)(?:'m| am|'re| are|'ll| will)? ){_ADVERB}not (?:going to|gonna)|(?:^|\b(?:i|we) ){_ADVERB}"
              r"(?:won't|will not|can't|cannot|wouldn't|don't want to|do not want to|'m not able to|tend not to)")
_DISCLOSE = (r"(?:get into|get ahead|get out ahead|get in front|go into|go beyond|comment|speculate|discuss|talk about|"
             r"share|preview|detail|characterize|weigh in|read out|confirm|negotiate|disclose|reveal|prejudge|"
             r"hypothesize|parse|litigate|say more|go there|answer that|tell you|speak for|speak to|speak hypothetically|"
             r"predict|make (?:any |more )?predictions|"
             r"provide (?:a lot of |a whole lot of |much |more |any )?(?:granular )?(?:detail|details|specifics))")

DECLINING = re.compile(
    rf"{_NOT_GOING}) (?:be able to )?(?:\w+ )?{_DISCLOSE}"
    r"|\b(?:refer you to|point you to|direct you to|you(?:'d| would) have to ask|you should ask|i'd ask you to ask|"
    r"ask (?:the|them|him|her) (?:\w+ )?(?:about that|directly)|let (?:them|him|her|the \w+) speak to|"
    r"(?:i'll|i will|i'm going to|i'm gonna|let me) (?:just )?leave it (?:there|at that|to)|no comment|"
    r"nothing (?:more |further |new )?to (?:announce|share|add|preview|read out|say)|"
    r"(?:don't|do not) have (?:anything|any \w+) (?:more |further |new )?(?:to (?:announce|share|add|preview|read out|"
    r"say|offer)|for you)|"
    r"(?:don't|do not) have (?:more|any more|additional|further|much more) (?:detail|details|information|to)|"
    r"not (?:in a position|able) to (?:say|share|comment|discuss|confirm|get into)|hypothetical|"
    r"(?:not|won't be) taking questions|"
    r"nor (?:am i|are we|will i|will we|do i|do we) (?:going to )?(?:\w+ )?" + _DISCLOSE + "|"
    r"(?:i'd|i would|i'll|i will|we'd|we would|we'll) (?:really |just |certainly )?defer to|"
    r"(?:i|we) (?:really |just |would |'d )?leave (?:it|that) (?:up )?to|"
    r"(?:don't|do not) have (?:any|an) (?:new )?(?:update|updates|announcement|announcements|readout|timeline|"
    r"comment|predictions?)\b)"
)
IGNORANCE = re.compile(
    r"\b(?:i|we) (?:don't|do not|didn't|did not|honestly don't) (?:know|remember|recall)(?=[.,;:!?]|$| (?:yet|exactly|"
    r"for sure|the (?:answer|details|specifics|exact|number|numbers)|what|how|when|where|who|why|whether|about that|"
    r"about it|anything|offhand))"
    r"|\b(?:i'm|i am|we're|we are) not (?:aware|sure|familiar|certain)\b(?! (?:that|you|we|i)\b)"
    r"|\b(?:i|we) (?:haven't|have not|hadn't) (?:yet )?(?:seen|heard|read|had a chance)\b"
    r"|\b(?:i|we) (?:have|had) no (?:idea|knowledge|information)\b"
    r"|\b(?:i|we) (?:wasn't|was not|weren't|were not) aware\b|\b(?:i|we) (?:did not|didn't) see\b"
    r"|\bi (?:couldn't|could not|can't|cannot) tell you (?:one way or (?:the )?other|whether|if|how|what|when)\b"
    r"|\b(?:i|we) (?:don't|do not) have (?:a lot of|much|enough) (?:information|detail|details|visibility)\b"
    r"|\b(?:i|we) (?:don't|do not) have (?:that|the|those|any|an|a) (?:\w+ )?(?:information|details|numbers|figures|"
    r"update|answer|data|specifics|assessment)\b"
    r"|\b(?:the )?first i(?:'ve| have)? heard\b|\b(?:i'd|i would|i'll|i will|let me) (?:have to )?(?:check|find out)\b"
    r"|\b(?:get back to you|circle back)\b|\btoo (?:early|soon) to (?:say|tell|know)\b"
)
CLARIFICATION = re.compile(
    r"\b(?:what|which|who) do you mean\b|\bare you (?:asking|talking|referring|saying)\b|\bsay (?:that|it) again\b"
    r"|\b(?:meaning|like) what\?|\bwhat(?:'s| is| was) the question\b|\b(?:can|could) you (?:repeat|rephrase)\b"
    r"|^(?:sorry|pardon|excuse me)\?|\bwhat (?:did|does) .{0,30} have to do with\b"
)
YES = re.compile(
    r"^(?:well,? |look,? |oh,? |and |so )?(?:yes|yeah|yep|sure|absolutely|of course|certainly|definitely|correct|"
    r"that's (?:right|correct|true)|indeed|exactly|i do\b|i did\b|i will\b|i would\b|i am\b|i have\b|we do\b|"
    r"we did\b|we will\b|we are\b|we have\b|it is\b|it does\b|it will\b|it was\b|he is\b|he will\b|they are\b|"
    r"they will\b)"
)
NO = re.compile(
    r"^(?:well,? |look,? |oh,? |and |so )?(?:no\b|nope|not at all|never|absolutely not|not really|i don't\b|"
    r"i didn't\b|i won't\b|i wouldn't\b|i'm not\b|i haven't\b|we don't\b|we didn't\b|we won't\b|we're not\b|"
    r"we aren't\b|we haven't\b|it's not\b|it isn't\b|it is not\b|that's not\b|that is not\b|he's not\b|"
    r"they're not\b|there is no\b|there's no\b|none\b)"
)
# "It was not.", "They did.", "We will, yes": a short answer that takes up the question's auxiliary.
MIRROR = re.compile(
    r"^(?:well,? |look,? |and |so )?(?:it|that|this|he|she|they|we|i|you) (?:is|was|were|are|am|will|would|did|does|"
    r"do|has|have|had|can|could|should)(?: not|n't)?(?=[.!,;]|$)"
)
HEDGE = re.compile(
    r"\b(?:i think|i believe|i guess|i suppose|i'd say|i would say|we'll see|we will see|it depends|time will tell|"
    r"hopefully|i hope|you know|look,|as i (?:said|have said|'ve said)|over time|in due course|at the end of the day|"
    r"continue to|going to continue|keep working|working on it|we're looking at|looking into|remains to be seen)"
)

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " ", "\u2013": " "})


def plain(text: str) -> str:
    """Text as the frames read it: lower case, plain apostrophes and quotes, dashes as spaces."""
    return " ".join(text.translate(_PLAIN).lower().split())


def matches(frame: re.Pattern[str], sentences: Iterable[str]) -> list[int]:
    """The indexes of the sentences (plain text) in which ``frame`` occurs."""
    return [i for i, sentence in enumerate(sentences) if frame.search(sentence)]
