"""Page "Văn bản" (``/``): the documents in the store, filtered by unit and kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import Response

from cchc.graph.store.base import GraphStore
from cchc.queries.labels import value_labels
from cchc.queries.runner import run_query
from cchc.queries.unit_fates import with_unit_fates
from cchc.web.rendering import render
from cchc.web.store import ReadOnlyStore

PAGE_SIZE = 50
T = TypeVar("T")


@dataclass(frozen=True)
class DocumentRow:
    doc: str
    graph: str
    unit: str
    unit_today: str
    kind: str  # notation
    kind_label: str
    number: str
    issued: str  # dd/mm/yyyy
    title: str
    source: str


def _date(iso: str) -> str:
    year, _, rest = iso.partition("-")
    month, _, day = rest.partition("-")
    return f"{day}/{month}/{year}" if day else iso


def document_rows(store: GraphStore) -> list[DocumentRow]:
    """Every document of the store; once per read-only view (the list does not change)."""
    return _once(store, "document_rows", lambda: _read_rows(store))


def unit_names(store: GraphStore) -> list[str]:
    """The units the documents regulate, sorted, for the pages' choices."""
    return _once(store, "unit_names", lambda: sorted({r.unit for r in document_rows(store) if r.unit}))


def _once(store: GraphStore, key: str, compute: Callable[[], T]) -> T:
    return store.memo(key, compute) if isinstance(store, ReadOnlyStore) else compute()


def _read_rows(store: GraphStore) -> list[DocumentRow]:
    kinds = value_labels("doc_kind") or {}
    result = with_unit_fates(run_query(store, "documents"))
    rows = []
    for row in result.rows:
        text = {k: (term.value if term is not None else "") for k, term in row.items()}
        rows.append(
            DocumentRow(
                doc=text["doc"], graph=text["graph"], unit=text["unit"], unit_today=text["unit_today"], kind=text["doc_kind"],
                kind_label=kinds.get(text["doc_kind"], "Văn bản khác"), number=text["number"],
                issued=_date(text["issued"]), title=text["title"], source=text["source"],
            )
        )
    return rows


def documents_page(request: Request) -> Response:
    store = request.app.state.store
    rows = document_rows(store)
    kinds = sorted({(r.kind, r.kind_label) for r in rows}, key=lambda pair: pair[1])
    unit = request.query_params.get("unit", "")
    kind = request.query_params.get("kind", "")
    matching = [r for r in rows if (not unit or r.unit == unit) and (not kind or r.kind == kind)]
    pages = max(1, -(-len(matching) // PAGE_SIZE))
    asked = request.query_params.get("trang", "1")
    page = min(max(int(asked) if asked.isdigit() else 1, 1), pages)
    shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    filters = [(name, value) for name, value in (("unit", unit), ("kind", kind)) if value]
    return render(
        request, "documents.html.j2", rows=shown, matching=len(matching), total=len(rows), units=unit_names(store), kinds=kinds,
        unit=unit, kind=kind, page=page, pages=pages, first=(page - 1) * PAGE_SIZE + 1, filters=filters,
    )
