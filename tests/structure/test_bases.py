"""Legal bases: every instrument a "Căn cứ" clause or a plan's "Thực hiện" paragraph lists,
none that is only named inside another's description. Invented texts throughout."""

from __future__ import annotations

from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document

DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 31/QĐ-UBND\nLạng Sơn, ngày 09 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
    "Về việc công bố thủ tục hành chính lĩnh vực thư viện\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
)
PLAN = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 44/KH-UBND\nLạng Sơn, ngày 09 tháng 3 năm 2026\nKẾ HOẠCH\n"
BODY = "I. MỤC ĐÍCH\n1. Sở Văn hóa chủ trì triển khai.\n"


def bases(text: str) -> list[str]:
    meta = parse_document(SourceText(name="vi-du.txt", text=text, format="txt")).metadata
    return [c.number or c.title for c in meta.legal_bases]


def test_two_clauses_on_one_line_are_two_bases_and_the_decrees_amending_one_are_not() -> None:
    text = DECISION + (
        "Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019; Căn cứ Nghị định số 11/2020/NĐ-CP ngày 02 tháng 3 năm 2020 "
        "của Chính phủ về thủ tục thư viện; Nghị định số 21/2022/NĐ-CP ngày 04 tháng 4 năm 2022 và Nghị định số "
        "33/2024/NĐ-CP ngày 05 tháng 5 năm 2024 của Chính phủ sửa đổi, bổ sung một số điều của các Nghị định về thư viện;\n"
        "Căn cứ Quyết định số 55/QĐ-BVHTT&DL ngày 06 tháng 6 năm 2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Công bố kèm theo Quyết định này thủ tục hành chính.\n"
    )
    assert bases(text) == ["Luật Thư viện", "11/2020/NĐ-CP", "55/QĐ-BVHTT&DL"]


def test_instruments_listed_side_by_side_are_bases_and_what_they_implement_is_not() -> None:
    text = PLAN + "Phát triển thư viện số giai đoạn 2026 - 2030\n" + (
        "Căn cứ Nghị quyết số 14-NQ/TW ngày 02/3/2025 của Bộ Chính trị về văn hóa số; Nghị quyết số 61/NQ-CP ngày "
        "03/4/2025 của Chính phủ và Chương trình hành động số 12- CTr/TU ngày 04/5/2025 của Ban Thường vụ Tỉnh ủy về "
        "thực hiện Nghị quyết số 14-NQ/TW ngày 02/3/2025 của Bộ Chính trị; Kế hoạch số 70/KH-UBND ngày 05/6/2025 của "
        "Ủy ban nhân dân tỉnh về thực hiện Nghị quyết số 61/NQ-CP ngày 03/4/2025 của Chính phủ và Kết luận số 8-KL/TU;\n"
        + BODY
    )
    assert bases(text) == ["14-NQ/TW", "61/NQ-CP", "12-CTr/TU", "70/KH-UBND"]


def test_a_plan_s_thuc_hien_paragraph_after_a_title_in_capitals_lists_its_bases() -> None:
    text = PLAN + "THỰC HIỆN CHƯƠNG TRÌNH “THƯ VIỆN THÂN THIỆN” TRÊN ĐỊA BÀN TỈNH LẠNG SƠN\n" + (
        "Thực hiện Nghị quyết số 90/2025/QH15 ngày 01/6/2025 của Quốc hội phê duyệt chủ trương đầu tư Chương trình "
        "thư viện thân thiện (Nghị quyết số 90/2025/QH15), Nghị quyết số 20/NQ-CP ngày 02/7/2025 của Chính phủ ban "
        "hành Kế hoạch triển khai Nghị quyết số 90/2025/QH15 (Nghị quyết số 20/NQ-CP) và Quyết định số 300/QĐ-BVHTTDL "
        "ngày 03/8/2025 của Bộ trưởng; Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n" + BODY
    )
    meta = parse_document(SourceText(name="vi-du.txt", text=text, format="txt")).metadata
    assert meta.title == "THỰC HIỆN CHƯƠNG TRÌNH “THƯ VIỆN THÂN THIỆN” TRÊN ĐỊA BÀN TỈNH LẠNG SƠN"
    assert [c.number for c in meta.legal_bases] == ["90/2025/QH15", "20/NQ-CP", "300/QĐ-BVHTTDL"]


def test_a_plan_has_both_its_can_cu_and_its_thuc_hien_bases_but_none_from_its_tasks() -> None:
    text = PLAN + "Phát triển thư viện số\n" + (
        "Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019;\n"
        "Thực hiện Quyết định số 400/QĐ-TTg ngày 07/8/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        + BODY + "Căn cứ Quyết định số 500/QĐ-UBND ngày 08/9/2025, các sở xây dựng kế hoạch của mình.\n"
    )
    assert bases(text) == ["Luật Thư viện", "400/QĐ-TTg"]
