"""A steering-body member whose heading carries no duty is a gap of its unit."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cchc.cli.app import app

runner = CliRunner()

REGULATION = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
QUY CHẾ
Hoạt động của Ban Chỉ đạo cải cách hành chính xã An Bình

Điều 1. Nhiệm vụ của các thành viên
1. Thành viên Ban Chỉ đạo - Trưởng Phòng Kinh tế
Chủ trì tham mưu thực hiện cải cách tài chính công.
2. Thành viên Ban Chỉ đạo - Giám đốc Trung tâm Phục vụ hành chính công
3. Thành viên Ban Chỉ đạo - Chánh Văn phòng HĐND và UBND xã
Chủ trì kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa.
"""


def test_member_without_duty_is_a_gap(tmp_path) -> None:
    source = tmp_path / "quy_che_an_binh.txt"
    source.write_text(REGULATION, encoding="utf-8")
    store = ["--store", str(tmp_path / "store")]
    assert runner.invoke(app, ["ingest", *store, str(source)]).exit_code == 0
    result = runner.invoke(app, ["query", "gaps", "--param", "unit=An Bình", "--format", "json", *store])
    assert result.exit_code == 0, result.output
    members = {(r["agency"], r["body"]) for r in json.loads(result.stdout) if r["gap"] == "member_without_duty"}
    assert members == {("Trung tâm Phục vụ hành chính công", "Ban Chỉ đạo")}
