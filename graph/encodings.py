"""Bytes → text for plain-text files: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3 and VNI.

Old government files still come in the 8-bit Vietnamese encodings of the .Vn (TCVN3/ABC)
and VNI fonts. Their bytes decode "successfully" as any 8-bit code page, so when a file is
not UTF-8 every candidate is decoded and the one that leaves the fewest stray Latin-1
symbols (what mojibake looks like) wins. The tables live in ``data/tcvn3.tsv`` and
``data/vni.tsv``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from pathlib import Path

from cchc.errors import InputFileError
from cchc.resources import read_text

ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf16": "utf-16", "utf-16": "utf-16",
    "cp1258": "cp1258", "windows-1258": "cp1258",
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vni": "vni", "vni-windows": "vni",
}
_VIETNAMESE = set(unicodedata.normalize("NFC", "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ"))
_WORD = re.compile(r"\w+")


@cache
def _table(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in read_text("cchc.graph", f"data/{name}.tsv").splitlines():
        if line and not line.startswith("#"):
            raw, char = line.split("\t")
            table[bytes.fromhex(raw).decode("latin-1")] = char
    return table


@cache
def _vni_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in sorted(_table("vni"), key=len, reverse=True)))


def _capitalised(word: str) -> bool:
    """A word typed in .VnTimeH capitals: two or more ASCII capitals and no ASCII lower
    case, with a Vietnamese letter that came back in lower case ("CHế")."""
    letters = [c for c in word if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not word.isupper()


def _capitalise_vn_h(text: str) -> str:
    """.VnTimeH capitals reuse the lowercase codes: a word typed in capitals comes back as
    "CHế"; make such words upper case again, and a whole line of them ("QUYếT địNH").
    A title-case word ("Số:", one ASCII capital) is left as written: the document number
    that follows it must survive."""
    lines = []
    for line in text.split("\n"):
        words = _WORD.findall(line)
        ascii_words = [w for w in words if any(c.isascii() and c.isalpha() for c in w)]
        evidence = any(_capitalised(w) for w in words)
        if evidence and all(not any(c.isascii() and c.islower() for c in w) for w in ascii_words):
            lines.append(line.upper())
        else:
            lines.append(_WORD.sub(lambda m: m.group(0).upper() if _capitalised(m.group(0)) else m.group(0), line))
    return "\n".join(lines)


def _decode_legacy(data: bytes, codec: str) -> str:
    latin = data.decode("latin-1")
    if codec == "tcvn3":
        table = _table("tcvn3")
        return _capitalise_vn_h("".join(table.get(ch, ch) for ch in latin))
    table = _table("vni")
    return _vni_pattern().sub(lambda m: table[m.group(0)], latin)


def _decode(data: bytes, codec: str) -> str:
    if codec in ("tcvn3", "vni"):
        return _decode_legacy(data, codec)
    return data.decode(codec)


def _mojibake(text: str) -> int:
    """Characters between U+0080 and U+024F that are not Vietnamese letters."""
    return sum(1 for ch in text if "\x80" <= ch <= "\u024f" and ch not in _VIETNAMESE)


# A Vietnamese syllable carries at most one tone mark; decoding with the wrong table
# scatters accented letters (and symbols) through words. Above this share of accented
# words, the decoding is wrong.
MAX_ODD_WORDS = 0.05
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_LETTERS = re.compile(r"[^\W\d_]+")


def odd_word_share(text: str) -> float:
    """Share of the words with letters beyond ASCII that no Vietnamese syllable could be:
    two tone marks, or a letter of the Latin-1/Latin-A ranges Vietnamese does not use."""
    accented = odd = 0
    for word in _LETTERS.findall(text):
        if word.isascii():
            continue
        accented += 1
        tones = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
        if tones > 1 or _mojibake(unicodedata.normalize("NFC", word)):
            odd += 1
    return odd / accented if accented else 0.0


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _binary(data: bytes) -> bool:
    """A NUL anywhere, or control bytes over 5% of the file: the whole file is looked at,
    since a text header over a binary body would otherwise pass."""
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, _CONTROLS))
    return controls > len(data) * 0.05


# A UTF-8 file with a few stray bytes (a copy cut mid-character, one pasted Latin-1
# letter) is still UTF-8: read as a legacy code page, all of its Vietnamese would be lost.
MAX_STRAY_BYTES = 8


def stray_bytes(data: bytes) -> list[int]:
    """Offsets of the bytes that are not valid UTF-8, up to one past the limit."""
    offsets: list[int] = []
    start = 0
    while len(offsets) <= MAX_STRAY_BYTES:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            offsets.append(start + error.start)
            start += error.end
    return offsets


def _utf8_with_stray_bytes(data: bytes, error: UnicodeDecodeError) -> tuple[str, str, bool, str] | None:
    offsets = stray_bytes(data)
    if len(offsets) > MAX_STRAY_BYTES:
        return None
    text = data.decode("utf-8", errors="replace")
    if odd_word_share(text) > MAX_ODD_WORDS:
        return None
    shown = ", ".join(str(o) for o in offsets)
    return text, "utf-8", False, f"đọc theo UTF-8; {len(offsets)} byte không hợp lệ (vị trí {shown}) được thay bằng “�”"


def decode_text(data: bytes, where: Path | str, encoding: str | None = None) -> tuple[str, str, bool, str]:
    """(text, encoding used, whether it was guessed, a note for the reader or "")."""
    if encoding:
        codec = ALIASES.get(encoding.lower())
        if codec is None:
            raise InputFileError(where, f"bảng mã không hỗ trợ: {encoding} (chọn: utf-8, utf-16, cp1258, tcvn3, vni)")
        try:
            text = _decode(data, codec)
        except UnicodeDecodeError as error:
            raise InputFileError(where, f"không giải mã được theo {encoding} (byte {error.start})") from None
        odd = odd_word_share(text)
        if odd > MAX_ODD_WORDS:  # a good document turned into garbage must not replace the stored one
            raise InputFileError(
                where, f"giải mã theo {encoding} không ra tiếng Việt ({odd:.0%} từ có dấu sai); bỏ --encoding để tự nhận bảng mã"
            )
        return text, codec, False, ""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig", False, ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16", False, ""
    if _binary(data):
        raise InputFileError(where, "tệp nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8"), "utf-8", False, ""
    except UnicodeDecodeError as error:
        mended = _utf8_with_stray_bytes(data, error)
        if mended is not None:
            return mended
    candidates = []
    for codec in ("cp1258", "vni", "tcvn3"):
        try:
            text = _decode(data, codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_mojibake(unicodedata.normalize("NFC", text)), codec, text))
    if not candidates:
        raise InputFileError(where, "không nhận ra bảng mã; hãy chỉ định --encoding")
    _, codec, text = min(candidates, key=lambda c: c[0])
    return text, codec, True, ""
