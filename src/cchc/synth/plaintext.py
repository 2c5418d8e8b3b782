"""A drafted document as the plain text an archive holds: one paragraph per line.

The generators write .docx, Markdown and HTML; archives are full of .txt files exported
from Word or copied from PDFs, whose headings are bare lines, ``**bold**`` or Markdown
``#`` lines, whose tables are rows of cells joined by " | " (or Markdown pipes), and
where a page break leaves a form feed or an empty line inside a sentence. This renderer
writes the document model in those conventions, as the habits of the document say.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from cchc.generators import layout
from cchc.generators.document_model import Article, Chapter, Document, Item, Section, Table
from cchc.generators.vietnamese import BLANK, long_date
from cchc.synth.data import data
from cchc.synth.perturb import Habits, Speller

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


class _Lines:
    """Collects paragraphs; a continuation takes a page-break mark instead of a newline."""

    def __init__(self, habits: Habits, marks: list[str], pick: Callable[[list[str]], str]) -> None:
        self.habits = habits
        self.parts: list[str] = []
        self.marks = marks
        self.pick = pick

    def add(self, text: str = "") -> None:
        self.parts.append(("\n\n" if self.habits.blank_lines and self.parts else "\n" if self.parts else "") + text)

    def continuation(self, text: str) -> None:
        self.parts.append(self.pick(self.marks) + text)

    def heading(self, text: str, level: int) -> None:
        style = self.habits.heading_style
        if style == "bold":
            self.add(f"**{text}**")
        elif style == "markdown":
            self.add(f"{'#' * level} {text}")
        else:
            self.add(text)

    def strong(self, text: str) -> None:
        """A line a Word export marks bold (title, authority, "QUYẾT ĐỊNH:"), never a heading."""
        self.add(text if self.habits.heading_style == "plain" else f"**{text}**")

    def text(self) -> str:
        return "".join(self.parts) + "\n"


def _items(out: _Lines, items: Sequence[Item | Table], continuations: set[int]) -> None:
    for item in items:
        if isinstance(item, Table):
            _table(out, item)
            continue
        if id(item) in continuations:
            out.continuation(item.text)
        else:
            out.add(f"{item.label} {item.text}" if item.label else item.text)
        _items(out, item.children, continuations)


def _table(out: _Lines, table: Table) -> None:
    if out.habits.heading_style == "markdown":
        out.add("| " + " | ".join(table.header) + " |")
        out.add("|" + "---|" * len(table.header))
        for row in table.rows:
            out.add("| " + " | ".join(row) + " |")
    else:
        out.add(" | ".join(table.header))
        for row in table.rows:
            out.add(" | ".join(row))


def _article(out: _Lines, article: Article, continuations: set[int]) -> None:
    blocks = list(article.blocks)
    if article.title:
        out.heading(f"{article.label} {article.title}", 3)
    elif blocks and isinstance(first := blocks[0], Item) and first.kind == "paragraph" and id(first) not in continuations:
        blocks.pop(0)
        label = article.label if out.habits.heading_style == "plain" else f"**{article.label}**"
        out.add(f"{label} {first.text}")
        _items(out, first.children, continuations)
    else:
        out.heading(article.label, 3)
    _items(out, blocks, continuations)


def _one(out: _Lines, doc: Document, speller: Speller, continuations: set[int]) -> None:
    head = doc.header
    issuer = [head.issuer.upper()] if head.superior else layout.split_issuer(head.issuer)
    if head.superior:
        out.add(head.superior.upper())
    for line in issuer:
        out.add(line)
    out.add(speller.tones(NATIONAL))
    out.add(MOTTO)
    if head.show_number:
        out.add(f"Số: {head.number or BLANK}/{head.code}")
        out.add(f"{head.place}, {long_date(head.date, head.year)}")
    out.add()
    out.heading(doc.kind_title, 2)
    out.strong(doc.title)
    if doc.promulgation:
        out.add(doc.promulgation)
    out.add()
    if doc.authority:
        out.strong(doc.authority)
    for basis in doc.bases:
        out.add(basis)
    if doc.decides:
        out.strong(doc.decides)
    for paragraph in doc.preamble:
        out.add(paragraph)
    for part in doc.body:
        if isinstance(part, Chapter):
            out.heading(part.label, 2)
            out.heading(part.title.upper(), 2)
            for article in part.articles:
                _article(out, article, continuations)
        elif isinstance(part, Section):
            out.heading(f"{part.label} {part.title.upper()}", 2)
            _items(out, part.blocks, continuations)
        else:
            _article(out, part, continuations)
    if doc.recipients:
        out.add()
        out.add("Nơi nhận:")
        for recipient in doc.recipients:
            out.add(f"- {recipient}")
    if doc.signature:
        out.add()
        for line in (doc.signature.authority, doc.signature.title):
            if line:
                out.add(line)
        out.add()
        out.add()
        out.add(doc.signature.name)


def render_plain(document: Document, habits: Habits, speller: Speller, continuations: set[int], pick: Callable[[list[str]], str]) -> bytes:
    """The document (with its attachment) as a .txt payload in the habits' conventions."""
    out = _Lines(habits, list(data("perturbations")["page_break_marks"]), pick)
    for n, text in enumerate(document.texts()):
        if n:
            out.add()
            out.add()
        _one(out, text, speller, continuations)
    payload = out.text()
    if habits.nfd:
        payload = unicodedata.normalize("NFD", payload)
    if habits.crlf:
        payload = payload.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if habits.bom else b"") + payload.encode("utf-8")
