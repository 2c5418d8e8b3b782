"""``cchc query NAME --param k=v`` (named queries) and ``cchc sparql QUERY`` (any read query)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import out
from cchc.cli.options import Codes, Endpoint, Output, StoreDir, store_from
from cchc.cli.results import FORMAT_HELP, ResultFormat, choose_format, emit, print_result
from cchc.errors import QueryError
from cchc.graph.namespaces import sparql_prologue

_FORM = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s+[^\n]*\n\s*|#[^\n]*\n\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def parse_params(params: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"tham số phải có dạng khóa=giá_trị, nhận được {item!r}")
        values[key.strip()] = value
    return values


def query_command(
    name: Annotated[Optional[str], typer.Argument(metavar="TÊN", help="Tên truy vấn (bỏ trống để xem danh sách).", show_default=False)] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Tham số khóa=giá_trị (lặp lại được).")] = None,
    fmt: Annotated[Optional[ResultFormat], typer.Option("--format", help=FORMAT_HELP, show_default=False)] = None,
    output: Output = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Chỉ các văn bản còn hiệu lực vào ngày này (YYYY-MM-DD); truy vấn có tham số as_of nhận ngày đó.", show_default=False),
    ] = None,
    codes: Codes = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Chạy một truy vấn có tên trong thư viện truy vấn, với tham số gắn như giá trị RDF."""
    from cchc.queries.as_of import run_as_of
    from cchc.queries.runner import load_query, query_names, run_query

    chosen = choose_format(fmt, output, ResultFormat)
    if name is None:
        table = Table(title="Các truy vấn có sẵn")
        for column in ("Tên", "Mục đích", "Tham số"):
            table.add_column(column, overflow="fold")
        for query_name in query_names():
            query = load_query(query_name)
            params = ", ".join(f"{p.name}{'?' if p.optional else ''}:{p.type}" for p in query.parameters)
            table.add_row(query.name, query.purpose, params)
        out.print(table)
        return
    values = parse_params(param or [])
    load_query(name)  # unknown names fail before a store is opened
    try:
        day = dt.date.fromisoformat(as_of) if as_of is not None else None
    except ValueError:
        raise QueryError(f"--as-of: ngày không hợp lệ {as_of!r} (viết YYYY-MM-DD, vd. 2025-06-30)") from None
    with store_from(store_dir, endpoint) as store:
        result = run_as_of(store, name, values, day) if day else run_query(store, name, values)
    print_result(result, chosen, title=load_query(name).purpose.split(":")[0].rstrip("."), output=output, codes=codes, store=store.location)


def read_query_text(query: str) -> str:
    """The query itself, ``@file`` for a file, or ``-`` for standard input."""
    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: không đọc được tệp truy vấn ({error.__class__.__name__})") from None
    return query


def sparql_command(
    query: Annotated[str, typer.Argument(metavar="TRUY_VẤN", help="Câu truy vấn SPARQL, @tệp.rq, hoặc - để đọc từ stdin.", show_default=False)],
    fmt: Annotated[Optional[ResultFormat], typer.Option("--format", help=FORMAT_HELP + " Áp dụng cho SELECT.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp kết quả của SELECT (mặc định: stdout; bắt buộc với xlsx).")] = None,
    codes: Codes = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Chạy một truy vấn SPARQL chỉ đọc (SELECT, ASK, CONSTRUCT); các tiền tố chung có sẵn."""
    chosen = choose_format(fmt, output, ResultFormat)
    text = read_query_text(query)
    form = _FORM.match(text)
    if not form:
        raise QueryError("chỉ nhận truy vấn đọc SELECT, ASK, CONSTRUCT hoặc DESCRIBE; kho không được sửa qua lệnh này")
    full = sparql_prologue() + text
    with store_from(store_dir, endpoint) as store:
        kind = form.group(1).upper()
        if kind == "SELECT":
            print_result(store.select(full), chosen, output=output, codes=codes, store=store.location)
            return
        if kind == "ASK":
            text = "true\n" if store.ask(full) else "false\n"
        else:
            text = "".join(f"{triple} .\n" for triple in store.construct(full))
    emit(text, output)  # ASK and CONSTRUCT have one form each: a boolean, N-Triples


def register(app: typer.Typer) -> None:
    app.command("query")(query_command)
    app.command("sparql")(sparql_command)
