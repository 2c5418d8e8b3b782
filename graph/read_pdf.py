"""A PDF's text layer; a scanned PDF without one is refused, not read as an empty document."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from cchc.errors import InputFileError


def pdf_text(data: bytes, where: Path | str) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise InputFileError(where, f"tệp PDF bị hỏng ({error.__class__.__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputFileError(where, "PDF không có lớp văn bản, cần nhận dạng ký tự (OCR) trước")
    return text
