"""``cchc lint FILE|UNIT`` end to end: formats, exit status, errors, the graph side."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_table_and_exit_status(samples) -> None:
    result = cli("lint", str(samples["002"]))
    assert result.exit_code == 1  # an error-severity finding
    assert "Kết quả kiểm tra: 002_e8832a6717c418ce.txt" in result.stdout
    assert all(word in result.stdout for word in ("L101", "L202", "L301", "Mức độ", "Vị trí", "Đề xuất sửa"))
    # the notes: huyện Hớn Quản no longer exists, three of its căn cứ were replaced since
    assert "2 lỗi, 6 cảnh báo, 4 lưu ý" in result.stdout
    warnings_only = cli("lint", str(samples["004"]))
    assert warnings_only.exit_code == 0 and "L601" in warnings_only.stdout


def test_json_csv_and_markdown(samples, tmp_path: Path) -> None:
    data = json.loads(cli("lint", str(samples["003"]), "--format", "json").stdout)
    assert data["target"] == "003_9a23d4ea0e0477f2.txt" and data["date"] == "2023-02-22"
    assert any(f["rule"] == "L401" and f["provision"] == "sec_iv__indent_66" and f["line"] == 220 for f in data["findings"])
    assert data["counts"]["warning"] + data["counts"]["info"] == len(data["findings"]) and data["counts"]["info"] == 1
    rows = list(csv.DictReader(io.StringIO(cli("lint", str(samples["003"]), "--format", "csv").stdout)))
    assert {row["Mã quy tắc"] for row in rows} >= {"L401", "L402", "L604"} and rows[0]["Nội dung"]  # Vietnamese headers
    assert {row["Mức độ"] for row in rows} <= {"Lỗi", "Cảnh báo", "Lưu ý"}
    out = tmp_path / "loi.md"
    result = cli("lint", str(samples["000"]), "--format", "md", "--out", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Kết quả kiểm tra: 000_946050dc9ec519ea.txt")
    assert "| L501 | Lỗi | Phần đầu văn bản (dòng 7) |" in text


def test_as_of_judges_names_at_another_date(samples) -> None:
    data = json.loads(cli("lint", str(samples["004"]), "--format", "json", "--as-of", "2025-08-01").stdout)
    assert data["date"] == "2025-08-01" and data["date_basis"] == "ngày được chỉ định"
    assert {"L701", "L702"} <= {f["rule"] for f in data["findings"]}
    assert cli("lint", str(samples["004"]), "--as-of", "01/08/2025").exit_code == 1


def test_unreadable_files_are_one_line(tmp_path: Path) -> None:
    missing = cli("lint", str(tmp_path / "khong-co.docx"))
    assert missing.exit_code == 2 and missing.stderr.strip().count("\n") == 0 and "khong-co.docx" in missing.stderr
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    result = cli("lint", str(empty))
    assert result.exit_code == 2 and result.stderr.startswith("Lỗi:")


@pytest.fixture(scope="module")
def store(sample_store: Path) -> list[str]:
    return ["--store", str(sample_store)]


def test_unit_on_the_graph(store: list[str]) -> None:
    result = cli("lint", "Hớn Quản", "--format", "json", "--as-of", "2025-01-01", *store)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["target"] == "huyện Hớn Quản"
    rules = {(f["rule"], f["label"]) for f in data["findings"]}
    # the decision is labelled by the number its annex cites, as cchc facts gives it
    assert ("L101", "212/QĐ-UBND, văn bản kèm theo, Điều 12 khoản 2") in rules
    assert any(rule == "L601" for rule, _ in rules)
    assert not any(rule.startswith(("L7", "L5", "L4")) for rule, _ in rules)  # text rules are for FILE; names valid in 2024


def test_unit_names_that_no_longer_exist(store: list[str]) -> None:
    data = json.loads(cli("lint", "tỉnh Quảng Nam", "--format", "json", "--as-of", "2025-09-01", *store).stdout)
    merged = {f["message"].split("”")[0].lstrip("“") for f in data["findings"] if f["rule"] == "L701"}
    assert merged == {"Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư"}


def test_unit_on_a_remote_store_reads_the_same(store: list[str], remote_store, sparql_server: str) -> None:
    endpoint = ["--endpoint", f"{sparql_server}/query"]
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    assert cli("ingest", *endpoint, str(corpus)).exit_code == 0
    embedded = json.loads(cli("lint", "Chợ Mới", "--format", "json", "--as-of", "2025-01-01", *store).stdout)
    remote = json.loads(cli("lint", "Chợ Mới", "--format", "json", "--as-of", "2025-01-01", *endpoint).stdout)
    assert remote["findings"] == embedded["findings"] and embedded["findings"]


def test_unknown_unit_says_so(store: list[str]) -> None:
    result = cli("lint", "Không Có Đơn Vị", *store)
    assert result.exit_code != 0 and "không nhận ra đơn vị" in result.stderr


def test_unit_member_without_duty(tmp_path: Path, samples) -> None:
    text = samples["000"].read_text(encoding="utf-8")
    start = text.index("g) Thành viên Ban Chỉ đạo - Giám đốc Trung tâm")
    end = text.index("### **Điều 7.")
    edited = tmp_path / "quy-che.txt"
    edited.write_text(text[:start] + text[start:end].split("\n")[0] + "\n\n" + text[end:], encoding="utf-8")
    location = ["--store", str(tmp_path / "store")]
    assert cli("ingest", *location, str(edited)).exit_code == 0
    data = json.loads(cli("lint", "Mỹ Xuyên", "--format", "json", "--as-of", "2025-01-01", *location).stdout)
    members = [f for f in data["findings"] if f["rule"] == "L603"]
    assert [f["message"].split("”")[0].lstrip("“") for f in members] == ["Trung tâm Văn hóa - Thể thao - Truyền thanh huyện"]
