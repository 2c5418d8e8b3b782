"""Fill the comparison model from the graph: one named query per topic, run once per unit.

Rows, in reading order: the documents compared; per reform area the lead, coordinating
(and, where any unit has them, appraising and supervising) agencies; meeting cadence;
reporting periods and deadlines; rating thresholds; legal bases and cited instruments;
the PAR Index areas with and without a lead. Agencies compare by function, so units at
different levels (a province's Sở, a district's Phòng) meet on what their agencies do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from cchc.generators.compare_align import align_units, load_articles
from cchc.generators.compare_labels import (
    MODE_LABELS,
    MODE_ORDER,
    OTHER_FUNCTION,
    all_areas,
    area_label,
    cadence,
    function_label,
    kind_before,
    kind_label,
    notation,
    par_areas,
    period_label,
    threshold,
)
from cchc.generators.compare_model import Cell, CompareError, Comparison, ProvisionRef, Row, Value
from cchc.generators.compare_refs import DocumentIndex
from cchc.graph.agencies import agency_key
from cchc.graph.normalize import match_key
from cchc.graph.store.base import GraphStore, SelectResult
from cchc.graph.succession import Fate
from cchc.queries.as_of import InForceFilter
from cchc.queries.runner import load_query
from cchc.queries.unit_fates import fate_in_store

PAR_LIMIT = 3  # provisions cited per covered PAR area: enough to check, few enough to read


def run(store: GraphStore, name: str, unit: Literal | None = None, area: NamedNode | None = None) -> SelectResult:
    """A compare query with the unit and area bound as RDF terms (never pasted as text)."""
    bindings: dict[str, Literal | NamedNode] = {}
    if unit is not None:
        bindings["unit"] = unit
    if area is not None:
        bindings["area"] = area
    return store.select(load_query(name).text, bindings)


def rows_of(result: SelectResult) -> list[dict[str, str]]:
    """Rows as lexical values ("" when unbound): what every cell maker reads."""
    return [{k: "" if v is None else v.value for k, v in row.items()} for row in result.rows]


@lru_cache(maxsize=1 << 14)
def name_key(name: str) -> str:
    """``agency_key``, kept: a survey of thousands of units asks it for the same few
    hundred names tens of thousands of times."""
    return agency_key(name)


def compared_key(row: dict[str, str]) -> str:
    """Agencies compare by function; one without a known function by its name, in any spelling."""
    function = row.get("function") or OTHER_FUNCTION
    return f"function:{function}" if function != OTHER_FUNCTION else f"agency:{name_key(row['agency'])}"


def agency_values(rows: Iterable[dict[str, str]], docs: DocumentIndex) -> list[Value]:
    """One value per function: the real names it goes by in this unit, and where.

    The provisions of a value are collected first and added once: a unit with thousands
    of documents gives one value thousands of provisions, and adding them one by one
    would check each against all the others.
    """
    grouped: dict[str, Value] = {}
    names: dict[str, dict[str, None]] = {}  # per value, its names in first-seen order
    refs: dict[str, list[ProvisionRef]] = {}
    for row in rows:
        key = compared_key(row)
        if key not in grouped:
            function = row.get("function") or OTHER_FUNCTION
            grouped[key] = Value(text="", key=key, note=function_label(function) if function != OTHER_FUNCTION else "")
            names[key], refs[key] = {}, []
        names[key][row["agency"]] = None
        refs[key].append(docs.ref(row["graph"], row["provision"], row.get("text", "")))
    for key, value in grouped.items():
        value.text = ", ".join(names[key])
        value.add_refs(refs[key])
    return sorted(grouped.values(), key=lambda v: (v.note or "~", v.text))


class _Builder:
    """The units being compared and their query results, each query run once per unit."""

    def __init__(self, store: GraphStore, units: list[Literal], in_force: InForceFilter | None = None) -> None:
        self.store = store
        self.units = units
        self.names = [unit.value for unit in units]
        self.in_force = in_force
        self.docs = DocumentIndex.of(_merge([run(store, "compare_documents", unit) for unit in units]))
        self.cache: dict[str, list[list[dict[str, str]]]] = {}
        self.fates: dict[str, Fate | None] = {}

    def per_unit(self, name: str) -> list[list[dict[str, str]]]:
        """The rows of query ``name`` for each unit, in the order the units were given; with
        a day, only those of the texts in force that day."""
        if name not in self.cache:
            self.cache[name] = [rows_of(self.filtered(run(self.store, name, unit))) for unit in self.units]
        return self.cache[name]

    def fate(self, unit: str) -> Fate | None:
        """The unit's fate, read once with its province from the store's documents."""
        if unit not in self.fates:
            self.fates[unit] = fate_in_store(self.store, unit)
        return self.fates[unit]

    def filtered(self, result: SelectResult) -> SelectResult:
        return self.in_force.rows(result) if self.in_force is not None else result

    def row(
        self, section: str, label: str, make: Callable[[list[dict[str, str]]], list[Value]], rows: list[list[dict[str, str]]], compared: bool = True
    ) -> Row:
        """One table row: ``make`` turns each unit's query rows into that unit's values."""
        cells = []
        for unit, unit_rows in zip(self.names, rows):
            cell = Cell(unit)
            for value in make(unit_rows):
                cell.add(value)
            cells.append(cell)
        return Row(section, label, cells, compared=compared).settle()


def _merge(results: list[SelectResult]) -> SelectResult:
    variables = results[0].variables if results else ()
    return SelectResult(variables, tuple(row for result in results for row in result.rows))


def build(store: GraphStore, units: list[Literal], area: str | None = None, align: bool = True, as_of: dt.date | None = None) -> Comparison:
    """The comparison of ``units`` (resolved unit literals); ``area`` narrows the area rows to
    one; ``as_of``: the units and their texts as they stood on that day."""
    if len(units) < 2:
        raise CompareError("cần ít nhất hai đơn vị để so sánh (hoặc dùng --all --area LĨNH_VỰC)")
    seen: set[str] = set()
    for unit in units:
        if unit.value in seen:
            raise CompareError(f"đơn vị {unit.value!r} được nêu hai lần")
        seen.add(unit.value)
    b = _Builder(store, units, InForceFilter.on(store, as_of) if as_of else None)
    rows = [_documents_row(b), _fate_row(b, as_of), _agencies_today_row(b)]
    if as_of is not None:
        rows.append(_in_force_row(b, as_of))
    rows += _area_rows(b, area)
    rows.append(b.row("Chế độ họp", "Tần suất họp", lambda rs: [_meeting(r, b.docs) for r in rs], b.per_unit("compare_meetings")))
    rows.append(b.row("Chế độ báo cáo", "Kỳ báo cáo và thời hạn", lambda rs: [_report(r, b.docs) for r in rs], b.per_unit("compare_reporting")))
    rows.append(b.row("Đánh giá, xếp loại", "Ngưỡng xếp loại", lambda rs: [_rating(r, b.docs) for r in rs], b.per_unit("compare_ratings")))
    legal = b.per_unit("compare_legal_bases")
    rows.append(b.row("Căn cứ pháp lý", "Căn cứ ban hành", lambda rs: [_instrument(r, b.docs) for r in rs if r["relation"] == "based_on"], legal))
    rows.append(
        b.row("Căn cứ pháp lý", "Văn bản được viện dẫn trong điều khoản", lambda rs: [_instrument(r, b.docs) for r in rs if r["relation"] == "cites"], legal)
    )
    if area is None:
        rows += _par_rows(b)
    named = {row["graph"] for row in b.docs.rows}
    comparison = Comparison(units=b.names, rows=rows, area=area, documents={graph: b.docs.name(graph) for graph in sorted(named)})
    if align:
        assignments = b.per_unit("compare_assignments")
        articles = [load_articles(rows_of(b.filtered(run(store, "compare_articles", unit))), b.docs, unit_rows) for unit, unit_rows in zip(units, assignments)]
        comparison.alignments = align_units(b.names, articles, b.docs)
    return comparison


def _documents_row(b: _Builder) -> Row:
    def make(unit_rows: list[dict[str, str]]) -> list[Value]:
        values = []
        for doc in unit_rows:
            attached = ", ".join(kind_label(a["doc_kind"]) for a in b.docs.annexes(doc["doc"]))
            note = "; ".join(part for part in (doc["title"] if doc["number"] else "", f"kèm theo {attached}" if attached else "") if part)
            ref = ProvisionRef(document=doc["graph"], iri=doc["doc"], eid="", label=doc["number"] or "Văn bản", text=doc["title"])
            values.append(Value(text=b.docs.name(doc["doc"]), key=doc["doc"], note=note, refs=[ref]))
        return values

    return b.row("Văn bản", "Văn bản được so sánh", make, [b.docs.main_documents(unit) for unit in b.names], compared=False)


def _fate_row(b: _Builder, as_of: dt.date | None) -> Row:
    """Whether each unit still exists (or did on ``as_of``), and which communes took it
    (``graph/succession.py``)."""

    def make(unit_rows: list[dict[str, str]]) -> list[Value]:
        found = b.fate(unit_rows[0]["unit"])
        text = found.summary(as_of) if found else "không rõ"
        return [Value(text=text, key=text)]

    label = "Đơn vị hiện nay" if as_of is None else f"Đơn vị vào ngày {as_of.day:02d}/{as_of.month}/{as_of.year}"
    return b.row("Văn bản", label, make, [[{"unit": name}] for name in b.names], compared=False)


def _agencies_today_row(b: _Builder) -> Row:
    """Who holds the work of each unit's agencies that changed (``agency_successors.py``)."""
    from cchc.generators.agency_successors import agencies_today

    def make(unit_rows: list[dict[str, str]]) -> list[Value]:
        name = unit_rows[0]["unit"]
        changed = [a for a in agencies_today(b.store, name, b.fate(name)) if a.short]
        return [Value(text=f"{a.agency} → {a.short}", key=f"{a.agency} → {a.short}") for a in changed] or [Value(text="không đổi", key="không đổi")]

    return b.row("Văn bản", "Cơ quan nay đảm nhiệm", make, [[{"unit": name}] for name in b.names], compared=False)


def _in_force_row(b: _Builder, as_of: dt.date) -> Row:
    """Which of each unit's texts were in force on ``as_of``: the others say nothing in the
    rows below (``documents_in_force``)."""
    kept = b.in_force.kept if b.in_force else frozenset()

    def make(unit_rows: list[dict[str, str]]) -> list[Value]:
        values = []
        for doc in unit_rows:
            state = "còn hiệu lực" if doc["doc"] in kept else "chưa có hoặc đã hết hiệu lực: không so sánh"
            values.append(Value(text=f"{b.docs.name(doc['doc'])}: {state}", key=state))
        return values

    return b.row(
        "Văn bản", f"Hiệu lực vào ngày {as_of.day:02d}/{as_of.month}/{as_of.year}", make, [b.docs.main_documents(unit) for unit in b.names], compared=False
    )


def _area_rows(b: _Builder, only: str | None) -> list[Row]:
    assignments = b.per_unit("compare_assignments")
    present = {(notation(r["area"]), r["mode"]) for unit_rows in assignments for r in unit_rows}
    rows: list[Row] = []
    for area in (only,) if only else all_areas():
        modes = [m for m in MODE_ORDER if m in ("chu_tri", "phoi_hop") or (area, m) in present]
        if not any((area, m) in present for m in MODE_ORDER):
            modes = ["chu_tri"]  # nobody says anything: one row shows that, without noise
        for mode in modes:
            rows.append(b.row(area_label(area), MODE_LABELS[mode], _agencies_in(area, mode, b.docs), assignments))
    return rows


def _agencies_in(area: str, mode: str, docs: DocumentIndex) -> Callable[[list[dict[str, str]]], list[Value]]:
    """The cell maker of one (area, role) row: the unit's agencies in that role, by function."""

    def make(unit_rows: list[dict[str, str]]) -> list[Value]:
        return agency_values((r for r in unit_rows if notation(r["area"]) == area and r["mode"] == mode), docs)

    return make


def _meeting(row: dict[str, str], docs: DocumentIndex) -> Value:
    per_year = float(row["per_year"]) if row["per_year"] else None
    ad_hoc = row["ad_hoc"] in ("true", "1")
    notice = f", báo trước {row['notice_days']} ngày" if row["notice_days"] else ""
    how = cadence(per_year, ad_hoc) + notice
    body = row["body"] or "Cuộc họp"
    return Value(text=f"{body}: {how}", key=how, refs=[docs.ref(row["graph"], row["provision"], row["text"])])


def _report(row: dict[str, str], docs: DocumentIndex) -> Value:
    period = period_label(row["period"]) if row["period"] else "Không nêu kỳ"
    parts = [period]
    if row["rule"]:
        parts.append(row["rule"])
    words = " — ".join(parts)
    if row["recipient"]:
        words += f"; gửi {row['recipient']}"
    if row["channel"]:
        words += f" (qua {row['channel']})"
    key = f"{row['period']}|{row['day']}|{row['month_in_period']}"
    note = f"Báo cáo: {row['reporter']}" if row["reporter"] else ""
    return Value(text=words, key=key, note=note, refs=[docs.ref(row["graph"], row["provision"], row["text"])])


def _percent(value: str) -> float | None:
    return float(value) if value else None


def _rating(row: dict[str, str], docs: DocumentIndex) -> Value:
    band = threshold(_percent(row["min_percent"]), _percent(row["max_percent"]))
    grade = row["grade"] or "Mức xếp loại"
    key = f"{match_key(grade)}|{row['min_percent']}|{row['max_percent']}"
    return Value(text=f"{grade}: {band}", key=key, refs=[docs.ref(row["graph"], row["provision"], row["text"])])


def _instrument(row: dict[str, str], docs: DocumentIndex) -> Value:
    number, title = row["number"], row["title"]
    kind = kind_label(row["instrument_kind"]) if row["instrument_kind"] else kind_before(row["text"], number)
    if number:
        shown, key = f"{kind} {number}".strip(), f"number:{match_key(number)}"
    else:
        shown = title or row["text"]
        key = f"title:{match_key(shown)}"
    note = title if number and title else ""
    return Value(text=shown, key=key, note=note, refs=[docs.ref(row["graph"], row["source"], row["text"] or shown)])


def _par_rows(b: _Builder) -> list[Row]:
    assignments = b.per_unit("compare_assignments")

    def covered(unit_rows: list[dict[str, str]], wanted: bool) -> list[Value]:
        values = []
        for area in par_areas():
            leads = [r for r in unit_rows if notation(r["area"]) == area and r["mode"] == "chu_tri"]
            if bool(leads) == wanted:
                value = Value(text=area_label(area), key=area)
                value.add_refs([b.docs.ref(r["graph"], r["provision"], r["text"]) for r in leads])
                value.refs = value.refs[:PAR_LIMIT]
                values.append(value)
        return values

    return [
        b.row("Chỉ số cải cách hành chính (PAR Index)", "Lĩnh vực đã có cơ quan chủ trì", lambda rs: covered(rs, True), assignments),
        b.row("Chỉ số cải cách hành chính (PAR Index)", "Lĩnh vực chưa có cơ quan chủ trì", lambda rs: covered(rs, False), assignments),
    ]
