"""Any SPARQL 1.1 server: queries through SPARQLWrapper, writes as SPARQL Updates or, in
bulk, through the SPARQL 1.1 Graph Store Protocol.

Bindings travel as a ``VALUES`` block (``cchc.graph.store.bindings``). Each write is one
request the server applies atomically (an update, or a GSP ``PUT`` of one graph), so a
document graph is replaced whole or not at all.
"""

from __future__ import annotations

import base64
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse, serialize
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from cchc.errors import QueryError, StoreError
from cchc.graph.store.base import Bindings, SelectResult, Term
from cchc.graph.store.bindings import with_values
from cchc.graph.store.ntriples import drop_update, replace_update

_TRANSIENT = {408, 429, 500, 502, 503, 504}
_ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
Auth = tuple[str, str] | str | None  # (user, password) for basic auth, or a bearer token


def derive_update_url(query_url: str) -> str:
    """The update URL of common servers, from their query URL."""
    if query_url.endswith("/query"):  # Oxigraph, Fuseki /ds/query
        return query_url[: -len("query")] + "update"
    if re.search(r"/repositories/[^/]+/?$", query_url):  # GraphDB, RDF4J
        return query_url.rstrip("/") + "/statements"
    return query_url  # Virtuoso /sparql and Fuseki /ds take updates at the same URL


def derive_gsp_url(query_url: str) -> str:
    """The Graph Store Protocol URL of common servers, from their query URL."""
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")
    if path == "/query":  # Oxigraph serves the dataset at /store
        path = "/store"
    elif path.endswith("/query") or path.endswith("/sparql") and path.count("/") > 1:  # Fuseki /ds/query
        path = path.rsplit("/", 1)[0] + "/data"
    elif re.search(r"/repositories/[^/]+$", path):  # GraphDB, RDF4J
        path += "/rdf-graphs/service"
    elif path == "/sparql":  # Virtuoso
        path = "/sparql-graph-crud"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _term(cell: dict) -> Term:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        return BlankNode(value)
    if "xml:lang" in cell:
        return Literal(value, language=cell["xml:lang"])
    if "datatype" in cell:
        return Literal(value, datatype=NamedNode(cell["datatype"]))
    return Literal(value)


class RemoteStore:
    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        auth: Auth = None,
        timeout: float = 60.0,
        retries: int = 3,
        gsp_url: str | None = None,
    ) -> None:
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or derive_update_url(query_url)
        self.gsp_url = gsp_url or derive_gsp_url(query_url)
        self.auth = auth
        self.timeout = timeout
        self.retries = retries

    def _client(self, url: str) -> SPARQLWrapper:
        client = SPARQLWrapper(url)
        client.setTimeout(int(self.timeout))
        if isinstance(self.auth, tuple):
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
            client.addCustomHttpHeader("Authorization", f"Basic {token}")
        elif isinstance(self.auth, str):
            client.addCustomHttpHeader("Authorization", f"Bearer {self.auth}")
        return client

    def _send(self, client: SPARQLWrapper):
        """Run a request, retrying transient failures with exponential backoff."""
        for attempt in range(self.retries + 1):
            try:
                return client.query()
            except urllib.error.HTTPError as error:
                if error.code in (401, 403):
                    raise StoreError(f"máy chủ SPARQL {self.location} từ chối xác thực (HTTP {error.code})") from None
                if error.code in _TRANSIENT and attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"máy chủ SPARQL {self.location} trả lỗi HTTP {error.code}") from None
            except urllib.error.URLError as error:
                if attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"không kết nối được máy chủ SPARQL {self.location}: {error.reason}") from None
            except SPARQLWrapperException as error:
                raise QueryError(f"máy chủ SPARQL từ chối truy vấn: {str(error).splitlines()[0]}") from None
        raise AssertionError("unreachable")

    def _headers(self) -> dict[str, str]:
        if isinstance(self.auth, tuple):
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
            return {"Authorization": f"Basic {token}"}
        if isinstance(self.auth, str):
            return {"Authorization": f"Bearer {self.auth}"}
        return {}

    def _put_graph(self, graph: str, body: bytes) -> None:
        """One Graph Store Protocol ``PUT``: the server replaces the graph in one step."""
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': graph})}"
        headers = {**self._headers(), "Content-Type": "text/turtle; charset=utf-8"}
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                return
            except urllib.error.HTTPError as error:
                if error.code in (401, 403):
                    raise StoreError(f"máy chủ {self.gsp_url} từ chối xác thực (HTTP {error.code})") from None
                if error.code in _TRANSIENT and attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                detail = error.read()[:200].decode("utf-8", "replace").strip()
                raise StoreError(f"máy chủ {self.gsp_url} không nhận đồ thị (HTTP {error.code}): {detail}") from None
            except urllib.error.URLError as error:
                if attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"không kết nối được {self.gsp_url}: {error.reason}") from None

    def _update(self, update: str) -> None:
        client = self._client(self.update_url)
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
        client.setQuery(update)
        self._send(client)

    def _read(self, query: str, bindings: Bindings | None, fmt: str):
        client = self._client(self.query_url)
        client.setMethod(POST)
        client.setQuery(with_values(query, bindings or {}))
        client.setReturnFormat(fmt)
        return self._send(client)

    # writes ---------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]]) -> None:
        self._update(replace_update({g: list(t) for g, t in graphs.items()}))

    def write_batch(self, graphs: Mapping[str, bytes | Iterable[Triple]]) -> None:
        """Each graph as one Graph Store Protocol ``PUT`` (N-Triples, which every Turtle
        parser reads): much faster to parse on the server than an update of the same data,
        and each graph is replaced whole, so a rerun after a crash finishes the batch."""
        for graph, triples in graphs.items():
            body = triples if isinstance(triples, bytes) else serialize(list(triples), format=RdfFormat.N_TRIPLES)
            self._put_graph(graph, body or b"")

    def remove_graph(self, graph: str) -> bool:
        if graph not in self.graph_names():
            return False
        self._update(drop_update(graph))
        return True

    # reads ----------------------------------------------------------------
    def graph_names(self) -> list[str]:
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in result.rows if isinstance(row["g"], NamedNode))

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        data = self._read(query, bindings, JSON).convert()
        if "results" not in data:
            raise QueryError("truy vấn không phải SELECT")
        names = tuple(data["head"]["vars"])
        rows = tuple(
            {name: (_term(row[name]) if name in row else None) for name in names} for row in data["results"]["bindings"]
        )
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        data = self._read(query, bindings, JSON).convert()
        if "boolean" not in data:
            raise QueryError("truy vấn không phải ASK")
        return bool(data["boolean"])

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        body = self._read(query, bindings, TURTLE).response.read()
        try:
            return [q.triple for q in parse(body, format=RdfFormat.TURTLE)]
        except SyntaxError as error:
            raise QueryError(f"kết quả CONSTRUCT không đọc được: {error}") from None

    def _quads(self):
        from pyoxigraph import DefaultGraph, Quad

        for row in self.select(_ALL_QUADS).rows:
            graph = row["g"] if row["g"] is not None else DefaultGraph()
            yield Quad(row["s"], row["p"], row["o"], graph)

    def dump(self, fmt: str) -> bytes:
        formats = {"nq": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}
        if fmt == "ttl":
            triples = [Triple(q.subject, q.predicate, q.object) for q in self._quads()]
            return serialize(triples, format=RdfFormat.TURTLE) or b""
        if fmt not in formats:
            raise StoreError(f"định dạng xuất không hỗ trợ: {fmt}")
        return serialize(list(self._quads()), format=formats[fmt]) or b""

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
            rows = self.select(query).rows
        else:
            rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)}).rows
        return int(rows[0]["n"].value)

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""
