"""The comparison on a terminal (rich): the synoptic table, then the article pairs.

What a person sees when they type ``cchc compare A B`` without ``--format``: differing
rows marked "≠" and coloured, values not shared by every unit in bold, provisions dimmed
after each value. Word diffs are long; the terminal lists the pairs and their scores, and
``--format html|docx|md`` shows the diffs.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cchc.generators.compare_html import summary_of, survey_title, title_of
from cchc.generators.compare_model import Cell, Comparison, Survey


def cell_text(cell: Cell, empty: str = "—") -> Text:
    if not cell.values:
        return Text(empty, style="dim")
    text = Text()
    for n, value in enumerate(cell.values):
        if n:
            text.append("\n")
        text.append(value.text, style="bold" if not value.shared else "")
        if value.note:
            text.append(f" ({value.note})", style="italic dim")
        labels = list(dict.fromkeys(ref.label for ref in value.refs))
        if labels:
            text.append(" — " + "; ".join(labels), style="cyan dim")
    return text


def render(comparison: Comparison) -> RenderableType:
    table = Table(title=title_of(comparison), show_lines=True, caption=summary_of(comparison))
    table.add_column("Nội dung", overflow="fold", style="bold")
    for unit in comparison.units:
        table.add_column(unit, overflow="fold")
    for section, rows in comparison.sections():
        table.add_row(Text(section, style="bold reverse"), *("" for _ in comparison.units))
        for row in rows:
            label = Text(("≠ " if row.differs else "") + row.label, style="bold yellow" if row.differs else "bold")
            table.add_row(label, *(cell_text(cell) for cell in row.cells), style="on grey15" if row.differs else None)
    parts: list[RenderableType] = [table]
    for alignment in comparison.alignments:
        pairs = Table(
            title=f"{alignment.kind_label}: {alignment.left_unit} ↔ {alignment.right_unit}", caption=f"{alignment.left_document} ↔ {alignment.right_document}"
        )
        pairs.add_column(alignment.left_unit, overflow="fold")
        pairs.add_column(alignment.right_unit, overflow="fold")
        pairs.add_column("Tương đồng", justify="right")
        for pair in alignment.pairs:
            pairs.add_row(f"{pair.left.label} — {pair.left.heading}", f"{pair.right.label} — {pair.right.heading}", f"{pair.score * 100:.0f}%")
        for article in alignment.only_left:
            pairs.add_row(f"{article.label} — {article.heading}", Text("(chỉ có ở bên này)", style="dim"), "")
        for article in alignment.only_right:
            pairs.add_row(Text("(chỉ có ở bên kia)", style="dim"), f"{article.label} — {article.heading}", "")
        parts.append(pairs)
    if comparison.alignments:
        parts.append(Text("Khác biệt từng từ của mỗi cặp Điều: dùng --format html, docx hoặc md.", style="dim"))
    return Group(*parts)


def render_survey(survey: Survey) -> RenderableType:
    table = Table(title=survey_title(survey), show_lines=True)
    table.add_column("Đơn vị", style="bold", overflow="fold")
    table.add_column("Cơ quan chủ trì", overflow="fold")
    for cell in survey.cells:
        table.add_row(cell.unit, cell_text(cell, "Chưa quy định"))
    lines = [Text("• " + share.sentence) for share in survey.shares]
    lines.append(Text("• " + survey.without_sentence, style="yellow" if survey.without else ""))
    return Group(table, Text("Phân bố:", style="bold"), *lines)
