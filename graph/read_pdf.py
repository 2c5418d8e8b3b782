"""A PDF's text layer; a scanned PDF without one is refused, not read as an empty document.

Page furniture is dropped: bare page numbers, and lines repeated at the top or bottom of
most pages (running headers and footers). Hard-wrapped lines are left for the cleanse
step, which joins a line that does not end a sentence with a lower-case continuation.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

from cchc.errors import InputFileError
from cchc.resources import read_text

_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$|^\s*Trang\s+\d+(?:\s*/\s*\d+)?\s*$", re.IGNORECASE)


def pdf_text(data: bytes, where: Path | str) -> str:
    """pypdf's own bounds (decompressed stream sizes, recursion) become one-line errors
    naming the file, like any other defect of the file: one bad PDF never stops a batch."""
    max_pages = json.loads(read_text("cchc.graph", "data/read_limits.json"))["pdf_max_pages"]
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > max_pages:
            raise InputFileError(where, f"PDF có quá nhiều trang ({len(reader.pages)}, tối đa {max_pages})")
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
    except LimitReachedError:
        raise InputFileError(where, "PDF giải nén ra quá lớn (vượt giới hạn an toàn): có thể là tệp độc hại") from None
    except RecursionError:
        raise InputFileError(where, "PDF lồng cấu trúc quá sâu: có thể là tệp độc hại") from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as error:
        raise InputFileError(where, f"tệp PDF bị hỏng ({error.__class__.__name__})") from None
    if not any(line.strip() for page in pages for line in page):
        raise InputFileError(where, "PDF không có lớp văn bản, cần nhận dạng ký tự (OCR) trước")
    return "\n".join(_without_furniture(pages))


def _without_furniture(pages: list[list[str]]) -> list[str]:
    edges: Counter[str] = Counter()
    for page in pages:
        content = [line.strip() for line in page if line.strip()]
        edges.update(set(content[:2] + content[-2:]))
    repeated = {line for line, count in edges.items() if len(pages) >= 3 and count >= len(pages) * 0.6}
    lines: list[str] = []
    for page in pages:
        for line in page:
            if _PAGE_NUMBER.match(line) or line.strip() in repeated:
                continue
            lines.append(line)
    return lines
