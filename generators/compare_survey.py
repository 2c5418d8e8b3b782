"""One reform area across every unit in the graph: who leads it where, and how often.

``cchc compare --all --area "thể chế"`` answers "which agency leads institutional reform
in our units?" with one line per unit and the distribution ("Phòng Tư pháp chủ trì ở 2
trên 4 huyện"). Leads are grouped by function, so a province's Sở Tư pháp and a district's
Phòng Tư pháp count as one answer under their real names.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cache

from pyoxigraph import NamedNode

from cchc.generators.compare_build import agency_values, name_key, rows_of, run
from cchc.generators.compare_labels import area_label, notation, unit_level
from cchc.generators.compare_model import Cell, CompareError, Share, Survey
from cchc.generators.compare_refs import DocumentIndex
from cchc.graph.digests import digest_rows
from cchc.graph.store.base import GraphStore, SelectResult, bound_value


def level_word(units: list[str]) -> str:
    """"huyện" when every unit is a huyện (likewise tỉnh, xã…), else "đơn vị"."""
    levels = {unit_level(unit) for unit in units}
    level = levels.pop() if len(levels) == 1 else None
    return level if level is not None else "đơn vị"


def survey(store: GraphStore, area: NamedNode) -> Survey:
    """Who leads ``area`` (a concept IRI) in each unit of the graph, and the distribution.

    Three queries instead of the comparison's per-unit ones, all sent at once: every
    unit's name; the area's leads in all units, read from each document's digest
    (``compare_lead_digests``: one literal per document and area, which also names the
    kinds of its attached texts for provision labels); and whether any document
    predates digests (two counts). Both stores answer from other threads while Python
    waits (pyoxigraph evaluates without holding the interpreter lock; a remote server
    works on its own). A store holding documents from before digests is read from the
    facts instead (``compare_leads``, ``compare_task_leads``, ``compare_annexes``). The
    leads are grouped by unit in one pass, so the work grows with the leads, not
    units × leads.
    """
    pool = _pool()
    digested = pool.submit(run, store, "compare_lead_digests", area=area)
    counts = pool.submit(run, store, "compare_undigested")
    units = unit_names(store)
    if not units:
        raise CompareError("kho chưa có văn bản nào ghi đơn vị (hãy nạp văn bản trước: cchc ingest)")
    if _predates_digests(counts.result()):
        rows = lead_rows_from_facts(store, area, pool)
        docs = DocumentIndex.of(run(store, "compare_annexes"))
    else:
        kinds: dict[str, str] = {}
        rows = [row for found in digested.result().rows for row in digest_rows(bound_value(found["rows"]), kinds)]
        docs = DocumentIndex([{"doc": doc, "doc_kind": kind} for doc, kind in kinds.items()])
    leads = leads_by_unit(rows)
    cells = []
    for unit in units:
        cell = Cell(unit)
        for value in agency_values(leads.get(unit, ()), docs):
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


@cache
def _pool() -> ThreadPoolExecutor:
    """Two threads for the survey's queries, started once per process: starting them per
    survey costs a tenth of a survey of 100 documents."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="cchc-survey")


def _predates_digests(counts: SelectResult) -> bool:
    """Whether some document was stored before digests (it lacks ``cchc:leadDigests``)."""
    row = counts.rows[0] if counts.rows else {}
    documents, digested = (int(term.value) if (term := row.get(name)) is not None else 0 for name in ("documents", "digested"))
    return digested < documents


def lead_rows_from_facts(store: GraphStore, area: NamedNode, pool: ThreadPoolExecutor) -> list[dict[str, str]]:
    """The area's leads read from the facts: assignments and plan tasks, side by side."""
    results = pool.map(lambda name: run(store, name, area=area), ("compare_leads", "compare_task_leads"))
    return [row for result in results for row in rows_of(result)]


def unit_names(store: GraphStore) -> list[str]:
    """Every unit named by a document, in the order SPARQL's ORDER BY would give.

    ``compare_units`` returns them unsorted (ordering in the store costs more than the
    query); names compare by their characters, as the store compares plain and
    language-tagged literals.
    """
    terms = [row["unit"] for row in run(store, "compare_units").rows if row["unit"] is not None]
    return [term.value for term in sorted(terms, key=lambda term: (term.value, str(term)))]


def leads_by_unit(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The lead rows of each unit, in the order ``compare_assignments`` lists them.

    That query orders by agency name, then provision; the source sentence and the
    function settle ties, so the first sentence kept for a provision is always the same.
    """
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in sorted(rows, key=lambda r: (r["agency"], r["provision"], r["text"], r["function"])):
        grouped.setdefault(row["unit"], []).append(row)
    return grouped


def _shares(cells: list[Cell], level: str) -> list[Share]:
    by_key: dict[str, dict] = {}
    for cell in cells:
        for value in cell.values:
            entry = by_key.setdefault(value.key, {"label": value.note or value.text, "names": {}, "units": {}})
            for name in value.text.split(", "):
                spellings = entry["names"].setdefault(name_key(name), {})
                spellings[name] = spellings.get(name, 0) + 1
            entry["units"].setdefault(cell.unit, None)  # a dict keeps first-seen order, and looks up in O(1)
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
