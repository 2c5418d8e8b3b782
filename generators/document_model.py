"""The neutral document model every renderer reads: what a document says, not how it looks.

Builders fill it from a profile, the graph's content and a template; the docx, Markdown
and HTML renderers turn it into a file. Labels ("Chương I", "Điều 3.", "2.", "đ)") are
computed once, here, as literal text: no renderer numbers anything itself, so all
formats agree and the docx needs no Word automatic numbering.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from cchc.graph.numbering import point_letter, roman


@dataclass
class Table:
    """A real table (the Kế hoạch task table): header cells, rows and relative column widths."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # centimetres; empty = equal
    group_rows: set[int] = field(default_factory=set)  # row indexes that are group titles


@dataclass
class Item:
    """A khoản ("1."), điểm ("a)"), gạch đầu dòng ("-") or plain paragraph ("")."""

    kind: str  # clause | point | indent | paragraph
    text: str
    label: str = ""
    children: list[Item] = field(default_factory=list)


Block = Item | Table


@dataclass
class Article:
    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # where its content came from (side report)

    @property
    def label(self) -> str:
        return f"Điều {self.number}."


@dataclass
class Chapter:
    number: int
    title: str
    articles: list[Article] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Chương {roman(self.number)}"


@dataclass
class Section:
    """A Kế hoạch part: "I. MỤC ĐÍCH, YÊU CẦU" with its items and tables."""

    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{roman(self.number)}."


@dataclass
class Signature:
    authority: str  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "" when signing in one's own name
    title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str
    deputy_for: str = ""  # "KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN" when a deputy signs for the collective

    def lines(self) -> list[str]:
        """The capitalised lines above the signature, outermost authority first."""
        return [line for line in (self.authority, self.deputy_for, self.title) if line]


@dataclass
class Header:
    """The NĐ 30/2020 header: issuing body (and its superior), number, place and date."""

    issuer: str  # "Ủy ban nhân dân xã Tân Phú"
    superior: str | None = None  # "Ủy ban nhân dân tỉnh Đồng Nai" above a Sở or a Ban Chỉ đạo
    number: str = ""  # "" when left blank for drafting
    code: str = ""  # "QĐ-UBND": type code and issuer code
    place: str = ""
    date: dt.date | None = None
    year: int | None = None
    show_number: bool = True  # an attached text has neither number nor date


@dataclass
class Document:
    """One text: a Quyết định, or the Quy chế it promulgates (``attachment``)."""

    kind_code: str  # QĐ | QC | QyĐ | KH
    kind_title: str  # "QUYẾT ĐỊNH"
    title: str  # trích yếu
    header: Header
    promulgation: str = ""  # "(Ban hành kèm theo Quyết định số … ngày … của …)"
    authority: str = ""  # "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ" above the căn cứ of a decision
    bases: list[str] = field(default_factory=list)  # căn cứ, then "Theo đề nghị của …"
    decides: str = ""  # "QUYẾT ĐỊNH:"
    preamble: list[str] = field(default_factory=list)  # paragraphs before the body
    body: list[Chapter | Article | Section] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # Nơi nhận, "Lưu: VT, …" last
    signature: Signature | None = None
    attachment: Document | None = None
    template: str = ""  # the outline template it was rendered from (side report)

    def articles(self) -> list[Article]:
        found: list[Article] = []
        for part in self.body:
            if isinstance(part, Chapter):
                found.extend(part.articles)
            elif isinstance(part, Article):
                found.append(part)
        return found

    def texts(self) -> list[Document]:
        return [self, *([self.attachment] if self.attachment else [])]


_MARKER = re.compile(r"\[cần bổ sung: [^\]]*\]")


def to_complete(what: str) -> str:
    """The visible mark of what the draft could not say ("[cần bổ sung: nhiệm vụ của …]"),
    which ``cchc lint`` reports (L503) and ``cchc draft --strict`` refuses."""
    return f"[cần bổ sung: {what}]"


def markers(document: Document) -> list[str]:
    found: list[str] = []

    def walk(blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Item):
                found.extend(_MARKER.findall(block.text))
                walk(block.children)
            elif isinstance(block, Table):
                found.extend(m for row in block.rows for cell in row for m in _MARKER.findall(cell))

    for part in document.body:
        walk(part.blocks if isinstance(part, (Article, Section)) else [b for a in part.articles for b in a.blocks])
    return found


def number_items(items: list[Item]) -> None:
    """Give khoản 1., 2., …, điểm a), b), … đ) … and dashes to indents, restarting per parent."""
    clause = point = 0
    for item in items:
        if item.kind == "clause":
            clause += 1
            item.label = f"{clause}."
        elif item.kind == "point":
            point += 1
            item.label = f"{point_letter(point)})"
        elif item.kind == "indent":
            item.label = "-"
        number_items(item.children)
