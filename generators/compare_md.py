"""The comparison as GitHub Markdown: one table, differing rows marked, provisions as links.

For pasting into an issue, a wiki or a chat. A table row cannot span lines or hold an
unescaped pipe, so values are joined with ``<br>`` and every text is escaped; a
provision link's title carries the source sentence, as on the HTML page.
"""

from __future__ import annotations

import re

from cchc.generators.compare_html import summary_of, survey_title, title_of
from cchc.generators.compare_model import Cell, Comparison, ProvisionRef, Survey

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def escape(text: str) -> str:
    """Markdown-inert text on one line: specials backslash-escaped, line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _link(ref: ProvisionRef) -> str:
    title = ref.text.replace('"', "'").replace("\\", "/")
    title = " ".join(title.split()).replace("|", "/")
    href = ref.iri if ref.iri.startswith(("https://", "http://")) else "#"
    return f'[{escape(ref.label)}]({href} "{title}")'


def cell_text(cell: Cell, empty: str = "_Không quy định_") -> str:
    if not cell.values:
        return empty
    shown = []
    for value in cell.values:
        text = escape(value.text)
        if not value.shared:
            text = f"**{text}**"
        if value.note:
            text += f" _({escape(value.note)})_"
        if value.refs:
            text += " — " + "; ".join(_link(ref) for ref in value.refs)
        shown.append(text)
    return "<br>".join(shown)


def to_markdown(comparison: Comparison) -> str:
    lines = [
        f"# {escape(title_of(comparison))}",
        "",
        escape(summary_of(comparison)),
        "",
        "≠ : nội dung khác nhau giữa các đơn vị (so theo chức năng cơ quan); **chữ đậm**: không có ở mọi đơn vị.",
        "",
    ]
    lines.append("| Nội dung | " + " | ".join(escape(u) for u in comparison.units) + " |")
    lines.append("|" + "---|" * (len(comparison.units) + 1))
    for section, rows in comparison.sections():
        lines.append(f"| **{escape(section)}** |" + " |" * len(comparison.units))
        for row in rows:
            label = ("≠ " if row.differs else "") + escape(row.label)
            lines.append(f"| {label} | " + " | ".join(cell_text(cell) for cell in row.cells) + " |")
    if comparison.alignments:
        lines += ["", "## Đối chiếu điều khoản", "", "~~Gạch bỏ~~: chỉ có ở văn bản thứ nhất; <ins>gạch chân</ins>: chỉ có ở văn bản thứ hai.", ""]
        for alignment in comparison.alignments:
            lines += [f"### {escape(alignment.kind_label)}: {escape(alignment.left_unit)} ↔ {escape(alignment.right_unit)}", ""]
            lines += [f"_{escape(alignment.left_document)} ↔ {escape(alignment.right_document)}_", ""]
            for pair in alignment.pairs:
                lines.append(
                    f"#### {escape(pair.left.label)} ({escape(pair.left.heading)}) ↔ "
                    f"{escape(pair.right.label)} ({escape(pair.right.heading)}) — {pair.score * 100:.0f}%"
                )
                lines += ["", " ".join(_diff_part(part.op, part.text) for part in pair.diff), ""]
            for unit, articles in ((alignment.left_unit, alignment.only_left), (alignment.right_unit, alignment.only_right)):
                if articles:
                    listed = "; ".join(f"{escape(a.label)} ({escape(a.heading)})" for a in articles)
                    lines += [f"**Chỉ có ở {escape(unit)}:** {listed}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _diff_part(op: str, text: str) -> str:
    text = escape(text)
    if op == "delete":
        return f"~~{text}~~"
    if op == "insert":
        return f"<ins>{text}</ins>"
    return text


def survey_to_markdown(survey: Survey) -> str:
    lines = [f"# {escape(survey_title(survey))}", "", "## Phân bố", ""]
    lines += [f"- {escape(share.sentence)}" for share in survey.shares]
    lines += [f"- {escape(survey.without_sentence)}", "", "## Từng đơn vị", "", "| Đơn vị | Cơ quan chủ trì |", "|---|---|"]
    lines += [f"| {escape(cell.unit)} | {cell_text(cell, '_Chưa quy định_')} |" for cell in survey.cells]
    return "\n".join(lines) + "\n"
