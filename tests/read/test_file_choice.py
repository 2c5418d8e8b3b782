"""A folder's files: documents are read, the rest are left out with a reason, never silently."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.file_choice import choose_files

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "van-ban"
    (folder / "con").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "ke-hoach.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "con" / "quyet-dinh.docx").write_bytes(b"docx")
    (folder / "con" / "quyet-dinh.pdf").write_bytes(b"pdf")
    (folder / "README.md").write_text("# Ghi chú về thư mục\n", encoding="utf-8")
    (folder / "bang-tong-hop.xlsx").write_bytes(b"xlsx")
    (folder / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return folder


def test_documents_are_chosen_and_the_rest_said(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    chosen, skipped = choose_files([folder])
    assert [p.relative_to(folder).as_posix() for p in chosen] == ["con/quyet-dinh.docx", "ke-hoach.txt"]
    reasons = {s.path.relative_to(folder).as_posix(): s.reason for s in skipped}
    assert set(reasons) == {"README.md", "bang-tong-hop.xlsx", "con/quyet-dinh.pdf"}  # .git is the system's
    assert "không phải văn bản" in reasons["README.md"]
    assert ".xlsx không hỗ trợ" in reasons["bang-tong-hop.xlsx"]
    assert "giữ bản .docx, bỏ bản .pdf" in reasons["con/quyet-dinh.pdf"]


def test_a_file_named_directly_is_always_read(tmp_path: Path) -> None:
    notes = tmp_path / "README.md"
    notes.write_text("# x\n", encoding="utf-8")
    assert choose_files([notes]) == ([notes], [])


def test_ingest_says_what_it_left_out_and_a_missing_path(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "con" / "quyet-dinh.docx").unlink()
    (folder / "con" / "quyet-dinh.pdf").unlink()
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "kho")])
    assert result.exit_code == 0, result.output
    assert "Bỏ qua" in result.stderr and "README.md" in result.stderr and "bang-tong-hop.xlsx" in result.stderr
    assert "Kế hoạch" in result.stdout and "ke_hoach" not in result.stdout
    missing = runner.invoke(app, ["ingest", str(tmp_path / "khong-co"), "--store", str(tmp_path / "kho")])
    assert missing.exit_code == 2 and "không tìm thấy" in missing.stderr


def test_many_files_left_out_for_one_reason_are_counted_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "tong-hop"
    folder.mkdir()
    (folder / "ke-hoach.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(7):
        (folder / f"dap-an-{i}.json").write_text("{}", encoding="utf-8")
    (folder / "bang.xlsx").write_bytes(b"PK")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "kho")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Bỏ qua")]
    assert len(lines) == 2, lines
    assert any(line.startswith("Bỏ qua 7 tệp: loại tệp .json không hỗ trợ") and "dap-an-0.json" in line for line in lines)
    assert any("bang.xlsx" in line for line in lines)
