"""The comparison as one standalone HTML page: differing rows highlighted, cells linked to provisions.

Each value links to its provision in the page's own "Điều khoản nguồn" list (so the page
works offline, mailed as one file), and the link's title holds the source sentence, so a
reader hovers to check it without leaving the table. Rendered with a sandboxed,
autoescaping Jinja2 environment: every value comes from documents people wrote.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

from cchc.generators.compare_model import Comparison, Survey
from cchc.resources import read_text


def _href(iri: str) -> str:
    """Only web addresses become links; anything else (a malformed IRI) points nowhere."""
    return iri if iri.startswith(("https://", "http://")) else "#"


@cache
def _template(name: str) -> Template:
    env = SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["href"] = _href
    return env.from_string(read_text("cchc.templates", name))


def title_of(comparison: Comparison) -> str:
    return "So sánh quy định cải cách hành chính: " + ", ".join(comparison.units)


def summary_of(comparison: Comparison) -> str:
    compared = sum(1 for row in comparison.rows if row.compared)
    pairs = sum(len(a.pairs) for a in comparison.alignments)
    text = f"{comparison.differing} trên {compared} nội dung khác nhau giữa các đơn vị"
    if comparison.alignments:
        text += f"; {pairs} cặp Điều được đối chiếu trong {len(comparison.alignments)} cặp văn bản cùng loại"
    return text + "."


def to_html(comparison: Comparison) -> str:
    references = comparison.references()
    return _template("compare.html.j2").render(
        title=title_of(comparison),
        summary=summary_of(comparison),
        units=comparison.units,
        sections=comparison.sections(),
        alignments=comparison.alignments,
        references=references,
        anchors={ref.iri: f"nguon-{n}" for n, ref in enumerate(references, start=1)},
        documents=comparison.documents,
    )


def survey_title(survey: Survey) -> str:
    return f"Cơ quan chủ trì lĩnh vực “{survey.area_label}” ở mọi đơn vị"


def survey_to_html(survey: Survey) -> str:
    references = list({ref.iri: ref for cell in survey.cells for value in cell.values for ref in value.refs}.values())
    return _template("compare_area.html.j2").render(
        title=survey_title(survey),
        survey=survey,
        references=references,
        anchors={ref.iri: f"nguon-{n}" for n, ref in enumerate(references, start=1)},
    )
