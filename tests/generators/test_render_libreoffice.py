"""LibreOffice renders the drafts (slow): PDF and page-1 PNG kept in out/ for review in CI.

Needs the Debian packages ``libreoffice-writer-nogui`` and ``fonts-liberation`` (Times New
Roman metrics via Liberation Serif); ``make test-slow`` installs them.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc.generators.drafting import make_draft
from cchc.generators.render_docx import render_docx

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "out"

pytestmark = pytest.mark.slow


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) chưa được cài: apt-get install -y libreoffice-writer-nogui fonts-liberation")
    return found


def _skeleton(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalpha())


def _convert(soffice: str, source: Path, target: str, profile_dir: Path) -> None:
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", target, "--outdir", str(OUT), str(source)],
        check=True, capture_output=True, timeout=180,
    )


@pytest.mark.parametrize("kind", ["quy-che-bcd", "ke-hoach"])
def test_libreoffice_renders_pdf_and_page_one_png(profiles, tmp_path: Path, kind: str) -> None:
    soffice = _soffice()
    OUT.mkdir(exist_ok=True)
    source = OUT / f"draft-{kind}-xa-tan-phu.docx"
    source.write_bytes(render_docx(make_draft(kind, profiles["xa-tan-phu"]).documents))
    _convert(soffice, source, "pdf", tmp_path / "lo-profile")
    pdf = source.with_suffix(".pdf")
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    # pypdf puts combining glyphs of Vietnamese out of order; the plain letters keep theirs
    first_page = _skeleton(reader.pages[0].extract_text())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "XÃ TÂN PHÚ"):
        assert _skeleton(expected) in first_page
    _convert(soffice, source, "png", tmp_path / "lo-profile")
    png = source.with_suffix(".png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", data[16:24])
    assert abs(png_height / png_width - 297 / 210) < 0.02  # page 1, A4 portrait


def test_libreoffice_numbers_articles_on_across_chapters(profiles, tmp_path: Path) -> None:
    """Word's numbering as LibreOffice shows it: each text counts its own Điều from 1, and
    the Quy chế's run on across its chapters (one list per text, chapters apart)."""
    soffice = _soffice()
    OUT.mkdir(exist_ok=True)
    source = OUT / "draft-numbering-quy-che-bcd.docx"
    source.write_bytes(render_docx(make_draft("quy-che-bcd", profiles["xa-tan-phu"]).documents))
    _convert(soffice, source, "txt:Text (encoded):UTF8", tmp_path / "lo-profile")
    lines = [line.strip() for line in source.with_suffix(".txt").read_text(encoding="utf-8-sig").splitlines()]
    numbers = [int(line.split()[1].rstrip(".")) for line in lines if line.startswith("Điều ") and line.split()[1].rstrip(".").isdigit()]
    chapters = [line for line in lines if line.startswith("Chương ")]
    restart = numbers.index(1, 1)
    assert numbers[:restart] == list(range(1, restart + 1))
    assert numbers[restart:] == list(range(1, len(numbers) - restart + 1)) and len(numbers) - restart > len(chapters)
    assert chapters[:3] == ["Chương I", "Chương II", "Chương III"]
