"""Files made to hurt: bounded readers, one-line errors, and a batch that goes on."""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.errors import InputFileError
from cchc.graph.file_choice import choose_files
from cchc.graph.read import read_bytes, read_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()


def _docx_bomb(unpacked_mib: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            for _ in range(unpacked_mib):
                part.write(b"0" * (1 << 20))
    return buffer.getvalue()


def _pdf_bomb() -> bytes:
    from pypdf import PdfWriter
    from pypdf.filters import ZLIB_MAX_OUTPUT_LENGTH
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(100, 100)
    stream = StreamObject()
    stream._data = zlib.compress(b"BT (x) Tj ET\n" + b" " * (ZLIB_MAX_OUTPUT_LENGTH + 10), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_docx_that_inflates_to_a_gigabyte_fails_fast_in_one_line() -> None:
    data = _docx_bomb(1024)
    assert len(data) < 2 * 2**20
    started = time.monotonic()
    with pytest.raises(InputFileError) as error:
        read_bytes(data, "bom.docx")
    assert time.monotonic() - started < 2
    assert "giải nén ra quá lớn" in str(error.value) and "\n" not in str(error.value)


def test_one_bad_pdf_never_aborts_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "lo"
    shutil.copytree(CORPUS, folder)
    (folder / "bom.pdf").write_bytes(_pdf_bomb())
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "kho")])
    assert result.exit_code == 2  # a file failed
    assert "bom.pdf" in result.stderr and len([line for line in result.stderr.splitlines() if "bom.pdf" in line]) == 1
    assert "Đã nạp 5 văn bản" in result.stdout  # the five good ones are stored


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="không phải tệp thông thường"):
        read_document(fifo)
    chosen, skipped = choose_files([tmp_path])
    assert chosen == [] and [s.path for s in skipped] == [fifo]


def test_a_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(CORPUS / "003_9a23d4ea0e0477f2.txt", folder / "ke-hoach.txt")
    (folder / "vong").symlink_to(tmp_path)
    chosen, skipped = choose_files([tmp_path])
    assert [p.name for p in chosen] == ["ke-hoach.txt"]
    assert [s.reason for s in skipped] == ["liên kết vòng tới thư mục đã duyệt, không đọc lại"]


def test_binary_after_a_text_header_is_binary() -> None:
    data = (CORPUS / "003_9a23d4ea0e0477f2.txt").read_bytes()[:20000] + b"\x00\x01\x02" * 10
    with pytest.raises(InputFileError, match="nhị phân"):
        read_bytes(data, "dau-van-ban.txt")
