"""Page "SPARQL" (``/sparql``): a read-only query box with the named queries as examples.

A query is parsed before it runs (rdflib's SPARQL parser, which gives the query's form
and its parse tree): SPARQL Update does not parse as a query and is refused, and so is any
``SERVICE`` pattern found in the tree (pyoxigraph would send HTTP requests from this
machine). What remains runs on the read-only store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from cchc.errors import CchcError
from cchc.graph.namespaces import sparql_prologue
from cchc.graph.store.base import SelectResult
from cchc.queries.labels import people_view
from cchc.queries.runner import load_query, query_names
from cchc.web.rendering import render
from cchc.web.security import CSRF_FIELD

ALLOWED = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT"}
MAX_ROWS = 1000


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    truncated: bool = False


def _names(node: object) -> Iterator[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, (list, tuple)) or hasattr(node, "as_list"):
        for value in node:  # type: ignore[attr-defined]
            yield from _names(value)


def query_form(text: str) -> str:
    """"SELECT" | "ASK" | "CONSTRUCT" of a query that may run; ``Refused`` otherwise."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except ParseException as error:
        raise Refused(400, f"Câu truy vấn sai cú pháp hoặc không phải truy vấn đọc (chỉ nhận SELECT, ASK, CONSTRUCT): {error}") from None
    form = tree[1].name
    if form not in ALLOWED:
        raise Refused(400, "Chỉ nhận truy vấn SELECT, ASK hoặc CONSTRUCT.")
    if "ServiceGraphPattern" in set(_names(tree)):
        raise Refused(403, "Truy vấn liên kết (SERVICE) bị tắt: giao diện này không gọi tới máy chủ khác.")
    return ALLOWED[form]


def table_of(result: SelectResult) -> Table:
    columns = people_view(result.variables)
    shown = {c.variable for c in columns}
    hidden = [v for v in result.variables if v not in shown]  # identifier columns: as they are
    headers = [c.header for c in columns] + hidden
    rows = []
    for row in result.rows[:MAX_ROWS]:
        values = {k: (term.value if term is not None else "") for k, term in row.items()}
        rows.append([c.show(values[c.variable]) if values[c.variable] else "" for c in columns] + [values[v] for v in hidden])
    return Table(headers, rows, len(result.rows) > MAX_ROWS)


def run(store, text: str) -> tuple[str, Table | bool]:
    """Run a query the parser let through: a table (SELECT, CONSTRUCT) or a yes/no (ASK)."""
    full = sparql_prologue() + text  # the shared prefixes; a query may redeclare them
    form = query_form(full)
    try:
        if form == "ASK":
            return form, store.ask(full)
        if form == "CONSTRUCT":
            triples = store.construct(full)
            return form, Table(["Chủ thể", "Vị từ", "Đối tượng"], [[t.subject.value, t.predicate.value, t.object.value] for t in triples[:MAX_ROWS]],
                               len(triples) > MAX_ROWS)
        return form, table_of(store.select(full))
    except CchcError as error:
        raise Refused(400, str(error)) from None


def examples() -> list[tuple[str, str]]:
    """(name, purpose) of each named query; the purpose is what the page shows."""
    return [(name, load_query(name).purpose) for name in query_names()]


def example_text(name: str) -> str:
    if name not in query_names():
        return ""
    return load_query(name).text.removeprefix(sparql_prologue()).lstrip()


def sparql_page(request: Request) -> Response:
    text = example_text(request.query_params.get("mau", ""))
    return render(request, "sparql.html.j2", text=text, examples=examples(), result=None)


async def sparql_run(request: Request) -> Response:
    form = await request.form()
    if not request.app.state.csrf.valid(request, form.get(CSRF_FIELD)):
        return render(request, "sparql.html.j2", status_code=403, text="", examples=examples(), result=None,
                      error="Biểu mẫu hết hạn hoặc không hợp lệ (thiếu mã chống giả mạo); hãy tải lại trang rồi gửi lại.")
    text = str(form.get("query", ""))
    try:
        kind, result = await _in_thread(request.app.state.store, text)
    except Refused as refusal:
        return render(request, "sparql.html.j2", status_code=refusal.status, text=text, examples=examples(), result=None, error=str(refusal))
    return render(request, "sparql.html.j2", text=text, examples=examples(), kind=kind, result=result)


async def _in_thread(store, text: str) -> tuple[str, Table | bool]:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(run, store, text)
