"""The comparison model built from the sample corpus: what differs, by function, with provisions."""

from __future__ import annotations

from pathlib import Path

from cchc.generators.compare_build import build
from cchc.generators.compare_model import Comparison, Row
from cchc.generators.compare_survey import survey
from cchc.graph.pipeline import ingest
from cchc.queries import resolve

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def compare(store, *units: str, align: bool = True) -> Comparison:
    return build(store, [resolve.unit(store, unit) for unit in units], align=align)


def row(comparison: Comparison, section: str, label: str) -> Row:
    return next(r for r in comparison.rows if r.section == section and r.label == label)


def cell_values(r: Row, unit: str) -> list[tuple[str, str, bool, list[str]]]:
    """(names, function, shared, provision labels) of each value in ``unit``'s cell."""
    cell = next(c for c in r.cells if c.unit == unit)
    return [(v.text, v.note, v.shared, [ref.label for ref in v.refs]) for v in cell.values]


def test_the_che_leads_of_two_districts_by_function_and_name(store) -> None:
    result = compare(store, "Mỹ Xuyên", "Chợ Mới", align=False)
    assert result.units == ["huyện Mỹ Xuyên", "huyện Chợ Mới"]
    lead = row(result, "Cải cách thể chế", "Chủ trì")
    assert lead.differs
    assert cell_values(lead, "huyện Mỹ Xuyên") == [("Phòng Tư pháp", "Tư pháp", False, ["Điều 6 khoản 2 điểm b"])]
    assert cell_values(lead, "huyện Chợ Mới") == []
    # Same function under two spellings is the same answer; the extra agency is what differs.
    # Mỹ Xuyên's Phòng Văn hóa và Thông tin "phối hợp tham mưu … một cửa" (Điều 5 khoản 3,
    # second clause): a partner, so both districts' offices lead procedures alike.
    procedures = row(result, "Cải cách thủ tục hành chính", "Chủ trì")
    assert not procedures.differs
    assert ("Văn phòng HĐND và UBND huyện", "Văn phòng", True, ["Điều 6 khoản 2 điểm a"]) in cell_values(procedures, "huyện Mỹ Xuyên")
    assert cell_values(procedures, "huyện Chợ Mới") == [("Văn phòng HĐND & UBND huyện", "Văn phòng", True, ["Mục II.3"])]
    partners = row(result, "Cải cách thủ tục hành chính", "Phối hợp")
    assert ("Phòng Văn hóa và Thông tin", "Văn hóa và Thông tin", False, ["Điều 5 khoản 3"]) in cell_values(partners, "huyện Mỹ Xuyên")
    digital = row(result, "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Chủ trì")
    assert not digital.differs


def test_meetings_reports_and_par_coverage(store) -> None:
    result = compare(store, "Mỹ Xuyên", "Chợ Mới", align=False)
    meetings = row(result, "Chế độ họp", "Tần suất họp")
    assert meetings.differs
    assert cell_values(meetings, "huyện Mỹ Xuyên") == [("Ban Chỉ đạo: 6 tháng một lần (2 lần/năm), đột xuất khi cần", "", False, ["Điều 9 khoản 1"])]
    assert any(text.startswith("Ban điều hành CCHC cấp huyện: hằng quý (4 lần/năm)") for text, *_ in cell_values(meetings, "huyện Chợ Mới"))
    reports = [text for text, *_ in cell_values(row(result, "Chế độ báo cáo", "Kỳ báo cáo và thời hạn"), "huyện Mỹ Xuyên")]
    assert "Hằng quý — chậm nhất ngày 16 của tháng cuối quý; gửi Ban Chỉ đạo (qua Phòng Nội vụ)" in reports
    missing = row(result, "Chỉ số cải cách hành chính (PAR Index)", "Lĩnh vực chưa có cơ quan chủ trì")
    assert "Cải cách thể chế" in [text for text, *_ in cell_values(missing, "huyện Chợ Mới")]
    assert "Cải cách thể chế" not in [text for text, *_ in cell_values(missing, "huyện Mỹ Xuyên")]


def test_province_and_district_meet_on_functions(store) -> None:
    result = compare(store, "Mỹ Xuyên", "tỉnh Quảng Nam", align=False)
    finance = row(result, "Cải cách tài chính công", "Chủ trì")
    assert not finance.differs  # a Phòng and a Sở, one function
    assert cell_values(finance, "huyện Mỹ Xuyên") == [("Phòng Tài chính - Kế hoạch", "Tài chính", True, ["Điều 6 khoản 2 điểm c"])]
    assert cell_values(finance, "tỉnh Quảng Nam") == [("Sở Tài chính", "Tài chính", True, ["Điều 11 khoản 1 (Quy chế kèm theo)"])]
    institutions = row(result, "Cải cách thể chế", "Chủ trì")
    assert not institutions.differs  # a Phòng Tư pháp and a Sở Tư pháp: one function again
    assert ("Sở Tư pháp", "Tư pháp", True, ["Điều 9 khoản 1 (Quy chế kèm theo)"]) in cell_values(institutions, "tỉnh Quảng Nam")


def test_ratings_and_legal_bases(store) -> None:
    result = compare(store, "Hớn Quản", "tỉnh Quảng Nam", align=False)
    ratings = [text for text, *_ in cell_values(row(result, "Đánh giá, xếp loại", "Ngưỡng xếp loại"), "huyện Hớn Quản")]
    assert "Hoàn thành xuất sắc nhiệm vụ: ≥ 90%" in ratings
    bases = row(result, "Căn cứ pháp lý", "Căn cứ ban hành")
    hon_quan = {text: refs for text, _, _, refs in cell_values(bases, "huyện Hớn Quản")}
    assert hon_quan["Nghị định 61/2018/NĐ-CP"] == ["Phần căn cứ ban hành"]
    assert "Chỉ thị 13/CT-TTg" in [text for text, *_ in cell_values(bases, "tỉnh Quảng Nam")]


def test_articles_of_two_quy_che_are_paired_and_diffed(store) -> None:
    result = compare(store, "Mỹ Xuyên", "Văn phòng Ủy ban nhân dân Thành phố")
    alignment = next(a for a in result.alignments if a.kind == "quy_che")
    pairs = {(p.left.label, p.right.label) for p in alignment.pairs}
    assert {("Điều 1", "Điều 1 (Quy chế kèm theo)"), ("Điều 2", "Điều 2 (Quy chế kèm theo)"), ("Điều 10", "Điều 9 (Quy chế kèm theo)")} <= pairs
    # Every article is somewhere, once: paired, or listed as only in one of the two.
    left = [p.left.label for p in alignment.pairs] + [a.label for a in alignment.only_left]
    right = [p.right.label for p in alignment.pairs] + [a.label for a in alignment.only_right]
    assert sorted(left) == sorted(f"Điều {n}" for n in range(1, 12))
    assert sorted(right) == sorted(f"Điều {n} (Quy chế kèm theo)" for n in range(1, 11))
    reports = next(p for p in alignment.pairs if p.left.label == "Điều 10")
    assert {"equal", "delete", "insert"} <= {part.op for part in reports.diff}
    # Equal words are shown as the right text spells them: case and tone placement are not changes.
    shown_left = " ".join(p.text for p in reports.diff if p.op != "insert").lower().split()
    assert shown_left == f"{reports.left.heading}\n{reports.left.text}".lower().split()


def test_both_backends_give_the_same_comparison(any_store) -> None:
    assert not ingest(any_store, [CORPUS]).failed
    result = compare(any_store, "Mỹ Xuyên", "tỉnh Quảng Nam")
    lead = row(result, "Cải cách thể chế", "Chủ trì")
    assert cell_values(lead, "huyện Mỹ Xuyên") == [("Phòng Tư pháp", "Tư pháp", True, ["Điều 6 khoản 2 điểm b"])]
    assert [text for text, *_ in cell_values(lead, "tỉnh Quảng Nam")] == ["Sở Tư pháp"]
    assert result.differing == 29  # thể chế now agrees: both are led by Tư pháp
    assert [(a.kind, len(a.pairs)) for a in result.alignments] == [("quy_che", 5)]  # closing paragraphs are no article text
    leads = survey(any_store, resolve.area("thể chế"))
    assert leads.shares[0].sentence == "Tư pháp (Phòng Tư pháp, Sở Tư pháp) chủ trì ở 3 trên 5 đơn vị (huyện Hớn Quản, huyện Mỹ Xuyên, tỉnh Quảng Nam)."
