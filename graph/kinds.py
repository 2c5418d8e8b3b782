"""Document kinds, read once from the doc-kind scheme of ``ontology/vocab/documents.ttl``.

The vocabulary is the one list of kinds: the header's kind heading ("QUYẾT ĐỊNH"), the
instruments a "Căn cứ" line or a provision cites ("Nghị định số …"), the lint cues and
the abbreviations of a draft's number all come from here, so a kind added to the
vocabulary is read everywhere at once. Pattern files name the kinds only by placeholder:
``{instrument}`` (every name of every kind) and ``{cited_instrument}`` (the kinds local
bodies cite but never issue: their name alone means another instrument); ``expanded``
fills them in when a loader reads its file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from cchc.graph.namespaces import CCHC, SKOS, VOCAB
from cchc.graph.ontology import vocabulary_graph

if TYPE_CHECKING:  # rdflib is imported when the vocabulary is first read, not with this module
    import rdflib

# IRIs as strings, made rdflib terms where the graph is read (rdflib is no light import).
_SCHEME = VOCAB + "doc-kind"
_PREF, _ALT, _HIDDEN = (SKOS + name for name in ("prefLabel", "altLabel", "hiddenLabel"))
_CITED_ONLY = CCHC + "citedOnly"
_PLACEHOLDER = re.compile(r"\{(instrument|cited_instrument)\}")


@dataclass(frozen=True)
class Kind:
    notation: str  # "quyet_dinh"
    label: str  # prefLabel: "Quyết định"
    names: tuple[str, ...]  # how a text names one: the label, then its hiddenLabels ("Văn bản" for a công văn)
    abbreviation: str | None  # altLabel, as a number prints it: "QĐ"
    cited_only: bool  # cchc:citedOnly: local bodies cite it, never issue it


def _vi(graph: rdflib.Graph, concept: rdflib.term.Node, prop: str) -> list[str]:
    import rdflib

    return sorted(str(o) for o in graph.objects(concept, rdflib.URIRef(prop)) if getattr(o, "language", None) == "vi")


@cache
def kinds() -> dict[str, Kind]:
    """Every kind of the scheme, by notation (in notation order)."""
    import rdflib

    graph = vocabulary_graph()
    found = {}
    for concept in graph.subjects(rdflib.URIRef(SKOS + "inScheme"), rdflib.URIRef(_SCHEME)):
        notation = str(graph.value(concept, rdflib.URIRef(SKOS + "notation")))
        label = _vi(graph, concept, _PREF)[0]
        abbreviations = _vi(graph, concept, _ALT)
        cited_only = graph.value(concept, rdflib.URIRef(_CITED_ONLY))
        found[notation] = Kind(
            notation, label, (label, *_vi(graph, concept, _HIDDEN)), abbreviations[0] if abbreviations else None,
            bool(isinstance(cited_only, rdflib.Literal) and cited_only.toPython() is True),
        )
    return dict(sorted(found.items()))


def notations() -> tuple[str, ...]:
    return tuple(kinds())


def label(notation: str) -> str:
    """ "quy_che" → "Quy chế"; a notation the scheme does not know is returned as it is."""
    kind = kinds().get(notation)
    return kind.label if kind else notation


def abbreviation(notation: str) -> str | None:
    """ "quyet_dinh" → "QĐ", the code a number gives the kind."""
    kind = kinds().get(notation)
    return kind.abbreviation if kind else None


@cache
def _by_name() -> dict[str, str]:
    return {name.lower(): kind.notation for kind in kinds().values() for name in kind.names}


def notation_of(name: str) -> str | None:
    """The kind a printed name says, in any case: "Thông tư liên tịch" → "thong_tu_lien_tich",
    "Văn bản" → "cong_van"."""
    return _by_name().get(" ".join(name.split()).lower())


@cache
def headings() -> dict[str, str]:
    """A kind heading as a header prints it, in capitals → notation: "QUYẾT ĐỊNH" → "quyet_dinh"."""
    return {kind.label.upper(): kind.notation for kind in kinds().values()}


@cache
def alternation(cited_only: bool = False) -> str:
    """The names of every kind (or of the cited-only ones) as one regex alternation, no
    group, the longest first: "Nghị quyết liên tịch" is tried before "Nghị quyết"."""
    names = {name for kind in kinds().values() if kind.cited_only or not cited_only for name in kind.names}
    return "|".join(re.escape(name).replace("\\ ", " ") for name in sorted(names, key=lambda name: (-len(name), name)))


def expand(pattern: str) -> str:
    """``pattern`` with ``{instrument}`` and ``{cited_instrument}`` replaced by their alternations."""
    return _PLACEHOLDER.sub(lambda m: alternation(m.group(1) == "cited_instrument"), pattern)


def expanded(data: Any) -> Any:
    """A pattern file's parsed JSON with every string (in lists and tables too) expanded."""
    if isinstance(data, str):
        return expand(data)
    if isinstance(data, list):
        return [expanded(item) for item in data]
    if isinstance(data, dict):
        return {key: expanded(value) for key, value in data.items()}
    return data
