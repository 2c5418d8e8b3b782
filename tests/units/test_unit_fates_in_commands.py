"""docs list, lint and calendar say which units of the documents no longer exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()


@pytest.fixture
def store(sample_store_path: str) -> str:
    return sample_store_path


def test_docs_list_gives_each_units_fate(store: str) -> None:
    result = runner.invoke(app, ["docs", "list", "--store", store, "--format", "json"])
    rows = {row["source"]: row for row in json.loads(result.stdout)}
    my_xuyen = rows["000_946050dc9ec519ea.txt"]
    assert my_xuyen["unit"] == "huyện Mỹ Xuyên"
    assert my_xuyen["unit_today"].startswith("không còn từ 01/7/2025; nay: ") and "phường Mỹ Xuyên" in my_xuyen["unit_today"]
    assert rows["004_c9bf048497e7369c.txt"]["unit_today"] == "không còn từ 01/7/2025; nay thuộc Đà Nẵng"
    assert "(Đồng Nai)" in rows["002_e8832a6717c418ce.txt"]["unit_today"]  # huyện Hớn Quản, Bình Phước


def test_lint_names_the_communes_that_took_the_unit() -> None:
    result = runner.invoke(app, ["lint", str(CORPUS / "000_946050dc9ec519ea.txt"), "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "L703"]
    assert len(found) == 1 and "xã Hòa Tú (Cần Thơ)" in found[0]["fix"]


def test_calendar_warns_on_an_abolished_unit(store: str) -> None:
    result = runner.invoke(app, ["calendar", "--year", "2026", "--unit", "Mỹ Xuyên", "--store", store])
    assert result.exit_code == 0
    assert "Cảnh báo: huyện Mỹ Xuyên không còn từ 01/7/2025" in result.stderr
    before = runner.invoke(app, ["calendar", "--year", "2024", "--unit", "Mỹ Xuyên", "--store", store])
    assert "Cảnh báo" not in before.stderr


def test_outdated_bases_as_of_a_day(store: str) -> None:
    def rows(*extra: str) -> list[dict]:
        result = runner.invoke(app, ["query", "outdated_bases", "--store", store, "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    today = rows()
    assert {(r["source"], r["replaced_by"]) for r in today} >= {("002_e8832a6717c418ce.txt", "118/2025/NĐ-CP"),
                                                                ("004_c9bf048497e7369c.txt", "65/2025/QH15")}
    spring = rows("--as-of", "2025-04-01")  # before NĐ 61/2018 ended
    assert len(spring) == len(today) - 1 and not [r for r in spring if r["replaced_by"] == "118/2025/NĐ-CP"]
    assert len(rows("--as-of", "2025-01-01")) == 0
    bad = runner.invoke(app, ["query", "documents", "--store", store, "--as-of", "01/01/2025"])
    assert bad.exit_code != 0 and "ngày không hợp lệ" in bad.stderr


def test_any_named_query_as_of_a_day_keeps_the_texts_then_in_force(store: str) -> None:
    def units(*extra: str) -> set[str]:
        result = runner.invoke(app, ["query", "who_leads", "--param", "area=thủ tục hành chính", "--store", store, "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        return {row["unit"] for row in json.loads(result.stdout)}

    assert units() >= {"huyện Chợ Mới", "huyện Hớn Quản", "tỉnh Quảng Nam"}
    # on 1 January 2022 the Chợ Mới plan (2023) was not yet issued; the 2018 and 2021 texts were in force
    assert units("--as-of", "2022-01-01") == units() - {"huyện Chợ Mới", "Văn phòng Ủy ban nhân dân Thành phố"}


def test_compare_shows_each_units_fate_and_as_of_a_day(store: str) -> None:
    now = json.loads(runner.invoke(app, ["compare", "Mỹ Xuyên", "Hớn Quản", "--store", store, "--no-align", "--format", "json"]).stdout)
    rows = {row["label"]: row for row in now["rows"]}
    cells = [" ".join(v["text"] for v in cell["values"]) for cell in rows["Đơn vị hiện nay"]["cells"]]
    assert cells[0].startswith("không còn từ 01/7/2025; nay: ") and "(Đồng Nai)" in cells[1]
    then = runner.invoke(app, ["compare", "Mỹ Xuyên", "Hớn Quản", "--store", store, "--no-align", "--format", "json", "--as-of", "2020-06-01"])
    rows = {row["label"]: row for row in json.loads(then.stdout)["rows"]}
    assert [c["values"][0]["text"] for c in rows["Đơn vị vào ngày 01/6/2020"]["cells"]] == ["còn vào ngày 01/6/2020 (không còn từ 01/7/2025)"] * 2
    in_force = [c["values"][0]["text"] for c in rows["Hiệu lực vào ngày 01/6/2020"]["cells"]]
    assert in_force[1].endswith("chưa có hoặc đã hết hiệu lực: không so sánh")  # Hớn Quản's Quy định is of 2021
    leads = [row for row in json.loads(then.stdout)["rows"] if row["label"] == "Chủ trì"]
    assert leads and all(not row["cells"][1]["values"] for row in leads) and any(row["cells"][0]["values"] for row in leads)
    bad = runner.invoke(app, ["compare", "Mỹ Xuyên", "Hớn Quản", "--store", store, "--as-of", "1/6/2020"])
    assert bad.exit_code != 0 and "ngày không hợp lệ" in bad.stderr


def test_matrix_says_the_unit_is_gone(store: str, tmp_path) -> None:
    import openpyxl

    shown = runner.invoke(app, ["matrix", "--unit", "Quảng Nam", "--store", store])
    assert "tỉnh Quảng Nam không còn từ 01/7/2025; nay thuộc Đà Nẵng." in " ".join(shown.stdout.split())
    out = tmp_path / "ma-tran.xlsx"
    assert runner.invoke(app, ["matrix", "--unit", "Quảng Nam", "--store", store, "--out", str(out)]).exit_code == 0
    assert openpyxl.load_workbook(out).active["A2"].value.startswith("tỉnh Quảng Nam không còn từ 01/7/2025")


def test_each_agency_of_a_gone_unit_has_its_holder_today(store: str) -> None:
    from cchc.generators.agency_successors import agencies_today
    from cchc.graph.store.embedded import EmbeddedStore

    opened = EmbeddedStore(store)
    try:
        district = {a.agency: a.today for a in agencies_today(opened, "huyện Mỹ Xuyên")}
        province = {a.agency: a.today for a in agencies_today(opened, "tỉnh Quảng Nam")}
    finally:
        opened.close()
    assert district["Phòng Nội vụ"].startswith("Phòng Văn hóa - Xã hội của xã Thạnh Quới, phường Mỹ Xuyên")
    assert district["Trung tâm Văn hóa - Thể thao - Truyền thanh huyện"].startswith("không có cơ quan tương ứng ở")
    assert province["Sở Thông tin và Truyền thông"] == "hợp nhất vào Sở Khoa học và Công nghệ thành phố Đà Nẵng"
    assert province["Văn phòng Ủy ban nhân dân tỉnh"] == "Văn phòng Ủy ban nhân dân thành phố Đà Nẵng"
    shown = runner.invoke(app, ["units", "agencies", "Mỹ Xuyên", "--store", store])
    assert shown.exit_code == 0 and "Cơ quan của huyện Mỹ Xuyên" in shown.stdout


def test_matrix_says_who_holds_each_agencys_work_today(store: str, tmp_path) -> None:
    import openpyxl

    out = tmp_path / "ma-tran.xlsx"
    assert runner.invoke(app, ["matrix", "--unit", "Quảng Nam", "--store", store, "--out", str(out)]).exit_code == 0
    ws = openpyxl.load_workbook(out)["Ma trận"]
    header = [c.value for c in ws[3]]
    assert header[-1] == "Nay đảm nhiệm"
    today = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=len(header)).value for r in range(4, ws.max_row + 1)}
    assert today["Sở Thông tin và Truyền thông"] == "hợp nhất vào Sở Khoa học và Công nghệ thành phố Đà Nẵng"
    md = runner.invoke(app, ["matrix", "--unit", "Mỹ Xuyên", "--store", store, "--format", "md"]).stdout
    nội_vụ = next(line for line in md.splitlines() if line.startswith("| Phòng Nội vụ |"))
    assert "| Nay đảm nhiệm |" in md and nội_vụ.endswith("| Phòng Văn hóa - Xã hội |")


def test_docs_list_and_compare_say_which_agencies_changed(store: str) -> None:
    rows = {row["source"]: row for row in json.loads(runner.invoke(app, ["docs", "list", "--store", store, "--format", "json"]).stdout)}
    assert rows["000_946050dc9ec519ea.txt"]["agencies_today"] == "9/9 cơ quan đã chuyển, hợp nhất hoặc không còn"
    compared = json.loads(runner.invoke(app, ["compare", "Mỹ Xuyên", "Quảng Nam", "--store", store, "--no-align", "--format", "json"]).stdout)
    row = next(r for r in compared["rows"] if r["label"] == "Cơ quan nay đảm nhiệm")
    quang_nam = [v["text"] for v in row["cells"][1]["values"]]
    assert "Sở Thông tin và Truyền thông → hợp nhất vào Sở Khoa học và Công nghệ thành phố Đà Nẵng" in quang_nam
