"""Where the corpus puts things, how many of each, and what it refuses to overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from synth_support import UNITS, manifest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.synth.corpus import Options, write_corpus
from cchc.synth.errors import SynthError
from cchc.synth.units import ascii_slug

runner = CliRunner()


def test_every_level_is_present(rows: list[dict]) -> None:
    levels = {(r["level"], r["structure"]) for r in rows}
    assert any(level in ("tỉnh", "thành phố") for level, _ in levels)
    assert any(level in ("xã", "phường", "đặc khu") and s == "current" for level, s in levels)
    assert any(level in ("huyện", "quận", "thị xã") and s == "historic" for level, s in levels)


def test_five_documents_per_unit_of_every_kind(rows: list[dict]) -> None:
    assert len(rows) == 5 * UNITS
    kinds = {r["kind"] for r in rows}
    assert kinds == {"quy-che-bcd", "quy-che-phoi-hop", "quy-dinh-nguoi-dung-dau", "ke-hoach"}
    assert {r["format"] for r in rows} == {"txt", "docx"}


def test_gold_beside_each_file_and_in_one_flat_folder(corpus: Path, rows: list[dict]) -> None:
    stems = set()
    for row in rows:
        document = corpus / row["file"]
        assert document.is_file()
        beside = document.with_name(document.stem + ".facts.json")
        assert beside.read_bytes() == (corpus / row["gold"]).read_bytes()
        level_folder, unit_folder, _ = Path(row["file"]).parts
        assert level_folder == ascii_slug(row["level"]) and unit_folder.endswith(ascii_slug(row["unit"]))
        stems.add(document.stem)
    assert len(stems) == len(rows)  # unique names: predictions pair with gold by file name
    assert sorted(p.stem for p in (corpus / "gold").glob("*.json")) == sorted(stems)
    assert not list(corpus.glob("*.json"))  # nothing at the top that score.py could take for gold


def test_docx_share_decides_formats_only(tmp_path: Path) -> None:
    write_corpus(tmp_path / "txt", Options(units=2, seed=3, docx_share=0.0))
    write_corpus(tmp_path / "docx", Options(units=2, seed=3, docx_share=1.0))
    assert {r["format"] for r in manifest(tmp_path / "txt")} == {"txt"}
    assert {r["format"] for r in manifest(tmp_path / "docx")} == {"docx"}
    gold_txt = sorted(p.read_text(encoding="utf-8").replace(".txt", "") for p in (tmp_path / "txt" / "gold").iterdir())
    gold_docx = sorted(p.read_text(encoding="utf-8").replace(".docx", "") for p in (tmp_path / "docx" / "gold").iterdir())
    assert gold_txt == gold_docx


def test_refuses_a_non_empty_folder_and_replaces_only_an_old_corpus(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(SynthError):
        write_corpus(foreign, Options(units=1), force=True)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "giữ nguyên"

    out = tmp_path / "corpus"
    write_corpus(out, Options(units=3, seed=1))
    (out / "keep.md").write_text("ghi chú", encoding="utf-8")
    with pytest.raises(SynthError):
        write_corpus(out, Options(units=1, seed=2))
    write_corpus(out, Options(units=1, seed=2), force=True)
    assert len(manifest(out)) == 5 and len(list((out / "gold").glob("*.json"))) == 5
    assert (out / "keep.md").is_file()


def test_command_line(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    result = runner.invoke(app, ["synth", "--units", "1", "--seed", "7", "--docx-share", "0", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Đã ghi 5 văn bản" in result.stdout and "gold" in result.stdout
    again = runner.invoke(app, ["synth", "--units", "1", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert "score.py" in runner.invoke(app, ["synth", "--help"]).stdout
