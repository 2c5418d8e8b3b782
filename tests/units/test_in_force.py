"""Căn cứ that were no longer in force: the shipped table, lint L303/L304 and outdated_bases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc.graph.in_force import ceased_by, listed
from cchc.graph.model import Citation
from cchc.lint import lint_file

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_numbers_and_unnumbered_laws_are_matched() -> None:
    one_stop = listed(Citation("Nghị định số 61/2018/NĐ-CP", number="61/2018/NĐ-CP"))
    assert one_stop is not None and one_stop.replaced_by == ("118/2025/NĐ-CP",) and one_stop.until == dt.date(2025, 6, 30)
    old_law = Citation("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", kind="luat", date=dt.date(2015, 6, 19),
                       title="Luật Tổ chức chính quyền địa phương")
    assert listed(old_law).number == "77/2015/QH13"
    # the second law of that title in 2025 is not the first
    new_law = Citation("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", kind="luat", date=dt.date(2025, 6, 16),
                       title="Luật Tổ chức chính quyền địa phương")
    assert listed(new_law) is None
    assert ceased_by(Citation("x", number="61/2018/NĐ-CP"), dt.date(2025, 6, 30)) is None
    assert ceased_by(Citation("x", number="61/2018/NĐ-CP"), dt.date(2025, 7, 1)) is not None
    assert listed(Citation("x", number="157/2007/NĐ-CP")) is None  # not listed: not judged


def test_lint_tells_a_basis_ceased_before_the_text_from_one_replaced_since() -> None:
    sample = CORPUS / "002_e8832a6717c418ce.txt"  # 2021, cites the 2015 law and NĐ 61/2018
    since = [f for f in lint_file(sample).findings if f.rule == "L304"]
    assert len(since) == 3 and any("118/2025/NĐ-CP" in f.fix for f in since)
    reused = lint_file(sample, as_of=dt.date(2025, 8, 1))
    early = [f for f in reused.findings if f.rule == "L303"]
    assert len(early) == 3 and not [f for f in reused.findings if f.rule == "L304"]
    assert all(f.severity == "error" for f in early)


def test_a_texts_own_clause_gives_its_interval() -> None:
    from cchc.graph.effective import in_force

    signed = dt.date(2025, 11, 18)
    assert in_force("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.", signed).start == signed
    later = in_force("Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025 và thay thế Quyết định số 5/QĐ-UBND.", signed)
    assert later.start == dt.date(2025, 12, 1) and later.end is None
    bounded = in_force("Nghị quyết này có hiệu lực thi hành kể từ ngày 18/11/2025 đến ngày 31 tháng 12 năm 2025.", signed)
    assert (bounded.start, bounded.end) == (dt.date(2025, 11, 18), dt.date(2025, 12, 31))
    assert in_force("Các văn bản có hiệu lực của cơ quan khác.", signed) is None


def test_documents_in_force_on_a_day(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from cchc.cli.app import app

    header = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: {number}/QĐ-UBND\n\nAn Bình, ngày {day} tháng {month} năm 2025\n\nQUYẾT ĐỊNH\nVề việc {what}\n\n"
    old = header.format(number=12, day="05", month="03", what="ban hành Quy chế làm việc") + \
        "Điều 1. Ban hành Quy chế làm việc.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    new = header.format(number=40, day="20", month="11", what="ban hành Quy chế làm việc mới") + \
        "Điều 1. Ban hành Quy chế làm việc mới.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025 và thay thế " \
        "Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân xã An Bình.\n"
    (tmp_path / "cu.txt").write_text(old, encoding="utf-8")
    (tmp_path / "moi.txt").write_text(new, encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--store", store, str(tmp_path / "cu.txt"), str(tmp_path / "moi.txt")]).exit_code == 0

    def in_force_on(day: str) -> set[str]:
        result = runner.invoke(app, ["query", "documents_in_force", "--store", store, "--as-of", day, "--format", "json"])
        assert result.exit_code == 0, result.output
        return {row["source"] for row in json.loads(result.stdout)}

    assert in_force_on("2025-01-01") == set()
    assert in_force_on("2025-11-25") == {"cu.txt"}  # the new one is issued, not yet in force
    assert in_force_on("2025-12-01") == {"moi.txt"}  # and from its first day it replaces the old


def test_instruments_listed_as_replaced_or_ceasing_are_read(tmp_path) -> None:
    from cchc.graph.pipeline import analyse

    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\n\nSố: 40/2025/QĐ-UBND\n\nAn Bình, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Ban hành Quy chế quản lý cơ sở dữ liệu\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cơ sở dữ liệu.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.\n\n"
            "Các Quyết định sau hết hiệu lực kể từ ngày Quyết định này có hiệu lực: Quyết định số 449/2016/QĐ-UBND ngày 18/3/2016 "
            "của Ủy ban nhân dân tỉnh An Bình về việc ban hành Quy chế; Quyết định số 08/2019/QĐ-UBND ngày 18/3/2019 của Ủy ban "
            "nhân dân tỉnh An Bình về việc sửa đổi Quy chế.\n\n"
            "Quyết định số 11/2022/QĐ-UBND ngày 03 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh An Bình hết hiệu lực kể từ ngày đó.\n")
    path = tmp_path / "qd.txt"
    path.write_text(text, encoding="utf-8")
    parsed, _ = analyse(path)
    assert [c.number for c in parsed.metadata.replaces] == ["449/2016/QĐ-UBND", "08/2019/QĐ-UBND", "11/2022/QĐ-UBND"]


def test_changed_by_names_what_replaced_or_amended_an_instrument(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from cchc.cli.app import app

    runner = CliRunner()
    store = str(tmp_path / "store")
    amending = tmp_path / "nq.txt"
    amending.write_text(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH AN BÌNH\n\nSố: 37/2025/NQ-HĐND\n\nAn Bình, ngày 18 tháng 11 năm 2025\n\nNGHỊ QUYẾT\n"
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH BAN HÀNH THEO NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND NGÀY 21 THÁNG 8 NĂM 2023\n\n"
        "Điều 1. Sửa đổi khoản 2 Điều 3 của Quy định.\n\nĐiều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--store", store, str(CORPUS / "002_e8832a6717c418ce.txt"), str(amending)]).exit_code == 0

    def changed(number: str) -> list[tuple[str, str]]:
        result = runner.invoke(app, ["query", "changed_by", "--param", f"instrument={number}", "--store", store, "--format", "json"])
        assert result.exit_code == 0, result.output
        return [(row["relation"], row["by_number"]) for row in json.loads(result.stdout)]

    assert changed("1345/QĐ-UBND") == [("thay thế, bãi bỏ", "212/QĐ-UBND")]  # the sample's own Điều 2
    assert changed("61/2018/NĐ-CP") == [("được thay thế (bảng văn bản)", "118/2025/NĐ-CP")]
    assert changed("20/2023/NQ-HĐND") == [("sửa đổi, bổ sung", "37/2025/NQ-HĐND")]  # from the trích yếu


def test_the_successor_is_the_one_in_force_on_the_day() -> None:
    from cchc.graph.in_force import successors_on

    old_law = listed(Citation("x", number="77/2015/QH13"))
    assert successors_on(old_law, dt.date(2025, 4, 1))[0] == ("65/2025/QH15",)
    numbers, sources = successors_on(old_law, dt.date(2026, 1, 1))
    assert numbers == ("72/2025/QH15",) and len(sources) == 2  # each step with the provision that says so
