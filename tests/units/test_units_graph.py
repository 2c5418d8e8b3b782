"""The units and their change events in a real store, asked with SPARQL."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal

from cchc.graph.store.embedded import EmbeddedStore
from cchc.graph.units_graph import UNITS_GRAPH, load_units

PREFIXES = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX cchc: <https://w3id.org/cchc/ontology#>
PREFIX dct: <http://purl.org/dc/terms/> PREFIX org: <http://www.w3.org/ns/org#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX cv: <https://w3id.org/cchc/vocab/>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = EmbeddedStore(str(tmp_path_factory.mktemp("units") / "store"))
    loaded, triples = load_units(store)
    assert loaded and triples > 100_000
    yield store
    store.close()


def _values(store, query: str, **bindings) -> set[str]:
    result = store.select(PREFIXES + query, bindings)
    return {row[result.variables[0]].value for row in result.rows}


def _count(store, where: str) -> int:
    result = store.select(PREFIXES + "SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { GRAPH ?g { %s } }" % where)
    return int(result.rows[0]["n"].value)


def test_units_of_both_times_are_counted(store) -> None:
    now, then = "FILTER NOT EXISTS { ?u prov:invalidatedAtTime ?t }", "?u prov:invalidatedAtTime ?t ."
    assert _count(store, f"?u cchc:unitLevel <https://w3id.org/cchc/vocab/unit-level/tinh> . {now}") == 34
    assert _count(store, "?u cchc:unitLevel <https://w3id.org/cchc/vocab/unit-level/tinh> . FILTER(CONTAINS(STR(?u), '/truoc-2025/'))") == 63
    assert _count(store, f"?u cchc:unitLevel <https://w3id.org/cchc/vocab/unit-level/xa> . {now}") == 3321
    assert _count(store, f"?u cchc:unitLevel <https://w3id.org/cchc/vocab/unit-level/huyen> . {then}") == 696
    assert _count(store, f"?u cchc:unitLevel <https://w3id.org/cchc/vocab/unit-level/xa> . {then}") > 10_000


def test_which_communes_took_a_former_district(store) -> None:
    query = ("SELECT ?name WHERE { GRAPH ?g { ?d skos:prefLabel ?district . ?c cchc:withinUnit ?d ; dct:isReplacedBy ?n . "
             "?n skos:prefLabel ?name } }")
    names = _values(store, query, district=Literal("huyện Mỹ Xuyên", language="vi"))
    assert names == {"phường Mỹ Xuyên", "xã Gia Hòa", "xã Hòa Tú", "xã Ngọc Tố", "xã Nhu Gia", "xã Thạnh Quới"}


def test_a_new_commune_has_the_change_event_that_formed_it(store) -> None:
    query = ("SELECT ?old WHERE { GRAPH ?g { ?n skos:prefLabel ?name ; cchc:withinUnit/skos:prefLabel ?province . "
             "?gov cchc:governs ?n . ?e a org:ChangeEvent ; org:resultingOrganization ?gov ; org:originalOrganization ?o . "
             "?o cchc:governs ?u . ?u skos:prefLabel ?old . ?n prov:wasDerivedFrom ?u } }")
    olds = _values(store, query, name=Literal("xã Hòa Tú", language="vi"), province=Literal("thành phố Cần Thơ", language="vi"))
    assert olds == {"xã Hòa Tú 1", "xã Hòa Tú 2"}


def test_loading_again_changes_nothing(store) -> None:
    before = store.count(UNITS_GRAPH)
    assert load_units(store) == (False, before)


def test_todays_province_was_formed_from_the_former_ones(store) -> None:
    query = ("SELECT ?old WHERE { GRAPH ?g { ?p skos:prefLabel ?name ; prov:wasDerivedFrom ?o . ?o skos:prefLabel ?old } }")
    assert _values(store, query, name=Literal("thành phố Cần Thơ", language="vi")) == {"thành phố Cần Thơ", "tỉnh Hậu Giang", "tỉnh Sóc Trăng"}


def test_validation_leaves_the_units_graph_out(store) -> None:
    from cchc.graph.units_graph import without_units

    data = store.dump("nq")
    kept = without_units(data)
    assert len(kept.splitlines()) == len(data.splitlines()) - store.count(UNITS_GRAPH)
    assert UNITS_GRAPH.encode() not in kept
