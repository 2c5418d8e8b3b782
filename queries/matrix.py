"""A unit's responsibility matrix read from the store: the rows of the named query, the
names of its documents, and who holds each agency's work today (``cchc matrix``, the web
page). Rendering is ``cchc.generators.matrix_xlsx``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc.graph.store.base import GraphStore, SelectResult
from cchc.queries import resolve
from cchc.queries.runner import load_query, run_query

if TYPE_CHECKING:
    from cchc.generators.matrix_xlsx import ResponsibilityMatrix


def document_names(store: GraphStore) -> dict[str, str]:
    """Document IRI → how a citation names it: "số 341/KH-UBND", else its source file."""
    names: dict[str, str] = {}
    for row in run_query(store, "documents").rows:
        number = term.value if (term := row.get("number")) is not None else ""
        source = term.value if (term := row.get("source")) is not None else ""
        name = f"văn bản số {number}" if number else (f"tệp {source}" if source else "")
        for key in ("graph", "doc"):
            if (term := row.get(key)) is not None and name:
                names.setdefault(term.value, name)
    return names


def matrix_rows(store: GraphStore, unit: str) -> tuple[str, SelectResult]:
    """(the unit as the documents name it, the matrix query's rows)."""
    chosen = resolve.unit(store, unit)
    return chosen.value, store.select(load_query("responsibility_matrix").text, {"unit": chosen})


def responsibility_matrix(store: GraphStore, unit: str, cite_documents: bool = False) -> ResponsibilityMatrix:
    """The matrix of ``unit``, with each agency's successor today; ``cite_documents``:
    provisions cited with their document's number (the workbook's comments)."""
    from cchc.generators import matrix_xlsx
    from cchc.generators.agency_successors import agencies_today
    from cchc.queries.unit_fates import fate_in_store

    name, result = matrix_rows(store, unit)
    documents = document_names(store) if cite_documents else {}
    found = fate_in_store(store, name)
    fate = found.summary() if found else ""
    successors = {a.agency: a.short for a in agencies_today(store, name, found)}
    rows = [{k: (term.value if (term := row.get(k)) is not None else None) for k in result.variables} for row in result.rows]
    return matrix_xlsx.from_rows(name, rows, resolve.area_label, documents, fate, successors)
