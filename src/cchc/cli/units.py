"""``cchc units load|fate``: the administrative units before and after 1 July 2025."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import err, out
from cchc.cli.options import Endpoint, StoreDir, store_from

# The gazetteer (vietnam_provinces, vietnamadminunits) loads in the commands that use it.
app = typer.Typer(help="Đơn vị hành chính trước và sau 01/7/2025: nạp vào kho, tra cứu đơn vị kế thừa.", no_args_is_help=True)


@app.command("load")
def load_command(store_dir: StoreDir = None, endpoint: Endpoint = None) -> None:
    """Nạp danh mục đơn vị hành chính (tỉnh, huyện, xã trước và sau 01/7/2025, các sự kiện sắp xếp) vào kho."""
    from cchc.graph.succession import library_version
    from cchc.graph.units_graph import UNITS_GRAPH, load_units

    with store_from(store_dir, endpoint, create=True) as store:
        loaded, triples = load_units(store)
    what = "Đã nạp" if loaded else "Đã có sẵn (không đổi)"
    err.print(f"{what} danh mục đơn vị hành chính (gói vietnamadminunits {library_version()}): {triples} bộ ba, đồ thị <{UNITS_GRAPH}>.")


@app.command("fate")
def fate_command(
    unit: Annotated[str, typer.Argument(metavar="ĐƠN_VỊ", help="Đơn vị như văn bản ghi, vd. \"huyện Mỹ Xuyên\".", show_default=False)],
    province: Annotated[Optional[str], typer.Option("--province", help="Tỉnh (cũ hoặc nay) của đơn vị, khi tên có ở nhiều tỉnh.")] = None,
) -> None:
    """Đơn vị còn hay không, và các xã, phường hiện nay đã nhận địa bàn của đơn vị."""
    from cchc.graph.succession import fate

    found = fate(unit, province)
    out.print(f"{unit}: {found.summary()}", soft_wrap=True)
    if found.successors:
        table = Table(title=f"Đơn vị hiện nay nhận địa bàn của {unit}")
        for column in ("Đơn vị hiện nay", "Tỉnh, thành phố", "Mã", "Từ các đơn vị cũ"):
            table.add_column(column)
        for successor in found.successors:
            table.add_row(successor.name, successor.province, successor.code, ", ".join(successor.parts))
        out.print(table)


@app.command("agencies")
def agencies_command(
    unit: Annotated[str, typer.Argument(metavar="ĐƠN_VỊ", help="Đơn vị như văn bản ghi, vd. \"Mỹ Xuyên\", \"tỉnh Quảng Nam\".", show_default=False)],
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Các cơ quan trong văn bản của một đơn vị, và cơ quan nào nay đảm nhiệm công việc của từng cơ quan."""
    from cchc.generators.agency_successors import agencies_today
    from cchc.generators.vocab import functions
    from cchc.queries import resolve

    with store_from(store_dir, endpoint) as store:
        name = resolve.unit(store, unit).value
        found = agencies_today(store, name)
    table = Table(title=f"Cơ quan của {name} và cơ quan đảm nhiệm hiện nay")
    for column in ("Cơ quan trong văn bản", "Chức năng", "Nay"):
        table.add_column(column)
    labels = functions()
    for agency in found:
        table.add_row(agency.agency, labels.get(agency.function, agency.function), agency.today)
    out.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="units")
