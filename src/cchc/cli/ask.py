"""``cchc who-leads AREA``, ``cchc matrix --unit U`` and ``cchc calendar``: the questions users come with."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import err, out
from cchc.cli.options import Codes, Endpoint, Output, StoreDir, store_from
from cchc.cli.results import FORMAT_HELP, ResultFormat, choose_format, emit, print_result, write_table

# Each command imports what it uses inside its body: the matrix needs the gazetteer and the
# agency successors, the calendar icalendar, and ``cchc who-leads`` (or ``--help``) neither.
if TYPE_CHECKING:
    from cchc.graph.store.base import Term


def __getattr__(name: str):
    if name == "MODE_LABELS":  # kept here for callers that imported it from the CLI
        from cchc.generators.matrix_xlsx import MODE_LABELS

        return MODE_LABELS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def who_leads_command(
    area: Annotated[str, typer.Argument(metavar="LĨNH_VỰC", help='Lĩnh vực: "thủ tục hành chính", "TTHC", "một cửa", "the che"…', show_default=False)],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ một đơn vị (vd. \"Mỹ Xuyên\").")] = None,
    fmt: Annotated[Optional[ResultFormat], typer.Option("--format", help=FORMAT_HELP, show_default=False)] = None,
    output: Output = None,
    codes: Codes = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Cơ quan nào chủ trì một lĩnh vực cải cách, ở đơn vị nào, theo điều khoản nào."""
    from cchc.queries import resolve
    from cchc.queries.runner import load_query

    chosen = choose_format(fmt, output, ResultFormat)
    with store_from(store_dir, endpoint) as store:
        bindings: dict[str, Term] = {"area": resolve.area(area)}
        if unit:
            bindings["unit"] = resolve.unit(store, unit)
        result = store.select(load_query("who_leads").text, bindings)
    area_name = resolve.area_label(bindings["area"].value.rsplit("/", 1)[-1])
    title = f"Cơ quan chủ trì: {area_name}" + (f" — {bindings['unit'].value}" if unit else "")
    print_result(result, chosen, title=title, table_columns=("unit", "agency", "number", "provision", "text"), output=output,
                 codes=codes, store=store.location)


def matrix_command(
    unit: Annotated[str, typer.Option("--unit", help='Đơn vị (vd. "Chợ Mới", "tỉnh Quảng Nam").', show_default=False)],
    fmt: Annotated[
        Optional[ResultFormat],
        typer.Option("--format", help="table, md, html (ma trận), xlsx (ma trận tô màu, cần --out), csv hoặc json (từng dòng).", show_default=False),
    ] = None,
    output: Output = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Ma trận trách nhiệm của một đơn vị: cơ quan × lĩnh vực, ô là vai trò."""
    from cchc.generators import matrix_xlsx, tables
    from cchc.queries.matrix import matrix_rows, responsibility_matrix

    chosen_format = choose_format(fmt, output, ResultFormat)
    with store_from(store_dir, endpoint) as store:
        if chosen_format in (ResultFormat.csv, ResultFormat.json):  # the rows themselves, for programs
            _, result = matrix_rows(store, unit)
        else:
            matrix = responsibility_matrix(store, unit, cite_documents=chosen_format is ResultFormat.xlsx)
    if chosen_format in (ResultFormat.csv, ResultFormat.json):
        print_result(result, chosen_format, output=output, store=store.location)
        return
    if chosen_format is ResultFormat.xlsx:
        emit(matrix_xlsx.to_xlsx(matrix), output, len(matrix.agencies))
        return
    columns, pivot = matrix.pivot()
    if chosen_format is ResultFormat.md:
        emit(tables.to_markdown(columns, pivot, title=matrix.title), output, len(pivot))
    elif chosen_format is ResultFormat.html:
        page = tables.to_html(
            columns,
            pivot,
            title=matrix.title,
            note=" ".join(filter(None, (matrix.fate_note, "Ô tô theo vai trò mạnh nhất của cơ quan trong lĩnh vực."))),
            legend=matrix_xlsx.legend(),
            cell_colours=matrix.pivot_colours(),
        )
        emit(page, output, len(pivot))
    else:
        agency_columns, agency_rows = matrix.by_agency()
        table = Table(title=matrix.title + " (theo cơ quan)", caption=matrix.fate_note or None, show_lines=True)
        for column in agency_columns:
            table.add_column(column, overflow="fold")
        for row in agency_rows:
            table.add_row(*row)
        out.print(table)
        out.print("[dim]Bảng lĩnh vực × cơ quan: --format md, html hoặc --out TỆP.xlsx[/]")


class CalendarFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"
    ics = "ics"


def calendar_command(
    year: Annotated[int, typer.Option("--year", help="Năm cần lập lịch.", show_default=False)],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ một đơn vị.")] = None,
    fmt: Annotated[
        Optional[CalendarFormat],
        typer.Option("--format", help="table, csv, json, md, html, xlsx (cần --out) hoặc ics (Outlook, Google Calendar).", show_default=False),
    ] = None,
    output: Output = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Lịch báo cáo và họp trong một năm: hạn báo cáo, cuộc họp định kỳ, và các nghĩa vụ không có ngày cố định."""
    from cchc.generators import tables
    from cchc.queries import resolve
    from cchc.queries.calendar import calendar_items, calendar_table, to_ics
    from cchc.queries.runner import load_query
    from cchc.queries.unit_fates import gone_by

    chosen = choose_format(fmt, output, CalendarFormat)
    with store_from(store_dir, endpoint) as store:
        bindings = {"unit": resolve.unit(store, unit)} if unit else {}
        reports = store.select(load_query("reporting_calendar").text, bindings)
        meetings = store.select(load_query("meetings").text, bindings)
    items = calendar_items(reports, meetings, year)
    for warning in gone_by(sorted({i.unit for i in items if i.unit}), dt.date(year, 12, 31)):
        err.print(f"[yellow]Cảnh báo:[/] {warning}", soft_wrap=True)
    undated = [i for i in items if i.date is None]
    if chosen is CalendarFormat.ics:
        dated = [i for i in items if i.date is not None]
        data = to_ics(dated)
        if undated:  # an event needs a day: say what the file leaves out, not drop it silently
            err.print(
                f"[dim]{len(undated)} mục không có ngày cụ thể (chỉ có tháng, tính theo sự kiện, đột xuất) không đưa vào tệp .ics; "
                "xem chúng bằng --format table hoặc csv.[/]",
                soft_wrap=True,
            )
        if output:
            emit(data, output, len(dated))
        else:
            typer.echo(data.decode("utf-8"), nl=False)
        return
    title = f"Lịch báo cáo và họp năm {year}" + (f" — {bindings['unit'].value}" if unit else "")
    if chosen is CalendarFormat.json:
        rows = [item.as_row() for item in items]
        if output:
            emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", output, len(rows))
        else:
            out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    headers, cells = calendar_table(items, typed_dates=chosen is CalendarFormat.xlsx)
    if chosen is CalendarFormat.csv:
        emit(tables.to_csv(headers, cells), output, len(cells))  # a .csv file gets Excel's BOM
    elif chosen in (CalendarFormat.md, CalendarFormat.html, CalendarFormat.xlsx):
        write_table(chosen, headers, cells, output, title=title, sheet=f"Lịch báo cáo {year}")
    else:
        table = Table(title=title, show_lines=True)
        for header in headers:
            table.add_column(header, overflow="fold")
        for row in cells:
            table.add_row(*(str(value) for value in row))
        out.print(table)
        if undated:
            out.print(f"[dim]{len(undated)} mục không có ngày cụ thể: cột Ghi chú cho biết lý do (chỉ có tháng, tính theo sự kiện, đột xuất).[/]")


def register(app: typer.Typer) -> None:
    app.command("who-leads")(who_leads_command)
    app.command("matrix")(matrix_command)
    app.command("calendar")(calendar_command)
