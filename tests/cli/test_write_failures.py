"""A file that cannot be written is one Vietnamese line, a non-zero exit, and nothing left
behind: no empty or truncated document, no temporary file."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.writing import OutputWriteError, write_file

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "profiles" / "xa-tan-phu.yaml"
runner = CliRunner()


def _small_disk() -> None:
    """In the child: files may not grow past 8 KiB (a full disk, as the writer sees it)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_full_disk_leaves_no_file_and_says_so_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "quy-che.docx"
    result = subprocess.run(
        [sys.executable, "-m", "cchc.cli.app", "draft", "quy-che-bcd", "--profile", str(PROFILE), "--out", str(target)],
        capture_output=True, text=True, preexec_fn=_small_disk, cwd=tmp_path, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Lỗi")]
    assert errors == [f"Lỗi: {target}: không ghi được tệp (tệp vượt giới hạn kích thước được phép)"]
    assert list(tmp_path.iterdir()) == []  # neither the document nor a temporary


def test_an_old_file_survives_a_failed_rewrite(tmp_path: Path) -> None:
    target = tmp_path / "ma-tran.csv"
    target.write_text("bản cũ\n", encoding="utf-8")
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from pathlib import Path\n"
        "from cchc.writing import write_file, OutputWriteError\n"
        "try:\n"
        f"    write_file(Path({str(target)!r}), 'x' * 100000)\n"
        "except OutputWriteError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "không ghi được tệp" in result.stdout
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ma-tran.csv"]


def test_a_device_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    full = runner.invoke(app, ["draft", "ke-hoach", "--profile", str(PROFILE), "--out", "/dev/full"])
    assert full.exit_code == 2 and "không phải tệp thường" in full.stderr
    missing = runner.invoke(app, ["draft", "ke-hoach", "--profile", str(PROFILE), "--out", str(tmp_path / "khong" / "x.docx")])
    assert missing.exit_code == 2 and "không tồn tại" in missing.stderr


def test_write_file_names_the_file(tmp_path: Path) -> None:
    try:
        write_file(tmp_path / "khong-co" / "x.txt", "x")
    except OutputWriteError as error:
        assert str(error) == f"{tmp_path / 'khong-co' / 'x.txt'}: không ghi được tệp (thư mục không tồn tại)"
    else:
        raise AssertionError("a missing folder must fail")
