"""md, html and xlsx outputs: the writers on their own, then the commands on the sample corpus."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.generators import matrix_xlsx, tables
from cchc.generators.vocab import areas as vocabulary_areas
from cchc.queries.resolve import area_label

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(sample_store: Path) -> list[str]:
    return ["--store", str(sample_store)]


def cli(*args: str):
    return runner.invoke(app, list(args))


def markdown_rows(text: str) -> list[list[str]]:
    """Cells of every table row, split on unescaped pipes the way GitHub does."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)(?:\\\\)*\|", line.strip())[1:-1]
            rows.append([c.strip() for c in cells])
    return rows


class _Cells(HTMLParser):
    """Collects the text of <th>/<td> cells and the page's lang, to read a page back."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html(text: str) -> _Cells:
    parser = _Cells()
    parser.feed(text)
    return parser


# the writers -------------------------------------------------------------------------
def test_markdown_escapes_pipes_backslashes_and_line_breaks() -> None:
    text = tables.to_markdown(["Điều | khoản", "b"], [["a|b", "ends with \\"], ["dòng 1\ndòng 2", None]], title="Bảng")
    assert text.startswith("## Bảng\n\n")
    rows = markdown_rows(text)
    assert rows[0] == ["Điều \\| khoản", "b"]
    assert rows[1] == ["---", "---"]
    assert rows[2] == ["a\\|b", "ends with \\\\"]
    assert rows[3] == ["dòng 1<br>dòng 2", ""]
    assert all(len(row) == 2 for row in rows)


def test_html_page_is_standalone_vietnamese_and_escaped() -> None:
    page = tables.to_html(["Cơ quan", "<b>"], [["<script>alert(1)</script>", "A & B"]], title="Thử <i>")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    parsed = read_html(page)
    assert parsed.lang == "vi"
    assert parsed.scripts == 0
    assert parsed.rows == [["Cơ quan", "<b>"], ["<script>alert(1)</script>", "A & B"]]
    assert "<title>Thử &lt;i&gt;</title>" in page


def test_xlsx_header_is_bold_frozen_filtered_and_text_never_a_formula() -> None:
    data = tables.to_xlsx(["Tên", "Ngày", "Số"], [["=HYPERLINK(\"x\")", dt.date(2026, 3, 5), 7], ["ký tự\x07 lạ", None, 8]], sheet="Kết quả: [thử]")
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    assert ws.title == "Kết quả- -thử-"
    assert [c.value for c in ws[1]] == ["Tên", "Ngày", "Số"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"
    assert ws["A2"].value == '=HYPERLINK("x")' and ws["A2"].data_type == "s"
    assert ws["B2"].value.date() == dt.date(2026, 3, 5)
    assert ws["C2"].value == 7
    assert ws["A3"].value == "ký tự lạ"
    assert all(ws.column_dimensions[col].width >= tables.MIN_WIDTH for col in "ABC")


def test_xlsx_rows_with_wrapped_text_are_as_tall_as_their_lines() -> None:
    """LibreOffice opens a row at its stored height: a wrapped cell must not show one line only."""
    long = "Phòng Nội vụ chủ trì, phối hợp với các cơ quan tham mưu thực hiện cải cách thể chế " * 4
    data = tables.to_xlsx(["Cơ quan", "Nội dung"], [["Phòng Nội vụ", long], ["Phòng Tư pháp", "ngắn"]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["B2"].alignment.wrap_text
    expected = tables.wrapped_lines(long, tables.MAX_WIDTH)
    assert expected >= 5 and ws.row_dimensions[2].height == tables.LINE_HEIGHT * expected + 2
    assert ws.row_dimensions[3].height is None  # one line: the default height


def test_provision_citation_reads_the_eid_smallest_unit_first() -> None:
    doc = "https://w3id.org/cchc/id/doc/x"
    names = {doc: "văn bản số 1/QĐ-UBND"}
    assert matrix_xlsx.provision_citation(f"{doc}/att_1/art_6__para_2__point_dd__indent_3", names) == (
        "điểm đ khoản 2 Điều 6 (gạch đầu dòng) của văn bản kèm theo, văn bản số 1/QĐ-UBND"
    )
    assert matrix_xlsx.provision_citation(f"{doc}/sec_iv__indent_66") == "Mục IV (gạch đầu dòng)"
    assert matrix_xlsx.provision_citation("urn:something-else") == "urn:something-else"


# the commands ------------------------------------------------------------------------
def test_xlsx_needs_an_output_file(store: list[str]) -> None:
    for command in (["query", "documents"], ["who-leads", "thể chế"], ["matrix", "--unit", "Mỹ Xuyên"], ["calendar", "--year", "2026"]):
        result = cli(*command, "--format", "xlsx", *store)
        assert result.exit_code == 2, (command, result.output)
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1 and "--out" in message and "xlsx" in message
        assert "Traceback" not in result.output


def test_table_cannot_go_to_a_file_and_unknown_extensions_ask_for_a_format(store: list[str], tmp_path: Path) -> None:
    refused = cli("query", "documents", "--format", "table", "--out", str(tmp_path / "x.txt"), *store)
    assert refused.exit_code == 2 and "--format" in refused.stderr
    unknown = cli("query", "documents", "--out", str(tmp_path / "x.txt"), *store)
    assert unknown.exit_code == 2 and "đuôi tệp" in unknown.stderr
    assert not (tmp_path / "x.txt").exists()


def test_who_leads_as_markdown(store: list[str]) -> None:
    result = cli("who-leads", "cải cách thể chế", "--unit", "Mỹ Xuyên", "--format", "md", *store)
    assert result.exit_code == 0, result.output
    rows = markdown_rows(result.stdout)
    header = rows[0]
    assert header[:2] == ["Đơn vị", "Cơ quan"]
    body = rows[2:]
    assert {row[header.index("Cơ quan")] for row in body} == {"Phòng Tư pháp"}
    assert all(len(row) == len(header) for row in body)


def test_query_as_html_to_stdout_and_to_a_file(store: list[str], tmp_path: Path) -> None:
    shown = cli("query", "documents", "--format", "html", *store)
    assert shown.exit_code == 0, shown.output
    page = read_html(shown.stdout)
    assert page.lang == "vi"
    assert page.rows[0][:3] == ["Tệp nguồn", "Loại văn bản", "Số hiệu"]  # no IRI columns for people
    assert {row[1] for row in page.rows[1:]} <= {"Quy chế", "Quy định", "Kế hoạch"}  # labels, not quy_che
    assert len(page.rows) == 1 + 5
    target = tmp_path / "vanban.html"
    written = cli("query", "documents", "--out", str(target), *store)  # format from the extension
    assert written.exit_code == 0, written.output
    assert "Đã ghi 5 dòng" in written.stderr
    assert read_html(target.read_text(encoding="utf-8")).rows == page.rows


def test_query_as_xlsx(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "vanban.xlsx"
    result = cli("query", "documents", "--param", "kind=ke_hoach", "--format", "xlsx", "--out", str(target), *store)
    assert result.exit_code == 0, result.output
    ws = load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[header.index("Số hiệu")] == "Số hiệu" and all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    row = {h: c.value for h, c in zip(header, ws[2])}
    assert row["Số hiệu"] == "341/KH-UBND"
    assert row["Ngày ban hành"].date() == dt.date(2023, 2, 22)  # a real date, not text
    assert ws.max_row == 2


def test_calendar_as_xlsx_and_markdown(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "lich.xlsx"
    result = cli("calendar", "--year", "2026", "--unit", "Chợ Mới", "--out", str(target), *store)
    assert result.exit_code == 0, result.output
    ws = load_workbook(target).active
    assert [c.value for c in ws[1]] == ["Ngày", "Đơn vị", "Báo cáo", "Người gửi", "Nơi nhận", "Quy tắc", "Điều khoản", "Ghi chú"]
    first = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    # real dates where the text gives a day; the undated rows say so in the same column
    assert [v.date().isoformat() for v in first if isinstance(v, dt.datetime)] == ["2026-03-05", "2026-06-05", "2026-09-05", "2026-12-05"]
    assert "Không cố định" in first
    md = cli("calendar", "--year", "2026", "--unit", "Chợ Mới", "--format", "md", *store)
    assert [row[0] for row in markdown_rows(md.stdout)[2:6]] == ["2026-03-05", "2026-06-05", "2026-09-05", "2026-12-05"]
    ics = cli("calendar", "--year", "2026", "--unit", "Chợ Mới", "--format", "ics", *store)
    assert "BEGIN:VCALENDAR" in ics.stdout


def test_matrix_workbook(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "m.xlsx"
    result = cli("matrix", "--unit", "Mỹ Xuyên", "--format", "xlsx", "--out", str(target), *store)
    assert result.exit_code == 0, result.output
    wb = load_workbook(target)
    assert wb.sheetnames == ["Ma trận", "Chi tiết", "Chú giải"]
    ws = wb["Ma trận"]
    assert ws["A1"].value == "Ma trận trách nhiệm — huyện Mỹ Xuyên"
    header_row = 3
    header = [c.value for c in ws[header_row]]
    assert header[0] == "Cơ quan" and all(c.font.bold for c in ws[header_row])
    assert ws.freeze_panes == "B4"  # header row and agency column stay in view
    assert ws.auto_filter.ref == f"A{header_row}:{ws.cell(row=header_row, column=len(header)).column_letter}{ws.max_row}"

    agencies = {ws.cell(row=r, column=1).value: r for r in range(header_row + 1, ws.max_row + 1)}
    the_che = ws.cell(row=agencies["Phòng Tư pháp"], column=header.index(area_label("the_che")) + 1)
    assert the_che.value == "Chủ trì"
    assert the_che.fill.fgColor.rgb.endswith(matrix_xlsx.MODE_COLOURS["chu_tri"])
    assert the_che.comment.text.startswith("Chủ trì: ") and "Điều 6" in the_che.comment.text

    labels = {label: mode for mode, label in matrix_xlsx.MODE_LABELS.items()}
    filled = 0
    roles = len([h for h in header if h != matrix_xlsx.TODAY_COLUMN])  # the last column, if any, says who holds the work today
    for row in ws.iter_rows(min_row=header_row + 1, min_col=2, max_col=roles):
        for cell in row:
            if cell.value is None:
                assert cell.comment is None and cell.fill.fill_type is None
                continue
            filled += 1
            modes = [labels[part] for part in cell.value.split(", ")]
            assert cell.fill.fgColor.rgb.endswith(matrix_xlsx.MODE_COLOURS[modes[0]])  # strongest role
            assert [line.split(": ")[0] for line in cell.comment.text.splitlines()] == [matrix_xlsx.MODE_LABELS[m] for m in modes]
    assert filled > 10

    detail = wb["Chi tiết"]
    assert detail.freeze_panes == "A2" and detail.auto_filter.ref.startswith("A1:")
    columns = [c.value for c in detail[1]]
    flat = [dict(zip(columns, (c.value for c in row))) for row in detail.iter_rows(min_row=2)]
    assert columns == ["Cơ quan", "Chức năng", "Lĩnh vực", "Vai trò", "Điều khoản"]  # no code or IRI columns
    assert any(
        r["Cơ quan"] == "Phòng Tư pháp" and r["Lĩnh vực"] == area_label("the_che") and r["Vai trò"] == "Chủ trì"
        and r["Điều khoản"].startswith("điểm b khoản 2 Điều 6")
        for r in flat
    )
    assert "_" not in "".join(r["Chức năng"] or "" for r in flat)  # "Tư pháp", not tu_phap
    assert len(flat) >= filled
    # Printed as a Phòng Nội vụ prints it: A4 landscape, one page wide, header and agencies repeated.
    for sheet in (ws, detail):
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_cols == "$A:$A"
    assert ws.print_title_rows == "$3:$3"
    order = list(vocabulary_areas())
    shown = [order.index(next(n for n, label in vocabulary_areas().items() if label == h)) for h in header[1:roles]]
    assert shown == sorted(shown)  # areas in the order of the Chỉ số CCHC

    legend = wb["Chú giải"]
    shown = {legend.cell(row=r, column=1).value: legend.cell(row=r, column=1).fill.fgColor.rgb for r in range(2, 6)}
    assert {label: rgb[-6:] for label, rgb in shown.items()} == {matrix_xlsx.MODE_LABELS[m]: c for m, c in matrix_xlsx.MODE_COLOURS.items()}


def test_matrix_as_markdown_and_html_is_the_same_pivot_as_the_workbook(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "m.xlsx"
    assert cli("matrix", "--unit", "Mỹ Xuyên", "--out", str(target), *store).exit_code == 0
    ws = load_workbook(target)["Ma trận"]
    workbook = [[c.value or "" for c in row] for row in ws.iter_rows(min_row=3)]

    md = cli("matrix", "--unit", "Mỹ Xuyên", "--format", "md", *store)
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("## Ma trận trách nhiệm — huyện Mỹ Xuyên")
    rows = markdown_rows(md.stdout)
    assert [rows[0], *rows[2:]] == workbook

    page = cli("matrix", "--unit", "Mỹ Xuyên", "--format", "html", *store)
    assert page.exit_code == 0, page.output
    assert read_html(page.stdout).rows == workbook
    assert f"background: #{matrix_xlsx.MODE_COLOURS['chu_tri']}" in page.stdout  # coloured like the workbook


def test_matrix_json_rows_are_unchanged(store: list[str]) -> None:
    result = cli("matrix", "--unit", "Mỹ Xuyên", "--format", "json", *store)
    rows = json.loads(result.stdout)
    assert {"agency": "Phòng Tư pháp", "area": "the_che", "mode": "chu_tri"}.items() <= next(
        r for r in rows if r["agency"] == "Phòng Tư pháp" and r["area"] == "the_che"
    ).items()


def test_sparql_select_as_markdown(store: list[str]) -> None:
    result = cli("sparql", "SELECT ?n WHERE { VALUES ?n { \"a|b\" } }", "--format", "md", *store)
    assert result.exit_code == 0, result.output
    assert markdown_rows(result.stdout) == [["n"], ["---"], ["a\\|b"]]


def test_matrix_workbook_from_a_remote_store(sparql_server: str, remote_store, tmp_path: Path) -> None:
    endpoint = ["--endpoint", f"{sparql_server}/query"]
    assert cli("ingest", *endpoint, str(CORPUS)).exit_code == 0
    target = tmp_path / "m.xlsx"
    result = cli("matrix", "--unit", "Mỹ Xuyên", "--out", str(target), *endpoint)
    assert result.exit_code == 0, result.output
    ws = load_workbook(target)["Ma trận"]
    header = [c.value for c in ws[3]]
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "Phòng Tư pháp")
    assert row[header.index(area_label("the_che"))].value == "Chủ trì"


def test_codes_stand_beside_their_labels_only_when_asked(store: list[str]) -> None:
    plain = cli("query", "responsibility_matrix", "-p", "unit=Chợ Mới", "--format", "csv", *store)
    coded = cli("query", "responsibility_matrix", "-p", "unit=Chợ Mới", "--format", "csv", "--codes", *store)
    assert plain.exit_code == coded.exit_code == 0, plain.output + coded.output
    header, first = plain.stdout.splitlines()[:2]
    assert header == "Cơ quan,Chức năng,Lĩnh vực,Vai trò,Điều khoản"
    assert "chu_tri" not in plain.stdout and "https://" not in plain.stdout
    assert re.search(r",(Chủ trì|Phối hợp),\"?(Mục|Điều) ", first)
    coded_header = coded.stdout.splitlines()[0].split(",")
    assert coded_header[coded_header.index("Vai trò") + 1] == "Vai trò (mã)"
    assert "chu_tri" in coded.stdout and "https://w3id.org/cchc/id/doc/" in coded.stdout


def test_a_csv_file_is_for_excel(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "ma-tran.csv"
    result = cli("query", "responsibility_matrix", "-p", "unit=Chợ Mới", "--out", str(target), *store)
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))  # Excel reads UTF-8 only with its BOM
    assert data.decode("utf-8-sig").startswith("Cơ quan,")


def test_a_query_names_the_store_it_found_nothing_in(store: list[str], tmp_path: Path) -> None:
    result = cli("query", "who_leads", "-p", "area=TTHC", "-p", "unit=Chợ Mới", "--format", "csv", *store)
    empty = cli("query", "documents", "-p", "kind=nghi_dinh", *store)
    assert empty.exit_code == 0 and f"Không có kết quả trong kho {store[1]}" in empty.stderr
    missing = cli("query", "documents", "--store", str(tmp_path / "khong-co"))
    assert missing.exit_code == 3 and "không tìm thấy kho đồ thị" in missing.stderr
    assert not (tmp_path / "khong-co").exists()
    assert result.exit_code == 0
