"""``cchc compare`` end to end: every format, the area survey, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn
from typer.testing import CliRunner

from cchc.cli.app import app

runner = CliRunner()


def run(store_dir: Path, *args: str):
    return runner.invoke(app, ["compare", *args, "--store", str(store_dir)])


class _Page(HTMLParser):
    """Rows (class, label) of the synoptic table, anchors and their targets."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (href, title)
        self._row_class: str | None = None
        self._in_label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "tr":
            self._row_class = attrs.get("class") or ""
        if tag == "th" and attrs.get("class") == "label":
            self._in_label = True
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append((attrs["href"][1:], attrs.get("title", "")))

    def handle_data(self, data):
        if self._in_label:
            self.rows.append((self._row_class or "", data.strip()))
            self._in_label = False


def test_html_highlights_differing_rows_and_links_every_value(store_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "so-sanh.html"
    result = run(store_dir, "Mỹ Xuyên", "Chợ Mới", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert "Đã ghi bảng so sánh (2 đơn vị," in result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    parser = _Page()
    parser.feed(page)
    assert ("differs", "Tần suất họp") in parser.rows
    assert ("", "Văn bản được so sánh") in parser.rows  # informational, never highlighted
    assert any(cls == "" for cls, label in parser.rows if label == "Chủ trì")  # e.g. chính phủ số: same function
    assert parser.links and all(anchor in parser.ids for anchor, _ in parser.links)
    assert ("nguon-1", "") not in parser.links
    assert any("họp định kỳ 02 lần/năm" in title for _, title in parser.links)


def test_docx_is_a_landscape_table_with_shaded_differences(store_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "so-sanh.docx"
    result = run(store_dir, "Mỹ Xuyên", "tỉnh Quảng Nam", "--format", "docx", "--out", str(target))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    assert document.sections[0].page_width > document.sections[0].page_height
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Nội dung", "huyện Mỹ Xuyên", "tỉnh Quảng Nam"]
    shaded = {
        row.cells[0].text
        for row in table.rows
        if any(shd.get(qn("w:fill")) == "FFF2CC" for shd in row.cells[1]._tc.iter(qn("w:shd")))
    }
    assert "≠ Tần suất họp" in shaded and "Chủ trì" not in shaded
    finance = next(
        row for n, row in enumerate(table.rows) if row.cells[0].text == "Chủ trì" and table.rows[n - 1].cells[0].text == "Cải cách tài chính công"
    )
    assert finance.cells[1].text.startswith("Phòng Tài chính - Kế hoạch (Tài chính)")
    assert finance.cells[2].text.startswith("Sở Tài chính (Tài chính)")
    assert any("Đối chiếu điều khoản" == p.text for p in document.paragraphs)


def test_json_csv_and_markdown_on_stdout(store_dir: Path) -> None:
    data = json.loads(run(store_dir, "Mỹ Xuyên", "Văn phòng Ủy ban nhân dân Thành phố", "--format", "json").stdout)
    assert data["format"] == "cchc-compare/1" and data["units"] == ["huyện Mỹ Xuyên", "Văn phòng Ủy ban nhân dân Thành phố"]
    pair = data["alignments"][0]["pairs"][0]
    assert pair["left"]["label"] == "Điều 1" and {d["op"] for d in pair["diff"]} >= {"equal", "insert"}
    lead = next(r for r in data["rows"] if r["section"] == "Cải cách thể chế" and r["label"] == "Chủ trì")
    ref = lead["cells"][0]["values"][0]["refs"][0]
    assert ref["eid"] == "art_6__para_2__point_b__indent_7" and ref["label"] == "Điều 6 khoản 2 điểm b"
    assert ref["iri"] == ref["document"] + "/" + ref["eid"]

    table = list(csv.reader(io.StringIO(run(store_dir, "Mỹ Xuyên", "Chợ Mới", "--format", "csv").stdout)))
    assert table[0] == ["Mục", "Nội dung", "Khác nhau", "huyện Mỹ Xuyên", "huyện Mỹ Xuyên — điều khoản", "huyện Chợ Mới", "huyện Chợ Mới — điều khoản"]
    the_che = next(line for line in table if line[:2] == ["Cải cách thể chế", "Chủ trì"])
    assert the_che[2:] == ["có", "Phòng Tư pháp (Tư pháp)", "Điều 6 khoản 2 điểm b", "", ""]

    markdown = run(store_dir, "Mỹ Xuyên", "Chợ Mới", "--format", "md").stdout
    assert markdown.startswith("# So sánh quy định cải cách hành chính: huyện Mỹ Xuyên, huyện Chợ Mới")
    assert "| ≠ Tần suất họp |" in markdown and "[Điều 9 khoản 1](https://w3id.org/cchc/id/doc/" in markdown


def test_area_narrows_the_area_rows(store_dir: Path) -> None:
    data = json.loads(run(store_dir, "Mỹ Xuyên", "Chợ Mới", "--area", "TTHC", "--no-align", "--format", "json").stdout)
    sections = list(dict.fromkeys(row["section"] for row in data["rows"]))
    assert data["area"] == "thu_tuc_hanh_chinh" and data["alignments"] == []
    assert "Cải cách thủ tục hành chính" in sections and "Cải cách thể chế" not in sections
    assert "Chế độ họp" in sections  # meetings, reports, ratings and legal bases are not per area


def test_terminal_table_by_default(store_dir: Path) -> None:
    result = run(store_dir, "Mỹ Xuyên", "Chợ Mới")
    assert result.exit_code == 0, result.output
    assert "So sánh quy định cải cách hành chính: huyện Mỹ Xuyên, huyện Chợ Mới" in result.stdout
    assert "≠ Chủ trì" in result.stdout and "Phòng Tư pháp" in result.stdout
    assert "23 trên 32 nội dung khác nhau giữa các đơn vị." in result.stdout


def test_all_units_for_one_area(store_dir: Path) -> None:
    result = run(store_dir, "--all", "--area", "thể chế", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    leads = {unit["unit"]: [v["text"] for v in unit["values"]] for unit in data["units"]}
    assert len(leads) == 5
    assert leads["huyện Mỹ Xuyên"] == ["Phòng Tư pháp"] and leads["huyện Chợ Mới"] == []
    assert set(leads["tỉnh Quảng Nam"]) == {"Sở Tư pháp"}
    assert data["distribution"][0]["sentence"] == (
        "Tư pháp (Phòng Tư pháp, Sở Tư pháp) chủ trì ở 3 trên 5 đơn vị (huyện Hớn Quản, huyện Mỹ Xuyên, tỉnh Quảng Nam)."
    )
    assert data["without_sentence"] == "Chưa quy định cơ quan chủ trì ở 1 trên 5 đơn vị (huyện Chợ Mới)."
    screen = run(store_dir, "--all", "--area", "TTHC")
    assert "chủ trì ở 4 trên 5 đơn vị" in screen.stdout
    page = run(store_dir, "--all", "--area", "the che", "--format", "html").stdout
    assert "Cơ quan chủ trì lĩnh vực “Cải cách thể chế” ở mọi đơn vị" in page


def test_mistakes_are_one_line_errors(store_dir: Path, tmp_path: Path) -> None:
    cases = [
        (("Mỹ Xuyên",), "cần ít nhất hai đơn vị"),
        (("Mỹ Xuyên", "huyen my xuyen"), "được nêu hai lần"),
        (("Mỹ Xuyên", "Chợ Mới", "--format", "docx"), "docx cần tệp kết quả"),
        (("--all",), "--all cần --area"),
        (("Mỹ Xuyên", "--all", "--area", "TTHC"), "dùng --all hoặc nêu tên đơn vị"),
        (("Mỹ Xuyên", "Chợ Mới", "--out", str(tmp_path / "x.txt")), "không đoán được định dạng"),
        (("Mỹ Xuyên", "Chợ Mới", "--out", str(tmp_path / "thiếu" / "x.html")), "không tồn tại"),
        (("Mỹ Xuyên", "Chợ Mớii Xa"), "không nhận ra đơn vị"),
    ]
    for args, message in cases:
        result = run(store_dir, *args)
        assert result.exit_code != 0, args
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert result.stderr.startswith("Lỗi: ")
