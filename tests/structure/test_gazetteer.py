"""The province of a document, read from invented headers against the real gazetteer."""

from __future__ import annotations

import json
from datetime import date
from importlib import metadata

from cchc.graph.admin_units import key, province_names, today
from cchc.graph.gazetteer import document_province
from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document
from cchc.resources import read_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def province(text: str):
    return parse_document(SourceText(name="vi-du.txt", text=text, format="txt")).metadata.province


def test_a_former_province_in_the_header_is_the_province_it_became_part_of() -> None:
    found = province(
        "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\n" + MOTTO + "Số: 45/QĐ-UBND\nSóc Trăng, ngày 09 tháng 4 năm 2024\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số\n"
    )
    assert (found.name, found.slug, found.former) == ("Cần Thơ", "can-tho", "Sóc Trăng")


def test_a_province_named_today_has_no_former_name_and_the_motto_is_no_ward() -> None:
    found = province("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n" + MOTTO + "Số: 7/KH-UBND\nĐắk Lắk, ngày 17 tháng 11 năm 2025\nKẾ HOẠCH\nTrồng cây\n")
    assert (found.name, found.code, found.former) == ("Đắk Lắk", 66, None)


def test_the_place_line_alone_tells_the_province_and_old_tone_placement_matches() -> None:
    found = province("Số: 3/TB-UBND\nThanh Hoá, ngày 02 tháng 3 năm 2026\nTHÔNG BÁO\nLịch tiếp công dân\n")
    assert found.name == "Thanh Hóa"


def test_a_commune_header_takes_its_province_from_the_line_above() -> None:
    header = ["ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"]
    assert document_province(header, place="Tân Phú", issued=date(2026, 1, 5)).name == "Phú Thọ"


def test_a_name_that_several_provinces_have_decides_nothing() -> None:
    """Xã Tân Phú is in several provinces; huyện Chợ Mới was in An Giang and in Bắc Kạn."""
    assert document_province(["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"], place="Tân Phú", issued=date(2026, 1, 5)) is None
    assert document_province([], place="Chợ Mới", issued=date(2023, 2, 22)) is None


def test_a_former_district_names_its_province_and_a_mistyped_tone_still_finds_it() -> None:
    found = document_province(["ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN"], issued=date(2023, 5, 4))
    assert (found.name, found.former) == ("Cần Thơ", "Sóc Trăng")
    assert document_province(["ỦY BAN NHÂN DÂN HUYỆN HÓN QUẢN"]).former == "Bình Phước"


def test_a_central_body_is_national_though_it_signs_in_ha_noi() -> None:
    found = province("BỘ NỘI VỤ\n-------\n" + MOTTO + "Số: 9/QĐ-BNV\nHà Nội, ngày 05 tháng 01 năm 2026\nQUYẾT ĐỊNH\nVề việc khen thưởng\n")
    assert (found.slug, found.code) == ("trung-uong", 0)


def test_the_title_is_never_read_for_the_province() -> None:
    assert province("Số: 8/KH-UBND\nKẾ HOẠCH\nCải cách hành chính trên địa bàn tỉnh Quảng Bình\nCăn cứ Luật\n") is None


def test_the_legacy_table_covers_the_63_former_provinces_as_the_gazetteer_package_maps_them() -> None:
    """data/provinces_legacy.json (Nghị quyết 202/2025/QH15) agrees with vietnamadminunits."""
    legacy = json.loads(read_text("cchc.graph", "data/provinces_legacy.json"))["provinces"]
    assert len(legacy) == 34 and sum(len(formers) for formers in legacy.values()) == 63
    assert {key(name) for name in legacy} == {key(p.name) for p in today().values()}
    files = metadata.distribution("vietnamadminunits")
    converter = json.loads(files.locate_file("vietnamadminunits/data/converter_2025.json").read_text(encoding="utf-8"))
    old = json.loads(files.locate_file("vietnamadminunits/data/parser_legacy.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    new = json.loads(files.locate_file("vietnamadminunits/data/parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    for current, formers in converter["DICT_PROVINCE"].items():
        code = next(iter(province_names()[key(new[current]["provinceShort"])]))
        for former in formers:
            assert code in province_names()[key(old[former]["provinceShort"])], former


def test_a_name_whose_loose_key_two_spellings_share_keeps_the_texts_spelling() -> None:
    """"thanh long" folds Thanh Long and Thạnh Long together: the loose table finds the
    unit, the spelling table has no single answer, and the text's own spelling stands."""
    from cchc.graph.gazetteer import named_unit

    found = named_unit("CHỦ TỊCH UỶ BAN NHÂN DÂN XÃ THẠNH LONG")
    assert found is not None and str(found) == "xã Thạnh Long"
