"""``cchc draft`` end to end: formats, pairs, side reports, graph sources and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from cchc.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "examples" / "profiles" / "xa-tan-phu.yaml")
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    location = str(tmp_path_factory.mktemp("cli-draft") / "store")
    assert runner.invoke(app, ["ingest", "--store", location, str(ROOT / "examples" / "corpus")]).exit_code == 0
    return ["--store", location]


def test_draft_a_quy_che_with_its_decision_and_a_report(tmp_path: Path) -> None:
    out, report = tmp_path / "qc.docx", tmp_path / "nguon.json"
    result = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", PROFILE, "--out", str(out), "--report", str(report), "--check"])
    assert result.exit_code == 0, result.output
    assert "Đọc lại: đúng" in result.stderr and "Chưa giao được: phối hợp kiểm tra cải cách hành chính — trong hồ sơ không cơ quan nào giữ chức năng «Thanh tra»" in result.stderr
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "QUYẾT ĐỊNH" in texts and "QUY CHẾ" in texts
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["schema"] == "cchc-draft-report/1" and data["round_trip"] == []
    titled = {a["title"]: a["sources"] for a in data["articles"]}
    assert titled["Chế độ họp"] == ["hồ sơ đơn vị: cadence"]
    assert all(a["sources"] for a in data["articles"])
    assert {u["function"] for u in data["unmapped"]} == {"thanh_tra", "truyen_thanh", "ubnd_cap_duoi"}


def test_pair_writes_the_decision_and_the_text_apart(tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    result = runner.invoke(app, ["draft", "quy-dinh-nguoi-dung-dau", "--profile", PROFILE, "--out", str(out), "--pair"])
    assert result.exit_code == 0, result.output
    second = tmp_path / "qd-quy-dinh-nguoi-dung-dau.docx"
    assert [p.text for p in Document(str(out)).paragraphs].count("QUYẾT ĐỊNH") == 1
    assert "QUY ĐỊNH" in [p.text for p in Document(str(second)).paragraphs]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_formats(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"kh.{fmt}"
    result = runner.invoke(app, ["draft", "ke-hoach", "--profile", PROFILE, "--out", str(out), "--report", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "KẾ HOẠCH" in text and "Cơ quan chủ trì" in text and "Phòng Văn hóa - Xã hội" in text
    assert "# Báo cáo nguồn" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_quyet_dinh_for_another_text(tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    result = runner.invoke(app, ["draft", "quyet-dinh", "--for", "quy-che-phoi-hop", "--profile", PROFILE, "--out", str(out)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert any(t.startswith("Ban hành Quy chế phối hợp thực hiện nhiệm vụ cải cách hành chính") for t in texts)
    assert "QUY CHẾ" not in texts


def test_like_and_consensus_from_the_store(tmp_path: Path, store: list[str]) -> None:
    out = tmp_path / "like.docx"
    result = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", PROFILE, "--out", str(out), "--like", "My Xuyen", "--check", *store])
    assert result.exit_code == 0, result.output
    assert "Đọc lại: đúng" in result.stderr and "«Phát thanh, truyền hình»" in result.stderr
    result = runner.invoke(app, ["draft", "ke-hoach", "--profile", PROFILE, "--out", str(out), "--consensus", "--check", *store])
    assert result.exit_code == 0 and "Đọc lại: đúng" in result.stderr, result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--like", "Mỹ Xuyên", "--consensus"], "chỉ chọn một trong --like và --consensus"),
        (["--format", "pdf"], "giá trị không hợp lệ cho --format"),
        (["--templates", "/khong/co"], "thư mục mẫu không tồn tại"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", PROFILE, "--out", str(tmp_path / "x.docx"), *args])
    assert result.exit_code != 0 and message in result.output + result.stderr
    assert "Traceback" not in result.output


def test_unknown_reference_unit_lists_the_closest(tmp_path: Path, store: list[str]) -> None:
    result = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", PROFILE, "--out", str(tmp_path / "x.docx"), "--like", "Hà Nội", *store])
    assert result.exit_code != 0 and "không nhận ra đơn vị" in result.stderr


def test_output_folder_must_exist(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", PROFILE, "--out", str(tmp_path / "khong" / "x.docx")])
    assert result.exit_code == 2 and "không tồn tại" in result.stderr


def test_strict_fails_when_the_source_left_gaps_to_fill(tmp_path: Path, store: list[str]) -> None:
    out = tmp_path / "kh.md"
    clean = runner.invoke(app, ["draft", "ke-hoach", "--profile", PROFILE, "--out", str(out), "--strict"])
    assert clean.exit_code == 0, clean.output
    gaps = runner.invoke(app, ["draft", "ke-hoach", "--profile", PROFILE, "--out", str(out), "--like", "Chợ Mới", "--strict", *store])
    assert gaps.exit_code == 1
    assert "Đã bổ sung:" in gaps.stderr and "--strict:" in gaps.stderr and out.exists()


def test_consensus_counts_are_notes_not_filled_gaps(tmp_path: Path, store: list[str]) -> None:
    report = tmp_path / "nguon.json"
    result = runner.invoke(app, ["draft", "ke-hoach", "--profile", PROFILE, "--out", str(tmp_path / "kh.md"), "--consensus", "--report", str(report), *store])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert any("đơn vị" in n for n in data["notes"])  # "lĩnh vực …: chức năng … ở 3/4 đơn vị"
    assert not any("đơn vị có phân công" in f or " ở " in f for f in data["filled"])
    assert not any(line.startswith("Đã bổ sung:") and "/" in line for line in result.stderr.splitlines())


def test_a_member_with_nothing_to_fall_back_on_is_marked_in_the_text(tmp_path: Path) -> None:
    """No stock sentence for a body whose functions have no default duties: its seat says
    "[cần bổ sung: …]", lint reports it, the report lists it and --strict refuses it."""
    import yaml

    profile = yaml.safe_load(Path(PROFILE).read_text(encoding="utf-8"))
    profile["agencies"].append({"name": "Hợp tác xã Nông nghiệp Tân Phú", "functions": ["other"]})
    profile["steering"]["members"].append("Hợp tác xã Nông nghiệp Tân Phú")
    path = tmp_path / "ho-so.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    out, report = tmp_path / "qc.md", tmp_path / "nguon.json"
    lenient = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", str(path), "--out", str(out), "--report", str(report)])
    assert lenient.exit_code == 0, lenient.output
    marker = "[cần bổ sung: nhiệm vụ của Lãnh đạo Hợp tác xã Nông nghiệp Tân Phú]"
    assert f"Cần bổ sung trong dự thảo: {marker}" in lenient.stderr
    assert marker.replace("[", "\\[").replace("]", "\\]") in out.read_text(encoding="utf-8")
    assert json.loads(report.read_text(encoding="utf-8"))["to_complete"] == [marker]
    linted = runner.invoke(app, ["lint", str(out), "--format", "csv"])
    assert [line.split(",")[0] for line in linted.stdout.splitlines()[1:]] == ["L503"]
    strict = runner.invoke(app, ["draft", "quy-che-bcd", "--profile", str(path), "--out", str(out), "--strict"])
    assert strict.exit_code == 1 and "1 chỗ còn phải viết" in strict.stderr
