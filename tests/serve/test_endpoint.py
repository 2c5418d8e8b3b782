"""``cchc serve-sparql``: a read-only SPARQL 1.1 Protocol endpoint, spoken to over real HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.store.endpoint import DEFAULT_HOST, SOLUTION_OFFERS, EndpointError, SparqlServer, is_update, make_server, negotiate

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
TITLES = "SELECT ?doc ?title WHERE { GRAPH ?g { ?doc a cchc:LegalDocument ; dct:title ?title } } ORDER BY ?doc"
INSERT = "INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }"
INSERTED = "ASK { <http://example.org/s> ?p ?o }"


@pytest.fixture(scope="module")
def store_dir(sample_store: Path) -> Path:
    return sample_store


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[SparqlServer]:
    """The endpoint on a free 127.0.0.1 port, served from a background thread."""
    server = make_server(store_dir, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.close()
    thread.join()


@pytest.fixture
def url(server: SparqlServer) -> str:
    return server.url


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get(url: str, query: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    return http("GET", f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def count(url: str) -> int:
    status, _, body = get(url, COUNT)
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# the protocol ------------------------------------------------------------------------
def test_select_as_json_by_default_with_the_cchc_prefixes(url: str) -> None:
    status, headers, body = get(url, TITLES)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    data = json.loads(body)
    assert data["head"]["vars"] == ["doc", "title"]
    titles = [row["title"]["value"] for row in data["results"]["bindings"]]
    assert any("Mỹ Xuyên" in title for title in titles)


@pytest.mark.parametrize(
    ("accept", "content_type", "first_line"),
    [
        ("text/csv", "text/csv", "doc,title"),
        ("text/tab-separated-values", "text/tab-separated-values", "?doc\t?title"),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ],
)
def test_select_results_are_negotiated(url: str, accept: str, content_type: str, first_line: str) -> None:
    status, headers, body = get(url, TITLES, accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == content_type
    assert body.decode("utf-8").splitlines()[0].startswith(first_line)
    assert "Mỹ Xuyên" in body.decode("utf-8")


def test_post_form_and_post_query_give_the_same_answer(url: str) -> None:
    form = urllib.parse.urlencode({"query": TITLES}).encode()
    by_form = http("POST", url, form, {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    direct = http("POST", url, TITLES.encode(), {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    by_get = get(url, TITLES, "text/csv")
    assert by_form[0] == direct[0] == 200
    assert by_form[2] == direct[2] == by_get[2]


def test_sparqlwrapper_select_ask_construct(url: str) -> None:
    client = SPARQLWrapper(url)
    client.setMethod(POST)
    client.setQuery("PREFIX dct: <http://purl.org/dc/terms/>\n" + TITLES)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) >= 5

    client.setReturnFormat(CSV)
    assert client.query().convert().decode("utf-8").startswith("doc,title")

    client.setQuery('ASK { GRAPH ?g { ?a skos:prefLabel ?label FILTER(STR(?label) = "Phòng Tư pháp") } }')
    client.setReturnFormat(JSON)
    assert client.query().convert() == {"head": {}, "boolean": True}

    client.setQuery("CONSTRUCT { ?doc dct:title ?title } WHERE { GRAPH ?g { ?doc a cchc:LegalDocument ; dct:title ?title } }")
    client.setReturnFormat(TURTLE)
    triples = list(parse(client.query().convert(), format=RdfFormat.TURTLE))
    assert len(triples) >= 5 and all(t.predicate.value == "http://purl.org/dc/terms/title" for t in triples)

    client.setReturnFormat("xml")  # SPARQLWrapper's default: RDF/XML, read back with rdflib
    assert len(client.query().convert()) == len(triples)


def test_construct_as_ntriples(url: str) -> None:
    status, headers, body = get(url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    named = get(url, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s a cchc:LegalDocument ; ?p ?o } }", "application/n-triples")
    assert named[0] == 200
    assert len(list(parse(named[2], format=RdfFormat.N_TRIPLES))) > 10


def test_default_graph_uri_is_honoured(url: str) -> None:
    graph = json.loads(get(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT 1")[2])["results"]["bindings"][0]["g"]["value"]
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "default-graph-uri": graph})
    status, _, body = http("GET", f"{url}?{query}")
    assert status == 200
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0


@pytest.mark.parametrize(
    "how",
    ["sparqlwrapper", "sparql-update body", "update form field", "update as query", "update path"],
)
def test_updates_are_refused_and_the_store_is_unchanged(url: str, how: str) -> None:
    before = count(url)
    if how == "sparqlwrapper":
        client = SPARQLWrapper(url)
        client.setMethod(POST)
        client.setQuery(INSERT)  # SPARQLWrapper sends an update as the form field update=
        with pytest.raises(urllib.error.HTTPError) as refused:
            client.query()
        status, body = refused.value.code, refused.value.read()
    else:
        if how == "sparql-update body":
            request = ("POST", url, INSERT.encode(), {"Content-Type": "application/sparql-update"})
        elif how == "update form field":
            request = ("POST", url, urllib.parse.urlencode({"update": INSERT}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        elif how == "update as query":
            request = ("POST", url, urllib.parse.urlencode({"query": "# sửa kho\nPREFIX ex: <http://example.org/#>\n" + INSERT}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        else:
            request = ("POST", url.replace("/query", "/update"), INSERT.encode(), {"Content-Type": "application/sparql-update"})
        status, _, body = http(*request)
    assert status == 403
    assert "chỉ đọc" in body.decode("utf-8")
    assert count(url) == before
    assert json.loads(get(url, INSERTED)[2])["boolean"] is False


def test_federated_queries_are_refused(url: str) -> None:
    status, _, body = get(url, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/query> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body.decode("utf-8")
    allowed = get(url, 'SELECT ?service WHERE { VALUES ?service { "SERVICE" } }')  # the word as data is fine
    assert allowed[0] == 200


def test_head_and_unknown_methods(url: str) -> None:
    status, headers, body = http("HEAD", f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, headers, body = http("TRACE", url)
    assert status == 501 and "không được hỗ trợ" in body.decode("utf-8")


def test_the_store_itself_is_open_read_only(server: SparqlServer) -> None:
    with pytest.raises(Exception):  # noqa: B017 (whatever the store raises, it must not write)
        server.store.update(INSERT)  # nothing reachable from a request can write either


def test_malformed_query_is_400_with_the_parser_message(url: str) -> None:
    status, headers, body = get(url, "SELECT ?x WHERE { ?x ")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode("utf-8")
    assert text.startswith("Câu truy vấn SPARQL sai cú pháp:") and "error at" in text
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_missing_query_unacceptable_accept_and_unknown_path(url: str) -> None:
    assert http("GET", url)[0] == 400
    assert get(url, TITLES, "image/png")[0] == 406
    assert http("GET", url.replace("/query", "/khong-co"))[0] == 404
    assert http("POST", url, b"query=x", {"Content-Type": "text/plain"})[0] == 415


def test_cors_preflight_for_browser_clients(url: str) -> None:
    status, headers, _ = http("OPTIONS", url, headers={"Origin": "https://yasgui.triply.cc", "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_home_page_explains_the_endpoint_in_vietnamese(url: str) -> None:
    status, headers, body = http("GET", url.replace("/query", "/"))
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="vi">' in page and "chỉ đọc" in page and '<form method="get" action="/query">' in page
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = get(url, TITLES, browser)  # the form, submitted from a browser
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Mỹ Xuyên" in body.decode("utf-8")


def test_negotiation_and_update_detection() -> None:
    assert negotiate(None, SOLUTION_OFFERS)[0] == "application/sparql-results+json"
    assert negotiate("*/*", SOLUTION_OFFERS)[0] == "application/sparql-results+json"
    assert negotiate("text/*;q=0.5, text/csv", SOLUTION_OFFERS)[0] == "text/csv"
    assert negotiate("text/csv;q=0, image/png", SOLUTION_OFFERS) is None
    assert is_update("PREFIX ex: <http://e.org/#>\n# a comment\n insert data { ex:a ex:b ex:c }")
    assert is_update("BASE <http://e.org/> DROP ALL")
    assert not is_update("# DROP ALL\nSELECT * WHERE { ?s ?p ?o }")
    assert not is_update("PREFIX drop: <http://e.org/#> ASK { ?s drop:x ?o }")


# binding -----------------------------------------------------------------------------
def test_binds_loopback_by_default_and_refuses_the_network_unless_asked(store_dir: Path) -> None:
    assert DEFAULT_HOST == "127.0.0.1"
    server = make_server(store_dir, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.close()
    with pytest.raises(EndpointError, match="--allow-remote"):
        make_server(store_dir, host="0.0.0.0", port=0)
    refused = runner.invoke(app, ["serve-sparql", "--store", str(store_dir), "--host", "0.0.0.0", "--port", "0"])
    assert refused.exit_code != 0
    assert len(refused.stderr.strip().splitlines()) == 1 and "--allow-remote" in refused.stderr


def test_no_store_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve-sparql", "--store", str(tmp_path / "khong-co")])
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "cchc ingest" in message
    assert not (tmp_path / "khong-co").exists()  # serving never creates a store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_command_serves_until_stopped(store_dir: Path) -> None:
    port = _free_port()
    cchc = Path(sys.executable).parent / "cchc"
    process = subprocess.Popen(
        [str(cchc), "serve-sparql", "--store", str(store_dir), "--port", str(port), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30  # waiting for start-up only; nothing is timed
        while True:
            try:
                status, _, body = get(url, "ASK { GRAPH ?g { ?s a cchc:LegalDocument } }")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"cchc serve-sparql did not start: {process.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "127.0.0.1" in process.stderr.read().decode("utf-8")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { BIND(1 AS ?x) .SERVICE <{target}> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(1 AS ?x) . service <{target}> { ?s ?p ?o } }",
        "SELECT * WHERE { # a comment\nSERVICE SILENT <{target}> { ?s ?p ?o } }",
        "SELECT * WHERE { OPTIONAL { SERVICE <{target}> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused_however_it_is_written(url: str, query: str) -> None:
    """Read from the parse tree: a listener on the target port sees no connection."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    try:
        status, _, body = get(url, query.replace("{target}", target))
        assert status == 403 and "SERVICE" in body.decode("utf-8")
        with pytest.raises(OSError):  # timeout: nobody called
            listener.accept()
    finally:
        listener.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
    "SELECT * WHERE { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }",
    "SELECT * WHERE {" + " OPTIONAL {" * 2000 + " ?s ?p ?o " + "}" * 2001,
])
def test_deep_nesting_is_400_and_the_server_stays_up(url: str, query: str) -> None:
    status, _, body = get(url, query)
    assert status == 400 and "lồng quá sâu" in body.decode("utf-8")
    assert get(url, "ASK {}")[0] == 200


def test_deep_nesting_through_the_cli_is_one_line(store_dir: Path, tmp_path: Path) -> None:
    deep = tmp_path / "sau.rq"
    deep.write_text("SELECT * WHERE " + "{" * 3000 + "}" * 3000, encoding="utf-8")
    result = runner.invoke(app, ["sparql", f"@{deep}", "--store", str(store_dir)])
    assert result.exit_code != 0 and result.stderr.count("\n") == 1 and "lồng quá sâu" in result.stderr


def test_idle_connections_do_not_hold_the_server(url: str) -> None:
    """More silent clients than workers: the pool drops them after the idle limit, and a
    real query is answered meanwhile by a free worker or right after."""
    import socket
    import urllib.parse

    from cchc.graph.store.endpoint import WORKERS

    parsed = urllib.parse.urlparse(url)
    silent = [socket.create_connection((parsed.hostname, parsed.port)) for _ in range(WORKERS - 1)]
    try:
        assert get(url, "ASK {}")[0] == 200
    finally:
        for connection in silent:
            connection.close()
