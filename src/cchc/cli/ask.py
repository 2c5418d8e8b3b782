"""``cchc who-leads AREA`` and ``cchc matrix --unit U``: the questions users come with."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.results import ResultFormat, print_result
from cchc.queries import resolve
from cchc.queries.runner import load_query

MODE_LABELS = {"chu_tri": "Chủ trì", "phoi_hop": "Phối hợp", "tham_dinh": "Thẩm định", "giam_sat": "Giám sát"}


def who_leads_command(
    area: Annotated[str, typer.Argument(help='Lĩnh vực: "thủ tục hành chính", "TTHC", "một cửa", "the che"…', show_default=False)],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ một đơn vị (vd. \"Mỹ Xuyên\").")] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", help="table, csv hoặc json.")] = ResultFormat.table,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Cơ quan nào chủ trì một lĩnh vực cải cách, ở đơn vị nào, theo điều khoản nào."""
    store = store_from(store_dir, endpoint)
    try:
        bindings = {"area": resolve.area(area)}
        if unit:
            bindings["unit"] = resolve.unit(store, unit)
        result = store.select(load_query("who_leads").text, bindings)
    finally:
        store.close()
    print_result(result, fmt, title=f"Cơ quan chủ trì: {area}", table_columns=("unit", "agency", "number", "provision", "text"))


def matrix_command(
    unit: Annotated[str, typer.Option("--unit", help='Đơn vị (vd. "Chợ Mới", "tỉnh Quảng Nam").', show_default=False)],
    fmt: Annotated[ResultFormat, typer.Option("--format", help="table (ma trận), csv hoặc json (từng dòng).")] = ResultFormat.table,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Ma trận trách nhiệm của một đơn vị: cơ quan × lĩnh vực, ô là vai trò."""
    store = store_from(store_dir, endpoint)
    try:
        chosen = resolve.unit(store, unit)
        result = store.select(load_query("responsibility_matrix").text, {"unit": chosen})
    finally:
        store.close()
    if fmt is not ResultFormat.table:
        print_result(result, fmt)
        return
    areas = sorted({row["area"].value for row in result.rows})
    cells: dict[str, dict[str, set[str]]] = {}
    for row in result.rows:
        cells.setdefault(row["agency"].value, {}).setdefault(row["area"].value, set()).add(MODE_LABELS[row["mode"].value])
    table = Table(title=f"Ma trận trách nhiệm — {chosen.value}", show_lines=True)
    table.add_column("Cơ quan", overflow="fold")
    for area in areas:
        table.add_column(resolve.area_label(area), overflow="fold")
    for agency in sorted(cells):
        table.add_row(agency, *(", ".join(sorted(cells[agency].get(area, ()))) for area in areas))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("who-leads")(who_leads_command)
    app.command("matrix")(matrix_command)
