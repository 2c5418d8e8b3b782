"""``cchc docs list|remove``: the documents in the store, one named graph each."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc.cli.console import err
from cchc.cli.options import Codes, Endpoint, StoreDir, store_from
from cchc.cli.results import ResultFormat, print_result
from cchc.errors import QueryError

app = typer.Typer(help="Các văn bản trong kho: liệt kê, gỡ bỏ.", no_args_is_help=True)


@app.command("list")
def list_command(
    fmt: Annotated[ResultFormat, typer.Option("--format", help="table, csv hoặc json.")] = ResultFormat.table,
    codes: Codes = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Liệt kê các văn bản đã nạp."""
    from cchc.queries.runner import run_query
    from cchc.queries.unit_fates import with_unit_fates  # the gazetteer: only this command needs it

    with store_from(store_dir, endpoint) as store:
        print_result(
            with_unit_fates(run_query(store, "documents"), store=store),
            fmt,
            title="Văn bản trong kho",
            table_columns=("source", "doc_kind", "number", "issued", "unit", "unit_today", "agencies_today"),
            codes=codes,
            store=store.location,
        )


@app.command("remove")
def remove_command(
    documents: Annotated[list[str], typer.Argument(metavar="VĂN_BẢN...", help="IRI của văn bản hoặc tên tệp nguồn.", show_default=False)],
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Gỡ văn bản khỏi kho (xóa đúng đồ thị có tên của nó)."""
    from cchc.graph.store.base import bound_value
    from cchc.queries.runner import run_query

    with store_from(store_dir, endpoint) as store:
        rows = run_query(store, "documents").rows
        for wanted in documents:
            graphs = {bound_value(row["graph"]) for row in rows if wanted in (bound_value(row["doc"]), _value(row.get("source")))}
            if not graphs:
                raise QueryError(f"không có văn bản {wanted!r} trong kho (xem: cchc docs list)")
            for graph in sorted(graphs):
                store.remove_graph(graph)
                err.print(f"Đã gỡ {wanted} ({graph})", highlight=False)


def _value(term) -> str | None:
    return term.value if term is not None else None


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="docs")
