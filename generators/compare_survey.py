"""One reform area across every unit in the graph: who leads it where, and how often.

``cchc compare --all --area "thể chế"`` answers "which agency leads institutional reform
in our units?" with one line per unit and the distribution ("Phòng Tư pháp chủ trì ở 2
trên 4 huyện"). Leads are grouped by function, so a province's Sở Tư pháp and a district's
Phòng Tư pháp count as one answer under their real names.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from cchc.generators.compare_build import agency_values, rows_of, run
from cchc.generators.compare_labels import area_label, notation, unit_level
from cchc.generators.compare_model import Cell, CompareError, Share, Survey
from cchc.generators.compare_refs import DocumentIndex
from cchc.graph.agencies import agency_key
from cchc.graph.store.base import GraphStore


def level_word(units: list[str]) -> str:
    """"huyện" when every unit is a huyện (likewise tỉnh, xã…), else "đơn vị"."""
    levels = {unit_level(unit) for unit in units}
    return levels.pop() if len(levels) == 1 and None not in levels else "đơn vị"


def survey(store: GraphStore, area: NamedNode) -> Survey:
    """Who leads ``area`` (a concept IRI) in each unit of the graph, and the distribution."""
    units = [row["unit"] for row in rows_of(run(store, "compare_units"))]
    if not units:
        raise CompareError("kho chưa có văn bản nào ghi đơn vị (hãy nạp văn bản trước: cchc ingest)")
    docs = DocumentIndex(run(store, "compare_documents"))
    leads = [row for row in rows_of(run(store, "compare_assignments", area=area)) if row["mode"] == "chu_tri"]
    cells = []
    for unit in units:
        cell = Cell(unit)
        for value in agency_values((row for row in leads if row["unit"] == unit), docs):
            cell.add(value)
        cells.append(cell)
    level = level_word(units)
    return Survey(
        area=notation(area.value),
        area_label=area_label(notation(area.value)),
        cells=cells,
        shares=_shares(cells, level),
        without=[cell.unit for cell in cells if not cell.values],
        level=level,
    )


def _shares(cells: list[Cell], level: str) -> list[Share]:
    by_key: dict[str, dict] = {}
    for cell in cells:
        for value in cell.values:
            entry = by_key.setdefault(value.key, {"label": value.note or value.text, "names": {}, "units": []})
            for name in value.text.split(", "):
                spellings = entry["names"].setdefault(agency_key(name), {})
                spellings[name] = spellings.get(name, 0) + 1
            if cell.unit not in entry["units"]:
                entry["units"].append(cell.unit)
    shares = [
        Share(
            key=key,
            label=entry["label"],
            names=_names(entry["names"]),
            units=tuple(entry["units"]),
            total=len(cells),
            level=level,
        )
        for key, entry in by_key.items()
    ]
    return sorted(shares, key=lambda s: (-len(s.units), s.label))


def _names(spellings: dict[str, dict[str, int]]) -> tuple[str, ...]:
    """One name per real agency (its commonest spelling), the most frequent agency first."""
    ranked = sorted(spellings.values(), key=lambda forms: (-sum(forms.values()), min(forms)))
    return tuple(max(sorted(forms), key=lambda form: forms[form]) for forms in ranked)
