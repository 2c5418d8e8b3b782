"""What became of the sample units on 1 July 2025, from the package's official mapping."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc.graph.succession import fate


def test_a_former_district_went_into_todays_communes_with_their_parts() -> None:
    found = fate("huyện Mỹ Xuyên", "Sóc Trăng")
    assert found.exists is False and found.province == "Cần Thơ" and found.former_province == "Sóc Trăng"
    parts = {s.name: s.parts for s in found.successors}
    assert parts["phường Mỹ Xuyên"] == ("thị trấn Mỹ Xuyên", "xã Đại Tâm")
    assert parts["xã Hòa Tú"] == ("xã Hòa Tú 1", "xã Hòa Tú 2")
    assert "xã Thạnh Quới (một phần)" in parts["xã Gia Hòa"]  # a commune split between two
    assert found.summary().startswith("không còn từ 01/7/2025; nay: ") and found.summary().endswith("(Cần Thơ)")


def test_a_merged_province_and_units_that_still_exist() -> None:
    merged = fate("tỉnh Quảng Nam")
    assert merged.exists is False and merged.province == "Đà Nẵng" and merged.summary() == "không còn từ 01/7/2025; nay thuộc Đà Nẵng"
    assert fate("tỉnh Đồng Nai").exists is True
    assert fate("xã Tân Phú", "Đồng Nai").exists is True
    assert fate("phường Hòa Khánh", "Đà Nẵng").exists is True


@pytest.mark.parametrize("unit, province, today", [
    ("huyện Hớn Quản", "Bình Phước", "Đồng Nai"),
    ("huyện Chợ Mới", "An Giang", "An Giang"),
    ("xã Hòa Tú 1", "Sóc Trăng", "Cần Thơ"),
])
def test_former_units_name_their_successors(unit: str, province: str, today: str) -> None:
    found = fate(unit, province)
    assert found.exists is False and found.successors and {s.province for s in found.successors} == {today}


def test_a_name_in_two_provinces_without_one_keeps_both_and_an_unknown_name_is_unknown() -> None:
    both = fate("huyện Chợ Mới")
    assert {s.province for s in both.successors} == {"An Giang", "Thái Nguyên"}
    assert "tên này có ở 2 tỉnh, văn bản không ghi tỉnh" in both.summary()
    assert fate("huyện Mỹ Xuyên", "Sóc Trăng").summary(on=dt.date(2024, 5, 1)) == "còn vào ngày 01/5/2024 (không còn từ 01/7/2025)"
    assert fate("Văn phòng Ủy ban nhân dân Thành phố").exists is None
