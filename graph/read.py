"""Read a file into a SourceText: pick the reader by suffix, refuse what is not a document.

Every refusal is an InputFileError naming the file and the problem in one line, so the CLI
can report it and leave the store untouched.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from pathlib import Path

from cchc.errors import InputFileError
from cchc.graph.encodings import decode_text
from cchc.graph.model import SourceText

MAX_BYTES = 20 * 2**20
_READERS = {".txt": "txt", ".md": "md", ".docx": "docx", ".pdf": "pdf"}
# Markdown's backslash escapes ("1\." so a number is not a list, "\-" so a dash is not a
# bullet) and emphasis around a whole line ("*Căn cứ …;*", "*(Ban hành kèm theo …)*",
# "***Nơi nhận:***"): the text a regulation's reader sees is without them.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_WRAPPED = re.compile(r"(?m)^([ \t]*)(\*{1,3})(?=[^*\s])((?:[^*\\\n]|\\.)*?[^*\s\\])(\*{1,3})([ \t]*)$")
_MAGIC = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP/Office", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"\xd0\xcf\x11\xe0": "Office 97-2003"}


def read_document(path: str | Path, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    path = Path(path)
    fmt = _READERS.get(path.suffix.lower())
    if fmt is None and not path.exists() and not path.is_symlink():
        raise InputFileError(path, "không tìm thấy tệp hoặc thư mục")
    if fmt is None:
        raise InputFileError(path, f"định dạng không hỗ trợ ({path.suffix or 'không có phần mở rộng'}); nhận .txt, .md, .docx, .pdf")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise InputFileError(path, "không phải tệp thông thường (ống dẫn, thiết bị hoặc ổ cắm)")
        size = info.st_size
        if size > max_bytes:
            raise InputFileError(path, f"tệp quá lớn ({size / 2**20:.0f} MB, tối đa {max_bytes / 2**20:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise InputFileError(path, "là một thư mục, không phải tệp") from None
    except PermissionError:
        raise InputFileError(path, "không có quyền đọc tệp") from None
    except OSError as error:
        raise InputFileError(path, f"không đọc được tệp ({error.strerror or error})") from None
    return read_bytes(data, path.name, encoding=encoding, fmt=fmt, path=path)


def read_bytes(data: bytes, name: str, encoding: str | None = None, fmt: str | None = None, path: Path | None = None) -> SourceText:
    fmt = fmt or _READERS.get(Path(name).suffix.lower(), "txt")
    where = path or name
    if not data.strip():
        raise InputFileError(where, "tệp rỗng")
    warnings: list[str] = []
    if fmt == "docx":
        from cchc.graph.read_docx import docx_text

        text, used = docx_text(data, where), "utf-8"
    elif fmt == "pdf":
        from cchc.graph.read_pdf import pdf_text

        text, used = pdf_text(data, where), "utf-8"
    else:
        for magic, kind in _MAGIC.items():
            if data.startswith(magic):
                raise InputFileError(where, f"tệp nhị phân ({kind}), không phải văn bản")
        text, used, guessed, note = decode_text(data, where, encoding)
        if guessed:
            warnings.append(f"đã đoán bảng mã {used}")
        if note:
            warnings.append(note)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if fmt == "md":
        text = markdown_text(text)
    if not text.strip():
        raise InputFileError(where, "tệp không có nội dung văn bản")
    return SourceText(
        name=name,
        text=text,
        format=fmt,
        encoding=used,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=tuple(warnings),
    )


def _unwrap(match: re.Match[str]) -> str:
    indent, opening, inner, closing, trailing = match.groups()
    if len(opening) != len(closing) or len(opening) == 2:
        return match.group(0)  # "**Điều 1.**" is bold, which the parser reads through
    return f"{indent}{opening[1:]}{inner}{closing[1:]}{trailing}"


def _unescape(match: re.Match[str]) -> str:
    if match.group(1) != "|":
        return match.group(1)
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    # In a table row "\|" is a pipe inside a cell, not a cell separator: kept for the
    # table reader (graph/tasks.py), which splits on the separators only.
    return match.group(0) if text[line_start : match.start()].lstrip().startswith("|") else "|"


def markdown_text(text: str) -> str:
    """Markdown as the plain text it renders to, line for line: whole-line italics (and the
    italic of bold italics) unwrapped, backslash escapes undone.

    Italics go first, while an escaped "\\*" cannot yet be taken for emphasis. Bold ("**")
    and headings ("#") are left to the parser, which reads through them in every format.
    """
    if "*" in text:
        text = _MD_WRAPPED.sub(_unwrap, text)
    return _MD_ESCAPE.sub(_unescape, text) if "\\" in text else text
