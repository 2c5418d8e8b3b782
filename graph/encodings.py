"""Bytes → text for plain-text files: BOMs, UTF-8, UTF-16 and Windows-1258.

Legacy 8-bit Vietnamese encodings (TCVN3, VNI) are not decoded yet: such a file fails the
UTF-8 and binary checks and is reported, rather than read as mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from cchc.errors import InputFileError

ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf16": "utf-16", "utf-16": "utf-16",
    "cp1258": "cp1258", "windows-1258": "cp1258",
}


def _binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls > len(sample) * 0.05


def decode_text(data: bytes, where: Path | str, encoding: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding used, whether it was guessed)."""
    if encoding:
        codec = ALIASES.get(encoding.lower())
        if codec is None:
            raise InputFileError(where, f"bảng mã không hỗ trợ: {encoding} (chọn: utf-8, utf-16, cp1258)")
        try:
            return data.decode(codec), codec, False
        except UnicodeDecodeError as error:
            raise InputFileError(where, f"không giải mã được theo {encoding} (byte {error.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16", False
    if _binary(data):
        raise InputFileError(where, "tệp nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258", True
    except UnicodeDecodeError:
        raise InputFileError(where, "không nhận ra bảng mã; hãy chỉ định --encoding") from None
