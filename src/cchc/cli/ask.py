"""``cchc who-leads AREA`` and ``cchc matrix --unit U``: the questions users come with."""

from __future__ import annotations

import csv
import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import err, out
from cchc.cli.paths import checked_output
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.results import ResultFormat, print_result
from cchc.queries import resolve
from cchc.queries.calendar import deadlines, to_ics
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


class CalendarFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    ics = "ics"


def calendar_command(
    year: Annotated[int, typer.Option("--year", help="Năm cần lập lịch.", show_default=False)],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ một đơn vị.")] = None,
    fmt: Annotated[CalendarFormat, typer.Option("--format", help="table, csv, json hoặc ics (Outlook, Google Calendar).")] = CalendarFormat.table,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp kết quả (mặc định: stdout).")] = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Lịch hạn báo cáo trong một năm, tính từ các quy tắc thời hạn của văn bản."""
    store = store_from(store_dir, endpoint)
    try:
        bindings = {"unit": resolve.unit(store, unit)} if unit else {}
        result = store.select(load_query("reporting_calendar").text, bindings)
    finally:
        store.close()
    dated, undated = deadlines(result, year)
    if fmt is CalendarFormat.ics:
        data = to_ics(dated)
        if output:
            checked_output(output).write_bytes(data)
            err.print(f"Đã ghi {len(dated)} hạn báo cáo vào {output}")
        else:
            typer.echo(data.decode("utf-8"), nl=False)
        return
    rows = [
        {"date": d.date.isoformat(), "unit": d.unit, "reporter": d.reporter, "recipient": d.recipient, "rule": d.rule, "provision": d.provision}
        for d in dated
    ]
    if fmt is CalendarFormat.json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
    elif fmt is CalendarFormat.csv:
        writer = csv.DictWriter(out.file, fieldnames=list(rows[0]) if rows else ["date"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"Lịch báo cáo năm {year}")
        for column in ("Ngày", "Đơn vị", "Báo cáo", "Gửi", "Quy tắc"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(row["date"], row["unit"], row["reporter"] or "", row["recipient"] or "", row["rule"])
        out.print(table)
        if undated:
            out.print(f"[dim]{len(undated)} nghĩa vụ báo cáo không có ngày cố định (đột xuất, theo cuộc họp…)[/]")


def register(app: typer.Typer) -> None:
    app.command("who-leads")(who_leads_command)
    app.command("matrix")(matrix_command)
    app.command("calendar")(calendar_command)
