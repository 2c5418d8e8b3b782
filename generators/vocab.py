"""Reform areas, agency functions and modes as the SKOS vocabularies define them.

Profiles and the graph speak in notations (``noi_vu``, ``the_che``); documents need the
Vietnamese labels. Read once from the packaged Turtle files with pyoxigraph.
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from cchc.graph.namespaces import SKOS
from cchc.resources import read_text


@cache
def _scheme(file: str, label: str = SKOS + "prefLabel") -> dict[str, str]:
    """Notation → Vietnamese ``label`` (prefLabel unless asked), in file order."""
    notations: dict[str, str] = {}
    labels: dict[str, str] = {}
    order: list[str] = []
    for quad in parse(read_text("cchc.ontology", f"vocab/{file}").encode(), format=RdfFormat.TURTLE):
        subject = quad.subject.value if isinstance(quad.subject, NamedNode) else None
        if subject is None or not isinstance(quad.object, Literal):
            continue
        if quad.predicate.value == SKOS + "notation":
            notations[subject] = quad.object.value
            order.append(subject)
        elif quad.predicate.value == label and quad.object.language == "vi":
            labels[subject] = quad.object.value
    return {notations[s]: labels.get(s, notations[s]) for s in order}


def scheme_labels(file: str) -> dict[str, str]:
    """Notation → Vietnamese label of every concept of a vocabulary file (``modes.ttl``)."""
    return _scheme(file)


def area_short_labels() -> dict[str, str]:
    """Notation → the area's short name (``cchc:shortLabel``), for narrow columns."""
    from cchc.graph.namespaces import CCHC

    return _scheme("areas.ttl", CCHC + "shortLabel")


def functions() -> dict[str, str]:
    return _scheme("functions.ttl")


def areas() -> dict[str, str]:
    return _scheme("areas.ttl")


MODES = ("chu_tri", "phoi_hop", "tham_dinh", "giam_sat")
