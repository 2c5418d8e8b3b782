"""The learned area decision: invented duty clauses, the shipped model, and its rebuild."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from cchc.graph.area_model import DocumentStats, explain, predict_areas
from cchc.graph.areas import classify
from cchc.graph.train_areas import fit, load


def area(clause: str, stats: DocumentStats | None = None) -> str:
    return predict_areas(clause, "", stats)[0][0]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Kiểm tra việc chấp hành quy định về an toàn lao động tại các cơ sở sản xuất.", "kiem_tra"),
        ("Tổ chức tập huấn, bồi dưỡng kỹ năng nghiệp vụ cho công chức cấp xã.", "cong_vu"),
        ("Bố trí kinh phí từ nguồn ngân sách địa phương để thực hiện đề án.", "tai_chinh_cong"),
        ("Tiếp nhận hồ sơ, thẩm định và cấp giấy phép hoạt động cho các cơ sở.", "thu_tuc_hanh_chinh"),
        ("Tuyên truyền, phổ biến chính sách đến người dân qua hệ thống loa truyền thanh.", "tuyen_truyen"),
    ],
)
def test_the_predicate_decides(clause: str, expected: str) -> None:
    assert area(clause) == expected


def test_a_predicate_beats_topic_words_the_document_repeats() -> None:
    """In a plan about one-stop procedures every duty names them; the one that funds the
    plan is public finance, and the discount for the document's own topic keeps it so."""
    topic = "cải cách thủ tục hành chính theo cơ chế một cửa liên thông"
    duties = [f"Triển khai nền tảng {topic}.", f"Hướng dẫn đánh giá mức độ {topic}.", f"Xây dựng kho dữ liệu {topic}.",
              f"Tổ chức hội thảo về {topic}.", f"Kết nối các hệ thống {topic}."]
    funding = f"Bố trí kinh phí ngân sách hằng năm cho các nhiệm vụ {topic}."
    stats = DocumentStats.from_texts([*duties, funding])
    assert classify(funding) != "tai_chinh_cong"  # the cue count reads the topic words
    assert area(funding, stats) == "tai_chinh_cong"


@pytest.mark.parametrize(
    ("clause", "not_area"),
    [
        ("Kiểm tra dữ liệu trước khi cập nhật vào cơ sở dữ liệu dùng chung.", "kiem_tra"),
        ("Cấp tài khoản công vụ cho cán bộ sử dụng hệ thống thư điện tử.", "cong_vu"),
        ("Lập báo cáo đánh giá tác động môi trường của dự án khai thác cát.", "tac_dong"),
        ("Tổ chức lấy ý kiến thẩm định và lập báo cáo thẩm định đề xuất dự án trồng rừng.", "danh_gia_chi_so"),
    ],
)
def test_word_senses(clause: str, not_area: str) -> None:
    assert area(clause) != not_area


def test_the_title_decides_a_duty_that_names_no_field() -> None:
    """A directive about one field ("… giải quyết thủ tục hành chính …"): a duty that only
    says "Đánh giá việc đáp ứng các điều kiện" belongs to that field."""
    duty = "Đánh giá việc đáp ứng các điều kiện của nhà đầu tư theo quy định."
    title = "Về tăng cường phối hợp giải quyết thủ tục hành chính về đầu tư trên địa bàn tỉnh"
    assert predict_areas(duty, "", None, title)[0][0] == "thu_tuc_hanh_chinh"
    assert predict_areas(duty)[0][0] != "thu_tuc_hanh_chinh"


def test_every_prediction_has_a_probability_and_an_explanation() -> None:
    clause = "Bố trí kinh phí từ nguồn ngân sách địa phương để thực hiện đề án."
    ((best, probability), *_) = predict_areas(clause)
    assert best == "tai_chinh_cong" and 0.25 < probability <= 1.0
    reasons = explain(clause)
    assert reasons and any("kinh" in r or "ngân" in r for r in reasons)


def test_the_model_ships_with_the_package() -> None:
    raw = json.loads(resources.files("cchc.graph").joinpath("data/area_model.json").read_text(encoding="utf-8"))
    assert len(raw["areas"]) == 12 and raw["trained_on"] >= 500


def test_training_is_deterministic_and_rebuilds_the_shipped_model() -> None:
    rows = load()
    first, second = fit(rows), fit(rows)
    assert first == second
    shipped = json.loads(resources.files("cchc.graph").joinpath("data/area_model.json").read_text(encoding="utf-8"))
    assert first == shipped  # `python -m cchc.graph.train_areas` was run after the data last changed


@pytest.mark.parametrize(
    ("duty", "not_area"),
    [
        # "Bộ tiêu chí" of technology use is no reform index
        ("Xây dựng bộ tiêu chí đánh giá mức độ ứng dụng công nghệ của hợp tác xã.", "danh_gia_chi_so"),
        # monitoring a system or a resource is no inspection
        ("Giám sát, bảo đảm an toàn thông tin cho hệ thống thư điện tử công vụ.", "kiem_tra"),
        ("Lắp đặt thiết bị giám sát mực nước tại các trạm bơm.", "kiem_tra"),
        # the object's field, not the field of where it stands
        ("Góp ý, đánh giá tác động các quy định về thủ tục hành chính trong các văn bản quy phạm pháp luật do Sở soạn thảo.", "the_che"),
    ],
)
def test_word_senses_in_extraction(duty: str, not_area: str) -> None:
    """The duty's own words decide, through the whole extraction path (cues and model)."""
    from cchc.graph.extract import extract_facts
    from cchc.graph.model import SourceText
    from cchc.graph.structure import parse_document

    text = f"1. Sở Khoa học và Công nghệ\na) {duty}\n"
    facts = extract_facts(parse_document(SourceText(name="vi-du.txt", text=text, format="txt")))
    areas = {a.area for a in facts.assignments}
    assert areas and not_area not in areas


def test_fields_listed_with_commas_each_name_their_area() -> None:
    """ "trong lĩnh vực: tuyên truyền văn bản pháp luật, cải cách thể chế": two fields, the
    first named by its verb though its object is a topic of the second."""
    from cchc.graph.extract import extract_facts
    from cchc.graph.model import SourceText
    from cchc.graph.structure import parse_document

    text = "Điều 4. Trách nhiệm của Phòng Tư pháp\n1. Tham mưu các giải pháp trong lĩnh vực: tuyên truyền văn bản quy phạm pháp luật, cải cách thể chế.\n"
    facts = extract_facts(parse_document(SourceText(name="vi-du.txt", text=text, format="txt")))
    assert {a.area for a in facts.assignments} == {"tuyen_truyen", "the_che"}


def _areas_of(text: str) -> set[str]:
    from cchc.graph.extract import extract_facts
    from cchc.graph.model import SourceText
    from cchc.graph.structure import parse_document

    facts = extract_facts(parse_document(SourceText(name="vi-du.txt", text=text, format="txt")))
    return {a.area for a in facts.assignments}


def test_a_list_with_semicolons_keeps_the_commas_inside_its_items() -> None:
    """ "lĩnh vực: kiểm tra, đôn đốc …; …": the comma joins two verbs of one item, so the
    inspection item is one field, not inspection plus whatever its object mentions."""
    text = (
        "Điều 5. Trách nhiệm của Phòng Quản lý đô thị\n"
        "1. Tham mưu các giải pháp trong lĩnh vực: kiểm tra, đôn đốc việc tuyển dụng công chức của các đơn vị; "
        "ứng dụng công nghệ thông tin trong quản lý hồ sơ.\n"
    )
    assert _areas_of(text) == {"kiem_tra", "chinh_phu_so"}


def test_a_list_of_every_field_is_general_direction() -> None:
    """Summing up proposals on five fields is coordination of the whole reform, not work of
    whichever field the cue count happens to favour."""
    text = (
        "Điều 9. Trách nhiệm của Văn phòng Ủy ban nhân dân tỉnh\n"
        "1. Tổng hợp kiến nghị của các đơn vị về các lĩnh vực: cải cách thể chế; cải cách thủ tục hành chính; "
        "cải cách tổ chức bộ máy; cải cách chế độ công vụ; cải cách tài chính công.\n"
    )
    assert _areas_of(text) == {"chi_dao_dieu_hanh"}
