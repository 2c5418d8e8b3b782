"""The ontology loads everywhere it must, is consistent for HermiT, and the shapes bite."""

from __future__ import annotations

import shutil
from pathlib import Path

import owlready2
import pytest
import rdflib

from cchc.graph.ontology import ontology_files, ontology_graph, shapes_graph
from cchc.graph.validate import reason, validate_shacl
from cchc.resources import read_text

FIXTURES = Path(__file__).parent / "fixtures"
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
OWL = rdflib.OWL


def fixture(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURES / name)


def test_every_packaged_ontology_file_parses() -> None:
    names = ontology_files()
    assert names[0] == "cchc.ttl" and len(names) >= 6
    for name in [*names, "shapes.ttl"]:
        assert len(rdflib.Graph().parse(data=read_text("cchc.ontology", name), format="turtle")) > 10


def test_ontology_is_labelled_in_vietnamese_and_english() -> None:
    graph = ontology_graph()
    for cls in graph.subjects(rdflib.RDF.type, OWL.Class):
        if str(cls).startswith("https://w3id.org/cchc/ontology#"):
            languages = {label.language for label in graph.objects(cls, rdflib.RDFS.label)}
            assert {"vi", "en"} <= languages, cls


def test_vocabularies_cover_the_facts_contract() -> None:
    graph = ontology_graph()

    def notations(scheme: str) -> set[str]:
        iri = rdflib.URIRef(f"https://w3id.org/cchc/vocab/{scheme}")
        return {str(graph.value(c, SKOS.notation)) for c in graph.subjects(SKOS.inScheme, iri)}

    assert notations("area") == {
        "chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong",
        "chinh_phu_so", "tuyen_truyen", "danh_gia_chi_so", "tac_dong", "kiem_tra", "thi_dua",
    }
    assert notations("mode") == {"chu_tri", "phoi_hop", "tham_dinh", "giam_sat"}
    assert {"noi_vu", "tu_phap", "van_phong", "hanh_chinh_cong", "to_giup_viec", "other"} <= notations("function")
    assert notations("authority") == {"TM", "KT", "Q", "TL", "TUQ"}
    tthc = rdflib.URIRef("https://w3id.org/cchc/vocab/area/thu_tuc_hanh_chinh")
    assert {"TTHC", "một cửa"} <= {str(label) for label in graph.objects(tthc, SKOS.altLabel)}


def test_ontology_loads_in_owlready2(tmp_path: Path) -> None:
    path = tmp_path / "cchc.nt"
    ontology_graph().serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    assert onto.search_one(iri="https://w3id.org/cchc/ontology#Assignment") is not None
    world.close()


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@needs_java
def test_hermit_finds_the_ontology_and_a_good_graph_consistent() -> None:
    assert reason(fixture("good.ttl")).consistent


@needs_java
def test_hermit_rejects_a_disjointness_violation() -> None:
    result = reason(fixture("disjoint.ttl"))
    assert not result.consistent


def test_shacl_accepts_a_well_formed_graph() -> None:
    report = validate_shacl(fixture("good.ttl"))
    assert report.conforms, [str(v) for v in report.violations]


def test_shacl_reports_each_defect_of_a_broken_graph() -> None:
    report = validate_shacl(fixture("broken_shapes.ttl"))
    assert not report.conforms
    messages = " | ".join(str(v) for v in report.violations)
    assert "loại văn bản" in messages
    assert "tệp nguồn" in messages
    assert "eid" in messages
    assert "lĩnh vực" in messages
    assert "điều khoản nguồn" in messages
    assert len(shapes_graph()) > 50


def test_reasoning_without_java_says_so(monkeypatch, tmp_path: Path) -> None:
    from cchc.graph.validate import ReasonerUnavailableError

    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no java on it
    with pytest.raises(ReasonerUnavailableError, match="cần Java"):
        reason(fixture("good.ttl"))


def test_every_ingested_sample_conforms_to_the_shapes() -> None:
    from pyoxigraph import Quad, RdfFormat, serialize

    from cchc.graph.pipeline import build_graph

    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        document = build_graph(path)
        data = serialize([Quad(t.subject, t.predicate, t.object) for t in document.triples], format=RdfFormat.N_QUADS)
        report = validate_shacl(data)
        assert report.conforms, (path.name, [str(v) for v in report.violations][:5])
