"""``cchc calendar`` on a real embedded store: dates keep their month, one-off and relative
deadlines and meetings are listed, every row names the report, its sender and its recipient,
and the .ics and .csv files are what RFC 5545 and Excel expect."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph import reporting

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()

PLAN = """ỦY BAN NHÂN DÂN HUYỆN AN PHÚ

Số: 12/KH-UBND

An Phú, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026 trên địa bàn huyện An Phú

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao hiệu quả công tác cải cách hành chính trên địa bàn huyện.

II. CHẾ ĐỘ BÁO CÁO

1. Các cơ quan, đơn vị gửi báo cáo về Phòng Nội vụ chậm nhất ngày 15/11 hằng năm.

2. Phòng Tư pháp báo cáo kết quả kiểm soát thủ tục hành chính 6 tháng và năm gửi Ủy ban nhân dân huyện trước ngày 01/6 và 15/11.

3. Phòng Nội vụ tổng hợp báo cáo kết quả cải cách hành chính hằng năm gửi Ủy ban nhân dân tỉnh chậm nhất ngày 15 tháng 12 hằng năm.

4. Văn phòng HĐND và UBND huyện báo cáo kết quả giải quyết kiến nghị của người dân cho Chủ tịch Ủy ban nhân dân huyện trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản đề nghị.

5. Phòng Tài chính - Kế hoạch báo cáo kết quả thực hiện kinh phí cải cách hành chính gửi Phòng Nội vụ trước ngày 15/12/2026.

6. Ban Chỉ đạo cải cách hành chính huyện họp định kỳ mỗi quý một lần vào tháng cuối quý.

7. Tổ giúp việc Ban Chỉ đạo họp định kỳ hằng tháng vào ngày 25 hằng tháng.
"""

HEADERS = ["Ngày", "Đơn vị", "Báo cáo", "Người gửi", "Nơi nhận", "Quy tắc", "Điều khoản", "Ghi chú"]


@pytest.fixture(scope="module")
def plan_store(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("plan")
    (folder / "ke_hoach.txt").write_text(PLAN, encoding="utf-8")
    store = str(folder / "store")
    result = runner.invoke(app, ["ingest", "--store", store, str(folder / "ke_hoach.txt")])
    assert result.exit_code == 0, result.output
    return ["--store", store]


@pytest.fixture(scope="module")
def corpus_store(sample_store: Path) -> list[str]:
    return ["--store", str(sample_store)]


def rows(store: list[str], year: int = 2026) -> list[dict]:
    result = runner.invoke(app, ["calendar", "--year", str(year), "--format", "json", *store])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_rule(store: list[str], fragment: str, year: int = 2026) -> list[dict]:
    return [r for r in rows(store, year) if fragment in r["rule"]]


# the rule as written ----------------------------------------------------------------
def test_explicit_dates_keep_their_month() -> None:
    dates = reporting.explicit_dates
    assert [(d.day, d.month) for d in dates("chậm nhất ngày 15/11 hằng năm")] == [(15, 11)]
    assert [(d.day, d.month) for d in dates("trước ngày 01/6 và 15/11")] == [(1, 6), (15, 11)]
    assert [(d.day, d.month) for d in dates("ngày 15 tháng 12 hằng năm")] == [(15, 12)]
    assert [(d.day, d.month, d.year) for d in dates("trước ngày 15/12/2026")] == [(15, 12, 2026)]
    assert dates("chậm nhất ngày 16 của tháng cuối quý") == ()  # the period decides the month
    assert dates("trong thời hạn 10 ngày làm việc kể từ ngày 01/7") == ()  # counted from an event
    assert reporting.relative_anchor("trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản") == "ngày nhận được văn bản"


# the calendar -------------------------------------------------------------------------
def test_a_yearly_date_with_a_month_stays_in_that_month(plan_store: list[str]) -> None:
    # before: "15/11 hằng năm" fell on 15 December, the last month of the year
    assert [r["date"] for r in by_rule(plan_store, "15/11 hằng năm")] == ["2026-11-15"]
    assert [r["date"] for r in by_rule(plan_store, "ngày 15 tháng 12")] == ["2026-12-15"]


def test_a_rule_with_two_dates_gives_both(plan_store: list[str]) -> None:
    # before: one date, 1 June and 1 December (the period's arithmetic on the first date)
    assert [r["date"] for r in by_rule(plan_store, "01/6 và 15/11")] == ["2026-06-01", "2026-11-15"]


def test_a_one_off_deadline_falls_in_its_own_year_only(plan_store: list[str]) -> None:
    assert [r["date"] for r in by_rule(plan_store, "15/12/2026")] == ["2026-12-15"]
    assert by_rule(plan_store, "15/12/2026", year=2027) == []
    assert [r["date"] for r in by_rule(plan_store, "15/11 hằng năm", year=2027)] == ["2027-11-15"]


def test_a_relative_deadline_is_an_undated_row_saying_what_it_counts_from(plan_store: list[str]) -> None:
    (row,) = by_rule(plan_store, "kể từ ngày")
    assert row["date"] is None and row["when"] == "Không cố định"
    assert "ngày nhận được văn bản đề nghị" in row["note"]
    assert row["reporter"] == "Văn phòng HĐND và UBND huyện"
    assert row["recipient"] == "Chủ tịch Ủy ban nhân dân huyện"


def test_meetings_are_listed_and_never_given_a_guessed_day(plan_store: list[str]) -> None:
    meetings = [r for r in rows(plan_store) if r["kind"] == "meeting"]
    monthly = [r for r in meetings if "hằng tháng" in r["report"]]
    assert [r["date"] for r in monthly] == [f"2026-{m:02d}-25" for m in range(1, 13)]
    quarterly = [r for r in meetings if "hằng quý" in r["report"]]
    # "vào tháng cuối quý": the month is written, the day is not
    assert [(r["date"], r["month"], r["when"]) for r in quarterly] == [
        (None, f"2026-{m:02d}", f"tháng {m}/2026") for m in (3, 6, 9, 12)
    ]
    assert all("không nêu ngày" in r["note"] for r in quarterly)


def test_every_row_names_the_report_its_sender_and_its_recipient(plan_store: list[str], corpus_store: list[str]) -> None:
    (collective,) = by_rule(plan_store, "15/11 hằng năm")
    assert collective["reporter"] == "Các cơ quan, đơn vị"  # as the text says: no agency is named
    assert collective["recipient"] == "Phòng Nội vụ"  # not "Phòng Nội vụ chậm nhất ngày 15"
    assert collective["provision"] == "Mục II, khoản 1, văn bản số 12/KH-UBND"
    (funds,) = by_rule(plan_store, "15/12/2026")
    assert funds["report"] == "Báo cáo: kết quả thực hiện kinh phí cải cách hành chính"
    for row in rows(plan_store) + rows(corpus_store):
        assert row["report"] and row["reporter"] and row["recipient"] and row["rule"], row
        assert "https://" not in row["provision"] and "__" not in row["provision"], row
    quarterly = [r for r in rows(corpus_store) if r["rule"] == "chậm nhất ngày 16 của tháng cuối quý"]
    # "Thủ trưởng các Phòng, … chịu trách nhiệm …; định kỳ hàng quý …, báo cáo Ban Chỉ đạo":
    # the sender is whom the provision addresses
    assert quarterly and all(r["reporter"].startswith("Thủ trưởng các Phòng, ban ngành huyện") for r in quarterly)
    assert all(r["recipient"] == "Ban Chỉ đạo (qua Phòng Nội vụ)" and r["provision"] == "Điều 11 khoản 2" for r in quarterly)
    members = [r for r in rows(corpus_store) if r["provision"].startswith("Điều 9 khoản 1 của văn bản kèm theo")]
    assert {r["reporter"] for r in members if r["kind"] == "report"} == {"Thành viên Ban Chỉ đạo"}


def test_tables_show_undated_rows_with_vietnamese_headers(plan_store: list[str]) -> None:
    md = runner.invoke(app, ["calendar", "--year", "2026", "--format", "md", *plan_store])
    assert md.exit_code == 0, md.output
    lines = [line for line in md.stdout.splitlines() if line.startswith("|")]
    assert [cell.strip() for cell in lines[0].strip("|").split("|")] == HEADERS
    assert any(line.startswith("| Không cố định |") and "kể từ ngày" in line for line in lines)
    assert any(line.startswith("| tháng 3/2026 |") for line in lines)
    table = runner.invoke(app, ["calendar", "--year", "2026", *plan_store])
    assert table.exit_code == 0, table.output
    # 80 columns wrap the cells; the undated rows are there, not just counted
    assert "Không" in table.stdout and "mục không có ngày cụ thể" in table.stdout
    assert "nghĩa vụ báo cáo không có ngày cố định" not in table.stdout


def test_csv_has_a_byte_order_mark_and_vietnamese_headers(plan_store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "lich.csv"
    result = runner.invoke(app, ["calendar", "--year", "2026", "--out", str(target), *plan_store])
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == HEADERS
    assert any(row[0] == "Không cố định" and "kể từ ngày" in row[5] for row in table[1:])
    assert all(len(row) == len(HEADERS) for row in table)


def test_ics_is_valid_rfc_5545(plan_store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "lich.ics"
    result = runner.invoke(app, ["calendar", "--year", "2026", "--format", "ics", "--out", str(target), *plan_store])
    assert result.exit_code == 0, result.output
    assert "không đưa vào tệp .ics" in result.stderr  # the undated rows are said, not dropped silently
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines must be folded at 75 octets"
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    cal = Calendar.from_ical(raw)
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0" and str(cal["CALSCALE"]) == "GREGORIAN" and cal.get("PRODID")
    events = cal.walk("VEVENT")
    assert len(events) == 12 + 5  # the monthly meetings, and the five dates of reports
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            assert event.get(name), (name, event)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert "Quy tắc:" in str(event["DESCRIPTION"]) and "Điều khoản:" in str(event["DESCRIPTION"])
    assert b"DTSTART;VALUE=DATE:20261115" in raw
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    report = next(e for e in events if "01/6 và 15/11" in str(e["DESCRIPTION"]))
    assert "Phòng Tư pháp gửi Ủy ban nhân dân huyện" in str(report["SUMMARY"])
    assert "Mục II, khoản 2, văn bản số 12/KH-UBND" in str(report["DESCRIPTION"])
    again = runner.invoke(app, ["calendar", "--year", "2026", "--format", "ics", *plan_store])
    assert [str(e["UID"]) for e in Calendar.from_ical(again.stdout).walk("VEVENT")] == uids  # stable
