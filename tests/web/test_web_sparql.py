"""The SPARQL box reads and never writes; federated queries are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient
from webhelpers import csrf_of, visible_text

from cchc.web.sparql import Refused, query_form
from cchc.web.store import ReadOnlyStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count(store_dir: Path) -> int:
    store = ReadOnlyStore(store_dir)
    try:
        return int(store.select(COUNT).rows[0]["n"].value)  # type: ignore[union-attr]
    finally:
        store.close()


def _post(client: TestClient, query: str):
    return client.post("/sparql", data={"query": query, "csrf": csrf_of(client)})


def test_select_answers_with_labels(client: TestClient) -> None:
    response = _post(client, "SELECT DISTINCT ?mode WHERE { GRAPH ?g { ?a cchc:mode ?m } BIND(STRAFTER(STR(?m), \"/mode/\") AS ?mode) }")
    assert response.status_code == 200
    text = visible_text(response.text)
    assert "Chủ trì" in text and "chu_tri" not in text


def test_ask_and_construct(client: TestClient) -> None:
    assert "Có" in visible_text(_post(client, "ASK { GRAPH ?g { ?s a cchc:LegalDocument } }").text)
    response = _post(client, "CONSTRUCT { ?s a cchc:LegalDocument } WHERE { GRAPH ?g { ?s a cchc:LegalDocument } } LIMIT 2")
    assert response.status_code == 200 and "Chủ thể" in response.text


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }",
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        "CLEAR ALL",
        "DROP ALL",
    ],
)
def test_updates_are_refused_and_the_store_is_unchanged(client: TestClient, sample_store: Path, update: str) -> None:
    before = _count(sample_store)
    response = _post(client, update)
    assert response.status_code in (400, 403)
    assert 'role="alert"' in response.text
    assert _count(sample_store) == before > 0


def test_service_is_refused_by_parsing(client: TestClient) -> None:
    response = _post(client, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status_code == 403
    with pytest.raises(Refused):
        query_form("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://e.org/> { ?s ?p ?x } } }")
    # the word in a string or an IRI is no federation
    assert query_form('SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }') == "SELECT"


def test_syntax_errors_are_400(client: TestClient) -> None:
    assert _post(client, "SELECT WHERE {").status_code == 400


def test_named_queries_are_examples(client: TestClient) -> None:
    html = client.get("/sparql", params={"mau": "documents"}).text
    assert "cchc:LegalDocument" in html  # in the textarea
    assert client.get("/sparql", params={"mau": "../../etc/passwd"}).status_code == 200  # an unknown name: an empty box
