"""The document model as a .docx in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I.

Everything is explicit formatting on Word's built-in styles, so the file looks the same
in Word, LibreOffice and WPS: A4, the decree's margins, Times New Roman, the header as a
borderless two-column table with rules drawn as paragraph borders sized to the line above
them, Word's own numbering for Chương, Điều and khoản (``docx_numbering.py``), and page
numbers centred in the top margin from page 2. Measurements come from ``layout.py``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import deepcopy

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from cchc.generators import layout
from cchc.generators.document_model import Article, Chapter, Document, Item, Section, Table
from cchc.generators.docx_numbering import TextNumbering
from cchc.generators.docx_package import clean_package
from cchc.generators.vietnamese import BLANK, long_date, lower_first

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _fonts(rpr_parent, size: float | None = None) -> None:
    """Times New Roman for every script slot, so Vietnamese never falls back to another font."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), layout.FONT)


# python-docx's property setters search the element's children for each attribute: a
# draft's thousand runs and paragraphs spent most of its time there. The properties of a
# run or paragraph are built once per combination and copied.
_RUN_PROPERTIES: dict[tuple, object] = {}
_PARAGRAPH_PROPERTIES: dict[tuple, object] = {}


def _run(paragraph: Paragraph, text: str, size: float, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    key = (size, bold, italic)
    if key in _RUN_PROPERTIES:
        run._r.insert(0, deepcopy(_RUN_PROPERTIES[key]))
        return run
    run.bold = bold
    run.italic = italic
    run.font.size = Pt(size)
    run.font.name = layout.FONT
    _fonts(run._r)
    _RUN_PROPERTIES[key] = deepcopy(run._r.rPr)
    return run


def _format(paragraph: Paragraph, align=JUSTIFY, indent: bool = False, before: float = 0, after: float = 0, keep: bool = False) -> Paragraph:
    key = (align, indent, before, after, keep)
    if paragraph._p.pPr is None and key in _PARAGRAPH_PROPERTIES:
        paragraph._p.insert(0, deepcopy(_PARAGRAPH_PROPERTIES[key]))
        return paragraph
    fresh = paragraph._p.pPr is None
    _set_format(paragraph, align, indent, before, after, keep)
    if fresh:
        _PARAGRAPH_PROPERTIES[key] = deepcopy(paragraph._p.pPr)
    return paragraph


def _set_format(paragraph: Paragraph, align, indent: bool, before: float, after: float, keep: bool) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(layout.FIRST_LINE_INDENT_CM) if indent else Cm(0)
    fmt.left_indent = Cm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = layout.LINE_SPACING if align in (JUSTIFY,) or indent else 1.0
    fmt.keep_with_next = keep


def _rule(paragraph: Paragraph, available_cm: float, length_cm: float) -> None:
    """A rule as the top border of an empty, centred, near-zero-height paragraph."""
    side = max(0.0, (available_cm - length_cm) / 2)
    fmt = paragraph.paragraph_format
    fmt.alignment = CENTER
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(3)  # the rule sits a little below the line, not on its descenders
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.append(borders)
    _run(paragraph, "", 1)


def _rule_under(container, text: str, size: float, bold: bool, available_cm: float, kind: str) -> None:
    low, high = layout.rule_fraction(kind)
    line = min(layout.text_width_cm(text, size, bold), available_cm)
    _rule(container.add_paragraph(), available_cm, line * (low + high) / 2)


def _no_borders(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    tbl_pr.append(borders)


def _fixed_widths(table: DocxTable, widths_cm: list[float] | tuple[float, ...]) -> None:
    table.autofit = False
    layout_node = OxmlElement("w:tblLayout")
    layout_node.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout_node)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)


def _whole_row(row) -> None:
    """A row Word never breaks across two pages."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _cell_paragraph(cell: _Cell, first: list[bool]) -> Paragraph:
    """The cell's first (empty) paragraph once, new ones after."""
    if first[0]:
        first[0] = False
        return cell.paragraphs[0]
    return cell.add_paragraph()


# Paragraph styles of the numbered parts; all but "Khoản" carry an outline level, so
# Word's navigation pane and LibreOffice's Navigator list the chapters, parts and
# articles, and a drafter adds an article by applying "Điều". They look like Normal; the
# runs carry the bold.
PART_STYLES: dict[str, int | None] = {"Chương": 0, "Mục": 0, "Điều": 1, "Khoản": None}


def _part_style(doc, name: str, level: int | None) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.next_paragraph_style = doc.styles["Normal"]
    style.quick_style = True
    if level is not None:
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level))
        style.element.get_or_add_pPr().append(outline)


class _Writer:
    def __init__(self) -> None:
        self.doc = new_docx()
        self.part_styles: dict[str, str] = {}
        self._setup()

    # --- page and styles ---------------------------------------------------------------

    def _setup(self) -> None:
        section = self.doc.sections[0]
        self._page(section)
        normal = self.doc.styles["Normal"]
        normal.font.name = layout.FONT
        normal.font.size = Pt(layout.SIZE["body"])
        _fonts(normal.element)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "vi-VN")
        normal.element.get_or_add_rPr().append(lang)
        normal.paragraph_format.space_after = Pt(0)
        self.doc.core_properties.language = "vi-VN"
        for name, level in PART_STYLES.items():
            _part_style(self.doc, name, level)

    def _page(self, section) -> None:
        section.page_width = Mm(layout.PAGE_MM[0])
        section.page_height = Mm(layout.PAGE_MM[1])
        section.top_margin = Mm(layout.MARGINS_MM["top"])
        section.bottom_margin = Mm(layout.MARGINS_MM["bottom"])
        section.left_margin = Mm(layout.MARGINS_MM["left"])
        section.right_margin = Mm(layout.MARGINS_MM["right"])
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True  # no number on page 1
        header = section.header
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        _format(paragraph, CENTER)
        self._page_field(paragraph)

    def _page_field(self, paragraph: Paragraph) -> None:
        run = _run(paragraph, "", layout.SIZE["page_number"])
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                node = OxmlElement("w:fldChar")
                node.set(qn("w:fldCharType"), kind)
            else:
                node = OxmlElement("w:instrText")
                node.set(qn("xml:space"), "preserve")
                node.text = text
            run._r.append(node)

    def new_section(self) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._page(section)
        number_type = OxmlElement("w:pgNumType")
        number_type.set(qn("w:start"), "1")
        section._sectPr.append(number_type)

    # --- blocks ------------------------------------------------------------------------

    def paragraph(self, text: str = "", align=JUSTIFY, indent: bool = True, bold: bool = False, italic: bool = False,
                  size: float | None = None, before: float = 0, after: float = layout.PARAGRAPH_SPACING_PT, keep: bool = False) -> Paragraph:
        paragraph = _format(self.doc.add_paragraph(), align, indent, before, after, keep)
        if text:
            _run(paragraph, text, size or layout.SIZE["body"], bold, italic)
        return paragraph

    def header(self, doc: Document) -> None:
        head = doc.header
        rows = 2 if head.show_number else 1
        table = self.doc.add_table(rows=rows, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        _fixed_widths(table, layout.HEADER_COLUMNS_CM)
        left, right = table.rows[0].cells
        left_width, right_width = (w - 0.4 for w in layout.HEADER_COLUMNS_CM)  # cell margins
        first = [True]
        if head.superior:
            p = _format(_cell_paragraph(left, first), CENTER)
            _run(p, head.superior.upper(), layout.SIZE["superior"])
        lines = [head.issuer.upper()] if head.superior else layout.split_issuer(head.issuer)
        for line in lines:
            _run(_format(_cell_paragraph(left, first), CENTER), line, layout.SIZE["issuer"], bold=True)
        _rule_under(left, max(lines, key=len), layout.SIZE["issuer"], True, left_width, "issuer")
        national = _format(right.paragraphs[0], CENTER)
        _run(national, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", layout.SIZE["national"], bold=True)
        motto_text = "Độc lập - Tự do - Hạnh phúc"
        _run(_format(right.add_paragraph(), CENTER), motto_text, layout.SIZE["motto"], bold=True)
        _rule_under(right, motto_text, layout.SIZE["motto"], True, right_width, "motto")
        if head.show_number:
            left, right = table.rows[1].cells
            number = _format(left.paragraphs[0], CENTER, before=4)
            _run(number, f"Số: {head.number or BLANK}/{head.code}", layout.SIZE["number"])
            place = _format(right.paragraphs[0], CENTER, before=4)
            _run(place, f"{head.place}, {long_date(head.date, head.year)}", layout.SIZE["place_date"], italic=True)

    def heading(self, doc: Document) -> None:
        self.paragraph(doc.kind_title, CENTER, False, bold=True, size=layout.SIZE["kind"], before=12, after=0, keep=True)
        self.paragraph(doc.title, CENTER, False, bold=True, size=layout.SIZE["title"], after=0, keep=True)
        last, size, italic = doc.title, layout.SIZE["title"], False
        if doc.promulgation:
            self.paragraph(doc.promulgation, CENTER, False, italic=True, size=layout.SIZE["body"], after=0, keep=True)
            last, italic = doc.promulgation, True
        low, high = layout.rule_fraction("title")
        line = min(layout.text_width_cm(last, size, not italic), layout.TEXT_WIDTH_CM)
        rule = self.doc.add_paragraph()
        _rule(rule, layout.TEXT_WIDTH_CM, line * (low + high) / 2)
        rule.paragraph_format.space_after = Pt(12)
        if doc.authority:
            self.paragraph(doc.authority, CENTER, False, bold=True, before=6, after=6)
        for basis in doc.bases:
            self.paragraph(basis, JUSTIFY, True, italic=True)
        if doc.decides:
            self.paragraph(doc.decides, CENTER, False, bold=True, before=6, after=6)
        for text in doc.preamble:
            self.paragraph(text)

    def _numbered(self, paragraph: Paragraph, style: str, family: str, ilvl: int = 0) -> Paragraph:
        # python-docx looks a style up, and the default style, by scanning every style on
        # each assignment (a third of a draft's time): the id is looked up once and set.
        if style not in self.part_styles:
            self.part_styles[style] = self.doc.styles[style].style_id
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self.part_styles[style]
        self.numbering.number(paragraph, family, ilvl)
        return paragraph

    def items(self, items: Sequence[Item | Table], parent: str = "") -> None:
        """Khoản right under an article or a section are Word-numbered in its list; deeper
        ones, điểm and dashes keep their literal labels."""
        for item in items:
            if isinstance(item, Table):
                self.table(item)
                continue
            if parent and item.kind == "clause":
                self._numbered(self.paragraph(item.text), "Khoản", parent, 1)
            else:
                self.paragraph(f"{item.label} {item.text}" if item.label else item.text)
            self.items(item.children)

    def article(self, article: Article) -> None:
        blocks = list(article.blocks)
        paragraph = self._numbered(self.paragraph(keep=bool(article.title)), "Điều", "article")
        if article.title:
            _run(paragraph, article.title, layout.SIZE["body"], bold=True)
        elif blocks and isinstance(first := blocks[0], Item) and first.kind == "paragraph":
            blocks.pop(0)
            _run(paragraph, first.text, layout.SIZE["body"])
        self.items(blocks, "article")

    def body(self, doc: Document, main: bool) -> None:
        self.numbering = TextNumbering(self.doc, main)
        for part in doc.body:
            if isinstance(part, Chapter):
                self._numbered(self.paragraph("", CENTER, False, bold=True, before=6, after=0, keep=True), "Chương", "chapter")
                self.paragraph(part.title.upper(), CENTER, False, bold=True, keep=True)
                for article in part.articles:
                    self.article(article)
            elif isinstance(part, Article):
                self.article(part)
            elif isinstance(part, Section):
                self._numbered(self.paragraph(part.title.upper(), bold=True, keep=True), "Mục", "section")
                self.items(part.blocks, "section")

    def table(self, data: Table) -> None:
        table = self.doc.add_table(rows=1 + len(data.rows), cols=len(data.header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if data.widths:
            _fixed_widths(table, data.widths)
        header_row = table.rows[0]
        tr_pr = header_row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for cell, text in zip(header_row.cells, data.header):
            _run(_format(cell.paragraphs[0], CENTER, before=2, after=2), text, layout.SIZE["table"], bold=True)
        for row, values in zip(table.rows[1:], data.rows):
            _whole_row(row)  # a task is read on one page
            for index, (cell, text) in enumerate(zip(row.cells, values)):
                align = CENTER if index in (0, 4) else LEFT
                _run(_format(cell.paragraphs[0], align, before=2, after=2), text, layout.SIZE["table"])
        self.paragraph(after=0)

    def closing(self, doc: Document) -> None:
        if doc.signature is None and not doc.recipients:
            return
        # The last paragraph of the text goes to the signature's page, and the signature
        # block never splits across two pages.
        last = self.doc.paragraphs[-1] if self.doc.paragraphs else None
        if last is not None:
            last.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=2)
        _no_borders(table)
        _fixed_widths(table, layout.SIGNATURE_COLUMNS_CM)
        _whole_row(table.rows[0])
        left, right = table.rows[0].cells
        if doc.recipients:
            title = _format(left.paragraphs[0], LEFT, before=6)
            _run(title, "Nơi nhận:", layout.SIZE["recipients_title"], bold=True, italic=True)
            for recipient in doc.recipients:
                _run(_format(left.add_paragraph(), LEFT), f"- {recipient}", layout.SIZE["recipients"])
        if doc.signature:
            first = [True]
            sig = doc.signature
            for text in sig.lines():
                if text:
                    _run(_format(_cell_paragraph(right, first), CENTER, before=6 if first else 0), text, layout.SIZE["signature"], bold=True)
            for _ in range(4):  # room for the signature and the seal
                _format(_cell_paragraph(right, first), CENTER)
            if sig.name:
                _run(_format(_cell_paragraph(right, first), CENTER), sig.name, layout.SIZE["signature"], bold=True)

    def document(self, doc: Document, first: bool, main: bool) -> None:
        if not first:
            self.new_section()
        self.header(doc)
        self.heading(doc)
        self.body(doc, main)
        self.closing(doc)


def render_docx(documents: list[Document]) -> bytes:
    """One .docx; a decision's attached text starts a new section with its own page count."""
    writer = _Writer()
    texts = [text for document in documents for text in document.texts()]
    for index, text in enumerate(texts):
        # The styles number the main text: the Quy chế a decision promulgates, else the text.
        writer.document(text, first=index == 0, main=text is (documents[0].attachment or documents[0]))
    main = documents[0]
    clean_package(writer.doc, f"{main.kind_title.capitalize()} {lower_first(main.title)}".strip(), main.header.issuer, main.header.date, main.header.year)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()
