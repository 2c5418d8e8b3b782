"""Unit profiles: the examples load; bad ones fail with every problem listed in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.generators.errors import ProfileError
from cchc.generators.profile import parse_profile

PROFILES = sorted((Path(__file__).resolve().parents[2] / "examples" / "profiles").glob("*.yaml"))


def test_examples_cover_the_current_and_the_historic_structure(profiles) -> None:
    levels = {p.level: p for p in profiles.values()}
    assert {"xã", "phường", "tỉnh", "huyện"} <= set(levels)
    assert levels["huyện"].structure == "historic" and levels["xã"].structure == "current"
    commune = levels["xã"]
    assert commune.holder("noi_vu") == "Phòng Văn hóa - Xã hội"  # no Phòng Nội vụ at commune level
    assert commune.holder("tu_phap") == "Văn phòng HĐND và UBND xã"
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in {a.name for a in levels["phường"].agencies}
    province = levels["tỉnh"]
    assert province.holder("ke_hoach_dau_tu") == "Sở Tài chính"
    assert province.holder("thong_tin_truyen_thong") == "Sở Khoa học và Công nghệ"
    assert province.holder("hanh_chinh_cong") == "Trung tâm Phục vụ hành chính công tỉnh"
    assert "Đề án 06" in commune.steering.name


BAD = """
unit: {name: Tân Phú, level: làng}
year: hai nghìn
signer: {authority: XX}
agences: []
agencies:
  - name: Phòng Văn hóa - Xã hội
    functions: [noi_vu, kinh_te]
  - name: Phòng Khác
    functions: [noi_vu]
steering:
  members: [Phòng Không Có]
  standing: Phòng Ma
ratings:
  - {grade: Tốt, min: 70}
  - {grade: Khá, min: 80}
  - {grade: Yếu, min: 10}
"""


def test_every_problem_is_listed_with_its_path() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(BAD, "hong.yaml")
    problems = "\n".join(caught.value.problems)
    for expected in (
        "unit.level: cấp 'làng' không hợp lệ",
        "year: cần năm dạng số",
        "signer.authority: 'XX' không hợp lệ",
        "agences: khóa không biết (có phải 'agencies'?)",
        "chức năng 'kinh_te' không có trong từ điển",
        "chức năng 'noi_vu' đã giao cho Phòng Văn hóa - Xã hội",
        "steering.standing: 'Phòng Ma' không có trong agencies",
        "ngưỡng 80% phải thấp hơn ngưỡng của mức trên (70.0%)",
        "mức cuối cùng là phần còn lại",
        "signer.title: thiếu (bắt buộc)",
    ):
        assert expected in problems, problems
    assert str(caught.value).startswith("hong.yaml: hồ sơ đơn vị không hợp lệ")


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile("unit:\n  name: [Tân Phú\n", "x.yaml")
    assert "dòng 3" in str(caught.value) and "lỗi cú pháp YAML" in str(caught.value)


def test_the_cli_reports_a_bad_profile_without_a_traceback(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", "quy-che-bcd", "--profile", str(bad), "--out", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "Lỗi: " in result.stderr and "hồ sơ đơn vị không hợp lệ" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_example_profiles_are_valid(path) -> None:
    parse_profile(path.read_text(encoding="utf-8"), path.name)
