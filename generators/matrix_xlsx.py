"""The responsibility matrix of a unit: agencies × reform areas, each cell the agency's roles.

``ResponsibilityMatrix`` is the pivot of the ``responsibility_matrix`` query's flat rows;
the terminal table, the Markdown and HTML tables and the Excel workbook are all drawn from
it, so they cannot disagree. The workbook is what a Văn phòng actually circulates: roles
coloured by kind, the source provisions in each cell's comment (so the sheet stays
readable and every cell can still be checked against the text), frozen headers, filters,
and a second sheet "Chi tiết" with one row per assignment for sorting and pivoting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cchc.generators.tables import HEADER_COLOUR, Row, fit_columns, set_cell, workbook_bytes, write_table
from cchc.graph import numbering

if TYPE_CHECKING:  # openpyxl is imported when the workbook is written, not by every command
    from openpyxl.styles import PatternFill

MODES = ("chu_tri", "phoi_hop", "tham_dinh", "giam_sat")  # strongest role first
MODE_LABELS = {"chu_tri": "Chủ trì", "phoi_hop": "Phối hợp", "tham_dinh": "Thẩm định", "giam_sat": "Giám sát"}
MODE_COLOURS = {"chu_tri": "F8CBAD", "phoi_hop": "BDD7EE", "tham_dinh": "C6E0B4", "giam_sat": "FFE699"}
MODE_MEANINGS = {
    "chu_tri": "Cơ quan chịu trách nhiệm chính, tổ chức thực hiện",
    "phoi_hop": "Cơ quan tham gia, phối hợp với cơ quan chủ trì",
    "tham_dinh": "Cơ quan thẩm định kết quả, hồ sơ",
    "giam_sat": "Cơ quan giám sát, kiểm tra việc thực hiện",
}



def mode_label(mode: str) -> str:
    return MODE_LABELS.get(mode, mode)


def function_label(function: str | None) -> str:
    """ "noi_vu" → "Nội vụ"; a people's sheet shows no codes."""
    from cchc.generators.vocab import functions

    return functions().get(function or "", function or "")


def _mode_rank(mode: str) -> int:
    return MODES.index(mode) if mode in MODES else len(MODES)


def provision_citation(provision: str, documents: Mapping[str, str] | None = None) -> str:
    """``…/art_6__para_2__point_b__indent_7`` → "điểm b khoản 2 Điều 6 (gạch đầu dòng), <văn bản>".

    Indents are numbered across the whole document, not within their point, so their
    number would mislead a reader and is left out; the IRI is still on the "Chi tiết" sheet.
    ``documents`` maps a document IRI to how it is named (its number, else its file).
    """
    documents = documents or {}
    doc = max((d for d in documents if provision.startswith(d + "/")), key=len, default=None)
    local = provision[len(doc) + 1 :] if doc else provision.rsplit("/", 1)[-1]
    annex = local.startswith("att_")
    citation = numbering.provision_citation(local.split("/", 1)[1] if annex and "/" in local else local)
    if citation is None:
        return provision  # not an eid we know how to read: show it as it is
    if annex:
        citation += " của văn bản kèm theo"
    if doc and documents.get(doc):
        citation += f", {documents[doc]}"
    return citation


TODAY_COLUMN = "Nay đảm nhiệm"  # the column that says who holds an agency's work after the 2025 changes
TODAY_WIDTH = 36  # its width in characters


@dataclass(frozen=True)
class Responsibility:
    """One row of the ``responsibility_matrix`` query."""

    agency: str
    function: str
    area: str  # notation, e.g. "the_che"
    mode: str  # notation, e.g. "chu_tri"
    provisions: tuple[str, ...]  # provision IRIs


@dataclass(frozen=True)
class ResponsibilityMatrix:
    unit: str
    rows: tuple[Responsibility, ...]
    area_label: Callable[[str], str] = str
    documents: Mapping[str, str] = field(default_factory=dict)
    fate: str = ""  # "không còn từ 01/7/2025; nay: …" for a unit that is gone
    agency_today: Mapping[str, str] = field(default_factory=dict)  # agency → who holds its work now

    @property
    def title(self) -> str:
        return f"Ma trận trách nhiệm — {self.unit}"

    @property
    def fate_note(self) -> str:
        return f"{self.unit} {self.fate}." if self.fate and self.fate != "còn" else ""

    @cached_property
    def areas(self) -> list[str]:
        """In the order of the Chỉ số CCHC (the area vocabulary's), not alphabetical."""
        from cchc.generators.vocab import areas as vocabulary

        order = {notation: i for i, notation in enumerate(vocabulary())}
        return sorted({r.area for r in self.rows}, key=lambda a: (order.get(a, len(order)), a))

    @cached_property
    def agencies(self) -> list[str]:
        return sorted({r.agency for r in self.rows})

    @cached_property
    def _index(self) -> dict[tuple[str, str], dict[str, set[str]]]:
        """(agency, area) → role → provisions; built once, a unit can have thousands of rows."""
        index: dict[tuple[str, str], dict[str, set[str]]] = {}
        for r in self.rows:
            index.setdefault((r.agency, r.area), {}).setdefault(r.mode, set()).update(r.provisions)
        return index

    def modes(self, agency: str, area: str) -> list[str]:
        """The agency's roles in an area, strongest first."""
        return sorted(self._index.get((agency, area), {}), key=_mode_rank)

    def cell(self, agency: str, area: str) -> str:
        return ", ".join(mode_label(m) for m in self.modes(agency, area))

    def sources(self, agency: str, area: str) -> str:
        """The provisions behind a cell, one line per role, for the cell's comment."""
        lines = []
        roles = self._index.get((agency, area), {})
        for mode in self.modes(agency, area):
            citations = list(dict.fromkeys(provision_citation(p, self.documents) for p in sorted(roles[mode])))
            lines.append(f"{mode_label(mode)}: " + "; ".join(citations))
        return "\n".join(lines)

    def pivot(self) -> tuple[list[str], list[list[str]]]:
        """Columns and rows of the matrix as a plain table (terminal, Markdown, HTML)."""
        areas = self.areas
        columns = ["Cơ quan", *(self.area_label(a) for a in areas), *self._today_column()]
        rows = [[agency, *(self.cell(agency, a) for a in areas), *self._today(agency)] for agency in self.agencies]
        return columns, rows

    def _today_column(self) -> list[str]:
        return [TODAY_COLUMN] if any(self.agency_today.values()) else []

    def _today(self, agency: str) -> list[str]:
        return [self.agency_today.get(agency, "")] if self._today_column() else []

    def by_agency(self) -> tuple[list[str], list[list[str]]]:
        """The matrix as a terminal reads it: a row per agency, a column per role listing
        the areas by their short names (thirteen area columns do not fit 80 characters)."""
        from cchc.generators.vocab import area_short_labels

        short = area_short_labels()
        roles = [m for m in MODES if any(m in self.modes(agency, a) for agency in self.agencies for a in self.areas)]
        columns = ["Cơ quan", *(MODE_LABELS[m] for m in roles), *self._today_column()]
        rows = []
        for agency in self.agencies:
            cells = ["; ".join(short.get(a, self.area_label(a)) for a in self.areas if m in self.modes(agency, a)) for m in roles]
            rows.append([agency, *cells, *self._today(agency)])
        return columns, rows

    def pivot_colours(self) -> list[list[str | None]]:
        """The background of each pivot cell: the colour of its strongest role."""
        areas = self.areas
        return [
            [None, *((f"#{MODE_COLOURS[m[0]]}" if (m := self.modes(agency, a)) and m[0] in MODE_COLOURS else None) for a in areas),
             *(None for _ in self._today_column())]
            for agency in self.agencies
        ]

    def flat(self) -> tuple[list[str], list[Row]]:
        """One row per (agency, area, role, provision), for the "Chi tiết" sheet."""
        columns = ["Cơ quan", "Chức năng", "Lĩnh vực", "Vai trò", "Điều khoản"]
        rows: list[Row] = []
        order = {area: i for i, area in enumerate(self.areas)}
        for r in sorted(self.rows, key=lambda r: (r.agency, order[r.area], _mode_rank(r.mode))):
            for provision in r.provisions or ("",):
                citation = provision_citation(provision, self.documents) if provision else ""
                rows.append([r.agency, function_label(r.function), self.area_label(r.area), mode_label(r.mode), citation])
        return columns, rows


def legend() -> list[tuple[str, str]]:
    """(label, #rrggbb) of each role, for the HTML page."""
    return [(MODE_LABELS[m], f"#{MODE_COLOURS[m]}") for m in MODES]


def _fill(mode: str) -> PatternFill:
    from openpyxl.styles import PatternFill

    colour = MODE_COLOURS[mode]
    return PatternFill("solid", start_color=colour, end_color=colour)


AREA_WIDTH = 16  # characters


def _print_setup(ws, title_rows: str, title_columns: str) -> None:
    """A4 landscape, fit to one page wide (as many pages down as it takes), the header row
    and the agency column repeated on every page: how a Phòng Nội vụ prints it."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_title_cols = title_columns
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.horizontalCentered = True


def to_xlsx(matrix: ResponsibilityMatrix) -> bytes:
    """The workbook: "Ma trận" (pivot), "Chi tiết" (flat rows), "Chú giải" (the colours)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ma trận"
    areas, agencies = matrix.areas, matrix.agencies

    set_cell(ws, 1, 1, matrix.title).font = Font(bold=True, size=14)
    note = "Màu ô theo vai trò mạnh nhất (xem trang Chú giải); chú thích của ô ghi điều khoản nguồn."
    if matrix.fate_note:
        note = f"{matrix.fate_note} {note}"
    set_cell(ws, 2, 1, note).font = Font(italic=True, color="595959")
    header = 3
    columns = ["Cơ quan", *(matrix.area_label(a) for a in areas), *matrix._today_column()]
    last_column = get_column_letter(len(columns))
    for j, name in enumerate(columns, start=1):
        cell = set_cell(ws, header, j, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_COLOUR, end_color=HEADER_COLOUR)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if j > 1 else "left")
        cell.border = border
    for i, agency in enumerate(agencies, start=header + 1):
        name = set_cell(ws, i, 1, agency)
        name.font = Font(bold=True)
        name.border = border
        for j, area in enumerate(areas, start=2):
            cell = ws.cell(row=i, column=j)
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            modes = matrix.modes(agency, area)
            if not modes:
                continue
            set_cell(ws, i, j, matrix.cell(agency, area))
            if modes[0] in MODE_COLOURS:
                cell.fill = _fill(modes[0])
            comment = Comment(matrix.sources(agency, area), "cchc")
            comment.width, comment.height = 420, 30 + 18 * (1 + len(comment.text) // 60 + comment.text.count("\n"))
            cell.comment = comment
        for today in matrix._today(agency):  # who holds the agency's work since the units changed
            cell = set_cell(ws, i, len(areas) + 2, today)
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            # a spreadsheet does not grow a row for wrapped text it did not lay out itself
            lines = -(-len(today) // (TODAY_WIDTH - 4))
            ws.row_dimensions[i].height = max(ws.row_dimensions[i].height or 15, 15 * lines)
    if matrix._today_column():
        ws.column_dimensions[get_column_letter(len(areas) + 2)].width = TODAY_WIDTH
    ws.column_dimensions["A"].width = min(50, max([len("Cơ quan"), *map(len, agencies)]) + 2)
    for j in range(2, len(areas) + 2):
        ws.column_dimensions[get_column_letter(j)].width = AREA_WIDTH
    # a header is not clipped: as many lines as its longest label takes at the column's width
    lines = max([1, *(-(-len(matrix.area_label(a)) // (AREA_WIDTH - 2)) for a in areas)])
    ws.row_dimensions[header].height = 15 * lines + 6
    ws.freeze_panes = ws.cell(row=header + 1, column=2).coordinate  # header row and agency column
    ws.auto_filter.ref = f"A{header}:{last_column}{header + max(len(agencies), 1)}"
    _print_setup(ws, title_rows=f"{header}:{header}", title_columns="A:A")

    detail = wb.create_sheet("Chi tiết")
    flat_columns, flat_rows = matrix.flat()
    write_table(detail, flat_columns, flat_rows)
    by_label = {label: mode for mode, label in MODE_LABELS.items()}
    role = flat_columns.index("Vai trò")
    for i, row in enumerate(flat_rows, start=2):
        if isinstance(label := row[role], str) and label in by_label:
            detail.cell(row=i, column=role + 1).fill = _fill(by_label[label])
    _print_setup(detail, title_rows="1:1", title_columns="A:A")

    key = wb.create_sheet("Chú giải")
    key_rows = [[MODE_LABELS[m], MODE_MEANINGS[m]] for m in MODES]
    write_table(key, ["Vai trò", "Ý nghĩa"], key_rows)
    for i, mode in enumerate(MODES, start=2):
        key.cell(row=i, column=1).fill = _fill(mode)
    extra = len(MODES) + 3
    set_cell(key, extra, 1, "Ô có nhiều vai trò được tô theo vai trò đứng đầu (Chủ trì > Phối hợp > Thẩm định > Giám sát).")
    set_cell(key, extra + 1, 1, "Di chuột lên một ô để xem điều khoản nguồn; trang Chi tiết liệt kê từng điều khoản.")
    fit_columns(key, ["Vai trò", "Ý nghĩa"], key_rows)
    return workbook_bytes(wb)


def from_rows(unit: str, rows: Iterable[Mapping[str, str | None]], area_label: Callable[[str], str], documents: Mapping[str, str] | None = None,
              fate: str = "", agency_today: Mapping[str, str] | None = None) -> ResponsibilityMatrix:
    """Build the matrix from the query's rows as plain strings (agency, function, area, mode, provisions)."""
    items = tuple(
        Responsibility(
            agency=row["agency"] or "",
            function=row.get("function") or "",
            area=row["area"] or "",
            mode=row["mode"] or "",
            provisions=tuple((row.get("provisions") or "").split()),
        )
        for row in rows
    )
    return ResponsibilityMatrix(unit=unit, rows=items, area_label=area_label, documents=dict(documents or {}), fate=fate,
                                agency_today=dict(agency_today or {}))

