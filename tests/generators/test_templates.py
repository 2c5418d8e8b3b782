"""Templates: sandboxed, escaped for their format, overridable, errors name file and line."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document as open_docx

from cchc.generators.document_model import Item, number_items
from cchc.generators.drafting import make_draft, render
from cchc.generators.errors import TemplateError
from cchc.generators.outline import parse_outline
from cchc.generators.templating import outline_escape
from cchc.generators.templating import render as render_template
from cchc.generators.vietnamese import long_date
from cchc.graph.numbering import point_letter, roman


def test_vietnamese_numbering_and_dates() -> None:
    assert [point_letter(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert roman(4) == "IV" and roman(14) == "XIV"
    assert long_date(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert long_date(dt.date(2025, 12, 15)) == "ngày 15 tháng 12 năm 2025"
    assert long_date(dt.date(2025, 3, 9)) == "ngày 09 tháng 3 năm 2025"
    items = [Item("clause", "x", children=[Item("point", str(n)) for n in range(6)])]
    number_items(items)
    assert [c.label for c in items[0].children] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_outline_numbers_everything_and_values_cannot_add_structure() -> None:
    value = outline_escape("# CHƯƠNG GIẢ\n## Điều giả")
    text = f"# QUY ĐỊNH CHUNG\n## Phạm vi\n+ {value}\n+ hai\n++ a\n++ b\n- gạch\n# HAI\n## Tiếp\n+ một"
    outline = parse_outline(text, "t.j2")
    first, second = outline.body
    assert (first.label, second.label) == ("Chương I", "Chương II")
    assert [a.label for a in first.articles + second.articles] == ["Điều 1.", "Điều 2."]
    clauses = first.articles[0].blocks
    assert clauses[0].text == "# CHƯƠNG GIẢ ## Điều giả" and clauses[0].label == "1."
    assert [c.label for c in clauses[1].children] == ["a)", "b)"] and clauses[1].children[1].children[0].label == "-"


def test_the_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    (tmp_path / "evil.outline.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_template("evil.outline.j2", {}, override=tmp_path)
    assert "evil.outline.j2" in str(caught.value) and "dòng 1" in str(caught.value)


def test_a_template_error_names_the_template_and_the_line(profiles, tmp_path: Path) -> None:
    (tmp_path / "quy_che_bcd.outline.j2").write_text("@kind QUY CHẾ\n@title X\n# A\n## B\n+ {{ khong_co.gi }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        make_draft("quy-che-bcd", profiles["xa-tan-phu"], override=tmp_path)
    message = str(caught.value)
    assert "quy_che_bcd.outline.j2, dòng 5" in message and "khong_co" in message
    (tmp_path / "quy_che_bcd.outline.j2").write_text("# A\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"quy_che_bcd.outline.j2, dòng 2: lỗi cú pháp"):
        make_draft("quy-che-bcd", profiles["xa-tan-phu"], override=tmp_path)


def test_user_templates_override_the_packaged_ones(profiles, tmp_path: Path) -> None:
    (tmp_path / "duties.yaml.j2").write_text(
        Path(__file__).resolve().parents[2].joinpath("templates", "duties.yaml.j2").read_text(encoding="utf-8").replace(
            "Lãnh đạo, điều hành chung hoạt động của", "Lãnh đạo toàn diện hoạt động của"
        ),
        encoding="utf-8",
    )
    draft = make_draft("quy-che-bcd", profiles["xa-tan-phu"], override=tmp_path)
    texts = [d.text for d in draft.duties]
    assert any(t.startswith("Lãnh đạo toàn diện hoạt động của Ban Chỉ đạo") for t in texts)


def test_values_are_escaped_for_html_and_markdown(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    tricky = replace(profile, signer=replace(profile.signer, name="<script>alert(1)</script> *Nguyễn*"))
    draft = make_draft("quy-che-bcd", tricky)
    html = render(draft, "html")[0].decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render(draft, "md")[0].decode()
    assert "\\*Nguyễn\\*" in markdown and "1\\. " in markdown  # our numbers stay literal
    assert "<script>" not in markdown
    docx_names = {p.text for p in open_docx(io.BytesIO(render(draft, "docx")[0])).tables[-1].rows[0].cells[1].paragraphs}
    assert "<script>alert(1)</script> *Nguyễn*" in docx_names  # docx holds text, nothing to escape
