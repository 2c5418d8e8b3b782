"""Which reform area a duty belongs to, from the cue phrases of the SKOS area scheme.

Each area's prefLabel, altLabels and ``cchc:cue`` phrases are matched on normalised text;
longer phrases weigh more, and the generic direction-and-reporting area weighs less, so a
duty about "rà soát văn bản quy phạm pháp luật" lands in thể chế even though it also says
"báo cáo".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import rdflib

from cchc.graph import namespaces
from cchc.graph.normalize import match_key
from cchc.graph.ontology import vocabulary_graph
from cchc.graph.phrases import phrase_alternation

SKOS = rdflib.Namespace(namespaces.SKOS)
CUE = rdflib.URIRef(namespaces.CCHC + "cue")
SCHEME = rdflib.URIRef(namespaces.VOCAB + "area")
GENERIC = "chi_dao_dieu_hanh"


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    """One alternation of every cue (longest first) and, per cue, the areas it signals."""
    graph = vocabulary_graph()
    by_phrase: dict[str, list[tuple[str, float]]] = {}
    for concept in graph.subjects(SKOS.inScheme, SCHEME):
        area = str(graph.value(concept, SKOS.notation))
        phrases = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel, CUE) for o in graph.objects(concept, p) if getattr(o, "language", "vi") == "vi"}
        for phrase in phrases:
            key = match_key(phrase)
            weight = len(key.split()) * (0.5 if area == GENERIC else 1.0)
            by_phrase.setdefault(key, []).append((area, weight))
    return re.compile(r"(?<!\w)(?:" + phrase_alternation(by_phrase) + r")(?!\w)"), by_phrase


NOT_CUE = rdflib.URIRef(namespaces.CCHC + "notCue")


@cache
def _false_friends() -> re.Pattern[str] | None:
    """Phrases that hold an area's cue word in another sense (``cchc:notCue``)."""
    graph = vocabulary_graph()
    phrases = {match_key(str(o)) for o in graph.objects(None, NOT_CUE)}
    return re.compile(r"(?<!\w)(?:" + phrase_alternation(phrases) + r")(?!\w)") if phrases else None


@lru_cache(maxsize=1 << 14)
def masked_key(text: str) -> str:
    """The matching key of ``text`` with each false friend written as one token
    ("tác động môi trường" → "tác_động_môi_trường"): no cue, no word of the model, sees
    the word inside it."""
    key = match_key(text)
    friends = _false_friends()
    return friends.sub(lambda m: m.group(0).replace(" ", "_").replace(",", ""), key) if friends else key


def area_scores(text: str, topic: Callable[[str], bool] | None = None) -> dict[str, float]:
    """Each area's cue weight in ``text``; ``topic`` tells the words of the document's own
    topic, and a cue made only of them is no evidence for one duty."""
    if topic is None:
        return dict(_area_scores(text))
    _, by_phrase = _cues()
    scores: dict[str, float] = {}
    for phrase, count in _cue_hits(text):
        if all(map(topic, _phrase_words(phrase))):
            continue
        for area, weight in by_phrase[phrase]:
            scores[area] = scores.get(area, 0.0) + weight * min(count, 2)
    return scores


@cache
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A cue's words (one lexicon, a few thousand phrases)."""
    return tuple(phrase.replace(",", " ").split())


@lru_cache(maxsize=4096)
def _cue_hits(text: str) -> tuple[tuple[str, int], ...]:
    return _key_hits(masked_key(text))


def _key_hits(key: str) -> tuple[tuple[str, int], ...]:
    pattern, _ = _cues()
    hits: dict[str, int] = {}
    for match in pattern.finditer(key):
        hits[match.group(0)] = hits.get(match.group(0), 0) + 1
    return tuple(hits.items())


def key_scores(key: str) -> dict[str, float]:
    """``area_scores`` of text already in masked-key form (the model's words, joined):
    keying it again would only repeat the work."""
    _, by_phrase = _cues()
    scores: dict[str, float] = {}
    for phrase, count in _key_hits(key):
        for area, weight in by_phrase[phrase]:
            scores[area] = scores.get(area, 0.0) + weight * min(count, 2)
    return scores


@lru_cache(maxsize=4096)
def _area_scores(text: str) -> tuple[tuple[str, float], ...]:
    _, by_phrase = _cues()
    scores: dict[str, float] = {}
    for phrase, count in _cue_hits(text):
        for area, weight in by_phrase[phrase]:
            scores[area] = scores.get(area, 0.0) + weight * min(count, 2)
    return tuple(scores.items())


def area_of_opening(text: str) -> str | None:
    """The field of the cue a phrase opens with ("tuyên truyền văn bản …"): the verb of a
    listed field names it, whatever longer topic words follow."""
    pattern, by_phrase = _cues()
    match = pattern.match(masked_key(text))
    if not match:
        return None
    areas = [area for area, _ in by_phrase[match.group(0)] if area != GENERIC]
    return areas[0] if len(set(areas)) == 1 else None


def classify(text: str, context: str = "", topic: Callable[[str], bool] | None = None) -> str:
    """The best area of ``text``; the surrounding headings decide when the text is silent."""
    for candidate in (text, context):
        scores = area_scores(candidate, topic if candidate is text else None) if candidate else {}
        if scores:
            return max(sorted(scores), key=scores.__getitem__)
    return GENERIC
