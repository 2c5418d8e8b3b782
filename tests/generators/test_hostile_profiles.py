"""Hostile profiles and templates: one line each, and nothing outside the template folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.generators.errors import TemplateError
from cchc.generators.profile import ProfileError, load_profile
from cchc.generators.templating import render

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "examples" / "profiles" / "xa-tan-phu.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BASE.replace("date:", "date: 2026-02-31\nold_date:", 1), "ngày không tồn tại"),
        ("a: " + "[" * 10000 + "]" * 10000 + "\n", "lồng quá sâu"),
        (BASE + "\nyear: 99999999999999999999999999\n", "year"),
        ("x: " + "a" * 1_100_000 + "\n", "quá lớn"),
    ],
)
def test_a_bad_profile_is_one_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "ho-so.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_profile(path)
    assert problem in str(error.value)
    shown = CliRunner().invoke(app, ["draft", "ke-hoach", "--profile", str(path), "--out", str(tmp_path / "x.docx")])
    assert shown.exit_code == 2 and len(shown.stderr.strip().splitlines()) == 1 and problem in shown.stderr


def test_a_device_is_no_profile() -> None:
    with pytest.raises(ProfileError, match="không phải tệp thông thường"):
        load_profile("/dev/zero")


def test_a_template_cannot_include_what_is_outside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (tmp_path / "bi-mat.txt").write_text("mật khẩu", encoding="utf-8")
    (folder / "thu.outline.j2").write_text("{% include '../bi-mat.txt' %}", encoding="utf-8")
    (folder / "lien-ket.outline.j2").symlink_to(tmp_path / "bi-mat.txt")
    (folder / "qua-lien-ket.outline.j2").write_text("{% include 'lien-ket.outline.j2' %}", encoding="utf-8")
    for name in ("thu.outline.j2", "qua-lien-ket.outline.j2"):
        with pytest.raises(TemplateError) as error:
            render(name, {}, override=folder)
        assert "mật khẩu" not in str(error.value)


@pytest.mark.parametrize("body", ["{{ 'x' * 10**9 }}", "{{ [1] * 100000000 }}", "{{ 2 ** 100000 }}"])
def test_a_template_cannot_grow_without_bound(tmp_path: Path, body: str) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "lon.outline.j2").write_text(body, encoding="utf-8")
    with pytest.raises(TemplateError):
        render("lon.outline.j2", {}, override=folder)
