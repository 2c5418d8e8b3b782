"""Serialise triples for a SPARQL Update, with terms escaped by pyoxigraph itself.

``str()`` of a pyoxigraph term is its strict N-Triples form, so a literal holding quotes,
braces or newlines, or an IRI that the term constructor accepted, can only ever be read
back as that same term.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import NamedNode, Triple

from cchc.errors import StoreError


def _graph_iri(graph: str) -> str:
    try:
        return str(NamedNode(graph))
    except ValueError:
        raise StoreError(f"tên đồ thị không phải IRI hợp lệ: {graph!r}") from None


def replace_update(graphs: Mapping[str, Iterable[Triple]]) -> str:
    """One SPARQL Update that makes each graph hold exactly its triples (one transaction)."""
    parts: list[str] = []
    for graph, triples in graphs.items():
        iri = _graph_iri(graph)
        parts.append(f"DROP SILENT GRAPH {iri}")
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        if body:
            parts.append(f"INSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}")
    return " ;\n".join(parts)


def drop_silent(graph: str) -> str:
    return f"DROP SILENT GRAPH {_graph_iri(graph)}"


def drop_update(graph: str) -> str:
    return f"DROP GRAPH {_graph_iri(graph)}"
