"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store (``cchc serve-sparql``).

Why a server of our own rather than ``oxigraph serve``: the store is opened with
``Store.read_only``, so nothing sent over HTTP can change it, and the answers speak the same
prefixes (``cchc:``, ``eli:``, …) as ``cchc sparql``. It is the standard library's
``ThreadingHTTPServer`` around pyoxigraph's own query evaluation and result serializers:

- queries by ``GET ?query=``, ``POST`` form (``query=``) or ``POST application/sparql-query``,
  at ``/query``, ``/sparql`` and ``/``; ``default-graph-uri`` and ``named-graph-uri`` honoured;
- results negotiated from ``Accept``: SPARQL JSON (default), XML, CSV, TSV for SELECT/ASK;
  Turtle (default), N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE; an HTML table when a
  browser asks for ``text/html`` (the form on ``/``);
- any update (``update=``, ``application/sparql-update``, ``/update``, or a query text that
  is an update) → 403; ``SERVICE`` (federation, i.e. outgoing requests) → 403; a malformed
  query → 400 with the parser's message;
- ``Access-Control-Allow-Origin: *`` so YASGUI and other browser clients can use it.

A read-only store is a snapshot: documents ingested while the server runs appear after a
restart. Binding a non-loopback address must be asked for explicitly.
"""

from __future__ import annotations

import html
import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat, Store

from cchc import __version__
from cchc.errors import CchcError
from cchc.graph.namespaces import PREFIXES
from cchc.graph.store import DEFAULT_HOST, DEFAULT_PORT
from cchc.graph.store.query_text import _LEXICAL, MAX_NESTING, nesting_depth  # noqa: F401 (re-exported)

MAX_BODY = 1 << 20  # a query larger than 1 MiB is a mistake or an attack, not a question
QUERY_PATHS = ("/query", "/sparql", "/")
UPDATE_PATHS = ("/update", "/statements")

_HTML = "html"  # not a pyoxigraph format: rendered here for people using the form on "/"
SOLUTION_OFFERS: tuple[tuple[str, object], ...] = (  # first = default for "*/*"
    ("application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", QueryResultsFormat.XML),
    ("application/xml", QueryResultsFormat.XML),
    ("text/xml", QueryResultsFormat.XML),
    ("text/csv", QueryResultsFormat.CSV),
    ("text/tab-separated-values", QueryResultsFormat.TSV),
    ("text/html", _HTML),
)
GRAPH_OFFERS: tuple[tuple[str, object], ...] = (
    ("text/turtle", RdfFormat.TURTLE),
    ("application/x-turtle", RdfFormat.TURTLE),
    ("application/n-triples", RdfFormat.N_TRIPLES),
    ("text/plain", RdfFormat.N_TRIPLES),
    ("application/rdf+xml", RdfFormat.RDF_XML),
    ("application/ld+json", RdfFormat.JSON_LD),
    ("text/html", _HTML),
)


class _GraphOptions(TypedDict, total=False):
    """The dataset of a query (SPARQL protocol's default-graph-uri and named-graph-uri)."""

    default_graph: list[NamedNode | BlankNode | DefaultGraph]
    use_default_graph_as_union: bool
    named_graphs: list[NamedNode | BlankNode]


_TEXT_TYPES = ("text/", "application/sparql-results+json", "application/json", "application/n-triples", "application/ld+json")

# What may precede the first keyword of a query or an update: comments, PREFIX, BASE.
_PROLOGUE = re.compile(r"\s+|#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
# The keyword as a token, for a text rdflib's grammar cannot read (pyoxigraph then gives
# the syntax error, or runs it when it is valid SPARQL rdflib lacks): any SERVICE outside
# strings, IRIs and comments, whatever stands before it (".SERVICE" included).
_SERVICE_TOKEN = re.compile(r"(?<![\w:?$\-])SERVICE(?![\w:\-])", re.IGNORECASE)


class EndpointError(CchcError):
    """The endpoint cannot start: no store at that place, a port in use, an unsafe address."""

    exit_code = 3


def first_keyword(text: str) -> str:
    """The first keyword after the prologue, upper-cased ("" when there is none)."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    word = _WORD.match(text, position)
    return word.group(0).upper() if word else ""


def is_update(text: str) -> bool:
    """Whether a request text is a SPARQL Update, however it was sent."""
    return first_keyword(text) in UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    """Whether a query calls another endpoint (``SERVICE``), read from its parse tree.

    pyoxigraph evaluates ``SERVICE`` by sending HTTP requests from this machine and echoes
    the answer (even an error page) back; an endpoint others can reach must not become a
    way to probe the machines behind it, so federated queries are refused. The parse tree
    (rdflib's SPARQL grammar) finds the clause however it is written (".SERVICE", "service",
    after a comment); for a text that grammar cannot read, any SERVICE token counts.
    """
    from pyparsing import ParseException, ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except (ParseException, RecursionError, ValueError):
        return bool(_SERVICE_TOKEN.search(_LEXICAL.sub(" ", text)))

    def found(node: object) -> bool:
        if isinstance(node, CompValue):
            return node.name == "ServiceGraphPattern" or any(found(value) for value in node.values())
        if isinstance(node, (list, tuple, ParseResults)):
            return any(found(value) for value in node)
        return False

    return found(tree)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything, so it is not assumed safe


def negotiate(accept: str | None, offers: Sequence[tuple[str, object]]) -> tuple[str, object] | None:
    """The offer the client prefers most (q value, then our order); None if none is acceptable.

    ``text/html`` is only chosen when asked for by name, so ``*/*`` (curl, most libraries)
    gets machine-readable results and a browser gets a page.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    best = 0.0
    chosen = None
    for media_type, fmt in offers:
        matched: float | None = None  # the quality of the most specific range that matches
        specificity = -1
        for pattern, q in ranges:
            if pattern == media_type:
                level = 2
            elif media_type == "text/html":
                continue
            elif pattern == "*/*":
                level = 0
            elif pattern.endswith("/*") and media_type.startswith(pattern[:-1]):
                level = 1
            else:
                continue
            if level > specificity:
                specificity, matched = level, q
        if matched is None or matched <= 0:
            continue
        if matched > best:  # strictly better: on a tie our earlier (preferred) offer stays
            best, chosen = matched, (media_type, fmt)
    return chosen


def open_read_only(directory: Path | str) -> Store:
    """The store at ``directory``, opened so that nothing can be written through it."""
    path = Path(directory).expanduser()
    if not path.is_dir() or not (path / "CURRENT").exists():
        raise EndpointError(f"{path}: không có kho đồ thị ở đây; hãy nạp văn bản trước (cchc ingest --store {path} THƯ_MỤC)")
    try:
        return Store.read_only(str(path))
    except OSError as error:
        raise EndpointError(f"{path}: không mở được kho đồ thị ở chế độ chỉ đọc: {error}") from None


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Điểm truy cập SPARQL chỉ đọc — cchc</title>
<style>
  body {{ font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; line-height: 1.5; }}
  code, textarea {{ font-family: "JetBrains Mono", Consolas, monospace; }}
  textarea {{ width: 100%; min-height: 12rem; font-size: .95rem; }}
  table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; }}
  button {{ font-size: 1rem; padding: .4rem 1.2rem; margin-top: .5rem; }}
</style>
</head>
<body>
<h1>Điểm truy cập SPARQL chỉ đọc</h1>
<p>Máy chủ này phục vụ kho đồ thị tri thức <strong>cchc</strong> (văn bản cải cách hành chính) theo
giao thức <a href="https://www.w3.org/TR/sparql11-protocol/">SPARQL 1.1 Protocol</a>.
Kho được mở ở <strong>chế độ chỉ đọc</strong>: mọi yêu cầu cập nhật (SPARQL Update) bị từ chối với mã HTTP 403.</p>
<p>Địa chỉ truy vấn: <code>{url}</code> — dùng được với YASGUI, SPARQLWrapper, curl.</p>
<table>
<tr><th>Cách gửi</th><td><code>GET ?query=…</code>; <code>POST</code> dạng <code>application/x-www-form-urlencoded</code> (trường <code>query</code>); <code>POST application/sparql-query</code></td></tr>
<tr><th>SELECT, ASK</th><td>JSON (mặc định), XML, CSV, TSV theo tiêu đề <code>Accept</code></td></tr>
<tr><th>CONSTRUCT, DESCRIBE</th><td>Turtle (mặc định), N-Triples, RDF/XML, JSON-LD</td></tr>
<tr><th>Đồ thị</th><td>Mỗi văn bản là một đồ thị có tên (<code>GRAPH ?g {{ … }}</code>); nhận <code>default-graph-uri</code>, <code>named-graph-uri</code>{union}</td></tr>
<tr><th>Tiền tố có sẵn</th><td>{prefixes}</td></tr>
<tr><th>Không nhận</th><td>SPARQL Update và truy vấn liên kết <code>SERVICE</code> (HTTP 403)</td></tr>
</table>
<h2>Thử một truy vấn</h2>
<form method="get" action="/query">
<textarea name="query" aria-label="Câu truy vấn SPARQL">SELECT ?doc ?title WHERE {{
  GRAPH ?g {{ ?doc a cchc:LegalDocument ; dct:title ?title }}
}}
LIMIT 20</textarea>
<br><button type="submit">Chạy truy vấn</button>
</form>
<p><small>cchc {version}</small></p>
</body>
</html>
"""


_PROTOCOL_ERRORS = {
    HTTPStatus.BAD_REQUEST: "Yêu cầu HTTP không hợp lệ",
    HTTPStatus.NOT_IMPLEMENTED: "Phương thức HTTP không được hỗ trợ; dùng GET hoặc POST",
    HTTPStatus.REQUEST_URI_TOO_LONG: "Địa chỉ yêu cầu quá dài; hãy gửi câu truy vấn bằng POST",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "Tiêu đề HTTP quá lớn",
}


# A fixed pool of workers and a real listen backlog: a flood of connections waits its
# turn (or is refused by the kernel) instead of starting a thread each; a client that
# connects and says nothing is dropped after IDLE_SECONDS, so its worker comes back.
WORKERS = 8
BACKLOG = 128
IDLE_SECONDS = 20


class SparqlServer(ThreadingHTTPServer):
    """One read-only store, served to many clients at once by a bounded pool of workers."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(
        self,
        store: Store,
        address: tuple[str, int],
        union_default_graph: bool = False,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.store: Store | None = store
        self.union_default_graph = union_default_graph
        self.log = log
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="sparql")
        super().__init__(address, SparqlHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Handed to the pool, not to a new thread (ThreadingMixIn's way)."""
        self.pool.submit(self.process_request_thread, request, client_address)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/query"

    def close(self) -> None:
        self.server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.store = None  # the read-only handle closes when the last reference goes


class _Refusal(Exception):
    """An HTTP error answer, raised from deep in a request and written once at the top."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = f"cchc-sparql/{__version__}"
    timeout = IDLE_SECONDS  # the socket's: an idle or slow client is dropped

    # HTTP verbs ---------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # CORS preflight from browser clients such as YASGUI
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", self.headers.get("Access-Control-Request-Headers") or "Accept, Content-Type")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    do_HEAD = do_GET  # same headers, no body (see _send)

    def do_PUT(self) -> None:
        self._answer(self._refuse_write)

    do_DELETE = do_PATCH = do_PUT

    # request parsing ----------------------------------------------------------------
    def _answer(self, handle: Callable[[], None]) -> None:
        try:
            handle()
        except _Refusal as refusal:
            self._send_text(refusal.status, refusal.message)
        except Exception as error:  # a bug must answer 500, not drop the connection
            self._send_text(HTTPStatus.INTERNAL_SERVER_ERROR, f"Lỗi máy chủ: {error.__class__.__name__}: {error}")

    def _path(self) -> tuple[str, dict[str, list[str]]]:
        url = urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        if path in UPDATE_PATHS:
            self._refuse_write()
        if path not in QUERY_PATHS:
            raise _Refusal(HTTPStatus.NOT_FOUND, f"Không có trang {url.path}; điểm truy cập SPARQL ở /query")
        return path, parse_qs(url.query, keep_blank_values=True)

    def _refuse_write(self) -> None:
        raise _Refusal(HTTPStatus.FORBIDDEN, "Điểm truy cập này chỉ đọc: không nhận yêu cầu cập nhật (SPARQL Update); kho không bị thay đổi.")

    def _get(self) -> None:
        path, params = self._path()
        if "update" in params:
            self._refuse_write()
        if "query" not in params:
            if path == "/":
                self._send_page()
                return
            raise _Refusal(HTTPStatus.BAD_REQUEST, "Thiếu tham số query (vd. /query?query=ASK%7B%7D)")
        self._run(params)

    def _post(self) -> None:
        body = self._body()  # read first: refusing with the body unread can reset the connection
        _, params = self._path()
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type == "application/sparql-update" or "update" in params:
            self._refuse_write()
        if media_type == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form:
                self._refuse_write()
            for key in ("default-graph-uri", "named-graph-uri"):
                params.setdefault(key, []).extend(form.get(key, []))
            params["query"] = form.get("query", [])
            if not params["query"]:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "Thiếu trường query trong biểu mẫu gửi lên")
        elif media_type == "application/sparql-query":
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError:
                raise _Refusal(HTTPStatus.BAD_REQUEST, "Câu truy vấn phải được mã hóa UTF-8") from None
        else:
            raise _Refusal(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "Kiểu nội dung không hỗ trợ; dùng application/x-www-form-urlencoded hoặc application/sparql-query",
            )
        self._run(params)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refusal(HTTPStatus.LENGTH_REQUIRED, "Thiếu tiêu đề Content-Length")
        try:
            size = int(length)
        except ValueError:
            raise _Refusal(HTTPStatus.BAD_REQUEST, "Content-Length không hợp lệ") from None
        if size < 0 or size > MAX_BODY:
            self.close_connection = True
            raise _Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"Câu truy vấn quá lớn (tối đa {MAX_BODY // 1024} KiB)")
        return self.rfile.read(size)

    # evaluation ---------------------------------------------------------------------
    def _graphs(self, params: dict[str, list[str]]) -> _GraphOptions:
        options: _GraphOptions = {}
        try:
            if params.get("default-graph-uri"):
                options["default_graph"] = [NamedNode(iri) for iri in params["default-graph-uri"]]
            elif self.server.union_default_graph:
                options["use_default_graph_as_union"] = True
            if params.get("named-graph-uri"):
                options["named_graphs"] = [NamedNode(iri) for iri in params["named-graph-uri"]]
        except ValueError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, f"IRI đồ thị không hợp lệ: {error}") from None
        return options

    def _run(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1:
            raise _Refusal(HTTPStatus.BAD_REQUEST, "Cần đúng một tham số query")
        text = queries[0]
        if is_update(text):
            self._refuse_write()
        if nesting_depth(text) > MAX_NESTING:
            raise _Refusal(HTTPStatus.BAD_REQUEST, f"Câu truy vấn lồng quá sâu (hơn {MAX_NESTING} cấp ngoặc).")
        if uses_service(text):
            raise _Refusal(HTTPStatus.FORBIDDEN, "Truy vấn liên kết (SERVICE) bị tắt: điểm truy cập này không gọi tới máy chủ khác.")
        store = self.server.store
        assert store is not None, "the server is closed"
        try:
            result = store.query(text, prefixes=PREFIXES, **self._graphs(params))
        except SyntaxError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, f"Câu truy vấn SPARQL sai cú pháp: {error}") from None
        except (OSError, ValueError, TypeError, RuntimeError) as error:
            raise _Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"Không chạy được truy vấn: {error}") from None
        graph = not isinstance(result, (QuerySolutions, QueryBoolean))
        offers = GRAPH_OFFERS if graph else SOLUTION_OFFERS
        chosen = negotiate(self.headers.get("Accept"), offers)
        if chosen is None:
            names = ", ".join(dict.fromkeys(media for media, _ in offers))
            raise _Refusal(HTTPStatus.NOT_ACCEPTABLE, f"Không có định dạng kết quả phù hợp với Accept; hỗ trợ: {names}")
        media_type, fmt = chosen
        try:
            if fmt == _HTML:
                body = _html_result(result, text).encode("utf-8")
            else:
                body = _serialize(result, fmt)
        except (OSError, ValueError, RuntimeError) as error:
            raise _Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"Không chạy được truy vấn: {error}") from None
        self._send(HTTPStatus.OK, media_type, body)

    # responses ----------------------------------------------------------------------
    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")

    def _send(self, status: HTTPStatus, media_type: str, body: bytes) -> None:
        self.send_response(status)
        self._cors()
        charset = "; charset=utf-8" if media_type.startswith(_TEXT_TYPES) else ""
        self.send_header("Content-Type", media_type + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"))

    def _send_page(self) -> None:
        host = self.headers.get("Host") or f"{self.server.server_address[0]!s}:{self.server.server_address[1]}"
        page = _PAGE.format(
            url=html.escape(f"http://{host}/query"),
            union="; đồ thị mặc định là hợp của mọi đồ thị" if self.server.union_default_graph else "",
            prefixes=", ".join(f"<code>{html.escape(p)}:</code>" for p in PREFIXES),
            version=html.escape(__version__),
        )
        self._send(HTTPStatus.OK, "text/html", page.encode("utf-8"))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol-level errors (bad request line, unknown method) in the same plain Vietnamese."""
        try:
            status = HTTPStatus(code)
        except ValueError:
            status = HTTPStatus.INTERNAL_SERVER_ERROR
        self.log_error("code %d, message %s", code, message)
        self.close_connection = True
        self._send_text(status, _PROTOCOL_ERRORS.get(status, f"Lỗi HTTP {status.value}"))

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")


def _serialize(result: QuerySolutions | QueryBoolean | QueryTriples, fmt: object) -> bytes:
    """``result`` in the pyoxigraph format negotiated for its kind (graph or solutions)."""
    if isinstance(result, QueryTriples):
        assert isinstance(fmt, RdfFormat)
        return result.serialize(format=fmt) or b""
    assert isinstance(fmt, QueryResultsFormat)
    return result.serialize(format=fmt) or b""


def _html_result(result: QuerySolutions | QueryBoolean | QueryTriples, query: str) -> str:
    """A results page for people using the form: the same table writer as ``--format html``."""
    from cchc.generators.tables import to_html

    rows: list[list[str | None]]
    if isinstance(result, QueryBoolean):
        columns, rows = ["Kết quả"], [["đúng (true)" if bool(result) else "sai (false)"]]
    elif isinstance(result, QuerySolutions):
        names = [v.value for v in result.variables]
        columns = names
        rows = [[(s[n].value if s[n] is not None else None) for n in names] for s in result]
    else:
        columns = ["Chủ thể", "Vị từ", "Đối tượng"]
        rows = [[str(t.subject), str(t.predicate), str(t.object)] for t in result]
    return to_html(columns, rows, title="Kết quả truy vấn SPARQL", note=query)


def make_server(
    store_dir: Path | str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    allow_remote: bool = False,
    union_default_graph: bool = False,
    log: Callable[[str], None] | None = None,
) -> SparqlServer:
    """Open the store read-only and bind; refuses a non-loopback address unless allowed."""
    if not is_loopback(host) and not allow_remote:
        raise EndpointError(f"địa chỉ {host} mở điểm truy cập ra mạng; nếu thật sự muốn, thêm --allow-remote (mặc định chỉ {DEFAULT_HOST})")
    store = open_read_only(store_dir)
    try:
        return SparqlServer(store, (host, port), union_default_graph=union_default_graph, log=log)
    except OSError as error:
        reason = "cổng đang được dùng" if error.errno in (98, 48, 10048) else (error.strerror or str(error))
        raise EndpointError(f"không mở được {host}:{port}: {reason}") from None
