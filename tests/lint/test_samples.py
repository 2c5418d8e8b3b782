"""Each defect of issue 6 is found in the sample regulations, at the provision it is in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc.lint import Finding, LintReport, lint_file


def only(report: LintReport, rule: str, provision: str | None = None) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule and (provision is None or f.provision == provision)]


def test_inverted_rating_threshold_in_article_12(linted) -> None:
    [finding] = only(linted["002"], "L101")
    assert finding.provision == "att_1/art_12__para_2"
    assert finding.label == "Quy định kèm theo, Điều 12 khoản 2"
    assert finding.severity == "error" and finding.line == 278
    assert "Hoàn thành tốt nhiệm vụ" in finding.message and "90%" in finding.message and "80%" in finding.message
    assert "từ 80% đến dưới 90%" in finding.fix
    assert "từ 90% đến dưới 80%" in finding.excerpt
    # the inversion is read as meant: it does not also show up as overlaps or gaps
    assert not only(linted["002"], "L102") and not only(linted["002"], "L103")


def test_reference_to_the_wrong_article(linted) -> None:
    [finding] = only(linted["002"], "L202")
    assert finding.provision == "att_1/art_15__para_2"
    assert "Điều 11" in finding.message and "Điều 12" in finding.message
    assert "Điều 12" in finding.fix
    # the other references to Điều 11 ("người đứng đầu quy định tại Điều 11") are right
    assert not [f for f in linted["002"].findings if f.rule == "L202" and f.provision.startswith("att_1/art_12")]


def test_reference_to_an_article_that_does_not_exist(edited) -> None:
    path = edited("002", "theo Điều 11 Quy định này;", "theo Điều 21 Quy định này;")
    [finding] = only(lint_file(path), "L201")
    assert finding.provision == "att_1/art_15__para_2" and finding.severity == "error"
    assert "Điều 21" in finding.message and "từ Điều 1 đến Điều 17" in finding.fix


def test_same_instrument_cited_with_two_dates(linted) -> None:
    [finding] = only(linted["002"], "L301")
    assert finding.provision == "att_1/art_6__para_2__point_e"
    assert "61/2018/NĐ-CP" in finding.message
    assert "năm 2016" in finding.message and "năm 2018" in finding.message and "phần căn cứ" in finding.message
    assert "23/4/2018" in finding.fix


def test_year_of_the_number_denies_the_date(edited) -> None:
    """Without a legal basis to compare with, the year in the number still tells."""
    path = edited("002", "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ", "Căn cứ Chính phủ")
    [finding] = only(lint_file(path), "L302")
    assert finding.provision == "att_1/art_6__para_2__point_e" and "năm 2018" in finding.message


def test_footnote_numbers_repeat_and_skip(linted) -> None:
    [repeat] = only(linted["003"], "L401")
    assert repeat.provision == "sec_iv__indent_66" and repeat.label == "Mục IV, dòng 220"
    assert "số 1 lặp lại" in repeat.message and "số 11" in repeat.message
    [skip] = only(linted["003"], "L402")
    assert skip.provision == "sec_v__indent_69"
    assert "số 12" in skip.message and "thiếu chú thích số 11" in skip.message


def test_structure_numbering(linted) -> None:
    [chapter] = only(linted["001"], "L403")
    assert chapter.provision == "att_1/chp_iii_2" and "Chương III lặp lại" in chapter.message
    points = only(linted["000"], "L403")
    assert {f.provision for f in points} == {"art_6__para_1__point_e", "art_6__para_2__point_e"}
    assert all("thiếu điểm đ" in f.message for f in points)


def test_blank_number_and_date_in_a_promulgated_text(linted) -> None:
    number = only(linted["000"], "L501")
    date = only(linted["000"], "L502")
    assert [(f.provision, f.line, f.label) for f in number] == [(None, 7, "Phần đầu văn bản")]
    assert "/QĐ-BCDUBND" in number[0].message and number[0].severity == "error"
    assert [(f.provision, f.line) for f in date] == [(None, 7)] and "ngày /01/2024" in date[0].message


def test_par_index_area_without_lead(linted) -> None:
    assert [f.message for f in only(linted["004"], "L601")] == [
        "Lĩnh vực “Cải cách tổ chức bộ máy hành chính nhà nước” của Chỉ số cải cách hành chính (PAR Index) "
        "chưa được giao cho cơ quan nào chủ trì trong văn bản."
    ]
    assert any("Tác động của cải cách hành chính" in f.message for f in only(linted["002"], "L601"))
    # a plan naming the area in the heading a duty sits under ("5. Tiếp tục cải cách tổ chức bộ máy") leads it
    assert not any("tổ chức bộ máy" in f.message for f in only(linted["003"], "L601"))


def test_par_index_area_with_two_leads(linted) -> None:
    [finding] = only(linted["000"], "L602")
    assert "Công tác chỉ đạo, điều hành" in finding.message
    assert "Phòng Nội vụ (Điều 4 khoản 1)" in finding.message and "Văn phòng HĐND và UBND huyện" in finding.message
    assert finding.provision == "art_6__para_2__point_a__indent_1"


def test_member_without_duty(tmp_path: Path, samples) -> None:
    """Delete the duties of one member of the steering body in the sample Quy chế."""
    text = samples["000"].read_text(encoding="utf-8")
    start = text.index("g) Thành viên Ban Chỉ đạo - Giám đốc Trung tâm")
    end = text.index("### **Điều 7.")
    member = text[start:end].split("\n")[0]
    path = tmp_path / "quy-che.txt"
    path.write_text(text[:start] + member + "\n\n" + text[end:], encoding="utf-8")
    [finding] = only(lint_file(path), "L603")
    assert finding.provision == "art_6__para_2__point_g"
    assert "Giám đốc Trung tâm Văn hóa - Thể thao - Truyền thanh huyện" in finding.message
    assert not only(lint_file(samples["000"]), "L603")  # with its duties, every member has some


def test_reporting_without_recipient_or_deadline(linted) -> None:
    [recipient] = only(linted["003"], "L604")
    assert recipient.provision == "sec_iv__indent_66" and "hằng quý" in recipient.message
    assert "att_1/art_14" in {f.provision for f in only(linted["002"], "L605")}
    # "gửi về Ủy viên thường trực": a recipient the agency list does not know is still one
    assert not only(linted["001"], "L604")


def test_obsolete_agencies_when_an_old_text_is_reused(linted, samples) -> None:
    """At its own date (2018) the Quy chế is right; reused after 1 July 2025 it is not."""
    assert [f.rule for f in linted["004"].findings if f.rule.startswith("L7")] == ["L703"]  # tỉnh Quảng Nam is gone today
    report = lint_file(samples["004"], as_of=dt.date(2025, 8, 1))
    merged = {f.provision: f for f in only(report, "L701")}
    assert set(merged) == {"att_1/art_10", "att_1/art_13"}
    assert "Sở Thông tin và Truyền thông" in merged["att_1/art_10"].message
    assert merged["att_1/art_10"].fix == "Thay bằng “Sở Khoa học và Công nghệ”."
    assert merged["att_1/art_13"].fix == "Thay bằng “Sở Tài chính”."
    district = {f.message.split("”")[0].lstrip("“") for f in only(report, "L702")}
    assert "Ủy ban nhân dân các huyện" in district and "Chủ tịch Ủy ban nhân dân huyện" in district
    assert all(f.severity == "error" for f in only(report, "L702"))


def test_district_level_unit_and_bodies(samples) -> None:
    report = lint_file(samples["003"], as_of=dt.date(2025, 8, 1))
    names = {f.message.split("”")[0].lstrip("“"): f for f in only(report, "L702")}
    assert names["huyện Chợ Mới"].provision is None  # the regulated unit itself
    assert names["Thanh tra huyện"].provision == "sec_ii__para_4__point_b__indent_35"
    # a body named in a cited instrument's issuer is history, not a defect
    text = lint_file(samples["000"], as_of=dt.date(2025, 8, 1))
    assert not [f for f in only(text, "L702") if f.provision == "art_1"]


def test_every_sample_is_linted_at_its_own_date(linted) -> None:
    assert linted["002"].date == dt.date(2021, 1, 25) and linted["002"].date_basis == "ngày ban hành"
    assert linted["000"].date == dt.date(2024, 1, 1)  # "ngày /01/2024": the month and year it still says


def test_overlapping_and_missing_score_bands(edited) -> None:
    """The same scale with two thresholds moved: 85% is rated twice, 90–95% not at all."""
    path = edited("002", "đạt từ 60% đến dưới 80% theo", "đạt từ 60% đến dưới 85% theo")
    text = path.read_text(encoding="utf-8").replace("đạt từ 90% trở lên theo", "đạt từ 95% trở lên theo", 1)
    path.write_text(text, encoding="utf-8")
    report = lint_file(path)
    [overlap] = only(report, "L102")
    assert overlap.provision == "att_1/art_12__para_2" and "từ 80% đến dưới 85%" in overlap.message
    assert "Quy định kèm theo, Điều 12 khoản 3" in overlap.message
    [gap] = only(report, "L103")
    assert gap.provision == "att_1/art_12__para_1" and "từ 90% đến dưới 95%" in gap.message
