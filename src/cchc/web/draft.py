"""Page "Soạn thảo" (``/soan-thao``): a short form (unit, level, kind, date) that drafts a text
the way ``cchc draft`` does, shows it, and offers it as a .docx (``POST /soan-thao.docx``).

The CLI reads a profile YAML from ``examples/profiles/``; those files are not in the wheel,
so the page builds the same kind of profile as a dict, from the example nearest to the chosen
level (a xã/phường one or a tỉnh one), and hands it to ``cchc.generators.profile.validate``,
the checker behind ``load_profile``. Nothing is written to disk. Both POSTs carry the CSRF
field, as every form of the workbench does.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from cchc.errors import CchcError
from cchc.generators.draft_kinds import KINDS
from cchc.web.rendering import render
from cchc.web.security import CSRF_FIELD

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LEVELS = ("xã", "phường", "tỉnh")
EXPIRED = "Biểu mẫu hết hạn hoặc không hợp lệ (thiếu mã chống giả mạo); hãy tải lại trang rồi gửi lại."
FIELDS = ("unit_name", "level", "province", "kind", "date")


def kinds() -> list[tuple[str, str]]:
    """(slug, the kind's Vietnamese name) for the select; a name, never a code, is shown."""
    names = {"quy-che-bcd": "Quy chế hoạt động của Ban Chỉ đạo", "quy-che-phoi-hop": "Quy chế phối hợp",
             "quy-dinh-nguoi-dung-dau": "Quy định trách nhiệm người đứng đầu"}
    return [(slug, names.get(slug, kind.word)) for slug, kind in KINDS.items()]


def _local(name: str, level: str, province: str) -> dict[str, Any]:
    """A xã or phường, after examples/profiles/xa-tan-phu.yaml."""
    office = f"Văn phòng HĐND và UBND {level}"
    return {
        "unit": {"name": name, "level": level, "province": province},
        "signer": {"authority": "TM", "title": "Chủ tịch"},
        "agencies": [
            {"name": office, "functions": ["van_phong", "tu_phap"], "short": "VP"},
            {"name": "Phòng Kinh tế", "functions": ["tai_chinh", "ke_hoach_dau_tu"], "short": "KT"},
            {"name": "Phòng Văn hóa - Xã hội", "functions": ["noi_vu", "van_hoa_thong_tin", "khoa_hoc_cong_nghe", "thong_tin_truyen_thong"],
             "short": "VHXH"},
            {"name": f"Trung tâm Phục vụ hành chính công {level}", "functions": ["hanh_chinh_cong"], "short": "TTPVHCC"},
        ],
        "steering": {
            "name": f"Ban Chỉ đạo cải cách hành chính {level} {name}", "short": "Ban Chỉ đạo", "remit": "cải cách hành chính",
            "head": f"Chủ tịch Ủy ban nhân dân {level}",
            "deputies": [{"post": f"Phó Chủ tịch Ủy ban nhân dân {level}", "standing": True}, {"agency": "Phòng Văn hóa - Xã hội"}],
            "members": [office, "Phòng Kinh tế", f"Trung tâm Phục vụ hành chính công {level}"],
            "standing": "Phòng Văn hóa - Xã hội", "working_group": "Tổ giúp việc",
        },
        "cadence": {"meetings_per_year": 4, "reports": [{"recipient": "Ban Chỉ đạo", "via": "Phòng Văn hóa - Xã hội", "period": "quarterly", "day": 15}]},
    }


def _province(name: str) -> dict[str, Any]:
    """A tỉnh, after examples/profiles/tinh-quang-ngai.yaml."""
    return {
        "unit": {"name": name, "level": "tỉnh"},
        "signer": {"authority": "KT", "on_behalf_of": "Chủ tịch", "title": "Phó Chủ tịch"},
        "agencies": [
            {"name": "Sở Nội vụ", "functions": ["noi_vu"], "short": "SNV"},
            {"name": "Sở Tư pháp", "functions": ["tu_phap"]},
            {"name": "Sở Tài chính", "functions": ["tai_chinh", "ke_hoach_dau_tu"]},
            {"name": "Sở Khoa học và Công nghệ", "functions": ["khoa_hoc_cong_nghe", "thong_tin_truyen_thong"]},
            {"name": "Văn phòng Ủy ban nhân dân tỉnh", "functions": ["van_phong"]},
            {"name": "Trung tâm Phục vụ hành chính công tỉnh", "functions": ["hanh_chinh_cong"]},
        ],
        "steering": {
            "name": f"Ban Chỉ đạo cải cách hành chính tỉnh {name}", "remit": "cải cách hành chính", "head": "Chủ tịch Ủy ban nhân dân tỉnh",
            "deputies": [{"post": "Phó Chủ tịch Ủy ban nhân dân tỉnh", "standing": True}, {"agency": "Sở Nội vụ"}],
            "members": ["Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Văn phòng Ủy ban nhân dân tỉnh"],
            "standing": "Sở Nội vụ", "working_group": "Tổ giúp việc",
        },
        "cadence": {"meetings_per_year": 2, "reports": [{"recipient": "Ban Chỉ đạo", "via": "Sở Nội vụ", "period": "quarterly", "day": 15}]},
    }


def values_of(form: FormData) -> dict[str, str]:
    return {name: " ".join(str(form.get(name, "")).split()) for name in FIELDS}


def problems_of(values: dict[str, str]) -> dict[str, str]:
    """Field → message, shown next to the field it is about."""
    problems = {}
    if not values["unit_name"]:
        problems["unit_name"] = "Cần nhập tên đơn vị"
    if values["level"] not in LEVELS:
        problems["level"] = "Cần chọn cấp đơn vị"
    elif values["level"] != "tỉnh" and not values["province"]:
        problems["province"] = "Cần nhập tỉnh, thành phố của đơn vị cấp xã, phường"
    if values["kind"] not in KINDS:
        problems["kind"] = "Cần chọn loại văn bản"
    if values["date"]:
        try:
            dt.date.fromisoformat(values["date"])
        except ValueError:
            problems["date"] = "Ngày không hợp lệ (dạng NĂM-THÁNG-NGÀY, vd. 2026-03-15)"
    return problems


def draft_of(values: dict[str, str]):
    """The draft for valid form values: a profile dict checked by the library, then ``make_draft``."""
    from cchc.generators.drafting import make_draft
    from cchc.generators.profile import validate

    name, level = values["unit_name"], values["level"]
    raw = _province(name) if level == "tỉnh" else _local(name, level, values["province"])
    day = dt.date.fromisoformat(values["date"]) if values["date"] else None
    raw.update({"place": name, "year": day.year if day else dt.date.today().year, "date": values["date"] or None})
    return make_draft(values["kind"], validate(raw, "biểu mẫu"))


def _body(html: bytes) -> str:
    text = html.decode("utf-8")
    match = re.search(r"<body[^>]*>(.*)</body>", text, flags=re.S | re.I)
    return match.group(1) if match else text


def _page(request: Request, values: dict[str, str], status_code: int = 200, **context: Any) -> Response:
    return render(request, "draft.html.j2", status_code=status_code, values=values, levels=LEVELS, kinds=kinds(), **context)


def draft_form(request: Request) -> Response:
    return _page(request, dict.fromkeys(FIELDS, "") | {"level": "xã", "kind": "quy-che-bcd"}, problems={})


async def draft_preview(request: Request) -> Response:
    from cchc.generators.drafting import render as render_draft

    form = await request.form()
    values = values_of(form)
    if not request.app.state.csrf.valid(request, form.get(CSRF_FIELD)):
        return _page(request, values, status_code=403, problems={}, error=EXPIRED)
    problems = problems_of(values)
    if problems:
        return _page(request, values, status_code=400, problems=problems)
    try:
        draft = draft_of(values)
        preview = Markup("".join(_body(payload) for payload in render_draft(draft, "html")))  # the library escapes what it renders
    except CchcError as error:
        return _page(request, values, status_code=400, problems={}, error=str(error))
    return _page(request, values, problems={}, preview=preview, to_complete=draft.to_complete)


async def draft_download(request: Request) -> Response:
    from cchc.generators.drafting import render as render_draft

    form = await request.form()
    values = values_of(form)
    if not request.app.state.csrf.valid(request, form.get(CSRF_FIELD)):
        return Response(EXPIRED, status_code=403, media_type="text/plain; charset=utf-8")
    problems = problems_of(values)
    if problems:
        return Response("; ".join(problems.values()), status_code=400, media_type="text/plain; charset=utf-8")
    try:
        payload = render_draft(draft_of(values), "docx")[0]
    except CchcError as error:
        return Response(str(error), status_code=400, media_type="text/plain; charset=utf-8")
    name = f"{values['kind']}.docx"
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    return Response(payload, media_type=DOCX, headers={"Content-Disposition": disposition})
