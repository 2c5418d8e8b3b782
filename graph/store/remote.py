"""Any SPARQL 1.1 server: queries and updates by the SPARQL 1.1 Protocol through
SPARQLWrapper, bulk writes by the SPARQL 1.1 Graph Store Protocol (GSP) through urllib.

What goes through which library, and why:

- every ``SELECT``, ``ASK``, ``CONSTRUCT`` and SPARQL Update goes through SPARQLWrapper
  (``POST``, form-encoded ``query=``/``update=``, the result format chosen by ``Accept``
  only). Its exceptions are turned back into HTTP statuses (``QueryBadFormed`` 400,
  ``Unauthorized`` 401, ``EndPointNotFound`` 404, ``URITooLong`` 414,
  ``EndPointInternalError`` 500; other statuses come through as urllib's ``HTTPError``),
  with the response text its message carries and the headers of the urllib error it was
  raised from, so one error logic serves every request;
- a GSP ``PUT`` (``write_batch``) goes through urllib (``_put_graph``): SPARQLWrapper speaks
  the SPARQL Protocol only;
- credentials travel as an ``Authorization`` header that cchc computes itself and hands to
  SPARQLWrapper with ``addCustomHttpHeader`` (and to the ``PUT``): basic auth up front, a
  bearer token, or — once the server challenges for it, as Virtuoso's ``/sparql-auth`` does
  — digest auth, whose response urllib's own digest code computes (an
  ``HTTPDigestAuthHandler`` used as a calculator, never installed in an opener).
  SPARQLWrapper's ``DIGEST`` mode is not used: on every request it installs a process-wide
  urllib opener (``urllib.request.install_opener``), after which any 401 with a ``Bearer``
  challenge anywhere in the process raises ``ValueError`` instead of an HTTP error, and after
  one refused login every later 401 is "digest auth failed"; it also wants the realm known in
  advance. A urllib opener of the store's own for digest servers would avoid that but take
  their queries and updates out of SPARQLWrapper.

One retry loop (``RemoteStore._exchange``) wraps both kinds of request, so that retries,
authentication and error messages behave the same for a query, an update and a ``PUT``:

- transient failures (connection refused or reset, timeouts, HTTP 408/425/429/502/503/504,
  and a server-reported deadlock) are retried with exponential backoff, honouring
  ``Retry-After``; every write cchc sends replaces whole graphs, so a retried write is
  idempotent;
- a refused login, a missing endpoint or a server that keeps failing ends in one
  Vietnamese line naming the URL and the problem (``StoreError``), never a traceback.

Bindings travel as a ``VALUES`` block (``cchc.graph.store.bindings``). Each write is one
request the server applies atomically (an update, or a GSP ``PUT`` of one graph), so a
document graph is replaced whole or not at all.
"""

from __future__ import annotations

import ast
import base64
import http.client
import json
import math
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import TypeGuard

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize
from SPARQLWrapper import ASK, CONSTRUCT, INSERT, JSON, POST, SELECT, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from cchc.errors import QueryError, StoreError
from cchc.graph.store.base import Bindings, ClosingStore, SelectResult, Term, bound, bound_value
from cchc.graph.store.bindings import with_values
from cchc.graph.store.ntriples import drop_silent, replace_update

Auth = tuple[str, str] | str | None  # (user, password) for basic/digest auth, or a bearer token

# Worth another try: the server is overloaded, restarting or behind a proxy that lost it.
_TRANSIENT = {408, 425, 429, 502, 503, 504}
# A 500 is retried only when the server says it is a deadlock or serialisation conflict
# (Virtuoso: SQLSTATE 40001); other 500s are deterministic (Virtuoso reports permission
# and SQL errors as 500) and a retry would only delay the message.
_TRANSIENT_500 = re.compile(r"\b40001\b|deadlock", re.IGNORECASE)
# Virtuoso answers a write without the SPARQL_UPDATE grant with HTTP 500 "SECURITY".
_PERMISSION = re.compile(r"SECURITY|permission denied|not authori[sz]ed", re.IGNORECASE)
_MAX_PAUSE = 30.0
_DETAIL = 200  # characters of a server's error text worth a line

# The status each SPARQLWrapper exception stands for (SPARQLWrapper.Wrapper._query).
_WRAPPER_STATUS: dict[type[SPARQLWrapperException], int] = {
    QueryBadFormed: 400,
    Unauthorized: 401,
    EndPointNotFound: 404,
    URITooLong: 414,
    EndPointInternalError: 500,
}
_RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
_NAMED_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_GRAPH_TRIPLES = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_DEFAULT_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# Graphs Virtuoso creates for itself (its RDF views, LDP vocabulary, service description):
# not data anyone loaded, so cchc neither lists, counts nor exports them.
_VIRTUOSO_SYSTEM = re.compile(
    r"^(http://www\.openlinksw\.com/schemas/virtrdf#|http://www\.w3\.org/ns/ldp#|http://localuriqaserver/|https?://[^/]+/sparql$)"
)


def derive_update_url(query_url: str) -> str:
    """The update URL of common servers, from their query URL."""
    if query_url.endswith("/query"):  # Oxigraph, Fuseki /ds/query
        return query_url[: -len("query")] + "update"
    if re.search(r"/repositories/[^/]+/?$", query_url):  # GraphDB, RDF4J
        return query_url.rstrip("/") + "/statements"
    return query_url  # Virtuoso /sparql and /sparql-auth, Fuseki /ds take updates at the same URL


def derive_gsp_url(query_url: str) -> str:
    """The Graph Store Protocol URL of common servers, from their query URL."""
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")
    if path == "/query":  # Oxigraph serves the dataset at /store
        path = "/store"
    elif path == "/sparql":  # Virtuoso
        path = "/sparql-graph-crud"
    elif path == "/sparql-auth":  # Virtuoso, authenticated (digest)
        path = "/sparql-graph-crud-auth"
    elif path.endswith("/query") or path.endswith("/sparql"):  # Fuseki /ds/query, /ds/sparql
        path = path.rsplit("/", 1)[0] + "/data"
    elif re.search(r"/repositories/[^/]+$", path):  # GraphDB, RDF4J
        path += "/rdf-graphs/service"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _without_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``url`` without a ``user:password@`` part, and those credentials: a URL is printed in
    messages and a password must never be."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))


def _quad(row: Mapping[str, Term | None], graph: NamedNode | DefaultGraph) -> Quad:
    """The quad of a ``?s ?p ?o`` row in ``graph``."""
    subject, predicate, obj = row["s"], row["p"], row["o"]
    if not isinstance(subject, (NamedNode, BlankNode)) or not isinstance(predicate, NamedNode) or obj is None:
        raise TypeError(f"not an RDF triple: {subject} {predicate} {obj}")
    return Quad(subject, predicate, obj, graph)


def _blank(value: str) -> BlankNode:
    """Blank node labels from the wire; Virtuoso's look like ``nodeID://b10001``, which is
    not a valid label, so anything outside [A-Za-z0-9_] becomes ``_``."""
    return BlankNode(re.sub(r"\W", "_", value) or "b")


def _term(cell: dict) -> Term:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        return _blank(value)
    if "xml:lang" in cell:
        return Literal(value, language=cell["xml:lang"])
    if "datatype" in cell:  # "literal" in SPARQL 1.1 JSON, "typed-literal" in Virtuoso's
        return Literal(value, datatype=NamedNode(cell["datatype"]))
    return Literal(value)


def _has_blank(triples: list[Triple]) -> bool:
    return any(isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode) for t in triples)


def _replace_update(graphs: Mapping[str, list[Triple]]) -> str:
    """``replace_update``, except that a graph holding blank nodes (the ontology's OWL
    restrictions and lists) is inserted by a template with an empty WHERE: Virtuoso refuses
    blank nodes in ``INSERT DATA`` ("not allowed in a constant clause"), and the template
    inserts the same triples on every SPARQL 1.1 server. Still one request, one transaction."""
    parts: list[str] = []
    for graph, triples in graphs.items():
        if not _has_blank(triples):
            parts.append(replace_update({graph: triples}))
            continue
        parts.append(drop_silent(graph))
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        parts.append(f"INSERT {{ GRAPH {NamedNode(graph)} {{\n{body}\n}} }} WHERE {{}}")
    return " ;\n".join(parts)


def _detail(body: bytes) -> str:
    """The gist of an error page: text without markup, on one line, without the echo of
    our own (possibly megabytes of) SPARQL that Virtuoso appends."""
    text = body[:20_000].decode("utf-8", "replace")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.split(r"SPARQL (?:query|request):", text, maxsplit=1)[0]
    text = " ".join(text.split())
    return text if len(text) <= _DETAIL else text[: _DETAIL - 1] + "…"


def _body(error: urllib.error.HTTPError) -> bytes:
    """An error response's body, when urllib still has one to read."""
    try:
        return error.read() or b""
    except (AttributeError, OSError, http.client.HTTPException):
        return b""


def _wrapper_body(error: SPARQLWrapperException) -> bytes:
    """The error response SPARQLWrapper read itself: it keeps it only as the ``repr`` of the
    bytes at the end of its message (``"…\\n\\nResponse:\\nb'…'"``)."""
    _, found, tail = str(error).partition("\n\nResponse:\n")
    if not found:
        return b""
    try:
        value = ast.literal_eval(tail)
    except (ValueError, SyntaxError):
        return tail.encode("utf-8", "replace")
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "replace")


def _http_failure(error: urllib.error.HTTPError | SPARQLWrapperException) -> tuple[int, Message | None, bytes]:
    """Status, headers and body of a failed exchange, whichever library reported it. A
    SPARQLWrapper exception is raised while urllib's ``HTTPError`` is being handled, so
    that error (the headers: ``WWW-Authenticate``, ``Server``, ``Retry-After``) is its
    ``__context__``."""
    if isinstance(error, urllib.error.HTTPError):
        return error.code, error.headers, _body(error)
    cause = error.__context__
    headers = cause.headers if isinstance(cause, urllib.error.HTTPError) else None
    code = _WRAPPER_STATUS.get(type(error)) or (cause.code if isinstance(cause, urllib.error.HTTPError) else 500)
    return code, headers, _wrapper_body(error)


def _challenge(header: str) -> dict[str, str]:
    """The fields of a ``Digest …`` challenge, parsed as urllib's digest handler does."""
    fields = header.split(" ", 1)[1] if " " in header else ""
    return urllib.request.parse_keqv_list([field for field in urllib.request.parse_http_list(fields) if field])


class _Truncated(StoreError):
    """The server returned fewer rows than the query has (its row cap)."""


@dataclass(frozen=True)
class _Response:
    headers: Message
    body: bytes


class RemoteStore(ClosingStore):
    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        auth: Auth = None,
        timeout: float = 60.0,
        retries: int = 3,
        gsp_url: str | None = None,
        backoff: float = 0.5,
    ) -> None:
        """``gsp_url=""`` turns the Graph Store Protocol off: bulk writes then go as SPARQL
        Updates (for a server or proxy without GSP). ``retries`` is how many times a
        transient failure is tried again, pausing ``backoff`` × 2ⁿ seconds."""
        query_url, in_url = _without_credentials(query_url)
        self.location = query_url
        self.query_url = query_url
        self.update_url = _without_credentials(update_url)[0] if update_url else derive_update_url(query_url)
        self.gsp_url = derive_gsp_url(query_url) if gsp_url is None else _without_credentials(gsp_url)[0]
        self.auth: Auth = auth if auth is not None else in_url
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self._server = ""  # the Server header last seen, to recognise Virtuoso
        self._union_default: bool | None = None
        self._basic_first = True  # see _authorization
        self._digest_challenge: dict[str, str] | None = None  # the server's last Digest challenge
        self._digest = self._digest_calculator()
        # The GSP PUT's own opener: one that other code installed process-wide (SPARQLWrapper's
        # digest mode does) must not answer challenges for this store.
        self._opener = urllib.request.build_opener()

    # HTTP -----------------------------------------------------------------
    def _digest_calculator(self) -> urllib.request.HTTPDigestAuthHandler | None:
        """urllib's digest code with this store's user and password for its own URLs only;
        used to compute ``Authorization`` values, never installed in an opener. Its
        ``get_authorization`` (and ``parse_http_list``/``parse_keqv_list`` in ``_challenge``)
        are what ``HTTPDigestAuthHandler`` itself runs on a challenge: outside urllib's
        documented API, but unchanged since Python 2 and better than hand-written digest."""
        if not isinstance(self.auth, tuple):
            return None
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in {self.query_url, self.update_url, self.gsp_url} - {""}:
            parts = urllib.parse.urlsplit(url)
            passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", *self.auth)
        return urllib.request.HTTPDigestAuthHandler(passwords)

    def _authorization(self, method: str, url: str, where: str) -> str | None:
        """The ``Authorization`` value for one request: a bearer token; digest once the
        server has challenged for it (computed for this method and URL, reusing the last
        nonce; a stale one is answered by a new challenge); otherwise basic auth up front,
        until the server shows it wants a challenge round instead (``_basic_first``)."""
        if isinstance(self.auth, str):
            if not self.auth.isascii():  # HTTP headers carry Latin-1 at most; a token is ASCII
                raise StoreError(f"token xác thực cho máy chủ SPARQL {where} chứa ký tự ngoài ASCII: kiểm tra CCHC_TOKEN")
            return f"Bearer {self.auth}"
        if not isinstance(self.auth, tuple):
            return None
        if self._digest_challenge is not None and self._digest is not None:
            try:
                answer = self._digest.get_authorization(urllib.request.Request(url, method=method), self._digest_challenge)
            except UnicodeEncodeError:  # urllib computes digest auth over ASCII only
                raise StoreError(
                    f"máy chủ SPARQL {where} đòi xác thực digest, mà digest của urllib chỉ nhận "
                    "tên người dùng và mật khẩu ASCII: đổi mật khẩu hoặc dùng xác thực basic"
                ) from None
            except ValueError:  # an algorithm urllib does not implement (it has MD5 and SHA)
                answer = None
            if answer is None:
                algorithm = self._digest_challenge.get("algorithm", "MD5")
                raise StoreError(f"máy chủ SPARQL {where} đòi xác thực digest kiểu cchc không hỗ trợ (algorithm={algorithm})")
            return f"Digest {answer}"
        if self._basic_first:
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
            return f"Basic {token}"
        return None

    def _answer_challenge(self, headers: Message | None, answered: bool) -> bool:
        """Whether a 401 is worth sending again at once with other credentials: the first
        ``Digest`` challenge of a request (a second one means the password was refused), or a
        bare 401 to our up-front basic auth — Virtuoso's digest endpoints answer that way and,
        asked again without it, send their challenge."""
        if not isinstance(self.auth, tuple):
            return False
        challenge = (headers.get("WWW-Authenticate") if headers else None) or ""
        if challenge[:7].lower() == "digest ":
            if answered:
                return False
            self._digest_challenge = _challenge(challenge)
            return True
        if not challenge and self._basic_first and self._digest_challenge is None:
            self._basic_first = False
            return True
        return False

    def _pause(self, attempt: int, retry_after: str | None) -> None:
        delay = self.backoff * 2**attempt
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, float(retry_after))
        time.sleep(min(delay, _MAX_PAUSE))

    def _exchange(
        self, send: Callable[[str | None], _Response], method: str, url: str, write: bool, gsp: bool = False
    ) -> _Response:
        """``send(authorization)`` with retries, whichever library it uses; failures become
        one-line ``StoreError``s (a 400 on a read is the query's fault: ``QueryError``)."""
        where = url.split("?", 1)[0]  # messages name the service, not the graph parameter
        failure = ""
        attempt = 0
        answered = False  # this request already answered a challenge it was sent
        while attempt <= self.retries:
            try:
                response = send(self._authorization(method, url, where))
                self._server = response.headers.get("Server", self._server)
                return response
            except (urllib.error.HTTPError, SPARQLWrapperException) as error:
                code, headers, body = _http_failure(error)
                self._server = (headers.get("Server") if headers else None) or self._server
                if code == 401 and self._answer_challenge(headers, answered):
                    answered = answered or self._digest_challenge is not None
                    continue  # not a retry: the same request with the credentials asked for
                detail = _detail(body)
                self._raise_for(code, where, detail, write, gsp)
                failure = f"HTTP {code}" + (f": {detail}" if detail else "")
                retryable = code in _TRANSIENT or (code == 500 and _TRANSIENT_500.search(detail))
                if not retryable:
                    raise StoreError(f"máy chủ SPARQL {where} trả lỗi {failure}") from None
                if attempt < self.retries:
                    self._pause(attempt, headers.get("Retry-After") if headers else None)
            except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
                reason = getattr(error, "reason", None) or error
                failure = str(reason) or type(reason).__name__
                if attempt < self.retries:
                    self._pause(attempt, None)
                elif isinstance(error, urllib.error.URLError) or isinstance(reason, ConnectionError):
                    raise StoreError(
                        f"không kết nối được máy chủ SPARQL {where}: {failure} (đã thử {self.retries + 1} lần)"
                    ) from None
            attempt += 1
        raise StoreError(f"máy chủ SPARQL {where} vẫn lỗi sau {self.retries + 1} lần thử: {failure}")

    def _raise_for(self, code: int, url: str, detail: str, write: bool, gsp: bool) -> None:
        """The failures no retry can fix, each with what to do about it."""
        suffix = f": {detail}" if detail else ""
        if code == 401:
            if self.auth is None:
                raise StoreError(
                    f"máy chủ SPARQL {url} đòi xác thực (HTTP 401): đặt CCHC_USER và CCHC_PASSWORD, hoặc CCHC_TOKEN"
                )
            kind = "token" if isinstance(self.auth, str) else f"tên người dùng {self.auth[0]!r} hoặc mật khẩu"
            raise StoreError(f"máy chủ SPARQL {url} từ chối xác thực (HTTP 401): sai {kind}")
        if code == 403 or (code == 500 and _PERMISSION.search(detail)):
            what = "ghi" if write else "đọc"
            fix = "kiểm tra tài khoản và quyền"
            if self._is_virtuoso():
                fix = "Virtuoso cần GRANT SPARQL_UPDATE (docs/remote-servers.md) hoặc /sparql-auth với CCHC_USER/CCHC_PASSWORD"
            raise StoreError(f"máy chủ SPARQL {url} không cho {what} (HTTP {code}, lỗi xác thực/phân quyền: {fix}){suffix}")
        if code == 400 and not write:
            raise QueryError(f"máy chủ SPARQL {url} từ chối truy vấn (HTTP 400){suffix}")
        if code == 400:
            raise StoreError(f"máy chủ SPARQL {url} không nhận lệnh ghi (HTTP 400){suffix}")
        if code in (404, 405, 415) and gsp:
            raise StoreError(
                f"máy chủ {url} không nhận Graph Store Protocol (HTTP {code}): đặt CCHC_GSP_URL đúng địa chỉ, "
                "hoặc CCHC_GSP_URL=none để ghi bằng SPARQL Update"
            )
        if code == 404:
            raise StoreError(f"không có dịch vụ SPARQL ở {url} (HTTP 404): kiểm tra --endpoint")

    def _is_virtuoso(self) -> bool:
        return "virtuoso" in self._server.lower()

    # protocol -------------------------------------------------------------
    def _sparql(self, text: str, kind: str, accept: str | None = None) -> _Response:
        """One query (``kind`` SELECT, ASK or CONSTRUCT) or update (INSERT) through
        SPARQLWrapper. The kind comes from the method called, not from SPARQLWrapper's guess
        from the text: a read always goes as ``query=`` to the query URL, so text that is
        really an update is refused by the server (a ``QueryError``), never run."""
        update = kind == INSERT
        wrapper = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        wrapper.setMethod(POST)  # no URL length limit, and required for updates
        wrapper.setRequestMethod(URLENCODED)  # the body goes to the URL as given, which digest auth signs
        wrapper.setOnlyConneg(True)  # the format by Accept alone, without format=/output= parameters
        wrapper.setReturnFormat(TURTLE if kind == CONSTRUCT else JSON)
        wrapper.setTimeout(max(1, math.ceil(self.timeout)))  # whole seconds; 0 would mean no timeout
        with warnings.catch_warnings():  # its guess (and its warning when it has none) is overruled below
            warnings.simplefilter("ignore", RuntimeWarning)
            wrapper.setQuery(text)
        wrapper.queryType = kind
        if accept:
            wrapper.addCustomHttpHeader("Accept", accept)

        def send(authorization: str | None) -> _Response:
            if authorization:
                wrapper.addCustomHttpHeader("Authorization", authorization)
            else:
                wrapper.clearCustomHttpHeader("Authorization")
            with wrapper.query().response as response:
                return _Response(response.headers, response.read())

        return self._exchange(send, "POST", self.update_url if update else self.query_url, write=update)

    def _json(self, query: str, bindings: Bindings | None, kind: str) -> tuple[dict, Message]:
        response = self._sparql(with_values(query, bindings or {}), kind)
        try:
            return json.loads(response.body), response.headers
        except ValueError:
            found = response.headers.get("Content-Type", "?")
            raise StoreError(f"máy chủ SPARQL {self.query_url} trả kết quả không phải JSON ({found})") from None

    def _update(self, update: str) -> None:
        self._sparql(update, INSERT, "*/*")

    def _put_graph(self, graph: str, body: bytes) -> None:
        """One Graph Store Protocol ``PUT`` through urllib (SPARQLWrapper has no GSP): the
        server replaces the graph in one step. N-Triples sent as Turtle, which every GSP
        implementation parses."""
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': graph})}"

        def send(authorization: str | None) -> _Response:
            headers = {"Content-Type": "text/turtle; charset=utf-8", "Accept": "*/*"}
            request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
            if authorization:
                request.add_unredirected_header("Authorization", authorization)  # not forwarded on a redirect
            with self._opener.open(request, timeout=self.timeout) as response:
                return _Response(response.headers, response.read())

        self._exchange(send, "PUT", url, write=True, gsp=True)

    # writes ---------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]]) -> None:
        self._update(_replace_update({g: list(t) for g, t in graphs.items()}))

    def write_batch(self, graphs: Mapping[str, bytes | Iterable[Triple]]) -> None:
        """Each graph as one Graph Store Protocol ``PUT`` of its N-Triples (which every
        Turtle parser reads): much faster for the server to parse than an update of the same
        data, and each graph is replaced whole, so a rerun after a crash finishes the batch.
        Without GSP, one update per graph."""
        for graph, given in graphs.items():
            body = given if isinstance(given, bytes) else serialize(list(given), format=RdfFormat.N_TRIPLES) or b""
            if not self.gsp_url:
                triples = [q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)] if body.strip() else []
                self._update(_replace_update({graph: triples}))
            elif body.strip():
                self._put_graph(graph, body)
            else:  # an empty PUT body is rejected by some servers; an empty graph is no graph
                self._update(drop_silent(graph))

    def remove_graph(self, graph: str) -> bool:
        if not self.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)}):
            return False
        self._update(drop_silent(graph))  # Virtuoso refuses a plain DROP of a graph GSP created
        return True

    def clear(self) -> None:
        """Each graph the user loaded, dropped one by one: ``DROP ALL`` would also take a
        server's own graphs (Virtuoso keeps its system data in named graphs)."""
        for graph in self.graph_names():
            self._update(drop_silent(graph))

    # reads ----------------------------------------------------------------
    def _visible(self, graph: Term | None) -> TypeGuard[NamedNode]:
        """A named graph the user loaded (not one of the server's own)."""
        if not isinstance(graph, NamedNode):
            return False
        return not (self._is_virtuoso() and _VIRTUOSO_SYSTEM.match(graph.value))

    def graph_names(self) -> list[str]:
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in result.rows if self._visible(row["g"]))

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        """Rows of a SELECT; a result the server cut short (Virtuoso's ``ResultSetMaxRows``,
        announced in ``X-SPARQL-MaxRows``) is an error, never a silently partial answer."""
        data, headers = self._json(query, bindings, SELECT)
        limit = headers.get("X-SPARQL-MaxRows")
        if limit:
            raise _Truncated(
                f"máy chủ SPARQL {self.query_url} cắt kết quả ở {limit} dòng: "
                "tăng ResultSetMaxRows trong mục [SPARQL] của virtuoso.ini"
            )
        return self._rows(data)

    def _rows(self, data: dict) -> SelectResult:
        if "results" not in data:
            raise QueryError("truy vấn không phải SELECT")
        names = tuple(data["head"]["vars"])
        rows = tuple(
            {name: (_term(row[name]) if name in row else None) for name in names} for row in data["results"]["bindings"]
        )
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        data, _ = self._json(query, bindings, ASK)
        if "boolean" in data:
            return bool(data["boolean"])
        # Virtuoso started without "CaseMode = 2" answers ASK as a one-row SELECT of its
        # internal __ASK_RETVAL column (1 or 0).
        rows = data.get("results", {}).get("bindings", [])
        if data.get("head", {}).get("vars") == ["__ASK_RETVAL"]:
            return bool(rows) and rows[0].get("__ASK_RETVAL", {}).get("value") not in ("0", "false")
        raise QueryError("truy vấn không phải ASK")

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        response = self._sparql(with_values(query, bindings or {}), CONSTRUCT, _RDF_ACCEPT)
        kind = response.headers.get_content_type()
        rdf_format = RdfFormat.RDF_XML if kind == "application/rdf+xml" else RdfFormat.TURTLE  # N-Triples ⊂ Turtle
        try:
            return [q.triple for q in parse(response.body, format=rdf_format)]
        except SyntaxError as error:
            raise QueryError(f"kết quả CONSTRUCT của {self.query_url} không đọc được ({kind}): {error}") from None

    def default_graph_is_union(self) -> bool:
        """Whether the server's default graph is the union of the named graphs (Virtuoso,
        GraphDB/RDF4J) rather than a graph of its own (Oxigraph, Fuseki): counted or dumped
        as a graph of its own, it would list every triple twice. Probed with one triple of a
        named graph; unknown (and so False) while there is none."""
        if self._union_default is None:
            sample = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1"
            rows = self.select(sample).rows
            if not rows:
                return False
            self._union_default = self.ask("ASK WHERE { ?s ?p ?o }", {name: bound(term) for name, term in rows[0].items()})
        return self._union_default

    def _quads(self) -> Iterator[Quad]:
        if not self.default_graph_is_union():
            for row in self.select(_DEFAULT_TRIPLES).rows:
                yield _quad(row, DefaultGraph())
        try:
            everything = self.select(_NAMED_QUADS)
        except _Truncated:  # too big for one answer: graph by graph
            for name in self.graph_names():
                graph = NamedNode(name)
                for row in self.select(_GRAPH_TRIPLES, {"g": graph}).rows:
                    yield _quad(row, graph)
            return
        for row in everything.rows:
            if self._visible(row["g"]):
                yield _quad(row, row["g"])

    def dump(self, fmt: str) -> bytes:
        formats = {"nq": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}
        if fmt == "ttl":
            triples = [Triple(q.subject, q.predicate, q.object) for q in self._quads()]
            return serialize(triples, format=RdfFormat.TURTLE) or b""
        if fmt not in formats:
            raise StoreError(f"định dạng xuất không hỗ trợ: {fmt}")
        return serialize(list(self._quads()), format=formats[fmt]) or b""

    def count(self, graph: str | None = None) -> int:
        if graph is not None:
            rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)}).rows
            return int(bound_value(rows[0]["n"]))
        total = sum(int(bound_value(row["n"])) for row in self.select(_GRAPH_SIZES).rows if self._visible(row["g"]))
        if not self.default_graph_is_union():
            total += int(bound_value(self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]))
        return total

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""
