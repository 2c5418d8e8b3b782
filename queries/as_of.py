"""Any named query as of a day: only the rows of the texts that were in force then.

A query that takes ``as_of`` itself (``outdated_bases``, ``documents_in_force``) gets the
day as a parameter; for every other one the rows are kept when the documents they come
from (any IRI of a row under a document's IRI: the document, its provisions, its facts)
were in force that day, by ``documents_in_force``. Rows that name no document (a count,
an agency alone) are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pyoxigraph import NamedNode

from cchc.graph.store.base import GraphStore, SelectResult, bound_value
from cchc.queries.runner import load_query, run_query


@dataclass(frozen=True)
class InForceFilter:
    """The documents of the store, and those in force on a day."""

    documents: frozenset[str]
    kept: frozenset[str]

    @classmethod
    def on(cls, store: GraphStore, day: dt.date) -> InForceFilter:
        in_force = {bound_value(row["source"]) for row in run_query(store, "documents_in_force", {"as_of": day.isoformat()}).rows}
        sources = {bound_value(row["doc"]): bound_value(row["source"]) for row in run_query(store, "documents").rows}
        return cls(frozenset(sources), frozenset(doc for doc, source in sources.items() if source in in_force))

    def rows(self, result: SelectResult) -> SelectResult:
        return SelectResult(result.variables, tuple(row for row in result.rows if self._kept(row)))

    def _kept(self, row: dict) -> bool:
        for term in row.values():
            if isinstance(term, NamedNode):
                owner = self._owner(term.value)
                if owner is not None and owner not in self.kept:
                    return False
        return True

    def _owner(self, iri: str) -> str | None:
        """The document an IRI is, or is under (its provisions, its facts): looked up by
        cutting path segments off the end, not by scanning every document."""
        while iri:
            if iri in self.documents:
                return iri
            iri = iri.rpartition("/")[0]
        return None


def run_as_of(store: GraphStore, name: str, values: dict[str, str], as_of: dt.date) -> SelectResult:
    if any(p.name == "as_of" for p in load_query(name).parameters):
        return run_query(store, name, {**values, "as_of": as_of.isoformat()})
    return InForceFilter.on(store, as_of).rows(run_query(store, name, values))
