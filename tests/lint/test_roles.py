"""L606–L608 on a commune's Kế hoạch written with the mistakes a drafter makes, and on the
same text mended: one role per body and task, one lead per task, reports sent upwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cchc.lint import lint_file
from cchc.lint.reporting import wrong_level

FAULTY = Path(__file__).parent / "data" / "roles_and_levels.txt"
RULES = {"L606", "L607", "L608"}


def _found(path: Path) -> list[tuple[str, str]]:
    return sorted((f.rule, f.label) for f in lint_file(path).findings if f.rule in RULES)


def test_each_mistake_is_reported_where_it_is() -> None:
    assert _found(FAULTY) == [
        ("L606", "Mục II, khoản 1"),  # "chủ trì, phối hợp với" itself, in prose
        ("L606", "Mục II, khoản 2"),  # the same office in the lead and partner cells
        ("L607", "Mục II, khoản 2"),  # two offices in the lead cell
        ("L608", "Mục III, khoản 1"),  # the commune reports to its own office
        ("L608", "Mục III, khoản 2"),  # and to the district, gone on 1 July 2025
    ]


def test_the_mended_text_is_clean(tmp_path: Path) -> None:
    text = FAULTY.read_text(encoding="utf-8")
    for old, new in [
        ("phối hợp với Phòng Văn hóa - Xã hội và Văn phòng", "phối hợp với Văn phòng"),
        ("Văn phòng HĐND và UBND xã; Phòng Kinh tế | Quý I", "Phòng Kinh tế | Quý I"),
        ("Phòng Kinh tế; Phòng Văn hóa - Xã hội | Văn phòng", "Phòng Kinh tế | Phòng Văn hóa - Xã hội; Văn phòng"),
        ("báo cáo Phòng Nội vụ", "báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"),
        ("báo cáo Ủy ban nhân dân huyện", "báo cáo Ủy ban nhân dân tỉnh"),
    ]:
        assert old in text
        text = text.replace(old, new)
    mended = tmp_path / FAULTY.name
    mended.write_text(text, encoding="utf-8")
    assert _found(mended) == []


@pytest.mark.parametrize(
    ("reporter", "recipient", "when", "wrong"),
    [
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân tỉnh", dt.date(2026, 1, 1), False),
        ("Sở Nội vụ", "Bộ Nội vụ", dt.date(2026, 1, 1), False),
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân huyện", dt.date(2024, 1, 1), False),  # the district still was
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân huyện", dt.date(2025, 7, 1), True),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân xã", dt.date(2026, 1, 1), True),  # downwards
        ("Chủ tịch UBND xã", "Phòng Văn hóa - Xã hội", None, True),
        ("Ủy ban nhân dân thành phố", "Sở Nội vụ", dt.date(2026, 1, 1), False),  # no level said: not judged
    ],
)
def test_levels(reporter: str, recipient: str, when: dt.date | None, wrong: bool) -> None:
    assert (wrong_level(reporter, recipient, when) is not None) is wrong
