"""--encoding that turns a good document into garbage is refused; the stored text stays."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.encodings import odd_word_share

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"
runner = CliRunner()


def test_vietnamese_reads_as_vietnamese_and_garbage_does_not() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert odd_word_share(text) < 0.01
    assert odd_word_share(SAMPLE.read_bytes().decode("latin-1")) > 0.3  # UTF-8 bytes read as Latin-1


def test_a_wrong_encoding_is_refused_and_the_store_kept(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "kho")]
    assert runner.invoke(app, ["ingest", str(SAMPLE), *store]).exit_code == 0
    before = runner.invoke(app, ["export", "--format", "nq", *store]).stdout
    for encoding in ("tcvn3", "vni"):
        result = runner.invoke(app, ["ingest", str(SAMPLE), "--encoding", encoding, *store])
        assert result.exit_code == 2
        assert f"giải mã theo {encoding} không ra tiếng Việt" in result.stderr
    assert runner.invoke(app, ["export", "--format", "nq", *store]).stdout == before
