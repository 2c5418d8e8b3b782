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
from cchc.graph.succession import Fate, fate, fate_of_document
from cchc.queries.runner import run_query


def _text(term) -> str | None:
    return term.value if term is not None else None


def with_unit_fates(result: SelectResult, unit: str = "unit", store: GraphStore | None = None) -> SelectResult:
    """``result`` and a ``unit_today`` column, read from its ``unit``, ``province`` and
    ``former_province`` columns; with the store, an ``agencies_today`` column too: how many
    of the unit's agencies changed (``cchc units agencies`` names them)."""
    fates: dict[tuple, Fate | None] = {}
    changed: dict[str, str | None] = {}
    rows = []
    for row in result.rows:
        key = (_text(row.get(unit)), _text(row.get("province")), _text(row.get("former_province")))
        if key not in fates:
            fates[key] = fate_of_document(*key)
        known = fates[key]
        summary = known.summary() if known else None
        name = key[0]
        if store is not None and name and name not in changed:
            from cchc.generators.agency_successors import agencies_today  # it builds on the draft profiles

            found = agencies_today(store, name, known)
            moved = sum(1 for a in found if a.short)
            changed[name] = f"{moved}/{len(found)} cơ quan đã chuyển, hợp nhất hoặc không còn" if moved else ("không đổi" if found else None)
        agencies = changed.get(name) if name is not None else None
        extra = {"agencies_today": Literal(agencies, language="vi") if agencies else None} if store is not None else {}
        rows.append({**row, "unit_today": Literal(summary, language="vi") if summary else None, **extra})
    variables = (*result.variables, "unit_today", *(("agencies_today",) if store is not None else ()))
    return SelectResult(variables, tuple(rows))


def gone_by(units: Iterable[str], on: dt.date) -> list[str]:
    """A warning for each unit that no longer existed on ``on``: its deadlines bind nobody."""
    warnings = []
    for unit in sorted(set(units)):
        found = fate(unit)
        if found.exists is False and found.changed is not None and found.changed <= on:
            warnings.append(f"{unit} {found.summary()}: các hạn báo cáo của đơn vị này từ ngày đó không còn áp dụng.")
    return warnings


def fate_in_store(store: GraphStore, unit: str) -> Fate | None:
    """The fate of a unit of the store's documents, read with their province."""
    for row in run_query(store, "documents").rows:
        if (term := row.get("unit")) is not None and term.value == unit:
            return fate_of_document(unit, _text(row.get("province")), _text(row.get("former_province")))
    return None
