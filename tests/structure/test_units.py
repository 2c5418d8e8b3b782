"""The regulated unit: from the issuer's own lines and the gazetteer, never the title's first words.

Every text here is invented; the place names are real units, since the gazetteer is what
decides how far a name reaches.
"""

from __future__ import annotations

from datetime import date

import pytest

from cchc.graph.gazetteer import document_province, named_unit
from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def unit(text: str) -> str | None:
    return parse_document(SourceText(name="vi-du.txt", text=text, format="txt")).metadata.unit


@pytest.mark.parametrize(
    "title",
    [
        "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TRÊN ĐỊA BÀN TỈNH TÂY NINH ĐỐI VỚI CÁC KHU DI TÍCH",
        "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH TÂY NINH",  # "XÃ HỘI" is no commune
    ],
)
def test_the_unit_is_the_header_s_province_whatever_the_title_says(title: str) -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\n" + MOTTO + "Số: 41/KH-UBND\nTây Ninh, ngày 03 tháng 3 năm 2026\nKẾ HOẠCH\n" + title + "\n"
    assert unit(text + "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n") == "tỉnh Tây Ninh"


def test_a_commune_under_its_province_is_the_commune() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n" + MOTTO + "Số: 8/KH-UBND\n"
        "Tân Phú, ngày 12 tháng 2 năm 2026\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n"
        "I. MỤC ĐÍCH\n1. Người dân hiểu thủ tục.\n"
    )
    assert unit(text) == "xã Tân Phú"


def test_a_name_in_capitals_takes_the_gazetteer_s_spelling() -> None:
    """The header mistypes a tone; the unit is the district's real name."""
    text = (
        "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc của Tổ công tác\nỦY BAN NHÂN DÂN HUYỆN HÓN QUẢN\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n"
    )
    assert unit(text) == "huyện Hớn Quản"


def test_a_central_body_regulates_no_place_its_notice_mentions() -> None:
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\n" + MOTTO + "Số: 90/TB-VPCP\nHà Nội, ngày 05 tháng 3 năm 2026\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI TỈNH ỦY LẠNG SƠN\n"
        "Ngày 01 tháng 3 năm 2026, tại Ủy ban nhân dân tỉnh Lạng Sơn, Phó Thủ tướng đã làm việc với lãnh đạo tỉnh.\n"
    )
    assert unit(text) is None


@pytest.mark.parametrize(
    ("place", "title", "expected"),
    [
        ("Chợ Gạo", "CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN HUYỆN CHỢ GẠO ĐỐI VỚI CÁC XÃ", "huyện Chợ Gạo"),
        ("Chợ Gạo", "Cải cách hành chính trên địa bàn huyện Sông Xanh năm 2024", None),  # no such district
        ("Cà Mau", "Cải cách hành chính trên địa bàn huyện Chợ Gạo năm 2024", None),  # not in the document's province
    ],
)
def test_a_title_s_place_only_when_the_header_names_none_and_the_gazetteer_knows_it(
    place: str, title: str, expected: str | None
) -> None:
    text = (
        "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\nSố: 12/KH-BCĐ\n" + place + ", ngày 10 tháng 4 năm 2024\nKẾ HOẠCH\n" + title + "\n"
        "I. MỤC ĐÍCH\n1. Nâng cao chỉ số cải cách hành chính.\n"
    )
    assert unit(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ ĐÔNG", "xã Tân Phú Đông"),  # the longest real name wins
        ("UBND TP. HỒ CHÍ MINH", "thành phố Hồ Chí Minh"),
        ("ỦY BAN NHÂN DÂN THỊ TRẤN MỸ LUÔNG", "thị trấn Mỹ Luông"),  # a town before 2025
        ("ỦY BAN NHÂN DÂN QUẬN 1", "quận 1"),
        ("THỊ XÃ TÂN PHÚ", None),  # no such thị xã, and not "xã Tân Phú" either
        ("CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ", None),
    ],
)
def test_named_units(line: str, expected: str | None) -> None:
    found = named_unit(line)
    assert (str(found) if found else None) == expected


def test_a_numbered_district_names_its_province() -> None:
    assert document_province(["ỦY BAN NHÂN DÂN QUẬN 1"], issued=date(2023, 5, 4)).name == "Hồ Chí Minh"
