"""Task tables read tolerantly: invented tables in the layouts real plans use."""

from __future__ import annotations

from cchc.graph.extract import extract_facts
from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document


def facts(text: str):
    return extract_facts(parse_document(SourceText(name="bang.txt", text=text, format="txt")))


def test_an_annex_table_before_any_numbered_heading() -> None:
    text = (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1 | Số hóa hồ sơ hộ tịch lưu trữ | Sở Tư pháp | UBND các xã, phường | Quý II/2026\n"
    )
    found = facts(text)
    assert [(t.lead, t.timeframe) for t in found.tasks] == [("Sở Tư pháp", "Quý II/2026")]
    assert {(a.agency, a.mode) for a in found.assignments} == {("Sở Tư pháp", "chu_tri"), ("UBND các xã, phường", "phoi_hop")}


def test_rows_without_trailing_cells_and_with_co_leads() -> None:
    text = (
        "I. NHIỆM VỤ\n"
        "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Kinh phí\n"
        "1 | Kiểm tra an toàn phòng cháy tại chợ | Sở Công Thương, Công an tỉnh | Sở Xây dựng\n"
    )
    (task,) = facts(text).tasks
    assert task.leads == ("Sở Công Thương", "Công an tỉnh") and task.timeframe is None and task.budget is None
    leads = {a.agency for a in facts(text).assignments if a.mode == "chu_tri"}
    assert leads == {"Sở Công Thương", "Công an tỉnh"}


def test_a_workflow_table_names_the_performer_of_each_step() -> None:
    text = (
        "Điều 2. Quy trình\n"
        "TT | Trình tự thực hiện | Trách nhiệm thực hiện | Sản phẩm thực hiện | Thời gian thực hiện\n"
        "Bước 1 | Tiếp nhận hồ sơ, chuyển phòng chuyên môn | Trung tâm Phục vụ hành chính công tỉnh | Phiếu tiếp nhận | 0,5 ngày\n"
    )
    (task,) = facts(text).tasks
    assert task.lead == "Trung tâm Phục vụ hành chính công tỉnh" and task.output == "Phiếu tiếp nhận"


def test_every_step_of_a_procedure_is_procedure_work() -> None:
    """A step's verb ("Đóng dấu, phát hành …") names no field; the procedure does."""
    text = (
        "PHỤ LỤC\nQUY TRÌNH NỘI BỘ\n"
        "STT | Nội dung công việc | Phân công nhiệm vụ | Thời gian thực hiện\n"
        "Bước 1 | Đóng dấu, phát hành văn bản và chuyển kết quả | Văn thư Ủy ban nhân dân cấp xã | 0,5 ngày\n"
    )
    found = facts(text)
    assert [t.step for t in found.tasks] == ["Bước 1"]
    assert {(a.agency, a.mode, a.area, a.area_rule) for a in found.assignments} == {
        ("Ủy ban nhân dân cấp xã", "chu_tri", "thu_tuc_hanh_chinh", "area.procedure_step")
    }


def test_a_cell_naming_one_body_at_two_levels_names_both() -> None:
    text = (
        "TT | Trình tự thực hiện | Trách nhiệm thực hiện | Thời gian\n"
        "B1 | Tiếp nhận hồ sơ giấy phép | Trung tâm Phục vụ hành chính công cấp tỉnh/cấp xã | 0,5 ngày\n"
    )
    leads = {a.agency for a in facts(text).assignments if a.mode == "chu_tri"}
    assert leads == {"Trung tâm Phục vụ hành chính công cấp tỉnh", "Trung tâm Phục vụ hành chính công cấp xã"}


def test_a_step_that_names_its_own_performer() -> None:
    """ "Phòng X thụ lý hồ sơ | Lãnh đạo Phòng chuyên môn phân công": the row's subject."""
    text = (
        "TT | Trình tự thực hiện | Trách nhiệm thực hiện | Thời gian\n"
        "B2 | Phòng Quản lý Di sản thụ lý và xử lý hồ sơ | Lãnh đạo Phòng chuyên môn phân công thụ lý | 1 ngày\n"
    )
    assert {(a.agency, a.mode) for a in facts(text).assignments} == {("Phòng Quản lý Di sản", "chu_tri")}
