"""Every KIND for every example profile, opened with python-docx and held to NĐ 30/2020.

Page size and margins, Times New Roman, the borderless header table with its rules, sizes
and emphasis of each element, căn cứ punctuation, numbering (Word's for Chương, Điều and
khoản, literal Vietnamese point letters), Nơi nhận and signature, page numbers from page 2.
"""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from cchc.generators import layout
from cchc.generators.builders import KINDS
from cchc.graph.numbering import VIETNAMESE_LETTERS as POINT_LETTERS
from cchc.graph.read_docx import displayed_paragraphs

PROFILE_NAMES = ["huyen-my-xuyen", "phuong-hoa-khanh", "tinh-quang-ngai", "xa-tan-phu"]
CASES = [(p, k) for p in PROFILE_NAMES for k in KINDS]
CM_EMU = 360000
DATE = re.compile(r"^[^,]+, ngày(?: (?:0[1-9]|[12]\d|3[01]) |\s+)tháng(?: (?:0[12]|[3-9]|1[0-2]) |\s+)năm \d{4}$")


def size(run, paragraph: Paragraph) -> float:
    value = run.font.size or paragraph.style.font.size
    return value.pt


def text_runs(paragraph: Paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def rule_length_cm(paragraph: Paragraph, available_cm: float) -> float | None:
    """Length of a rule drawn as a paragraph's top border, or None when it has none."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.find(qn("w:pBdr")) is None or ppr.find(qn("w:pBdr")).find(qn("w:top")) is None:
        return None
    fmt = paragraph.paragraph_format
    return available_cm - (fmt.left_indent or 0) / CM_EMU - (fmt.right_indent or 0) / CM_EMU


def blocks(document):
    return list(document.iter_inner_content())


def open_case(drafted, case):
    draft, path = drafted[case]
    return draft, Document(str(path))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_page_setup_and_fonts(drafted, case) -> None:
    _, doc = open_case(drafted, case)
    for section in doc.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
        assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
        assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
        assert section.different_first_page_header_footer  # no page number on page 1
        header = section.header.paragraphs[0]
        assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert "PAGE" in "".join(t.text or "" for t in header._p.iter(qn("w:instrText")))
    for paragraph in doc.paragraphs:
        for run in text_runs(paragraph):
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert {fonts.get(qn(s)) for s in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {layout.FONT}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_header_table(drafted, case) -> None:
    _, doc = open_case(drafted, case)
    tables = [b for b in blocks(doc) if isinstance(b, Table)]
    header = tables[0]
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and {e.get(qn("w:val")) for e in borders} == {"nil"}
    left, right = header.rows[0].cells
    lines = [p for p in left.paragraphs if p.text.strip()]
    issuer = [p for p in lines if all(r.bold for r in text_runs(p))]
    assert issuer and all(p.text.isupper() for p in lines)
    for p in lines:
        assert all(12 <= size(r, p) <= 13 for r in text_runs(p))
    superior = [p for p in lines if not all(r.bold for r in text_runs(p))]
    assert all(lines.index(p) < lines.index(issuer[0]) for p in superior)  # the superior sits above
    rule = [rule_length_cm(p, layout.HEADER_COLUMNS_CM[0] - 0.4) for p in left.paragraphs]
    rule = [r for r in rule if r is not None]
    assert len(rule) == 1
    longest = max(layout.text_width_cm(p.text, 13, True) for p in issuer)
    assert longest / 3 - 0.05 <= rule[0] <= longest / 2 + 0.05
    national, motto = [p for p in right.paragraphs if p.text.strip()][:2]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and all(r.bold for r in text_runs(national))
    assert all(12 <= size(r, national) <= 13 for r in text_runs(national))
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and all(r.bold and 13 <= size(r, motto) <= 14 for r in text_runs(motto))
    motto_rule = [r for p in right.paragraphs if (r := rule_length_cm(p, layout.HEADER_COLUMNS_CM[1] - 0.4)) is not None]
    assert motto_rule and abs(motto_rule[0] - layout.text_width_cm(motto.text, 13, True)) < 0.05
    if len(header.rows) > 1:
        number, place = header.rows[1].cells
        assert re.match(r"^Số: [\d\u00a0]+/(QĐ|KH)-UBND$", number.paragraphs[0].text)
        assert all(size(r, number.paragraphs[0]) == 13 for r in text_runs(number.paragraphs[0]))
        assert DATE.match(place.paragraphs[0].text), place.paragraphs[0].text
        assert all(r.italic and 13 <= size(r, place.paragraphs[0]) <= 14 for r in text_runs(place.paragraphs[0]))


class Shown:
    """A paragraph whose ``text`` is what Word shows: its automatic number included."""

    def __init__(self, paragraph: Paragraph, text: str) -> None:
        self.paragraph, self.text = paragraph, text

    def __getattr__(self, name: str):
        return getattr(self.paragraph, name)


def _body_paragraphs(doc) -> list[Shown]:
    return [Shown(p, text) for p, text in displayed_paragraphs(doc)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_title_bases_and_body(drafted, case) -> None:
    draft, doc = open_case(drafted, case)
    paragraphs = _body_paragraphs(doc)
    texts = [p.text for p in paragraphs]
    kinds = [i for i, t in enumerate(texts) if t in ("QUYẾT ĐỊNH", "QUY CHẾ", "QUY ĐỊNH", "KẾ HOẠCH")]
    assert kinds
    for index in kinds:
        kind, title = paragraphs[index], paragraphs[index + 1]
        for p in (kind, title):
            assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
            assert all(r.bold and 13 <= size(r, p) <= 14 for r in text_runs(p))
        following = paragraphs[index + 2 : index + 4]
        assert any(rule_length_cm(p, layout.TEXT_WIDTH_CM) for p in following), "a short rule under the trích yếu"
    assert not [p.text for p in paragraphs if re.search(r"(?:^|\s)@[a-z]+\b", p.text)], "an outline directive left in the text"
    bases = [p for p in paragraphs if p.text.startswith(("Căn cứ", "Theo đề nghị"))]
    if draft.documents[0].bases:
        assert bases and all(all(r.italic for r in text_runs(p)) for p in bases)
        assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text.endswith(".")
    for p in paragraphs:
        if re.match(r"^(\d+\.|[a-zđ]\)|-) ", p.text) and p.paragraph_format.first_line_indent:
            fmt = p.paragraph_format
            assert 1.0 <= fmt.first_line_indent / CM_EMU <= 1.27 + 1e-6
            assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
            assert fmt.space_after.pt >= 6 and 1.0 <= fmt.line_spacing <= 1.5
            assert all(13 <= size(r, p) <= 14 for r in text_runs(p))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_chapters_articles_and_numbering(drafted, case) -> None:
    _, doc = open_case(drafted, case)
    paragraphs = _body_paragraphs(doc)
    articles = [p for p in paragraphs if re.match(r"^Điều \d+\.", p.text)]
    if case[1] != "ke-hoach":
        assert articles
    for p in articles:
        assert p.style.name == "Điều" and p._p.pPr.numPr is not None  # Word numbers it, in bold
        assert p.alignment != WD_ALIGN_PARAGRAPH.CENTER and p.paragraph_format.first_line_indent
    numbers = [int(re.match(r"^Điều (\d+)\.", p.text).group(1)) for p in articles]
    restarts = [i for i, n in enumerate(numbers) if n == 1]
    for start, end in zip(restarts, restarts[1:] + [len(numbers)]):
        assert numbers[start:end] == list(range(1, end - start + 1))  # each text numbers its own articles
    for index, p in enumerate(paragraphs):
        if re.fullmatch(r"Chương [IVXLC]+", p.text):
            title = paragraphs[index + 1]
            assert p.alignment == title.alignment == WD_ALIGN_PARAGRAPH.CENTER
            assert all(r.bold for r in text_runs(p) + text_runs(title)) and title.text.isupper()
    # điểm letters run a) b) c) d) đ) e) … inside each khoản
    letters = [re.match(r"^([a-zđ]+)\) ", p.text) for p in paragraphs]
    run: list[str] = []
    for match in letters + [None]:
        if match:
            run.append(match.group(1))
        elif run:
            assert run == list(POINT_LETTERS[: len(run)]), run
            run = []


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_recipients_and_signature(drafted, case) -> None:
    draft, doc = open_case(drafted, case)
    closings = [t for t in doc.tables if len(t.columns) == 2 and t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"]
    assert len(closings) == 1  # the decision (or the plan) has one; an attached text has none
    left, right = closings[0].rows[0].cells
    title = left.paragraphs[0]
    assert title.text == "Nơi nhận:" and all(r.bold and r.italic and size(r, title) == 12 for r in text_runs(title))
    items = [p for p in left.paragraphs[1:] if p.text.strip()]
    assert items and all(p.text.startswith("- ") and all(size(r, p) == 11 for r in text_runs(p)) for p in items)
    assert all(p.text.endswith(";") for p in items[:-1])
    assert items[-1].text.startswith("- Lưu: VT") and items[-1].text.endswith(".")
    lines = [p for p in right.paragraphs if p.text.strip()]
    signer = draft.documents[0].signature
    assert lines[-1].text == signer.name and all(r.bold for r in text_runs(lines[-1]))
    for p in lines[:-1]:
        assert p.text.isupper() and all(r.bold for r in text_runs(p))
    assert lines[-2].text == signer.title


def test_attached_text_in_the_same_file(drafted) -> None:
    _, doc = open_case(drafted, ("xa-tan-phu", "quy-che-bcd"))
    paragraphs = _body_paragraphs(doc)
    texts = [p.text for p in paragraphs]
    assert texts.index("QUYẾT ĐỊNH") < texts.index("QUY CHẾ")
    promulgation = next(p for p in paragraphs if p.text.startswith("(Ban hành kèm theo Quyết định số"))
    assert promulgation.text.endswith("của Ủy ban nhân dân xã Tân Phú)") and all(r.italic for r in text_runs(promulgation))
    assert texts.index("QUY CHẾ") < texts.index(promulgation.text)
    assert len(doc.sections) == 2
    assert doc.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_plan_task_table_is_a_real_table(drafted) -> None:
    _, doc = open_case(drafted, ("tinh-quang-ngai", "ke-hoach"))
    table = next(t for t in doc.tables if len(t.columns) == 6)
    assert [c.text for c in table.rows[0].cells] == ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]
    assert all(r.bold for c in table.rows[0].cells for r in text_runs(c.paragraphs[0]))
    assert [row.cells[0].text for row in table.rows[1:]] == [str(n) for n in range(1, len(table.rows))]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert any(row.cells[2].text == "Sở Nội vụ" for row in table.rows[1:])


def test_plan_task_table_fits_the_text_width_with_short_cells_on_one_line(drafted) -> None:
    """165 mm of text width; the serial header and a "12/2026" deadline never wrap."""
    _, doc = open_case(drafted, ("xa-tan-phu", "ke-hoach"))
    table = next(t for t in doc.tables if len(t.columns) == 6)
    widths = [column.width.cm for column in table.columns]
    assert sum(widths) <= 16.5 + 1e-6
    points = layout.SIZE["table"]
    margins = 0.38  # Table Grid: 0.19 cm each side
    # Times New Roman digits and "/" are half an em; bold S is 0.556 em and T 0.667 em.
    assert widths[0] - margins >= (0.556 + 2 * 0.667) * points * 2.54 / 72
    assert widths[4] - margins >= 7 * 0.5 * points * 2.54 / 72
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])  # no task split across pages


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_the_package_is_the_issuers_not_the_librarys(drafted, case) -> None:
    import zipfile

    draft, path = drafted[case]
    names = zipfile.ZipFile(path).namelist()
    assert not any("thumbnail" in n or n.startswith("customXml") or "stylesWithEffects" in n for n in names)
    app = zipfile.ZipFile(path).read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "python-docx" not in zipfile.ZipFile(path).read("docProps/core.xml").decode()
    doc = Document(str(path))
    issuer = draft.documents[0].header.issuer
    assert doc.core_properties.author == issuer and doc.core_properties.title.startswith(draft.documents[0].kind_title.capitalize())
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert {lang.get(qn("w:val")) for lang in defaults.iter(qn("w:lang"))} == {"vi-VN"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_the_signature_block_stays_on_one_page_with_the_last_paragraph(drafted, case) -> None:
    _, doc = open_case(drafted, case)
    closing = [t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text or "CHỦ TỊCH" in t.rows[0].cells[-1].text.upper()]
    assert closing
    for table in closing:
        assert table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
        before = table._tbl.getprevious()
        assert before is not None and before.tag == qn("w:p")
        assert Paragraph(before, table._parent).paragraph_format.keep_with_next


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_chapters_parts_and_articles_are_on_the_outline(drafted, case) -> None:
    """Word's navigation pane and LibreOffice's Navigator list them; a drafter applies "Điều"."""
    _, doc = open_case(drafted, case)
    levels = {}
    for name in ("Chương", "Mục", "Điều"):
        outline = doc.styles[name].element.pPr.find(qn("w:outlineLvl"))
        levels[name] = int(outline.get(qn("w:val")))
    assert levels == {"Chương": 0, "Mục": 0, "Điều": 1}
    headed = [p for p in _body_paragraphs(doc) if p.style.name in levels]
    assert headed or case[1] == "quyet-dinh"  # a lone decision's articles have no titles
    for paragraph in headed:
        if paragraph.style.name == "Điều":
            assert re.match(r"Điều \d+\. \S", paragraph.text)
        elif paragraph.style.name == "Chương":
            assert re.fullmatch(r"Chương [IVXL]+", paragraph.text)
        else:
            assert re.match(r"[IVXL]+\. [A-ZĐÂĂÊÔƠƯ]", paragraph.text)


def _lists(doc) -> dict[str, list[tuple[str, str]]]:
    """numId → (numFmt, lvlText) of each level of its list."""
    root = doc.part.numbering_part.element
    abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
    lists = {}
    for num in root.findall(qn("w:num")):
        levels = abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))].findall(qn("w:lvl"))
        lists[num.get(qn("w:numId"))] = [
            (lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val"))) for lvl in levels
        ]
    return lists


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_chapters_articles_and_clauses_are_word_numbered(drafted, case) -> None:
    """Inserting an article renumbers the rest: Word, not the text, numbers Chương, Điều
    and khoản; each text has its own lists, chapters apart so Điều run on across them;
    the main text's lists are the styles', so a new "Điều" paragraph is numbered."""
    _, doc = open_case(drafted, case)
    lists = _lists(doc)
    used: dict[str, set[str]] = {}
    for p in _body_paragraphs(doc):
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is None:
            assert not re.match(r"^(Điều \d+\.|Chương [IVXL]+$)", p.text), "a literal number Word would not renumber"
            continue
        fmt, text = lists[str(num_pr.numId.val)][num_pr.ilvl.val]
        used.setdefault(p.style.name, set()).add(text)
        assert p.text.startswith(text.split("%")[0])
    assert used.get("Điều", {"Điều %1."}) == {"Điều %1."}
    assert used.get("Chương", {"Chương %1"}) == {"Chương %1"}
    assert used.get("Khoản", {"%2."}) == {"%2."}
    assert "Khoản" in used or case[1] == "quyet-dinh"
    linked = doc.styles["Điều" if case[1] != "ke-hoach" else "Mục"].element.pPr.numPr
    assert linked is not None and lists[str(linked.numId.val)][linked.ilvl.val][1] in ("Điều %1.", "%1.")
