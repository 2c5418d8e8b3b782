"""A query result with each row's unit as it stands today, beside the unit it names.

Documents, matrices and comparisons name the unit their text names ("huyện Mỹ Xuyên");
since 1 July 2025 most of those units are gone. ``unit_today`` says so and names the
communes that took their territory (``graph/succession.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pyoxigraph import Literal

from cchc.graph.store.base import GraphStore, SelectResult
from cchc.graph.succession import fate, fate_of_document
from cchc.queries.runner import run_query


def _text(term) -> str | None:
    return term.value if term is not None else None


def with_unit_fates(result: SelectResult, unit: str = "unit") -> SelectResult:
    """``result`` and a ``unit_today`` column, read from its ``unit``, ``province`` and
    ``former_province`` columns."""
    cache: dict[tuple, str | None] = {}
    rows = []
    for row in result.rows:
        key = (_text(row.get(unit)), _text(row.get("province")), _text(row.get("former_province")))
        if key not in cache:
            fate = fate_of_document(*key)
            cache[key] = fate.summary() if fate else None
        rows.append({**row, "unit_today": Literal(cache[key], language="vi") if cache[key] else None})
    return SelectResult((*result.variables, "unit_today"), tuple(rows))


def gone_by(units: Iterable[str], on: dt.date) -> list[str]:
    """A warning for each unit that no longer existed on ``on``: its deadlines bind nobody."""
    warnings = []
    for unit in sorted(set(units)):
        found = fate(unit)
        if found.exists is False and found.changed is not None and found.changed <= on:
            warnings.append(f"{unit} {found.summary()}: các hạn báo cáo của đơn vị này từ ngày đó không còn áp dụng.")
    return warnings


def unit_fate(store: GraphStore, unit: str) -> str:
    """The fate of a unit of the store's documents, read with their province."""
    for row in run_query(store, "documents").rows:
        if row.get("unit") is not None and row["unit"].value == unit:
            found = fate_of_document(unit, _text(row.get("province")), _text(row.get("former_province")))
            return found.summary() if found else ""
    return ""
