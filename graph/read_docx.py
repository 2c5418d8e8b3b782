"""A .docx as plain text in the corpus conventions: paragraphs and tables in body order.

Word keeps automatic numbering ("Điều 5.", "a)", "đ)") outside the paragraph text, so
python-docx's ``paragraph.text`` loses it; it is rendered here from ``w:numPr`` and the
numbering definitions, with Vietnamese letters for ``lowerLetter`` (a, b, c, d, đ, e …).
Footnotes are marked at their anchor as ⁽n⁾ and listed after a final ``---`` line.
Tables of three or more columns become one row per line with cells joined by " | ";
narrower tables (header and signature layouts) are unrolled cell by cell. A paragraph
that is bold throughout is written as a Markdown ``**heading**``.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from cchc.errors import InputFileError
from cchc.graph.numbering import point_letter, roman
from cchc.resources import read_text

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@cache
def _limits() -> dict[str, int]:
    return json.loads(read_text("cchc.graph", "data/read_limits.json"))


def _check_unpacked_size(data: bytes, where: Path | str) -> None:
    """Refuse a zip that inflates beyond the limit, counting while inflating: the sizes a
    zip declares can lie, and python-docx would read every part into memory."""
    limits = _limits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > limits["docx_max_parts"]:
                raise InputFileError(where, f"tệp .docx có quá nhiều phần ({len(members)}, tối đa {limits['docx_max_parts']})")
            total = 0
            for member in members:
                with archive.open(member) as part:
                    while chunk := part.read(1 << 20):
                        total += len(chunk)
                        if total > limits["docx_max_unpacked_bytes"]:
                            raise InputFileError(
                                where, f"tệp .docx giải nén ra quá lớn (hơn {limits['docx_max_unpacked_bytes'] // 2**20} MB): có thể là tệp độc hại"
                            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise InputFileError(where, "tệp .docx bị hỏng hoặc bị cắt cụt") from None


def docx_text(data: bytes, where: Path | str) -> str:
    _check_unpacked_size(data, where)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise InputFileError(where, "tệp .docx bị hỏng hoặc bị cắt cụt") from None
    numbering = _Numbering.from_document(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph_text(block, numbering))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    notes = _footnotes(document)
    if notes:
        lines += ["", "---", *(f"{number}. {text}" for number, text in notes)]
    return "\n".join(lines)


# --- numbering -------------------------------------------------------------------------


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return point_letter(n)
    if fmt == "upperLetter":
        return point_letter(n, upper=True)
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "bullet":
        return "-"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: 0 never restarts ("Điều" across chapters)
    bold: bool = False


@dataclass
class _Numbering:
    """Numbering definitions and the running counters of one document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNum → ilvl → n
    by_style: dict[str | None, object] = field(default_factory=dict)  # style id → its numPr

    @classmethod
    def from_document(cls, document) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str | None, dict[int, _Level]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl")))] = _Level(
                    start=int(_val(lvl, "w:start") or 1),
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                    restart=int(restart) if (restart := _val(lvl, "w:lvlRestart")) is not None else None,
                    bold=lvl.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract_id = _val(num, "w:abstractNumId")
            levels = {k: _Level(v.start, v.fmt, v.text, v.restart, v.bold) for k, v in abstract.get(abstract_id, {}).items()}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl")))
                start = _val(override, "w:startOverride")
                if start and ilvl in levels:
                    levels[ilvl].start = int(start)
            numbering.levels[num_id] = levels
            numbering.abstract_of[num_id] = abstract_id or num_id
        return numbering

    def is_bold(self, num_id: str, ilvl: int) -> bool:
        return self.levels.get(num_id, {}).get(ilvl, _Level()).bold

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart > 0 and ilvl < restart):
                del counters[deeper]  # a new "1." restarts its "a)"
        text = levels[ilvl].text
        for level in range(ilvl, -1, -1):
            value = counters.get(level, levels.get(level, _Level()).start)
            text = text.replace(f"%{level + 1}", _format(value, levels.get(level, _Level()).fmt))
        return text


def _val(node, tag: str) -> str | None:
    child = node.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _num_pr(paragraph: Paragraph, numbering: _Numbering):
    """The paragraph's own numbering, else its style's (looked up once per style)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style_id = paragraph._p.style  # None: the default paragraph style
    if style_id not in numbering.by_style:
        # python-docx finds a style by scanning every style of the document, and the
        # default one on each call: 85% of reading time for a long .docx when asked per
        # paragraph.
        numbering.by_style[style_id] = _style_num_pr(paragraph.style)
    return numbering.by_style[style_id]


def _style_num_pr(style):
    while style is not None:
        style_ppr = style.element.pPr
        if style_ppr is not None and style_ppr.numPr is not None:
            return style_ppr.numPr
        style = style.base_style
    return None


def displayed_paragraphs(document) -> list[tuple[Paragraph, str]]:
    """The body's paragraphs with their text as Word shows it, numbers included, for the
    checks that open a generated .docx."""
    numbering = _Numbering.from_document(document)
    return [(block, _displayed(block, numbering)[0]) for block in document.iter_inner_content() if isinstance(block, Paragraph)]


def _paragraph_text(paragraph: Paragraph, numbering: _Numbering) -> str:
    text, label_bold = _displayed(paragraph, numbering)
    runs = [r for r in paragraph.runs if r.text.strip()]
    if ((runs and all(r.bold for r in runs)) or label_bold) and text.strip():
        text = f"**{text.strip()}**"
    return text


def _displayed(paragraph: Paragraph, numbering: _Numbering) -> tuple[str, bool]:
    """The text with its number, and whether only a bold number shows."""
    parts: list[str] = []
    for node in paragraph._p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:footnoteReference"):
            parts.append(f"⁽{node.get(qn('w:id')).translate(_SUPERSCRIPT)}⁾")
        else:
            parts.append(" ")
    text = "".join(parts)
    num_pr = _num_pr(paragraph, numbering)
    label_bold = False
    if num_pr is not None and num_pr.numId is not None:
        # Word numbers, and counts, an empty paragraph too: "Chương II" alone on its line.
        num_id, ilvl = str(num_pr.numId.val), int(num_pr.ilvl.val if num_pr.ilvl is not None else 0)
        label = numbering.label(num_id, ilvl)
        if label:
            label_bold = not text.strip() and numbering.is_bold(num_id, ilvl)
            text = f"{label} {text.lstrip()}" if text.strip() else label
    return text, label_bold


# --- tables and footnotes --------------------------------------------------------------


def _cell_text(cell) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _table_lines(table: Table) -> list[str]:
    rows = table.rows
    width = max((len(r.cells) for r in rows), default=0)
    lines: list[str] = []
    if width >= 3:
        for row in rows:
            cells = row.cells  # a merged cell is repeated in every grid column it spans
            if len({id(c._tc) for c in cells}) == 1:  # one cell across the row: a group row
                lines.append(_cell_text(cells[0]))
            else:
                lines.append(" | ".join(_cell_text(c) for c in cells))
        return lines
    for row in rows:
        for cell in row.cells:
            lines.extend(p.text for p in cell.paragraphs)
            lines.append("")
    return lines


def _footnotes(document) -> list[tuple[str, str]]:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            notes = []
            for note in root.findall(qn("w:footnote")):
                if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
                notes.append((note.get(qn("w:id")), text))
            return notes
    return []
