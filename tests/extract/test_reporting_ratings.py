"""Reporting obligations and rating rules on real sentences of the sample documents."""

from __future__ import annotations

from cchc.graph.extract import extract_facts
from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document


def facts(text: str):
    return extract_facts(parse_document(SourceText(name="s.txt", text=text, format="txt")))


def test_quarterly_report_due_on_a_named_day_of_named_months() -> None:
    text = (
        "V. CHẾ ĐỘ BÁO CÁO\n"
        "- Kết quả thực hiện các nội dung trong kế hoạch này được báo cáo định kỳ 3 tháng, 6 tháng, 9 tháng, năm. "
        "Thời gian báo cáo: chậm nhất ngày 05 của các tháng 3, tháng 6, tháng 9, tháng 12.\n"
    )
    (duty,) = facts(text).reporting
    assert (duty.period, duty.deadline_day, duty.deadline_month_in_period) == ("quarterly", 5, 3)
    assert duty.deadline_rule.startswith("chậm nhất ngày 05")


def test_recipient_and_channel() -> None:
    text = (
        "Điều 9. Chế độ báo cáo\n"
        "2. Thành viên Ban Chỉ đạo định kỳ hàng quý (chậm nhất ngày 16 của tháng cuối quý), báo cáo Ban Chỉ đạo "
        "(thông qua Phòng Nội vụ) về tình hình thực hiện nhiệm vụ.\n"
    )
    (duty,) = facts(text).reporting
    assert (duty.recipient, duty.channel, duty.deadline_day, duty.deadline_month_in_period) == ("Ban Chỉ đạo", "Phòng Nội vụ", 16, 3)


def test_days_before_a_meeting_is_not_a_day_of_month() -> None:
    text = "Điều 10. Báo cáo\n1. Báo cáo phải gửi trước cho Trưởng Phòng Nội vụ trước ngày họp ít nhất 05 ngày làm việc.\n"
    (duty,) = facts(text).reporting
    assert duty.deadline_day is None and "ít nhất 05 ngày làm việc" in duty.deadline_rule


def test_rating_thresholds_are_kept_as_written_even_when_inverted() -> None:
    text = (
        "Điều 12. Đánh giá, xếp loại chất lượng\n"
        "1. Hoàn thành xuất sắc nhiệm vụ\n"
        "Người đứng đầu có Chỉ số cải cách hành chính trong năm đạt từ 90% trở lên.\n"
        "2. Hoàn thành tốt nhiệm vụ\n"
        "Người đứng đầu có Chỉ số cải cách hành chính trong năm đạt từ 90% đến dưới 80%.\n"
    )
    rules = [(r.grade, r.min_percent, r.max_percent) for r in facts(text).ratings]
    assert rules == [("Hoàn thành xuất sắc nhiệm vụ", 90.0, None), ("Hoàn thành tốt nhiệm vụ", 90.0, 80.0)]


def test_task_table_rows_become_tasks_and_assignments() -> None:
    text = (
        "II. NHIỆM VỤ\n"
        "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm\n"
        "1. Cải cách thủ tục hành chính\n"
        "1 | Rà soát, đơn giản hóa thủ tục hành chính | Văn phòng UBND tỉnh | Sở Tư pháp; UBND các xã, phường | Quý II/2026 | Báo cáo\n"
        "2 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | Sở KH&CN | Trung tâm Phục vụ hành chính công | Năm 2026 | Dữ liệu\n"
    )
    found = facts(text)
    first, second = found.tasks
    assert (first.lead, first.coordinators, first.timeframe, first.output) == (
        "Văn phòng UBND tỉnh", ("Sở Tư pháp", "UBND các xã, phường"), "Quý II/2026", "Báo cáo",
    )
    assert first.area == "thu_tuc_hanh_chinh" and second.lead == "Sở KH&CN"
    roles = {(a.agency, a.mode) for a in found.assignments}
    assert {("Văn phòng UBND tỉnh", "chu_tri"), ("Sở Tư pháp", "phoi_hop"), ("Sở KH&CN", "chu_tri")} <= roles


def test_a_ministry_receives_a_report() -> None:
    text = "Điều 9. Chế độ báo cáo\n1. Sở Nội vụ gửi báo cáo định kỳ hằng năm về Bộ Nội vụ, chậm nhất ngày 15 tháng 12.\n"
    (duty,) = facts(text).reporting
    assert (duty.reporter, duty.recipient, duty.period, duty.deadline_day) == ("Sở Nội vụ", "Bộ Nội vụ", "yearly", 15)


def test_recipients_start_with_a_capital_and_may_be_posts() -> None:
    text = (
        "Điều 10. Chế độ thông tin, báo cáo\n"
        "1. Các thành viên Ban Chỉ đạo gửi báo cáo về Ủy viên thường trực định kỳ hằng quý.\n"
        "2. Tổ giúp việc báo cáo Trưởng Ban Chỉ đạo kết quả thực hiện hằng tháng.\n"
        "3. Phòng Nội vụ báo cáo Thường trực Ban Chỉ đạo định kỳ 6 tháng, chậm nhất ngày 15 tháng 6.\n"
        "4. Các cơ quan báo cáo hằng quý về đơn vị đầu mối qua đường bưu điện.\n"
    )
    recipients = [(d.recipient, d.channel) for d in facts(text).reporting]
    # "về đơn vị …", "qua đường …": a lower-case word names no one (À-Ỹ would take "đ")
    assert recipients == [("Ủy viên thường trực", None), ("Trưởng Ban Chỉ đạo", None), ("Thường trực Ban Chỉ đạo", None), (None, None)]


def test_an_empty_cell_is_kept() -> None:
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm\n"
        "1 | Xây dựng Kế hoạch cải cách hành chính năm 2027 | Phòng Văn hóa - Xã hội | Văn phòng HĐND và UBND xã | Tháng 12/2026 | Kế hoạch\n"
        "2 | Rà soát, hệ thống hóa văn bản quy phạm pháp luật | Văn phòng HĐND và UBND xã |  | Quý II/2026 | Báo cáo kết quả rà soát\n"
    )
    found = facts(text)
    second = found.tasks[1]
    assert (second.lead, second.coordinators, second.timeframe, second.output) == (
        "Văn phòng HĐND và UBND xã", (), "Quý II/2026", "Báo cáo kết quả rà soát",
    )
    assert ("Văn phòng HĐND và UBND xã", "chu_tri", "the_che") in {(a.agency, a.mode, a.area) for a in found.assignments}


def test_a_pipe_escaped_in_a_markdown_cell_stays_in_the_cell() -> None:
    from cchc.graph.tasks import _cells

    assert _cells("| 1 | Điều 3 \\| khoản 2 | Phòng Nội vụ |  |") == ["", "1", "Điều 3 | khoản 2", "Phòng Nội vụ", "", ""]
