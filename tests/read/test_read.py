"""Reading files: every supported format, and a clear one-line refusal for everything else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from cchc.errors import InputFileError
from cchc.graph.read import read_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"
PARAGRAPH = "Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2024."


def cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: precomposed base letters plus combining tone marks."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + "".join(c for c in decomposed if c in tones)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_text_encodings_decode_to_the_same_nfc_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(cp1258(PARAGRAPH) if encoding == "cp1258" else PARAGRAPH.encode(encoding))
    source = read_document(path)
    assert source.text == PARAGRAPH
    assert len(source.sha256) == 64


def test_decomposed_text_is_composed(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "nfd.md"
    path.write_text(unicodedata.normalize("NFD", PARAGRAPH), encoding="utf-8")
    assert read_document(path).text == PARAGRAPH


def test_the_seed_reads_as_written() -> None:
    source = read_document(SEED)
    assert source.text == SEED.read_text(encoding="utf-8")
    assert source.format == "txt" and source.name == SEED.name


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nội dung", "Cơ quan chủ trì"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "Rà soát thủ tục", "Văn phòng HĐND và UBND"]):
        cell.text = text
    path = tmp_path / "kh.docx"
    document.save(path)
    text = read_document(path).text
    assert text.splitlines()[:3] == ["KẾ HOẠCH", "STT | Nội dung | Cơ quan chủ trì", "1 | Rà soát thủ tục | Văn phòng HĐND và UBND"]


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Document().save(buffer)
    path = tmp_path / "cut.docx"
    path.write_bytes(buffer.getvalue()[:2000])
    with pytest.raises(InputFileError, match="hỏng hoặc bị cắt cụt") as caught:
        read_document(path)
    assert "cut.docx" in str(caught.value)


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputFileError, match="OCR"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"   \n", "rỗng"),
        ("nul.txt", b"abc\x00def" * 100, "nhị phân"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "nhị phân"),
        ("table.xlsx", b"PK\x03\x04", "không hỗ trợ"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=problem):
        read_document(path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.seek(50 * 2**20)
        handle.write(b"x")
    with pytest.raises(InputFileError, match="quá lớn"):
        read_document(path)


def test_unknown_encoding_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    with pytest.raises(InputFileError, match="bảng mã không hỗ trợ"):
        read_document(path, encoding="klingon")


def test_markdown_escapes_and_line_italics_are_undone(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(
        "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*\n\n"
        "*(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026)*\n\n"
        "1\\. Mục đích\n\n"
        "\\- Như Điều 3;  \n"
        "***Nơi nhận:***\n"
        "**Điều 1.** Ban hành kèm theo *Quyết định* này\n"
        "| 1 | Điều 3 \\| khoản 2 | Phòng Nội vụ |\n",
        encoding="utf-8",
    )
    assert read_document(path).text.split("\n") == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "",
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026)",
        "",
        "1. Mục đích",
        "",
        "- Như Điều 3;  ",
        "**Nơi nhận:**",  # bold is the parser's to read through
        "**Điều 1.** Ban hành kèm theo *Quyết định* này",  # emphasis inside a line stays
        "| 1 | Điều 3 \\| khoản 2 | Phòng Nội vụ |",  # a pipe inside a cell stays escaped
        "",
    ]
    plain = tmp_path / "kh.txt"
    plain.write_text("1\\. stays as written in a text file\n", encoding="utf-8")
    assert read_document(plain).text == "1\\. stays as written in a text file\n"
