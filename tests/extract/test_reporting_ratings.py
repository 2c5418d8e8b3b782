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
