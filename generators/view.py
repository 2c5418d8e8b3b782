"""The document model as plain dicts and lists, for the Markdown and HTML templates.

Sandboxed templates get data, not objects: no methods to call, nothing to reach through.
Dates, blanks and the issuer's lines are resolved here so every template shows them alike.
"""

from __future__ import annotations

from typing import Any

from cchc.generators import layout
from cchc.generators.document_model import Article, Chapter, Document, Item, Section, Table
from cchc.generators.vietnamese import BLANK, long_date


def _block(block: Item | Table) -> dict[str, Any]:
    if isinstance(block, Table):
        return {"type": "table", "header": block.header, "rows": block.rows}
    return {
        "type": block.kind, "label": block.label, "text": block.text,
        "children": [_block(child) for child in block.children],
    }


def _article(article: Article) -> dict[str, Any]:
    blocks = [_block(b) for b in article.blocks]
    inline = ""
    if not article.title and blocks and blocks[0]["type"] == "paragraph":
        inline = blocks.pop(0)["text"]
    return {"type": "article", "label": article.label, "title": article.title, "inline": inline, "blocks": blocks, "sources": article.sources}


def _part(part: Chapter | Article | Section) -> dict[str, Any]:
    if isinstance(part, Chapter):
        return {"type": "chapter", "label": part.label, "title": part.title.upper(), "articles": [_article(a) for a in part.articles]}
    if isinstance(part, Section):
        return {"type": "section", "label": part.label, "title": part.title.upper(), "blocks": [_block(b) for b in part.blocks]}
    return _article(part)


def text_view(doc: Document) -> dict[str, Any]:
    head = doc.header
    issuer_lines = [head.issuer.upper()] if head.superior else layout.split_issuer(head.issuer)
    return {
        "superior": head.superior.upper() if head.superior else "",
        "issuer_lines": issuer_lines,
        "number": f"Số: {head.number or BLANK}/{head.code}" if head.show_number else "",
        "place_date": f"{head.place}, {long_date(head.date, head.year)}" if head.show_number else "",
        "kind_title": doc.kind_title,
        "title": doc.title,
        "promulgation": doc.promulgation,
        "authority": doc.authority,
        "bases": doc.bases,
        "decides": doc.decides,
        "preamble": doc.preamble,
        "parts": [_part(p) for p in doc.body],
        "recipients": doc.recipients,
        "signature": {"lines": doc.signature.lines(), "name": doc.signature.name} if doc.signature else None,
    }


def documents_view(documents: list[Document]) -> list[dict[str, Any]]:
    return [text_view(text) for document in documents for text in document.texts()]
