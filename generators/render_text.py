"""The document model as Markdown or HTML, through overridable templates.

``document.<fmt>.j2`` renders any kind; a kind may have its own ``<kind>.<fmt>.j2``
(``quy_che_bcd.md.j2``) in the packaged or the user's template folder, found first.
"""

from __future__ import annotations

import re
from pathlib import Path

from cchc.generators.document_model import Document
from cchc.generators.templating import render, template_exists
from cchc.generators.view import documents_view

_BLANK_LINES = re.compile(r"\n{3,}")


def render_text(documents: list[Document], fmt: str, kind: str, override: Path | None = None) -> bytes:
    specific = f"{kind.replace('-', '_')}.{fmt}.j2"
    name = specific if template_exists(specific, override) else f"document.{fmt}.j2"
    text = render(name, {"texts": documents_view(documents)}, fmt=fmt, override=override)
    if fmt == "md":
        text = _BLANK_LINES.sub("\n\n", text).strip() + "\n"
    return text.encode("utf-8")
