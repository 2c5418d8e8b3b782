"""The outline language templates write, and its parser into the document model.

A template renders to plain lines; the first characters of a line say what it is, and
every number is given here, so a template (or a user's override) can never get the
numbering wrong::

    @kind QUY CHẾ                 front matter: @kind @title @promulgation @authority
    @title Hoạt động của …        @basis @decides @recipient (one per line)
    # QUY ĐỊNH CHUNG              Chương (numbered I, II, …)
    ## Phạm vi điều chỉnh         Điều (numbered 1, 2, … across chapters)
    ### MỤC ĐÍCH, YÊU CẦU         a Kế hoạch part (numbered I., II., …)
    + text                        khoản (1., 2., …)
    ++ text                       điểm (a), b), … đ), …)
    - text                        gạch đầu dòng under the last khoản or điểm
    text                          a paragraph of its own
    @table tasks                  a table the builder supplies
    @source IRI                   where the current article's content comes from

A backslash before one of ``# + - @ \\`` makes it literal (values are escaped so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.generators.document_model import Article, Block, Chapter, Item, Section, Table, number_items
from cchc.generators.errors import TemplateError

_UNESCAPE = re.compile(r"\\([#+\-@\\])")
_DIRECTIVE = re.compile(r"^@(\w+)\s*(.*)$")
_FRONT = {"kind", "title", "promulgation", "authority", "basis", "decides", "recipient", "preamble"}


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


@dataclass
class Outline:
    """What a template said: front matter and the body, numbered."""

    front: dict[str, list[str]] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)
    body: list[Chapter | Article | Section] = field(default_factory=list)

    def one(self, key: str, default: str = "") -> str:
        values = self.front.get(key)
        return values[0] if values else default


class _Parser:
    def __init__(self, template: str, tables: dict[str, Table]) -> None:
        self.template = template
        self.tables = tables
        self.out = Outline()
        self.chapter: Chapter | None = None
        self.container: Article | Section | None = None
        self.clause: Item | None = None
        self.point: Item | None = None
        self.articles = 0

    def fail(self, line_no: int, problem: str) -> TemplateError:
        return TemplateError(self.template, line_no, f"(kết quả mẫu) {problem}")

    def blocks(self, line_no: int) -> list[Block]:
        if self.container is None:
            raise self.fail(line_no, "nội dung nằm ngoài Điều hoặc mục nào")
        return self.container.blocks

    def line(self, line_no: int, raw: str) -> None:
        text = raw.strip()
        if not text:
            return
        directive = _DIRECTIVE.match(text)
        if directive:
            self.directive(line_no, directive.group(1), unescape(directive.group(2).strip()))
            return
        marker, _, rest = text.partition(" ")
        rest = unescape(rest.strip())
        if marker == "#":
            self.chapter = Chapter(len([p for p in self.out.body if isinstance(p, Chapter)]) + 1, rest)
            self.out.body.append(self.chapter)
            self.container = None
        elif marker == "##":
            self.articles += 1
            self.container = Article(self.articles, rest)
            (self.chapter.articles if self.chapter else self.out.body).append(self.container)
            self.clause = self.point = None
        elif marker == "###":
            self.chapter = None
            self.container = Section(len([p for p in self.out.body if isinstance(p, Section)]) + 1, rest)
            self.out.body.append(self.container)
            self.clause = self.point = None
        elif marker == "+":
            self.clause = Item("clause", rest)
            self.point = None
            self.blocks(line_no).append(self.clause)
        elif marker == "++":
            if self.clause is None:
                raise self.fail(line_no, "điểm (++) phải nằm trong một khoản (+)")
            self.point = Item("point", rest)
            self.clause.children.append(self.point)
        elif marker == "-":
            parent = self.point or self.clause
            (parent.children if parent else self.blocks(line_no)).append(Item("indent", rest))
        elif self.container is None and self.chapter is None and not self.out.body:
            self.out.preamble.append(unescape(text))
        else:
            self.blocks(line_no).append(Item("paragraph", unescape(text)))
            self.clause = self.point = None

    def directive(self, line_no: int, name: str, value: str) -> None:
        if name in _FRONT:
            self.out.front.setdefault(name, []).append(value)
        elif name == "table":
            if value not in self.tables:
                raise self.fail(line_no, f"không có bảng {value!r} (có: {', '.join(self.tables) or 'không có'})")
            self.blocks(line_no).append(self.tables[value])
            self.clause = self.point = None
        elif name == "source":
            if self.container is None:
                raise self.fail(line_no, "@source phải nằm trong một Điều hoặc mục")
            if value and value not in self.container.sources:
                self.container.sources.append(value)
        else:
            raise self.fail(line_no, f"chỉ thị không biết: @{name}")


def parse_outline(text: str, template: str, tables: dict[str, Table] | None = None) -> Outline:
    parser = _Parser(template, tables or {})
    for line_no, raw in enumerate(text.splitlines(), start=1):
        parser.line(line_no, raw)
    for part in parser.out.body:
        containers = part.articles if isinstance(part, Chapter) else [part]
        for container in containers:
            number_items([b for b in container.blocks if isinstance(b, Item)])
    return parser.out
