"""TCVN3 (ABC) and VNI files, written from real text with the inverse tables, read back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc.graph.encodings import _table
from cchc.graph.read import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "\n".join(
    (ROOT / "examples" / "corpus" / "004_c9bf048497e7369c.txt").read_text(encoding="utf-8").splitlines()[:12]
)


def encode(text: str, name: str) -> bytes:
    inverse = {char: raw for raw, char in _table(name).items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        raw = char if char.isascii() else (inverse.get(char) or inverse.get(char.lower()))
        out.append(raw if raw is not None else "?")
    return "".join(out).encode("latin-1")


@pytest.mark.parametrize("name", ["vni", "tcvn3"])
def test_legacy_file_is_detected_and_decoded(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(SAMPLE, name))
    source = read_document(path)
    assert source.encoding == name
    if name == "vni":
        assert source.text == SAMPLE
    else:  # toned capitals share the lowercase codes in TCVN3; words in capitals are restored
        assert source.text.lower() == SAMPLE.lower()
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" in source.text
    assert read_document(path, encoding=name).text == source.text


def test_tables_cover_every_vietnamese_letter() -> None:
    letters = set(unicodedata.normalize("NFC", "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"))
    assert letters <= set(_table("vni").values())
    assert letters <= set(_table("tcvn3").values())
    assert {c.upper() for c in letters} <= set(_table("vni").values())


def test_title_case_survives_tcvn3_so_the_number_does(tmp_path: Path) -> None:
    """ "Số:" has one ASCII capital: a title-case word, not a word in .VnTimeH capitals."""
    path = tmp_path / "so.txt"
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nĐiều 1. Phạm vi điều chỉnh\nVề việc thực hiện cải cách hành chính năm 2026 của tỉnh."
    path.write_bytes(encode(text, "tcvn3"))
    read = read_document(path, encoding="tcvn3").text.splitlines()
    assert read[1] == "Số: 12/KH-UBND"
    assert read[3].startswith("Về việc thực hiện")
    assert read[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_one_stray_byte_keeps_a_utf8_document_utf8(tmp_path: Path) -> None:
    data = (ROOT / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt").read_bytes()
    path = tmp_path / "mot-byte.txt"
    path.write_bytes(data[:500] + b"\xff" + data[500:])
    source = read_document(path)
    assert source.encoding == "utf-8"
    assert any("1 byte không hợp lệ (vị trí 500)" in w for w in source.warnings)
    assert source.text.replace("\ufffd", "") == data.decode("utf-8")
