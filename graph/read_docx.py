"""A .docx as plain text in the corpus conventions: paragraphs and tables in body order.

Tables of three or more columns become one row per line with cells joined by " | ";
narrower tables (header and signature layouts) are unrolled cell by cell.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from cchc.errors import InputFileError


def docx_text(data: bytes, where: Path | str) -> str:
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputFileError(where, "tệp .docx bị hỏng hoặc bị cắt cụt") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    return "\n".join(lines)


def _cell_text(cell) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _table_lines(table: Table) -> list[str]:
    rows = table.rows
    width = max((len(r.cells) for r in rows), default=0)
    lines: list[str] = []
    if width >= 3:
        for row in rows:
            lines.append(" | ".join(_cell_text(c) for c in row.cells))
        return lines
    for row in rows:
        for cell in row.cells:
            lines.extend(p.text for p in cell.paragraphs)
            lines.append("")
    return lines
