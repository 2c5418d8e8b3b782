"""Kinds of administrative unit ("tỉnh", "huyện", "thị xã", …), read once from the unit-kind
scheme of ``ontology/vocab/organisation.ttl``.

The vocabulary is the one list of the words printed before a unit's name: the header
reader, the gazetteer, the query resolver, the comparison labels and the drafts' profiles
all take them from here, each with the level(s) it belongs to ("thành phố" is a province
or a former district-level city) and whether it is still formed: a kind whose levels
were all abolished, or that was abolished itself ("thị trấn"), is historic (the change
events of ``vocab/changes.ttl``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from cchc.graph.namespaces import CCHC, SKOS, VOCAB
from cchc.graph.ontology import vocabulary_graph

if TYPE_CHECKING:  # rdflib is imported when the vocabulary is first read, not with this module
    import rdflib

_SCHEME = VOCAB + "unit-kind"  # made an rdflib term where the graph is read
_LEVEL = VOCAB + "unit-level/"


@dataclass(frozen=True)
class UnitKind:
    word: str  # prefLabel, as written before a unit's name: "thị xã"
    printed: tuple[str, ...]  # the word, then the short forms a header prints ("TP", "T.P")
    levels: frozenset[str]  # the levels it belongs to, by notation: "tinh", "huyen", "xa"
    current: bool  # still formed under the two-level local government


def _vi(graph: rdflib.Graph, concept: rdflib.term.Node, name: str) -> list[str]:
    import rdflib

    return sorted(str(o) for o in graph.objects(concept, rdflib.URIRef(SKOS + name)) if getattr(o, "language", None) == "vi")


@cache
def unit_kinds() -> tuple[UnitKind, ...]:
    """Every kind of unit, the longest word first ("thị xã" before "xã"), then by word."""
    import rdflib

    graph = vocabulary_graph()
    abolished = set(graph.objects(None, rdflib.URIRef(CCHC + "abolishedLevel")))
    abolished |= set(graph.objects(None, rdflib.URIRef(CCHC + "abolishedUnitKind")))
    found = []
    for concept in graph.subjects(rdflib.URIRef(SKOS + "inScheme"), rdflib.URIRef(_SCHEME)):
        broader = set(graph.objects(concept, rdflib.URIRef(SKOS + "broader")))
        word = _vi(graph, concept, "prefLabel")[0]
        found.append(UnitKind(
            word, (word, *_vi(graph, concept, "hiddenLabel")),
            frozenset(str(level).removeprefix(_LEVEL) for level in broader),
            concept not in abolished and bool(broader - abolished),
        ))
    return tuple(sorted(found, key=lambda kind: (-len(kind.word), kind.word)))


def words() -> tuple[str, ...]:
    """The level words, the longest first: "thành phố", "đặc khu", …, "xã"."""
    return tuple(kind.word for kind in unit_kinds())


def kind_of(word: str) -> UnitKind | None:
    """The kind of unit a level word names: "thị xã" → the town, at the district level."""
    return next((kind for kind in unit_kinds() if kind.word == word), None)


def of_level(level: str) -> tuple[UnitKind, ...]:
    """The kinds of unit at ``level`` ("tinh", "huyen", "xa")."""
    return tuple(kind for kind in unit_kinds() if level in kind.levels)


def words_of(level: str) -> frozenset[str]:
    """The words of the kinds of unit at ``level``: "tinh" → "tỉnh", "thành phố"."""
    return frozenset(kind.word for kind in of_level(level))


def only_of(levels: set[str]) -> tuple[str, ...]:
    """The words of the kinds that belong to ``levels`` alone: {"huyen"} → "huyện", "quận",
    "thị xã" (not "thành phố", also a province)."""
    return tuple(kind.word for kind in unit_kinds() if kind.levels <= levels)


def alternation() -> str:
    """The level words as one regex alternation, no group, the longest first."""
    return "|".join(re.escape(word).replace("\\ ", " ") for word in words())
