"""Bind values into a query as RDF terms: a ``VALUES`` block opening the WHERE group.

Both backends use this one path, so a named query means the same on both. The terms are
serialised by pyoxigraph (strict N-Triples), so a user's text can only ever be read back as
that same literal or IRI: quotes, braces and newlines are escaped, and an IRI holding ``>``
cannot even be constructed. (pyoxigraph's own ``substitutions`` would need every bound
variable in the projection, which parameterised queries do not want.)
"""

from __future__ import annotations

import re

from pyoxigraph import BlankNode, Literal, NamedNode

from cchc.errors import QueryError
from cchc.graph.store.base import Bindings

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


_MARK = "#@bind"


def with_values(query: str, bindings: Bindings) -> str:
    """``query`` with ``VALUES (?a ?b) { (t1 t2) }`` opening its first WHERE group, or in
    place of every ``#@bind`` line.

    A query whose UNION branches or sub-selects need the values inside them (SPARQL
    evaluates a branch before joining it with what surrounds it) marks those places with
    ``#@bind``; without values the mark stays a comment.
    """
    if not bindings:
        return query
    for name, term in bindings.items():
        if not isinstance(term, (NamedNode, Literal, BlankNode)) or not re.fullmatch(r"\w+", name):
            raise QueryError(f"giá trị gắn cho ?{name} phải là một giá trị RDF")
    match = _WHERE.search(query)
    if not match:
        raise QueryError("truy vấn cần mệnh đề WHERE { … } để gắn tham số")
    variables = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f"VALUES ({variables}) {{ ({values}) }}"
    if _MARK in query:
        return query.replace(_MARK, block)
    return f"{query[: match.end()]} {block} {query[match.end():]}"
