"""Page "So sánh" (``/so-sanh?unit=A&unit=B[&area=…]``): units' regulations side by side,
and the same comparison as a file (``/so-sanh.html``, ``/so-sanh.docx``).

The page reuses the library that ``cchc compare`` uses, so the browser and the command
line never disagree: the units are resolved as the CLI resolves them, the comparison is
built by ``compare_build.build`` and drawn by ``compare_html.to_html``, whose ``<body>`` the
page embeds (the library escapes what it renders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from cchc.errors import CchcError
from cchc.web.documents import unit_names
from cchc.web.rendering import render

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The areas offered in the select: (what the library resolves, what the page shows).
AREAS = (
    ("thể chế", "Cải cách thể chế"),
    ("thủ tục hành chính", "Cải cách thủ tục hành chính"),
    ("tổ chức bộ máy", "Cải cách tổ chức bộ máy"),
    ("công vụ", "Cải cách chế độ công vụ"),
    ("tài chính công", "Cải cách tài chính công"),
    ("chính phủ số", "Xây dựng chính phủ điện tử, chính phủ số"),
)


class Refused(Exception):
    """What the person asked for cannot be compared; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Asked:
    units: list[str]
    area: str


def wanted(request: Request) -> Asked:
    units = [u for u in request.query_params.getlist("unit") if u.strip()]
    return Asked(list(dict.fromkeys(units)), request.query_params.get("area", "").strip())


def comparison_of(store, asked: Asked):
    """The library's Comparison for the units and area asked; ``Refused`` with the reason otherwise."""
    from cchc.generators.compare_build import build
    from cchc.generators.compare_labels import notation
    from cchc.queries import resolve

    if len(asked.units) < 2:
        raise Refused("Cần chọn ít nhất hai đơn vị để so sánh.")
    try:
        area = resolve.area(asked.area) if asked.area else None
        units = [resolve.unit(store, unit) for unit in asked.units]
        return build(store, units, area=notation(area.value) if area else None)
    except CchcError as error:
        raise Refused(str(error)) from None


def body_of(html: str) -> Markup:
    """The content of the page's ``<body>``: the library made and escaped it."""
    match = re.search(r"<body[^>]*>(.*)</body>", html, flags=re.S | re.I)
    return Markup(match.group(1) if match else "")


def compare_page(request: Request) -> Response:
    from cchc.generators.compare_html import to_html

    store = request.app.state.store
    units = unit_names(store)
    asked = wanted(request)
    context: dict[str, Any] = {"units": units, "areas": AREAS, "chosen": asked.units, "area": asked.area, "query": _query(asked)}
    if not asked.units and not asked.area:
        return render(request, "compare.html.j2", body=None, **context)
    try:
        comparison = comparison_of(store, asked)
    except Refused as refusal:
        return render(request, "compare.html.j2", status_code=400, body=None, error=str(refusal), **context)
    return render(request, "compare.html.j2", body=body_of(to_html(comparison)), **context)


def compare_download(request: Request) -> Response:
    from cchc.generators.compare_docx import to_docx
    from cchc.generators.compare_html import to_html

    fmt = request.url.path.rsplit(".", 1)[-1]
    try:
        comparison = comparison_of(request.app.state.store, wanted(request))
    except Refused as refusal:
        return Response(str(refusal), status_code=400, media_type="text/plain; charset=utf-8")
    name = f"so-sanh.{fmt}"
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    if fmt == "docx":
        return Response(to_docx(comparison), media_type=DOCX, headers={"Content-Disposition": disposition})
    return Response(to_html(comparison), media_type="text/html; charset=utf-8", headers={"Content-Disposition": disposition})


def _query(asked: Asked) -> list[tuple[str, str]]:
    """The pairs of the download links' query string (Jinja's urlencode takes a list of pairs)."""
    return [("unit", u) for u in asked.units] + ([("area", asked.area)] if asked.area else [])
