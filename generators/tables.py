"""Tables as documents: a GitHub Markdown table, a standalone HTML page, an Excel workbook.

Pure functions from (columns, rows) to text or bytes. Every command that shows a table
(query results, who-leads, the reporting calendar, the responsibility matrix) writes these
formats through here, so a pipe in a provision, an ``=`` at the start of a title or a
``<script>`` in a heading is handled once, the same way everywhere, and can be tested
without a store.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.resources import read_text

if TYPE_CHECKING:  # openpyxl and jinja2 are imported when a workbook or a page is written, not by every command
    from jinja2 import Template
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | dt.date | None
Row = Sequence[Cell]

MIN_WIDTH = 8  # Excel column widths, in characters
MAX_WIDTH = 60  # longer values wrap instead of making one column a screen wide
HEADER_COLOUR = "DDEBF7"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# Which format a file's name asks for: one table for every command that writes files.
FORMAT_OF_SUFFIX = {
    ".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".xlsx": "xlsx", ".ics": "ics", ".docx": "docx",
}
# Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
EXCEL_BOM = "\ufeff"


def format_of(path: str | Path) -> str | None:
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


def cell_text(value: Cell) -> str:
    """A cell as text: nothing for an unbound value, ISO dates, the rest as ``str``."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# CSV ---------------------------------------------------------------------------------
def to_csv(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """Comma-separated, one header row; a file for Excel also needs a BOM (the caller's)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell_text(value) for value in row] for row in rows)
    return buffer.getvalue()


# Markdown ---------------------------------------------------------------------------
def markdown_cell(value: Cell) -> str:
    """One cell of a GitHub table: backslashes and pipes escaped, line breaks as ``<br>``.

    GitHub splits a row on unescaped pipes before it reads anything else, so ``|`` must be
    ``\\|``; a backslash is doubled first so that a value ending in ``\\`` cannot escape the
    cell separator that follows it. A table row cannot span lines, hence ``<br>``.
    """
    text = cell_text(value).replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines()) if text else ""


def to_markdown(columns: Sequence[str], rows: Sequence[Row], title: str | None = None) -> str:
    """A GitHub-flavoured Markdown table (with a ``##`` heading when there is a title)."""
    lines: list[str] = []
    if title:
        lines += [f"## {title}", ""]
    lines.append("| " + " | ".join(markdown_cell(c) for c in columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    for row in rows:
        lines.append("| " + " | ".join(markdown_cell(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


# HTML -------------------------------------------------------------------------------
@cache
def _html_template() -> Template:
    # Sandboxed and autoescaping: the values come from documents people wrote, and the
    # page is opened in a browser.
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(read_text("cchc.templates", "table.html.j2"))


def to_html(
    columns: Sequence[str],
    rows: Sequence[Row],
    title: str | None = None,
    note: str | None = None,
    legend: Sequence[tuple[str, str]] = (),
    cell_colours: Sequence[Sequence[str | None]] | None = None,
) -> str:
    """A standalone UTF-8 page (``lang="vi"``) holding one styled table, every value escaped.

    ``legend`` is (label, #rrggbb) pairs shown above the table; ``cell_colours`` gives a
    background per cell (same shape as ``rows``), which the responsibility matrix uses to
    colour roles the way its workbook does.
    """
    body = [
        [(cell_text(value), (cell_colours[i][j] if cell_colours else None)) for j, value in enumerate(row)]
        for i, row in enumerate(rows)
    ]
    return _html_template().render(
        title=title or "Kết quả",
        columns=[str(c) for c in columns],
        rows=body,
        count=len(rows),
        note=note,
        legend=list(legend),
    )


# Excel ------------------------------------------------------------------------------
def sheet_name(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = _SHEET_FORBIDDEN.sub("-", name).strip("'") or "Trang"
    return cleaned[:31]


def set_cell(ws: Worksheet, row: int, column: int, value: Cell):
    """Write one value; text stays text even when it starts with ``=`` (never a formula).

    openpyxl would store ``=…`` as a formula that Excel evaluates on opening, and it
    refuses control characters outright; text from documents may hold either.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


LINE_HEIGHT = 15  # points, for the default 11-point font


def _width(value: Cell) -> int:
    return max((len(line) for line in cell_text(value).splitlines()), default=0)


def fit_columns(ws: Worksheet, columns: Sequence[str], rows: Sequence[Row], first_column: int = 1, first_row: int = 1) -> None:
    """Column widths from the longest line in each column; longer text wraps."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    lines = [1] * len(rows)  # each row's height in lines, from its wrapped cells
    for j, header in enumerate(columns):
        widest = max([_width(header), *(_width(row[j]) for row in rows if j < len(row))])
        width = max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))
        ws.column_dimensions[get_column_letter(first_column + j)].width = width
        if widest > MAX_WIDTH:
            for i, row in enumerate(rows):
                ws.cell(row=first_row + 1 + i, column=first_column + j).alignment = Alignment(wrap_text=True, vertical="top")
                if j < len(row):
                    lines[i] = max(lines[i], wrapped_lines(cell_text(row[j]), width))
    # LibreOffice keeps a row at its stored height when it opens a file, so a wrapped cell
    # would show its first line only: the height is written, estimated from the text.
    for i, count in enumerate(lines):
        if count > 1:
            ws.row_dimensions[first_row + 1 + i].height = LINE_HEIGHT * count + 2


def wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide, word-wrapped."""
    return sum(max(1, len(textwrap.wrap(line, max(width, 1)))) for line in text.splitlines() or [""])


def write_table(ws: Worksheet, columns: Sequence[str], rows: Sequence[Row], title: str | None = None) -> int:
    """Fill a sheet: optional title row, bold frozen header with a filter, values, widths.

    Returns the header's row number, so a caller (the matrix) can style the cells further.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_row = 1
    if title:
        set_cell(ws, 1, 1, title).font = Font(bold=True, size=13)
        header_row = 2
    for j, name in enumerate(columns, start=1):
        cell = set_cell(ws, header_row, j, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_COLOUR, end_color=HEADER_COLOUR)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, row in enumerate(rows, start=header_row + 1):
        for j, value in enumerate(row, start=1):
            set_cell(ws, i, j, value)
    fit_columns(ws, columns, rows, first_row=header_row)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    if columns:
        last = f"{get_column_letter(len(columns))}{header_row + max(len(rows), 1)}"
        ws.auto_filter.ref = f"A{header_row}:{last}"
    return header_row


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_xlsx(columns: Sequence[str], rows: Sequence[Row], sheet: str = "Kết quả", title: str | None = None) -> bytes:
    """A workbook with one sheet: bold frozen header row, auto filter, fitted widths."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(sheet)
    write_table(ws, columns, rows, title=title)
    return workbook_bytes(wb)
