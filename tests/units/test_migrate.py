"""A former district's Quy chế redrafted for a commune that took its territory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.generators.errors import DraftError
from cchc.generators.migrate import migrate
from cchc.graph.store.embedded import EmbeddedStore
from cchc.lint import lint_file

runner = CliRunner()


@pytest.fixture
def location(sample_store_path: str) -> str:
    return sample_store_path


@pytest.fixture
def store(location: str):
    store = EmbeddedStore(location)  # one process holds the store: closed before the CLI test
    yield store
    store.close()


def test_the_district_goes_to_a_commune_with_todays_agencies(store) -> None:
    migration = migrate(store, "Mỹ Xuyên", to="phường Mỹ Xuyên", year=2026)
    assert migration.target.name == "phường Mỹ Xuyên" and migration.target.parts == ("thị trấn Mỹ Xuyên", "xã Đại Tâm")
    assert migration.profile.unit == "phường Mỹ Xuyên" and migration.profile.province == "thành phố Cần Thơ"
    assert list(migration.drafts) == ["quy-che-bcd"]
    assert migration.mapped["Phòng Tư pháp"] == "Văn phòng HĐND và UBND phường"
    assert migration.merged["Phòng Văn hóa - Xã hội"] == ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin"]
    assert migration.dropped == ["Trung tâm Văn hóa - Thể thao - Truyền thanh huyện"]
    draft = migration.drafts["quy-che-bcd"]
    assert any(n.startswith("giữ câu chữ của văn bản mẫu") for n in draft.content.notes)


def test_a_commune_that_took_none_of_it_and_a_unit_that_still_exists_are_refused(store) -> None:
    with pytest.raises(DraftError, match="không nhận địa bàn của huyện Mỹ Xuyên"):
        migrate(store, "Mỹ Xuyên", to="xã Tân Phú")
    with pytest.raises(DraftError, match="không có đơn vị hiện nay"):
        migrate(store, "Văn phòng UBND thành phố")


def test_the_command_writes_a_clean_docx_and_its_report(location: str, tmp_path: Path) -> None:
    out, report = tmp_path / "du-thao", tmp_path / "bao-cao.json"
    result = runner.invoke(app, ["migrate", "Mỹ Xuyên", "--store", location, "--out", str(out), "--report", str(report), "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert "xã Ngọc Tố" in result.stdout and "không còn từ 01/7/2025" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["target"]["name"] == "xã Ngọc Tố" and data["files"]
    written = Path(data["files"][0])
    texts = [p.text for p in Document(str(written)).paragraphs]
    assert "ỦY BAN NHÂN DÂN XÃ NGỌC TỐ" in " ".join(texts).upper()
    assert not [t for t in texts if "huyện" in t.lower()]
    assert not [f for f in lint_file(written).findings]
