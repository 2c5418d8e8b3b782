"""The reform area of a duty, decided by a linear model trained on annotated duty clauses.

Counting topic words (``areas.area_scores``) picks whatever a sentence repeats: in a plan
about digital transformation every duty says "chuyển đổi số", whether it trains staff,
funds a project or inspects. The model reads the clause's own words and word pairs, the
SKOS cue lexicon's hits as features of their own, and the nearest headings under a
separate prefix; words that recur across the document's duties are discounted, since
they name the document's topic rather than this duty's predicate.

The model is a JSON file of package data (``data/area_model.json``: vocabulary, idf and
one weight vector per area), written by ``python -m cchc.graph.train_areas`` from
``data/area_training.jsonl``. Reading it needs neither scikit-learn nor NumPy, so ingest
pays only a dictionary lookup per word.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from operator import mul

from cchc.graph.areas import GENERIC, area_scores, key_scores, masked_key
from cchc.graph.normalize import nfc
from cchc.resources import read_text

_WORD = re.compile(r"\w+")
MODEL_FILE = "data/area_model.json"
COMMON_SHARE = 0.3  # a word in more than this share of a document's duties is its topic
COMMON_WEIGHT = 0.3
COMMON_COUNT = 4  # and in at least this many
TITLE_WEIGHT = 0.5  # the document's subject, below the clause's own words
PREDICATE_WORDS = 12  # the first words of a duty clause hold its verb phrase


@dataclass(frozen=True)
class DocumentStats:
    """The words a document's duty clauses share; counted when first asked, since many
    parts of a document never reach the model or a topic cue."""

    texts: tuple[str, ...]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> DocumentStats:
        return cls(tuple(texts))

    @cached_property
    def topic(self) -> frozenset[str]:
        """The words in most of the document's duties: they name its topic, not one
        duty's field. Two rows of a six-row table that both say "kinh phí" are no topic."""
        # Lower case is key enough for a share of duties: a document's hundred duties are
        # not each keyed whole when only a few of them reach the model.
        counted: Counter[str] = Counter()
        for text in self.texts:
            counted.update(set(_WORD.findall(nfc(text).lower())))
        share = COMMON_SHARE * len(self.texts)
        return frozenset(word for word, count in counted.items() if count >= COMMON_COUNT and count > share)


@lru_cache(maxsize=256)
def _title_cues(title: str) -> dict[str, float]:
    """The title's field cues, the model's document prior (every duty of a part asks)."""
    found = area_scores(title) if title else {}
    return found


@lru_cache(maxsize=1 << 14)
def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(masked_key(text)))


def own_words(clause: str, stats: DocumentStats | None) -> str:
    """The clause without the words its document repeats in most duties: what is left
    names this duty's own field."""
    if not stats:
        return clause
    topic = stats.topic
    return " ".join("_" if t in topic else t for t in words(clause))


def features(clause: str, context: str = "", stats: DocumentStats | None = None, title: str = "") -> dict[str, float]:
    """The clause as named feature values (the same at training and at prediction).

    The document's title enters only through its cue hits (``tcue:``): the field a whole
    directive is about ("thẩm định giải quyết thủ tục đầu tư") is the annotator's reading
    of a duty that names no field of its own, while the title's words, one set per
    document, would only teach the model to recognise the training documents."""
    tokens = words(clause)
    topic = stats.topic if stats else frozenset()
    weights = [COMMON_WEIGHT if token in topic else 1.0 for token in tokens]
    found: dict[str, float] = {}
    get = found.get
    for name, weight in zip(["w:" + token for token in tokens], weights):
        found[name] = get(name, 0.0) + weight
    head = tokens[:PREDICATE_WORDS]  # the duty's verb phrase: what it does, not its topic
    for name, weight in zip(["p:" + token for token in head], weights):
        found[name] = get(name, 0.0) + weight
    for name, weight in zip([f"b:{a}_{b}" for a, b in zip(head, tokens[1 : PREDICATE_WORDS + 1])], weights):
        found[name] = get(name, 0.0) + weight
    for token in set(words(context)):
        found["c:" + token] = get("c:" + token, 0.0) + 0.5
    values: dict[str, float] = {name: 1.0 + math.log(count) if count >= 1 else count for name, count in found.items()}
    # The cue lexicon reads only the clause's own words: a cue made of the document's
    # topic words ("cải cách thủ tục hành chính" in every duty of a one-stop plan) is no
    # evidence for this duty.
    for area, score in (key_scores(own_words(clause, stats)) if stats else area_scores(clause)).items():
        values[f"cue:{area}"] = score
    for area, score in area_scores(context).items() if context else ():
        values[f"ctxcue:{area}"] = 0.5 * score
    for area, score in _title_cues(title).items():
        values[f"tcue:{area}"] = TITLE_WEIGHT * score
    return values


@dataclass(frozen=True)
class AreaModel:
    areas: tuple[str, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]  # feature → one weight per area
    bias: tuple[float, ...]

    @classmethod
    def from_json(cls, raw: dict) -> AreaModel:
        """The model as ``train_areas`` writes it."""
        weights = {name: tuple(row) for name, row in raw["weights"].items()}
        return cls(tuple(raw["areas"]), raw["idf"], weights, tuple(raw["bias"]))

    def probabilities(self, values: dict[str, float]) -> list[float]:
        idf = self.idf
        names = [name for name in values if name in idf]
        scaled = [values[name] * idf[name] for name in names]
        norm = math.sqrt(sum(value * value for value in scaled)) or 1.0
        # The known features' weight rows, transposed by zip into one column per area: each
        # score is then one C-level sum (half the time of a Python loop per feature).
        columns = zip(*[self.weights[name] for name in names]) if names else [()] * len(self.areas)
        scores = [bias + sum(map(mul, column, scaled)) / norm for bias, column in zip(self.bias, columns)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def contributions(self, values: dict[str, float], area: str) -> list[tuple[str, float]]:
        """The features that pushed a decision towards ``area``, strongest first."""
        index = self.areas.index(area)
        scaled = {n: v * self.idf[n] for n, v in values.items() if n in self.idf}
        norm = math.sqrt(sum(v * v for v in scaled.values())) or 1.0
        parts = [(n, self.weights[n][index] * v / norm) for n, v in scaled.items()]
        return sorted((p for p in parts if p[1] > 0), key=lambda p: -p[1])


@cache
def model() -> AreaModel:
    raw = json.loads(read_text("cchc.graph", MODEL_FILE))
    return AreaModel.from_json(raw)


def predict_areas(clause: str, context: str = "", stats: DocumentStats | None = None, title: str = "") -> list[tuple[str, float]]:
    """The area of a duty clause with its probability. One area: a duty that lists work of
    several fields is split by the field enumeration rule, not by a close second reading
    (which, measured on the annotations, added more wrong rows than right ones)."""
    found = model()
    values = features(clause, context, stats, title)
    if not any(name in found.idf for name in values):
        return [(GENERIC, 0.0)]
    probabilities = found.probabilities(values)
    ranked = sorted(zip(found.areas, probabilities), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:1]


def explain(clause: str, context: str = "", stats: DocumentStats | None = None, top: int = 5, title: str = "") -> list[str]:
    """The strongest features behind the decision, as "feature (+weight)" strings."""
    area = predict_areas(clause, context, stats, title)[0][0]
    return [f"{name} (+{weight:.2f})" for name, weight in model().contributions(features(clause, context, stats, title), area)[:top]]
