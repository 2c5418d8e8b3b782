"""The comparison as a Word document: a landscape synoptic table, differing rows shaded.

Officials annotate and forward .docx; the table mirrors the HTML page (same rows, same
differences), each value followed by its provisions as links to the provision IRIs, then
the article-by-article alignment with deletions struck through in red and insertions
underlined in green.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from cchc.generators.compare_html import summary_of, survey_title, title_of
from cchc.generators.compare_model import Cell, Comparison, ProvisionRef, Survey

DIFFERS_FILL = "FFF2CC"
HEADER_FILL = "DDEBF7"
SECTION_FILL = "EEF1F4"
GREY = RGBColor(0x57, 0x60, 0x6A)
LINK = RGBColor(0x09, 0x69, 0xDA)


def _shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable run (python-docx has no public API for hyperlinks)."""
    if not url.startswith(("https://", "http://")):
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        return
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK))
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(colour)
    props.append(size)
    run.append(props)
    text_node = OxmlElement("w:t")
    text_node.text = text
    text_node.set(qn("xml:space"), "preserve")
    run.append(text_node)
    link.append(run)
    paragraph._p.append(link)


def _landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)


def _refs(paragraph: Paragraph, refs: list[ProvisionRef]) -> None:
    if not refs:
        return
    lead = paragraph.add_run(" — ")
    lead.font.size = Pt(8)
    for n, ref in enumerate(refs):
        if n:
            paragraph.add_run("; ").font.size = Pt(8)
        _hyperlink(paragraph, ref.label, ref.iri)


def _fill_cell(target: _Cell, cell: Cell, empty: str) -> None:
    target.text = ""
    first = target.paragraphs[0]
    if not cell.values:
        run = first.add_run(empty)
        run.italic = True
        run.font.color.rgb = GREY
        return
    for n, value in enumerate(cell.values):
        paragraph = first if n == 0 else target.add_paragraph()
        run = paragraph.add_run(value.text)
        run.bold = not value.shared
        if value.note:
            note = paragraph.add_run(f" ({value.note})")
            note.italic = True
            note.font.color.rgb = GREY
            note.font.size = Pt(9)
        _refs(paragraph, value.refs)


def _synoptic(document, comparison: Comparison) -> None:
    table = document.add_table(rows=1, cols=len(comparison.units) + 1)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for target, text in zip(header, ["Nội dung", *comparison.units]):
        target.text = text
        target.paragraphs[0].runs[0].bold = True
        _shade(target, HEADER_FILL)
    for section, rows in comparison.sections():
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = section
        merged.paragraphs[0].runs[0].bold = True
        _shade(merged, SECTION_FILL)
        for row in rows:
            cells = table.add_row().cells
            cells[0].text = ("≠ " if row.differs else "") + row.label
            cells[0].paragraphs[0].runs[0].bold = True
            for target, cell in zip(cells[1:], row.cells):
                _fill_cell(target, cell, "Không quy định")
                if row.differs:
                    _shade(target, DIFFERS_FILL)
            if row.differs:
                _shade(cells[0], DIFFERS_FILL)


def _alignments(document, comparison: Comparison) -> None:
    if not comparison.alignments:
        return
    document.add_heading("Đối chiếu điều khoản", level=2)
    document.add_paragraph(
        "Các Điều của hai văn bản cùng loại được ghép theo chủ đề. Chữ gạch bỏ màu đỏ: chỉ có ở văn bản thứ nhất; "
        "chữ gạch chân màu xanh: chỉ có ở văn bản thứ hai."
    )
    for alignment in comparison.alignments:
        document.add_heading(f"{alignment.kind_label}: {alignment.left_unit} ↔ {alignment.right_unit}", level=3)
        document.add_paragraph(f"{alignment.left_document} ↔ {alignment.right_document}").runs[0].italic = True
        for pair in alignment.pairs:
            head = document.add_paragraph()
            head.add_run(f"{pair.left.label} ({pair.left.heading}) ↔ {pair.right.label} ({pair.right.heading})").bold = True
            head.add_run(f" — tương đồng {pair.score * 100:.0f}%")
            body = document.add_paragraph()
            for n, part in enumerate(pair.diff):
                run = body.add_run(("" if n == 0 else " ") + part.text)
                if part.op == "delete":
                    run.font.strike = True
                    run.font.color.rgb = RGBColor(0x82, 0x07, 0x1E)
                elif part.op == "insert":
                    run.font.underline = True
                    run.font.color.rgb = RGBColor(0x11, 0x63, 0x29)
        for unit, articles in ((alignment.left_unit, alignment.only_left), (alignment.right_unit, alignment.only_right)):
            if articles:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"Chỉ có ở {unit}: ").bold = True
                paragraph.add_run("; ".join(f"{a.label} ({a.heading})" for a in articles))


def to_docx(comparison: Comparison) -> bytes:
    document = Document()
    _landscape(document)
    document.add_heading(title_of(comparison), level=1)
    document.add_paragraph(summary_of(comparison) + " Dòng tô màu: có khác biệt (so theo chức năng cơ quan); chữ đậm: không có ở mọi đơn vị.")
    _synoptic(document, comparison)
    _alignments(document, comparison)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def survey_to_docx(survey: Survey) -> bytes:
    document = Document()
    _landscape(document)
    document.add_heading(survey_title(survey), level=1)
    for share in survey.shares:
        document.add_paragraph(share.sentence, style="List Bullet")
    document.add_paragraph(survey.without_sentence, style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for target, text in zip(table.rows[0].cells, ("Đơn vị", "Cơ quan chủ trì")):
        target.text = text
        target.paragraphs[0].runs[0].bold = True
        _shade(target, HEADER_FILL)
    for cell in survey.cells:
        cells = table.add_row().cells
        cells[0].text = cell.unit
        _fill_cell(cells[1], cell, "Chưa quy định")
        if not cell.values:
            _shade(cells[1], DIFFERS_FILL)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
