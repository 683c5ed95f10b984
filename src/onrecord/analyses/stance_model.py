"""The mention-level stance model: negative, neutral or positive toward the person, country or group a mention
names, from what the parse says about the mention and the words around it.

A multinomial logistic regression trained on NewsMTSC (crowd-labelled sentiment toward people in news sentences)
by ``scripts/train_stance.py``, shipped as ``data/stance.npz`` and evaluated with numpy. Its inputs:

- hashed sparse features (binary): the sentence's words and bigrams (the mention as ``<T>``, other actors as
  ``<O>``), the words next to the mention, its dependency relation and the words it hangs on, its clause's words
  (marked when the clause is negated), the role the domain lexicon gives it (object of "fight", "support",
  "against"), and each sentiment word of the lexicons by its distance from the mention in the parse;
- the rule-based score of ``stance.score_mention`` (the domain lexicon of political speech: "aggression",
  "occupation", "resistance", "martyr");
- wordllama vectors of the text left and right of the mention, of its clause, of the sentence and of a window of
  five words on each side.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from onrecord.analyses.stance import Lexicon, _clause, _negated, _role, _tokens, score_mention

MODEL_FILE = "stance.npz"
BUCKETS = 2**20
_WINDOW = 5
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos", "conj"})
_QUOTES = frozenset('“"”')


@dataclass(frozen=True)
class Target:
    """A mention to classify: its tokens, the sentence it stands in, and the tokens of the other actors there."""

    span: Any  # spaCy Span of the mention
    sentence: Any  # spaCy Span of its sentence
    others: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Inputs:
    """What the model reads of one target: hashed feature names, the rule score, and the texts it embeds."""

    names: list[str]
    rule: float
    texts: tuple[str, str, str, str, str]  # left, right, clause, sentence, window


def inputs(target: Target, words: Lexicon) -> Inputs:
    """The model's inputs for one target."""
    span, sentence = target.span, target.sentence
    inside = set(range(span.start, span.end))
    tokens = list(sentence)

    def word(token: Any) -> str:
        if token.i in inside:
            return "<T>"
        return "<O>" if token.i in target.others else str(token.lemma_.lower())

    seen = [word(t) for t in tokens]
    head = span.root
    role = head.dep_ if head.dep_ in _ROLES else "x"
    names = [f"u:{w}" for w in seen] + [f"b:{a}_{b}" for a, b in itertools.pairwise(seen)]
    names += [f"ur:{w}|{role}" for w in seen if w not in ("<T>", "<O>")]
    names += _window(span, sentence, word)
    names += [f"dep:{head.dep_}", f"deph:{head.dep_}>{head.head.lemma_.lower()}",
              f"deph2:{head.head.dep_}>{head.head.head.lemma_.lower()}"]
    names += [f"child:{c.dep_}:{c.lemma_.lower()}" for c in head.children if c.i not in inside]
    clause = _clause(head)
    negated = _negated(clause)
    names += [f"{'nc' if negated else 'c'}:{t.lemma_.lower()}" for t in _tokens(clause, span)]
    names += [f"neg:{negated}", f"role:{round(_role(head, words)[0], 1)}"]
    names += _sentiment_by_distance(span, sentence, words, role)
    names.append(f"quote:{any(ch in sentence.text for ch in _QUOTES)}")
    doc = span.doc
    texts = (doc[sentence.start : span.start].text, doc[span.end : sentence.end].text,
             " ".join(t.text for t in _tokens(clause, span)), sentence.text,
             doc[max(sentence.start, span.start - _WINDOW) : min(sentence.end, span.end + _WINDOW)].text)
    return Inputs(names, score_mention(span, words), texts)


def _window(span: Any, sentence: Any, word: Any) -> list[str]:
    doc = span.doc
    names = []
    for distance in range(1, _WINDOW + 1):
        if span.start - distance >= sentence.start:
            names.append(f"L{min(distance, 3)}:{word(doc[span.start - distance])}")
        if span.end - 1 + distance < sentence.end:
            names.append(f"R{min(distance, 3)}:{word(doc[span.end - 1 + distance])}")
    return names


def _sentiment_by_distance(span: Any, sentence: Any, words: Lexicon, role: str) -> list[str]:
    """Each sentiment word of the sentence by its distance from the mention in the parse, and its side."""
    ancestry = {t.i: k for k, t in enumerate(_chain(span.root))}
    names = []
    for token in sentence:
        if span.start <= token.i < span.end:
            continue
        value = words.valence.get(token.lemma_.lower(), words.valence.get(token.lower_, 0.0))
        if abs(value) < 0.05:
            continue
        distance = min(next((k + ancestry[t.i] for k, t in enumerate(_chain(token)) if t.i in ancestry), 9), 4)
        sign = "+" if value > 0 else "-"
        side = "L" if token.i < span.start else "R"
        names += [f"val{sign}@{distance}", f"val{sign}@{side}{distance}", f"val{sign}@{distance}|{role}"]
        if distance <= 2:
            names.append(f"near{sign}:{token.lemma_.lower()}")
    return names


def _chain(token: Any) -> list[Any]:
    """The token and its heads up to the root."""
    chain = [token]
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def hashed(names: Sequence[str]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The buckets of feature names (CRC-32, the same in training and at run time), each once."""
    return np.unique(np.fromiter((zlib.crc32(n.encode("utf-8")) % BUCKETS for n in names), dtype=np.int64))


def dense(batch: Sequence[Inputs]) -> np.ndarray[Any, np.dtype[np.float32]]:
    """The dense inputs of a batch: the rule score and its size, then the five wordllama vectors."""
    from onrecord.corpus.embed import embed

    rules = np.array([[i.rule, abs(i.rule)] for i in batch], dtype=np.float32)
    texts = [text if text.strip() else "." for i in batch for text in i.texts]
    unique = list(dict.fromkeys(texts))  # mentions of one sentence share its text: embedded once
    rows = dict(zip(unique, embed(unique), strict=True))
    vectors = np.stack([rows[text] for text in texts]).reshape(len(batch), -1)
    return np.hstack([rules, vectors]).astype(np.float32)


@dataclass(frozen=True)
class Model:
    """Weights of the three classes over the hashed buckets and the dense inputs, and their biases."""

    sparse: np.ndarray[Any, np.dtype[np.float32]]  # (BUCKETS, 3)
    dense: np.ndarray[Any, np.dtype[np.float32]]  # (dense inputs, 3)
    bias: np.ndarray[Any, np.dtype[np.float32]]  # (3,)


@functools.cache
def model() -> Model:
    """The shipped model, loaded once."""
    with resources.as_file(resources.files("onrecord") / "data" / MODEL_FILE) as path, np.load(path) as data:
        return Model(data["sparse"].astype(np.float32), data["dense"].astype(np.float32),
                     data["bias"].astype(np.float32))


def probabilities(batch: Sequence[Inputs], weights: Model | None = None) -> np.ndarray[Any, np.dtype[np.float32]]:
    """P(negative), P(neutral), P(positive) for each target of the batch, one row each."""
    if not batch:
        return np.zeros((0, 3), dtype=np.float32)
    weights = weights or model()
    logits = dense(batch) @ weights.dense + weights.bias
    for row, item in enumerate(batch):
        logits[row] += weights.sparse[hashed(item.names)].sum(axis=0)
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    shares: np.ndarray[Any, np.dtype[np.float32]] = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return shares
