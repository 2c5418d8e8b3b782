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
