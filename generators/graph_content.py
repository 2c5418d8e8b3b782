"""Duties read from the graph: a reference unit's regulation (``--like``) or the consensus.

Both read the same named query (``queries/draft_assignments.rq``) with the unit bound as
an RDF term. Duties are kept by *function* (the agency's SKOS function), so a district's
Phòng Văn hóa và Thông tin duty can land on the commune agency that now holds that
function. Every duty keeps the provisions it came from, for the side report.
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal

from cchc.generators.content import SourceDuty
from cchc.generators.errors import DraftError
from cchc.graph.store.base import GraphStore
from cchc.queries import resolve
from cchc.queries.runner import load_query


def _rows(store: GraphStore, unit: Literal | None = None) -> list[dict[str, str]]:
    bindings = {"unit": unit} if unit is not None else {}
    result = store.select(load_query("draft_assignments").text, bindings)
    return [{k: (v.value if v is not None else "") for k, v in row.items()} for row in result.rows]


def like(store: GraphStore, unit: str) -> tuple[list[SourceDuty], str]:
    """The reference unit's duties, by function; and the unit's name as the documents write it."""
    chosen = resolve.unit(store, unit)
    rows = _rows(store, chosen)
    if not rows:
        raise DraftError(f"đơn vị {chosen.value!r} không có phân công nào trong kho để làm mẫu")
    duties = [
        SourceDuty(row["function"] or "other", row["mode"], row["area"], (row["provision"],), row["agency"], row["text"])
        for row in rows
    ]
    return duties, chosen.value


def consensus(store: GraphStore, minimum_units: int = 2) -> tuple[list[SourceDuty], list[str]]:
    """For each reform area, the (function, mode) pairs that most units assigning that area share.

    "Most" is a strict majority of the units whose documents assign anything in the area;
    an area seen in fewer than ``minimum_units`` units says nothing about consensus and is
    skipped (reported in the notes).
    """
    rows = _rows(store)
    if not rows:
        raise DraftError("kho chưa có phân công nào (hãy nạp văn bản trước: cchc ingest)")
    units_in_area: dict[str, set[str]] = defaultdict(set)
    units_with: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    sources: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    agencies: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in rows:
        units_in_area[row["area"]].add(row["unit"])
        key = (row["function"] or "other", row["mode"], row["area"])
        units_with[key].add(row["unit"])
        sources[key].add(row["provision"])
        agencies[key].add(row["agency"])
    notes: list[str] = []
    duties: list[SourceDuty] = []
    for area, units in sorted(units_in_area.items()):
        if len(units) < minimum_units:
            notes.append(f"lĩnh vực {area}: chỉ {len(units)} đơn vị có phân công, chưa đủ để lấy đồng thuận")
            continue
        for key in sorted(k for k in units_with if k[2] == area):
            share = len(units_with[key])
            if key[0] == "other" or share * 2 <= len(units):
                continue
            notes.append(f"lĩnh vực {area}: chức năng {key[0]} ({key[1]}) ở {share}/{len(units)} đơn vị")
            duties.append(SourceDuty(key[0], key[1], area, tuple(sorted(sources[key])), "; ".join(sorted(agencies[key]))))
    if not duties:
        raise DraftError("không lĩnh vực nào có phân công được đa số đơn vị trong kho thống nhất")
    return duties, notes
