"""Căn cứ that were no longer in force: the shipped table, lint L303/L304 and outdated_bases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc.graph.in_force import ceased_by, listed
from cchc.graph.model import Citation
from cchc.lint import lint_file

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_numbers_and_unnumbered_laws_are_matched() -> None:
    one_stop = listed(Citation("Nghị định số 61/2018/NĐ-CP", number="61/2018/NĐ-CP"))
    assert one_stop is not None and one_stop.replaced_by == ("118/2025/NĐ-CP",) and one_stop.until == dt.date(2025, 6, 30)
    old_law = Citation("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", kind="luat", date=dt.date(2015, 6, 19),
                       title="Luật Tổ chức chính quyền địa phương")
    assert listed(old_law).number == "77/2015/QH13"
    # the second law of that title in 2025 is not the first
    new_law = Citation("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", kind="luat", date=dt.date(2025, 6, 16),
                       title="Luật Tổ chức chính quyền địa phương")
    assert listed(new_law) is None
    assert ceased_by(Citation("x", number="61/2018/NĐ-CP"), dt.date(2025, 6, 30)) is None
    assert ceased_by(Citation("x", number="61/2018/NĐ-CP"), dt.date(2025, 7, 1)) is not None
    assert listed(Citation("x", number="157/2007/NĐ-CP")) is None  # not listed: not judged


def test_lint_tells_a_basis_ceased_before_the_text_from_one_replaced_since() -> None:
    sample = CORPUS / "002_e8832a6717c418ce.txt"  # 2021, cites the 2015 law and NĐ 61/2018
    since = [f for f in lint_file(sample).findings if f.rule == "L304"]
    assert len(since) == 3 and any("118/2025/NĐ-CP" in f.fix for f in since)
    reused = lint_file(sample, as_of=dt.date(2025, 8, 1))
    early = [f for f in reused.findings if f.rule == "L303"]
    assert len(early) == 3 and not [f for f in reused.findings if f.rule == "L304"]
    assert all(f.severity == "error" for f in early)
