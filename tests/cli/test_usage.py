"""Usage mistakes read as one Vietnamese line with exit status 2; help has no English."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["matrix"], "Lỗi: thiếu tùy chọn --unit (xem: cchc matrix --help)"),
        (["matrix", "--unti", "x"], "Lỗi: không có tùy chọn --unti; ý bạn là --out, --unit? (xem: cchc matrix --help)"),
        (["query", "--format", "pdf"], "Lỗi: giá trị không hợp lệ cho --format: 'pdf' không phải một trong: 'table', 'csv', 'json', 'md', 'html', 'xlsx' (xem: cchc query --help)"),
        (["calendar", "--year", "abc"], "Lỗi: giá trị không hợp lệ cho --year: 'abc' không phải số nguyên (xem: cchc calendar --help)"),
        (["khong-co-lenh"], "Lỗi: không có lệnh 'khong-co-lenh' (xem: cchc --help)"),
        (["facts"], "Lỗi: thiếu đối số"),
    ],
)
def test_a_usage_mistake_is_one_vietnamese_line(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), result.stderr
    assert "Missing" not in result.stderr and "Usage" not in result.stderr and "Try " not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["who-leads", "--help"], ["docs", "list", "--help"], ["units", "fate", "--help"]])
def test_help_is_vietnamese(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Show this message" not in result.stdout
    shown = " ".join(result.stdout.replace("│", " ").split())
    assert "Hiện hướng dẫn này rồi thoát" in shown and "Tùy chọn" in shown
    assert not any(word in shown for word in ("Options", "Arguments", "[required]", "completion"))


def test_the_exit_statuses_are_documented() -> None:
    shown = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    assert "Mã thoát: 0 thành công" in shown and "2 dùng sai lệnh" in shown
