"""The rules on their own: the decisions they make, and the texts they must leave alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cchc.graph.model import RatingRule, ReportingObligation
from cchc.graph.numbering import provision_label
from cchc.graph.numbering import roman_value as roman
from cchc.lint import lint_file, rules
from cchc.lint.agencies import changes
from cchc.lint.duties import par_areas
from cchc.lint.numbering import sequence_problems
from cchc.lint.ratings import scale_problems
from cchc.lint.registry import FAMILIES, document_checks
from cchc.lint.reporting import reporting_problems

ROOT = Path(__file__).resolve().parents[2]


def rule(grade: str, low: float | None, high: float | None, provision: str = "art_5") -> RatingRule:
    return RatingRule(grade, low, high, "PAR_INDEX", provision, f"đạt từ {low}% đến dưới {high}%")


def test_a_scale_that_tiles_the_scores_is_clean() -> None:
    scale = [rule("Xuất sắc", 90, None), rule("Tốt", 70, 90), rule("Hoàn thành", 50, 70), rule("Không hoàn thành", None, 50)]
    assert list(scale_problems(scale)) == []


def test_overlap_gap_and_inversion() -> None:
    problems = list(scale_problems([rule("Xuất sắc", 90, None), rule("Tốt", 70, 95), rule("Hoàn thành", 40, 60)]))
    assert [(p.rule_id, p.rule.grade) for p in problems] == [("L103", "Tốt"), ("L102", "Xuất sắc")]
    assert problems[0].fields["gap"] == "từ 60% đến dưới 70%"
    assert problems[1].fields["overlap"] == "từ 90% đến dưới 95%"
    [inverted] = scale_problems([rule("Tốt", 90, 80)])
    assert inverted.rule_id == "L101" and inverted.fields == {"grade": "Tốt", "low": 90, "high": 80}


def test_a_second_scale_for_other_people_is_its_own() -> None:
    """"Riêng đối với người đứng đầu …": the second rule of each grade starts a second scale."""
    rules_ = [rule("Xuất sắc", 90, None), rule("Xuất sắc", 70, None), rule("Tốt", 80, 90), rule("Tốt", 60, 70)]
    assert list(scale_problems(rules_)) == []


def test_sequences() -> None:
    assert list(sequence_problems([1, 2, 3])) == []
    assert list(sequence_problems([1, 2, 2, 3])) == [(2, "repeat", 3, [])]
    assert list(sequence_problems([1, 3])) == [(1, "skip", 2, [2])]
    assert list(sequence_problems([1, 2, 1, 4])) == [(2, "repeat", 3, []), (3, "skip", 3, [3])]
    assert roman("XIV") == 14 and roman("iii") == 3 and roman("A") is None


def test_labels_read_as_people_cite() -> None:
    assert provision_label("art_12__para_2__point_dd") == "Điều 12 khoản 2 điểm đ"
    assert provision_label("chp_iii_2") == "Chương III (lần 2)"
    assert provision_label("sec_iv__indent_66", 220) == "Mục IV, dòng 220"


def duty(text: str, period: str | None = "quarterly", recipient: str | None = None, deadline: str | None = None) -> ReportingObligation:
    return ReportingObligation(None, recipient, period, deadline, text=text)


def test_reporting_rules() -> None:
    assert [r for r, _ in reporting_problems(duty("Định kỳ hằng quý báo cáo kết quả thực hiện."))] == ["L604", "L605"]
    assert [r for r, _ in reporting_problems(duty("Hằng quý gửi về Ủy viên thường trực trước ngày 10 tháng cuối quý."))] == []
    assert [r for r, _ in reporting_problems(duty("Báo cáo đột xuất khi có yêu cầu.", period="ad_hoc"))] == []
    # the deadline stated once for the whole provision counts
    assert [r for r, _ in reporting_problems(duty("Hằng năm báo cáo Sở Nội vụ."), "Báo cáo gửi chậm nhất ngày 15/12.")] == []


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


HEADER = [
    "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 15/2025/QĐ-UBND", "An Bình, ngày 10 tháng 9 năm 2025",
    "QUYẾT ĐỊNH", "Về việc ban hành Quy chế thử nghiệm",
]


def test_an_amending_text_cites_the_articles_it_amends(tmp_path: Path) -> None:
    path = write(tmp_path, "nq.txt", [
        *HEADER[:3], "NGHỊ QUYẾT", "Sửa đổi, bổ sung Quy định chính sách hỗ trợ",
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy định",
        "1. Sửa đổi, bổ sung khoản 1 Điều 5 như sau:", "“1. Đối tượng được hỗ trợ là hộ cận nghèo.",
        "2. Hồ sơ gồm đơn đề nghị theo điểm a khoản 3 Điều này.”", "2. Bãi bỏ Điều 12.",
        "Điều 2. Tổ chức thực hiện", "Nghị quyết này có hiệu lực từ ngày 01 tháng 10 năm 2025.",
    ])
    found = {f.rule for f in lint_file(path).findings}
    assert not found & {"L201", "L403"}, found


def test_articles_of_a_law_listed_in_a_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, "kh.txt", [
        *HEADER, "Điều 1. Phạm vi", "Quy chế này quy định việc thi hành Luật Bảo vệ dữ liệu cá nhân.",
        "Điều 2. Nhiệm vụ", "1. Xây dựng văn bản quy định chi tiết: khoản 2 Điều 2; khoản 5 Điều 40 Luật Bảo vệ dữ liệu cá nhân.",
        "2. Hướng dẫn thực hiện Điều 25 Luật Giao dịch điện tử.", "Điều 3. Hiệu lực", "Quy chế có hiệu lực từ ngày ký.",
    ])
    assert not [f for f in lint_file(path).findings if f.rule in ("L201", "L202")]


def test_forms_and_drafts_may_leave_numbers_blank(tmp_path: Path) -> None:
    form = write(tmp_path, "mau.txt", [
        *HEADER, "Điều 1. Ban hành mẫu biên bản", "Mẫu biên bản kèm theo Quyết định này.",
        "Điều 2. Hiệu lực", "Quyết định có hiệu lực từ ngày ký.",
        "……(1)……, ngày … tháng … năm ……", "Thực hiện Quyết định số …/QĐ-…… ngày …/…/… của ……",
    ])
    assert not [f for f in lint_file(form).findings if f.rule in ("L501", "L502")]
    draft = write(tmp_path, "du-thao.txt", [
        "DỰ THẢO", "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: /QĐ-UBND", "An Bình, ngày tháng năm 2025",
        "QUYẾT ĐỊNH", "Về việc ban hành Quy chế thử nghiệm", "Điều 1. Ban hành", "Ban hành Quy chế.",
    ])
    report = lint_file(draft)
    assert not [f for f in report.findings if f.rule in ("L501", "L502")] and report.notes


def test_a_decision_whose_annex_header_was_left_blank(tmp_path: Path) -> None:
    path = write(tmp_path, "qd.txt", [
        *HEADER, "Điều 1. Ban hành kèm theo Quyết định này Quy chế thử nghiệm.", "Điều 2. Quyết định có hiệu lực từ ngày ký.",
        "QUY CHẾ", "Thử nghiệm", "(Ban hành kèm theo Quyết định số /QĐ-UBND ngày / /2025 của Ủy ban nhân dân tỉnh)",
        "Điều 1. Phạm vi", "Quy chế này quy định việc thử nghiệm.", "Điều 2. Hiệu lực", "Quy chế có hiệu lực từ ngày ký.",
    ])
    found = [(f.rule, f.label) for f in lint_file(path).findings if f.rule in ("L501", "L502")]
    assert found == [("L501", "Quy chế kèm theo, phần đầu văn bản"), ("L502", "Quy chế kèm theo, phần đầu văn bản")]


def test_rule_metadata_is_complete() -> None:
    catalogue = rules()
    assert len(catalogue) == len({r.name for r in catalogue.values()})
    assert {r.family for r in catalogue.values()} <= set(FAMILIES)
    assert all(re.fullmatch(r"L\d{3}", r.id) and r.message and r.fix for r in catalogue.values())
    assert len(document_checks()) >= len(FAMILIES)


def test_par_areas_and_changes_come_from_the_vocabularies() -> None:
    assert [a.notation for a in par_areas()] == [
        "chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong", "chinh_phu_so", "tac_dong",
    ]
    by_rule = {c.rule_id: c for c in changes() if c.rule_id == "L702"}
    assert by_rule["L702"].effective == dt.date(2025, 7, 1)
    merged = [c for c in changes() if c.rule_id == "L701"]
    # "STTTT" is only in ontology/vocab/functions.ttl, reached through the change event of changes.ttl
    assert any(("stttt", "STTTT") in c.names for c in merged)
    assert {c.successor for c in merged} == {"Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ"}


SAMPLE_STRINGS = ("Mỹ Xuyên", "Hón Quản", "Hớn Quản", "Chợ Mới", "Quảng Nam", "Bình Phước", "61/2018", "212/QĐ",
                  "341/KH", "2824", "BCDUBND", "Kim Oanh", "Minh Trọng", "Quốc Toàn", "Phụ lục 2A")


@pytest.mark.parametrize("path", sorted([*(ROOT / "src" / "cchc" / "lint").iterdir(), *(ROOT / "queries").glob("lint_*.rq")]),
                         ids=lambda p: p.name)
def test_no_rule_keys_on_the_samples(path: Path) -> None:
    if path.suffix not in (".py", ".json", ".rq"):
        return
    text = path.read_text(encoding="utf-8")
    assert not [s for s in SAMPLE_STRINGS if s in text]


def test_members_listed_without_any_duty(tmp_path: Path) -> None:
    lines = [
        *HEADER[:3], "QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh",
        "Điều 1. Kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh gồm:",
        "1. Chủ tịch Ủy ban nhân dân tỉnh - Trưởng ban;", "2. Giám đốc Sở Nội vụ - Phó Trưởng ban;",
        "3. Giám đốc Sở Tư pháp - Thành viên;", "4. Giám đốc Sở Tài chính - Thành viên.",
        "Điều 2. Sở Nội vụ chủ trì tham mưu công tác cải cách hành chính của tỉnh.",
        "Điều 3. Quyết định này có hiệu lực từ ngày ký.",
    ]
    members = [f for f in lint_file(write(tmp_path, "kt.txt", lines)).findings if f.rule == "L603"]
    assert {f.message.split("”")[0].lstrip("“") for f in members} == {"Sở Tư pháp", "Sở Tài chính"}
    delegated = [*lines[:-1], "Điều 3. Thành viên Ban Chỉ đạo thực hiện nhiệm vụ theo Quy chế hoạt động do Trưởng ban ban hành."]
    assert not [f for f in lint_file(write(tmp_path, "kt2.txt", delegated)).findings if f.rule == "L603"]


def test_names_are_not_judged_without_a_date(tmp_path: Path) -> None:
    path = write(tmp_path, "khong-ngay.txt", [
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "QUYẾT ĐỊNH", "Về việc phân công nhiệm vụ",
        "Điều 1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Ủy ban nhân dân các huyện triển khai kế hoạch.",
        "Điều 2. Quyết định có hiệu lực từ ngày ký.",
    ])
    report = lint_file(path)
    assert report.date is None and not [f for f in report.findings if f.rule.startswith("L7")]
    assert any("--as-of" in note for note in report.notes)
    dated = lint_file(path, as_of=dt.date(2025, 10, 1))
    assert {f.rule for f in dated.findings if f.rule.startswith("L7")} == {"L701", "L702"}


def test_marks_to_complete_and_articles_with_only_a_title(tmp_path) -> None:
    """L503 and L504 hold for drafts too; an untitled article's sentence is no title."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nQUY CHẾ\nHoạt động của Ban Chỉ đạo\n\nChương I\nQUY ĐỊNH CHUNG\n\n"
            "Điều 1. Phạm vi điều chỉnh\n\nĐiều 2. Quy chế này có hiệu lực kể từ ngày ký.\n\n"
            "Điều 3. Trách nhiệm của Phòng Kinh tế\n\n1. [cần bổ sung: nhiệm vụ của Phòng Kinh tế]\n\n"
            "Điều 4. Tổ chức thực hiện\n\n1. Văn phòng theo dõi việc thực hiện.\n")
    path = tmp_path / "quy-che.txt"
    path.write_text(text, encoding="utf-8")
    found = [(f.rule, f.label) for f in lint_file(path).findings if f.rule in ("L503", "L504")]
    assert sorted(found) == [("L503", "Điều 3 khoản 1"), ("L504", "Điều 1")]
