"""The area survey reads its own query: it must say what the comparison says.

It reads the per-document digests (``compare_lead_digests``), or, in a store holding
documents from before digests, the facts (``compare_leads``, ``compare_task_leads``).

The survey no longer goes through the per-unit queries of ``cchc compare A B``; these tests
hold the two paths to one answer (same agencies, same order, same provisions and source
sentences) and cover what the sample corpus lacks: plan tasks, whose lead counts as Chủ trì.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from cchc.generators.compare_build import build, rows_of, run
from cchc.generators.compare_model import Cell, Comparison
from cchc.generators.compare_survey import lead_rows_from_facts, survey
from cchc.graph.digests import digest_rows, lead_digests
from cchc.graph.namespaces import sparql_prologue
from cchc.graph.pipeline import ingest
from cchc.graph.store.embedded import EmbeddedStore
from cchc.queries import resolve

AREA = "https://w3id.org/cchc/vocab/area/"


def _cell_facts(cell: Cell) -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    """What a reader sees of a cell: names, key, function, and each provision with its sentence."""
    return [(v.text, v.key, v.note, [(r.iri, r.label, r.text) for r in v.refs]) for v in cell.values]


def _lead_row(comparison: Comparison, area_label: str):
    return next(row for row in comparison.rows if row.section == area_label and row.label == "Chủ trì")


@pytest.mark.parametrize("area", ["the_che", "thu_tuc_hanh_chinh", "chi_dao_dieu_hanh", "tai_chinh_cong"])
def test_the_survey_says_what_the_comparison_says(store, area: str) -> None:
    result = survey(store, NamedNode(AREA + area))
    units = [resolve.unit(store, cell.unit) for cell in result.cells]
    comparison = build(store, units, area=area, align=False)
    row = _lead_row(comparison, result.area_label)
    assert [cell.unit for cell in row.cells] == [cell.unit for cell in result.cells]
    for surveyed, compared in zip(result.cells, row.cells):
        assert _cell_facts(surveyed) == _cell_facts(compared), surveyed.unit


_PREFIXES = sparql_prologue().replace("PREFIX ", "@prefix ").replace(">\n", "> .\n") + """
@prefix doc: <https://w3id.org/cchc/id/doc/src/> .
@prefix ag: <https://w3id.org/cchc/id/agency/> .
@prefix fn: <https://w3id.org/cchc/vocab/function/> .
@prefix area: <https://w3id.org/cchc/vocab/area/> .
@prefix kind: <https://w3id.org/cchc/vocab/doc-kind/> .
@prefix mode: <https://w3id.org/cchc/vocab/mode/> .
"""
# A Kế hoạch whose only Chủ trì for "thể chế" is a plan task's lead (its partner coordinates).
_PLAN = r"""
doc:plan cchc:regulatesUnit "huyện Thử Nghiệm"@vi ; a cchc:LegalDocument ; cchc:documentKind kind:ke_hoach .
doc:plan\/task_1 a cchc:PlanTask ; cchc:area area:the_che ; cchc:provision doc:plan\/sec_ii__para_1 ;
    cchc:sourceText "Rà soát văn bản quy phạm pháp luật"@vi ; cchc:lead ag:a\/tu-phap ; cchc:coordinator ag:a\/noi-vu .
doc:plan\/task_2 a cchc:PlanTask ; cchc:area area:cong_vu ; cchc:provision doc:plan\/sec_ii__para_2 ;
    cchc:sourceText "Đào tạo công chức"@vi ; cchc:lead ag:a\/noi-vu .
ag:a\/tu-phap a cchc:Agency ; skos:prefLabel "Phòng Tư pháp"@vi ; cchc:hasFunction fn:tu_phap .
ag:a\/noi-vu a cchc:Agency ; skos:prefLabel "Phòng Nội vụ"@vi ; cchc:hasFunction fn:noi_vu .
"""
# A Quyết định whose attached Quy chế assigns the lead (and a partner) by Điều.
_RULES = r"""
doc:rules cchc:regulatesUnit "tỉnh Mẫu"@vi ; a cchc:LegalDocument ; cchc:documentKind kind:quyet_dinh .
doc:rules\/att_1 a cchc:LegalDocument ; cchc:documentKind kind:quy_che ; cchc:promulgatedBy doc:rules .
doc:rules\/assignment_1 a cchc:Assignment ; cchc:area area:the_che ; cchc:mode mode:chu_tri ;
    cchc:provision doc:rules\/att_1\/art_9__para_1 ; cchc:sourceText "Chủ trì cải cách thể chế"@vi ; cchc:agent ag:b\/tu-phap .
doc:rules\/assignment_2 a cchc:Assignment ; cchc:area area:the_che ; cchc:mode mode:phoi_hop ;
    cchc:provision doc:rules\/att_1\/art_9__para_2 ; cchc:sourceText "Phối hợp"@vi ; cchc:agent ag:b\/noi-vu .
ag:b\/tu-phap a cchc:Agency ; skos:prefLabel "Sở Tư pháp"@vi ; cchc:hasFunction fn:tu_phap .
ag:b\/noi-vu a cchc:Agency ; skos:prefLabel "Sở Nội vụ"@vi ; cchc:hasFunction fn:noi_vu .
"""


def _store_with_plan_tasks(directory: Path, digested: tuple[str, ...]) -> EmbeddedStore:
    """Two units: one whose only lead is a plan task's, one with an assignment in an
    attached Quy chế; the documents named in ``digested`` carry their digests."""
    opened = EmbeddedStore(directory)
    for name, body in (("plan", _PLAN), ("rules", _RULES)):
        graph = f"https://w3id.org/cchc/id/doc/src/{name}"
        triples = list(parse(_PREFIXES + body, format=RdfFormat.TURTLE))
        if name in digested:
            triples += lead_digests(NamedNode(graph), triples)
        opened.replace_graph(graph, triples)
    return opened


# Digests everywhere, nowhere (a store from before them), and in one document only.
@pytest.mark.parametrize("digested", [("plan", "rules"), (), ("rules",)])
def test_a_plan_task_lead_counts_and_its_partners_do_not(tmp_path: Path, digested: tuple[str, ...]) -> None:
    opened = _store_with_plan_tasks(tmp_path / "store", digested)
    try:
        result = survey(opened, NamedNode(AREA + "the_che"))
        leads = {cell.unit: _cell_facts(cell) for cell in result.cells}
        plan = "https://w3id.org/cchc/id/doc/src/plan"
        rules = "https://w3id.org/cchc/id/doc/src/rules"
        assert leads == {
            "huyện Thử Nghiệm": [("Phòng Tư pháp", "function:tu_phap", "Tư pháp", [(f"{plan}/sec_ii__para_1", "Mục II.1", "Rà soát văn bản quy phạm pháp luật")])],
            "tỉnh Mẫu": [("Sở Tư pháp", "function:tu_phap", "Tư pháp", [(f"{rules}/att_1/art_9__para_1", "Điều 9 khoản 1 (Quy chế kèm theo)", "Chủ trì cải cách thể chế")])],
        }
        assert result.shares[0].sentence == "Tư pháp (Phòng Tư pháp, Sở Tư pháp) chủ trì ở 2 trên 2 đơn vị (huyện Thử Nghiệm, tỉnh Mẫu)."
        assert survey(opened, NamedNode(AREA + "cong_vu")).without == ["tỉnh Mẫu"]
        # The comparison of the two units reads the same leads through its own queries.
        comparison = build(opened, [resolve.unit(opened, "Thử Nghiệm"), resolve.unit(opened, "Mẫu")], area="the_che", align=False)
        assert [_cell_facts(cell) for cell in _lead_row(comparison, result.area_label).cells] == [leads["huyện Thử Nghiệm"], leads["tỉnh Mẫu"]]
    finally:
        opened.close()


def _rows_key(rows: list[dict[str, str]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted(row.items())) for row in rows)


def test_the_digests_hold_exactly_the_leads_the_facts_hold(store) -> None:
    """Every area of the samples: the digest rows are the fact queries' rows, no more, no less."""
    areas = [row["area"].value for row in store.select(sparql_prologue() + "SELECT DISTINCT ?area WHERE { GRAPH ?g { ?f cchc:area ?area } }").rows]
    compared = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for area in areas:
            facts = lead_rows_from_facts(store, NamedNode(area), pool)
            digests = [row for found in rows_of(run(store, "compare_lead_digests", area=NamedNode(area))) for row in digest_rows(found["rows"], {})]
            assert _rows_key(digests) == _rows_key(facts), area
            compared += len(facts)
    assert len(areas) >= 8 and compared >= 60


def test_the_survey_is_the_same_on_a_remote_server(store, remote_store) -> None:
    """Over HTTP, with its queries sent from two threads at once, the survey reads the same."""
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    assert len(ingest(remote_store, [corpus]).ingested) == 5
    for area in ("the_che", "thu_tuc_hanh_chinh"):
        local, remote = survey(store, NamedNode(AREA + area)), survey(remote_store, NamedNode(AREA + area))
        assert [_cell_facts(cell) for cell in remote.cells] == [_cell_facts(cell) for cell in local.cells]
        assert sum(len(cell.values) for cell in remote.cells) >= 3
