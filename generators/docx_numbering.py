"""Word's own numbering for Chương, Điều and khoản (and a Kế hoạch's I., 1.).

A drafter who inserts an article in the middle of a Quy chế expects the articles after it
to renumber, and Word's navigation pane to list them: literal "Điều 5." text does neither.
Each text (the Quyết định, the Quy chế it promulgates) gets its own lists, so the attached
text counts from Điều 1 again. Chapters are a list of their own rather than the first
level above the articles: Điều numbers run on across chapters, and LibreOffice ignores the
``lvlRestart`` that would say so within one list. The main text's lists are linked to the
paragraph styles "Chương", "Điều", "Mục" and "Khoản", so applying the style to a new
paragraph numbers it.

Điểm keep their literal letters: Word's ``lowerLetter`` counts a, b, c, d, e, f, and a
Vietnamese text counts a, b, c, d, đ, e, g. The reader (``graph/read_docx.py``) renders
these lists back to the same text, which the round-trip check of every draft relies on.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from cchc.generators import layout


@dataclass(frozen=True)
class Level:
    fmt: str  # Word's numFmt
    text: str  # lvlText: "%1" is the first level's number, "%2" the second's
    style: str  # the paragraph style it is linked to in the main text
    bold: bool
    centred: bool = False
    suffix: str = "space"  # what follows the number: "space" or "nothing"


# A list per numbered part that heads others, with the levels below it: khoản restart
# with each article or section.
LISTS: dict[str, tuple[Level, ...]] = {
    "chapter": (Level("upperRoman", "Chương %1", "Chương", True, centred=True, suffix="nothing"),),
    "article": (Level("decimal", "Điều %1.", "Điều", True), Level("decimal", "%2.", "Khoản", False)),
    "section": (Level("upperRoman", "%1.", "Mục", True), Level("decimal", "%2.", "Khoản", False)),
}


def _element(tag: str, **attributes: str):
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), value)
    return node


def _level(ilvl: int, level: Level, linked: bool):
    lvl = _element("w:lvl", ilvl=str(ilvl))  # children in schema order
    lvl.append(_element("w:start", val="1"))
    lvl.append(_element("w:numFmt", val=level.fmt))
    if linked:
        lvl.append(_element("w:pStyle", val=level.style))
    lvl.append(_element("w:suff", val=level.suffix))
    lvl.append(_element("w:lvlText", val=level.text))
    lvl.append(_element("w:lvlJc", val="left"))  # the paragraph centres "Chương I"; a centred number is pushed off it
    ppr = _element("w:pPr")  # the paragraphs' own indents win; this is for new ones
    indent = "0" if level.centred else str(round(layout.FIRST_LINE_INDENT_CM * 567))  # twips
    ppr.append(_element("w:ind", left="0", firstLine=indent))
    lvl.append(ppr)
    rpr = _element("w:rPr")
    rpr.append(_element("w:rFonts", ascii=layout.FONT, hAnsi=layout.FONT, cs=layout.FONT, eastAsia=layout.FONT))
    if level.bold:
        rpr.append(_element("w:b"))
    size = str(int(layout.SIZE["body"] * 2))  # half-points
    rpr.append(_element("w:sz", val=size))
    rpr.append(_element("w:szCs", val=size))
    lvl.append(rpr)
    return lvl


class TextNumbering:
    """One text's lists: ``number(paragraph, "article")`` makes it the next Điều, and
    ``number(paragraph, "article", 1)`` the next khoản of that Điều."""

    def __init__(self, doc: DocxDocument, main: bool) -> None:
        self.doc, self.main = doc, main
        self.num_ids: dict[str, int] = {}

    def number(self, paragraph: Paragraph, family: str, ilvl: int = 0) -> None:
        if family not in self.num_ids:
            self.num_ids[family] = self._new_list(LISTS[family])
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = self.num_ids[family]

    def _new_list(self, levels: tuple[Level, ...]) -> int:
        root = self.doc.part.numbering_part.element
        abstract_id = max((int(n.get(qn("w:abstractNumId"))) for n in root.findall(qn("w:abstractNum"))), default=0) + 1
        num_id = max((int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))), default=0) + 1
        abstract = _element("w:abstractNum", abstractNumId=str(abstract_id))
        abstract.append(_element("w:multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel"))
        for ilvl, level in enumerate(levels):
            # A style is linked to one list only: the first of the main text that uses it.
            linked = self.main and _unlinked(self.doc, level.style)
            abstract.append(_level(ilvl, level, linked))
            if linked:
                _link_style(self.doc, level.style, num_id, ilvl)
        first_num = root.find(qn("w:num"))  # schema order: every abstractNum before any num
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        num = _element("w:num", numId=str(num_id))
        num.append(_element("w:abstractNumId", val=str(abstract_id)))
        root.append(num)
        return num_id


def _unlinked(doc: DocxDocument, style: str) -> bool:
    ppr = doc.styles[style].element.pPr
    return ppr is None or ppr.numPr is None


def _link_style(doc: DocxDocument, style: str, num_id: int, ilvl: int) -> None:
    num_pr = doc.styles[style].element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
