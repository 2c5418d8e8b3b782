"""Both backends behave the same: named graphs per document, atomic replace, bound values."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from cchc.errors import QueryError, StoreError
from cchc.graph.store import open_store
from cchc.graph.store.bindings import with_values
from cchc.graph.store.embedded import EmbeddedStore
from cchc.graph.store.remote import RemoteStore, derive_update_url

EX = "https://example.org/"
TITLE = NamedNode("http://purl.org/dc/terms/title")


def doc(name: str, *titles: str) -> list[Triple]:
    return [Triple(NamedNode(EX + name), TITLE, Literal(t, language="vi")) for t in titles]


TITLES = "SELECT ?doc ?title WHERE { GRAPH ?g { ?doc dc:title ?title } } ORDER BY ?title"
PREFIX = "PREFIX dc: <http://purl.org/dc/terms/>\n"


def titles(store) -> list[str]:
    return [row["title"].value for row in store.select(PREFIX + TITLES).rows]


def test_replace_graph_replaces_and_reingest_is_idempotent(any_store) -> None:
    any_store.replace_graph(EX + "g1", doc("a", "Quy chế cũ", "Phụ lục"))
    any_store.replace_graph(EX + "g1", doc("a", "Quy chế mới"))
    assert titles(any_store) == ["Quy chế mới"]
    any_store.replace_graph(EX + "g1", doc("a", "Quy chế mới"))
    assert any_store.count(EX + "g1") == 1
    assert any_store.count() == 1


def test_remove_graph_removes_exactly_that_graph(any_store) -> None:
    any_store.replace_graphs({EX + "g1": doc("a", "Một"), EX + "g2": doc("b", "Hai")})
    assert any_store.graph_names() == [EX + "g1", EX + "g2"]
    assert any_store.remove_graph(EX + "g1") is True
    assert any_store.remove_graph(EX + "g1") is False
    assert any_store.graph_names() == [EX + "g2"]
    assert titles(any_store) == ["Hai"]


@pytest.mark.parametrize(
    "hostile",
    ['x" } ; DROP ALL ; #', "dòng một\ndòng hai", "'; DELETE WHERE { ?s ?p ?o } #", "}}}{{{", "\\u0022"],
)
def test_bound_values_are_plain_values(any_store, hostile: str) -> None:
    any_store.replace_graph(EX + "g1", doc("a", hostile, "Bình thường"))
    query = PREFIX + "SELECT ?doc WHERE { GRAPH ?g { ?doc dc:title ?t } FILTER(STR(?t) = ?wanted) }"
    rows = any_store.select(query, {"wanted": Literal(hostile)}).rows
    assert [row["doc"].value for row in rows] == [EX + "a"]
    assert any_store.count() == 2


def test_iri_with_angle_bracket_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        NamedNode("http://x/> } ; DROP ALL ; #")


def test_bound_iri_selects_one_document(any_store) -> None:
    any_store.replace_graphs({EX + "g1": doc("a", "Một"), EX + "g2": doc("b", "Hai")})
    query = PREFIX + "SELECT ?title WHERE { GRAPH ?g { ?doc dc:title ?title } }"
    rows = any_store.select(query, {"doc": NamedNode(EX + "b")}).rows
    assert [row["title"].value for row in rows] == ["Hai"]
    assert rows[0]["title"] == Literal("Hai", language="vi")


def test_ask_and_construct(any_store) -> None:
    any_store.replace_graph(EX + "g1", doc("a", "Một"))
    assert any_store.ask(PREFIX + "ASK WHERE { GRAPH ?g { ?d dc:title ?t } }") is True
    assert any_store.ask(PREFIX + "ASK WHERE { GRAPH ?g { ?d dc:title ?t } }", {"t": Literal("Khác")}) is False
    built = any_store.construct(PREFIX + "CONSTRUCT { ?d dc:title ?t } WHERE { GRAPH ?g { ?d dc:title ?t } }")
    assert built == doc("a", "Một")


@pytest.mark.parametrize(("fmt", "rdf_format"), [("nq", RdfFormat.N_QUADS), ("trig", RdfFormat.TRIG), ("ttl", RdfFormat.TURTLE), ("jsonld", RdfFormat.JSON_LD)])
def test_dump_parses_back(any_store, fmt: str, rdf_format: RdfFormat) -> None:
    any_store.replace_graphs({EX + "g1": doc("a", "Một"), EX + "g2": doc("b", "Hai \"trích\"")})
    parsed = list(parse(any_store.dump(fmt), format=rdf_format))
    assert len(parsed) == 2
    assert {str(q.object) for q in parsed} == {'"Một"@vi', '"Hai \\"trích\\""@vi'}


def test_failed_write_leaves_the_old_graph(any_store) -> None:
    any_store.replace_graph(EX + "g1", doc("a", "Cũ"))

    def broken():
        yield from doc("a", "Mới")
        raise ValueError("extraction failed mid-way")

    with pytest.raises(ValueError):
        any_store.replace_graph(EX + "g1", broken())
    assert titles(any_store) == ["Cũ"]


def test_malformed_query_is_a_query_error(any_store) -> None:
    with pytest.raises(QueryError):
        any_store.select("SELECT WHERE {")


def test_embedded_store_persists(tmp_path) -> None:
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(EX + "g1", doc("a", "Bền"))
    store.close()
    reopened = open_store(store_dir=tmp_path / "s")
    assert titles(reopened) == ["Bền"]


def test_unusable_directory_is_a_store_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="không mở được"):
        EmbeddedStore(blocker / "store")


def test_server_down_is_a_store_error() -> None:
    store = RemoteStore("http://127.0.0.1:9/query", retries=1)
    with pytest.raises(StoreError, match="không kết nối được"):
        store.graph_names()


def test_update_url_of_common_servers() -> None:
    assert derive_update_url("http://h:7878/query") == "http://h:7878/update"
    assert derive_update_url("http://h/ds/query") == "http://h/ds/update"
    assert derive_update_url("http://h/repositories/cchc") == "http://h/repositories/cchc/statements"
    assert derive_update_url("http://h:8890/sparql") == "http://h:8890/sparql"


def test_values_block_opens_the_where_group() -> None:
    text = with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('a"b')})
    assert text == 'SELECT ?x WHERE { VALUES (?o) { ("a\\"b") }  ?x ?p ?o }'
    with pytest.raises(QueryError):
        with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": 'raw "string"'})


def test_env_selects_the_backend(monkeypatch, tmp_path, sparql_server) -> None:
    monkeypatch.setenv("CCHC_STORE", str(tmp_path / "env-store"))
    monkeypatch.delenv("CCHC_ENDPOINT", raising=False)
    assert isinstance(open_store(), EmbeddedStore)
    monkeypatch.setenv("CCHC_ENDPOINT", f"{sparql_server}/query")
    assert isinstance(open_store(), RemoteStore)


def test_write_batch_replaces_each_graph_whole(any_store) -> None:
    any_store.replace_graph(EX + "g1", doc("a", "Cũ", "Phụ lục cũ"))
    any_store.write_batch({EX + "g1": doc("a", "Mới"), EX + "g2": doc("b", "Hai \"trích\" } ; DROP ALL")})
    assert titles(any_store) == ['Hai "trích" } ; DROP ALL', "Mới"]
    assert any_store.graph_names() == [EX + "g1", EX + "g2"]
    any_store.write_batch({EX + "g1": doc("a", "Mới")})  # idempotent
    assert any_store.count() == 2


def test_unfinished_batch_is_dropped_when_the_store_opens(tmp_path) -> None:
    """What a kill -9 between the bracketing transactions leaves: graphs still pending."""
    from pyoxigraph import Quad, Store

    from cchc.graph.store import embedded

    raw = Store(str(tmp_path / "s"))
    raw.add(Quad(NamedNode(EX + "done"), TITLE, Literal("xong"), NamedNode(EX + "done")))
    raw.add(Quad(NamedNode(EX + "half"), TITLE, Literal("dở"), NamedNode(EX + "half")))
    raw.add(Quad(NamedNode(EX + "half"), embedded._PENDING, Literal(True), embedded._PENDING_GRAPH))
    del raw
    store = EmbeddedStore(tmp_path / "s")
    try:
        assert store.graph_names() == [EX + "done"]
        assert store.count() == 1
    finally:
        store.close()


def test_gsp_url_of_common_servers() -> None:
    from cchc.graph.store.remote import derive_gsp_url

    assert derive_gsp_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert derive_gsp_url("http://h:3030/ds/query") == "http://h:3030/ds/data"
    assert derive_gsp_url("http://h:7200/repositories/cchc") == "http://h:7200/repositories/cchc/rdf-graphs/service"
    assert derive_gsp_url("http://h:8890/sparql") == "http://h:8890/sparql-graph-crud"
