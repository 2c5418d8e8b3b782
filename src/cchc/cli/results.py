"""Print or write a SELECT result: a rich table (for people at a terminal), csv/json (for
programs), md/html/xlsx (documents people pass on).

The command modules only choose a format and an ``--out``; the writers themselves are the
pure functions of ``cchc.generators.tables``, shared by every command that shows a table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TypeVar

import typer
from pyoxigraph import Literal
from rich.table import Table

from cchc.cli.console import err, out
from cchc.cli.paths import checked_output
from cchc.errors import CchcError
from cchc.generators import tables
from cchc.graph.namespaces import XSD
from cchc.graph.store.base import SelectResult, Term
from cchc.queries.labels import Column, people_view


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"


FORMAT_HELP = "table, csv, json, md, html hoặc xlsx (xlsx cần --out; mặc định: table, hoặc theo đuôi tệp --out)."
BINARY = {"xlsx"}

_INTEGERS = {
    XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_DECIMALS = {XSD + t for t in ("decimal", "double", "float")}


class OutputFormatError(CchcError):
    """A format that cannot go where it was asked to (xlsx to a terminal, table to a file)."""

    exit_code = 2


_Format = TypeVar("_Format", bound=Enum)  # the command's own enum of formats


def choose_format(fmt: _Format | None, output: Path | None, choices: type[_Format]) -> _Format:
    """The format asked for; else the one ``--out``'s extension names; else ``table``.

    Refuses what cannot work before any store is opened: binary xlsx without a file, the
    terminal table into a file.
    """
    if fmt is None:
        if output is None:
            return choices("table")
        guessed = tables.format_of(output)
        if guessed not in {c.value for c in choices}:
            names = ", ".join(c.value for c in choices if c.value != "table")
            raise OutputFormatError(f"{output}: không đoán được định dạng từ đuôi tệp; hãy thêm --format ({names})")
        return choices(guessed)
    if fmt.value in BINARY and output is None:
        raise OutputFormatError(f"định dạng {fmt.value} là tệp nhị phân, không in ra màn hình được: hãy thêm --out TỆP.{fmt.value}")
    if fmt.value == "table" and output is not None:
        raise OutputFormatError("định dạng table chỉ để xem trên màn hình; để ghi tệp hãy chọn --format md, html, xlsx, csv hoặc json")
    return fmt


def emit(data: str | bytes, output: Path | None, rows: int | None = None, said: str | None = None) -> None:
    """Write a rendered document to ``--out`` (saying so on stderr, in ``said`` words if
    given), or text to stdout. The one place files are written: a .csv gets Excel's BOM."""
    if output is None:
        typer.echo(data if isinstance(data, str) else data.decode("utf-8"), nl=False)
        return
    target = checked_output(output)
    if isinstance(data, str) and tables.format_of(target) == "csv" and not data.startswith(tables.EXCEL_BOM):
        data = tables.EXCEL_BOM + data  # a csv file is opened in Excel
    from cchc.writing import write_file

    write_file(target, data)
    what = f"{rows} dòng" if rows is not None else f"{target.stat().st_size:,} byte"
    err.print(said or f"Đã ghi {what} vào {target}", highlight=False)


def write_table(
    fmt: Enum,
    columns: Sequence[str],
    rows: Sequence[tables.Row],
    output: Path | None,
    title: str | None = None,
    sheet: str = "Kết quả",
) -> None:
    """A people's document (md, html or xlsx) of an already-labelled table."""
    if fmt.value == "md":
        emit(tables.to_markdown(columns, rows, title=title), output, len(rows))
    elif fmt.value == "html":
        emit(tables.to_html(columns, rows, title=title), output, len(rows))
    elif fmt.value == "xlsx":
        if output is None:  # choose_format refuses this earlier; kept for library callers
            raise OutputFormatError("định dạng xlsx là tệp nhị phân, không in ra màn hình được: hãy thêm --out TỆP.xlsx")
        emit(tables.to_xlsx(columns, rows, sheet=sheet), output, len(rows))
    else:
        raise OutputFormatError(f"định dạng {fmt.value} không phải bảng tài liệu (md, html, xlsx)")


def plain(term: Term | None) -> str:
    """A term as a person reads it: the literal's text, or the IRI."""
    if term is None:
        return ""
    return term.value


def cell(term: Term | None) -> tables.Cell:
    """A term as a spreadsheet cell: numbers and dates typed, so Excel sorts them right."""
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _DECIMALS:
                return float(term.value)
            if datatype == XSD + "date":
                return dt.date.fromisoformat(term.value)
        except ValueError:
            pass  # an ill-typed literal stays as its text
    return plain(term)


def _json_term(term: Term | None) -> object:
    if term is None:
        return None
    return term.value


def print_result(
    result: SelectResult,
    fmt: ResultFormat,
    title: str | None = None,
    table_columns: tuple[str, ...] = (),
    output: Path | None = None,
    codes: bool = False,
    store: str | None = None,
) -> None:
    """JSON keeps the variables and codes, for programs; every other format is for people
    (``cchc.queries.labels``): Vietnamese headers and labels, provisions as cited, codes
    beside their labels only with ``codes``. ``table_columns`` narrows what a terminal shows;
    ``store`` names the store read, said when nothing was found there."""
    if not result.rows and store:
        err.print(f"Không có kết quả trong kho {store}.", highlight=False)
    if fmt is ResultFormat.json:
        records = [{k: _json_term(row.get(k)) for k in result.variables} for row in result.rows]
        if output is None:
            out.print_json(json.dumps(records, ensure_ascii=False))
        else:
            emit(json.dumps(records, ensure_ascii=False, indent=2) + "\n", output, len(records))
        return
    if fmt is ResultFormat.table and output is not None:
        raise OutputFormatError("định dạng table chỉ để xem trên màn hình; để ghi tệp hãy chọn --format md, html, xlsx, csv hoặc json")
    shown = table_columns if fmt is ResultFormat.table and table_columns else result.variables
    columns = people_view(shown, codes=codes)

    def value(row: dict, column: Column) -> tables.Cell:
        term = row.get(column.variable)
        if term is None:
            return None if fmt is ResultFormat.xlsx else ""
        if fmt is ResultFormat.xlsx and column.show is str:
            return cell(term)  # numbers and dates typed, so Excel sorts them right
        return column.show(term.value)

    headers = [c.header for c in columns]
    rows = [[value(row, c) for c in columns] for row in result.rows]
    if fmt is ResultFormat.csv:
        emit(tables.to_csv(headers, rows), output, len(rows))
    elif fmt in (ResultFormat.md, ResultFormat.html, ResultFormat.xlsx):
        write_table(fmt, headers, rows, output, title=title, sheet=title or "Kết quả")
    else:
        table = Table(title=title, show_lines=False)
        for header in headers:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*(tables.cell_text(v) for v in row))
        out.print(table)
        out.print(f"[dim]{len(result.rows)} dòng[/]")
