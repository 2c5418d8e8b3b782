"""Re-ingesting a document that now yields fewer assignments says so; the same text does not."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cchc.cli.app import app

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"
runner = CliRunner()


def test_fewer_facts_than_before_are_reported(tmp_path: Path) -> None:
    document = tmp_path / "ke-hoach.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    document.write_text(text, encoding="utf-8")
    store = ["--store", str(tmp_path / "kho")]
    assert runner.invoke(app, ["ingest", str(document), *store]).exit_code == 0
    again = runner.invoke(app, ["ingest", str(document), *store])
    assert again.exit_code == 0 and "ít hơn lần nạp trước" not in again.stderr
    document.write_text(text[: text.index("II. NỘI DUNG")] + text[text.index("III. KINH PHÍ"):], encoding="utf-8")
    shorter = runner.invoke(app, ["ingest", str(document), *store])
    assert shorter.exit_code == 0
    assert "Cảnh báo: ke-hoach.txt nay có" in shorter.stderr and "ít hơn lần nạp trước (25)" in shorter.stderr
