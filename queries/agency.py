"""Every duty of one agency, across documents and units (``cchc agency``, the web page)."""

from __future__ import annotations

from pyoxigraph import Literal

from cchc.graph.store.base import GraphStore, SelectResult
from cchc.queries import resolve
from cchc.queries.runner import load_query


def agency_profile(store: GraphStore, wanted: str, unit: str | None = None) -> SelectResult:
    """One result for every spelling the name matches ("VP HĐND-UBND" and "Văn phòng HĐND và UBND")."""
    query = load_query("agency_profile")
    unit_term = resolve.unit(store, unit) if unit else None
    rows: list[dict] = []
    for label in resolve.agency(store, wanted, unit_term):
        bindings = {"agency": Literal(label, language="vi")}
        if unit_term is not None:
            bindings["unit"] = unit_term
        rows.extend(store.select(query.text, bindings).rows)
    return SelectResult(query.columns, tuple(rows))
