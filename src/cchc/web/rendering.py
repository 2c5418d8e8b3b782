"""Templates: Jinja2's sandbox with autoescape on, and the page response with its CSRF cookie."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import PackageLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from starlette.requests import Request
from starlette.responses import HTMLResponse

from cchc.web.security import CSRF_COOKIE, CSRF_FIELD, Csrf

NAVIGATION = (
    ("/", "Văn bản"), ("/nap-van-ban", "Nạp văn bản"), ("/ma-tran", "Ma trận"), ("/so-sanh", "So sánh"), ("/lich", "Lịch báo cáo"),
    ("/soan-thao", "Soạn thảo"), ("/sparql", "SPARQL"),
)


@cache
def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=PackageLoader("cchc.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page; a browser without a CSRF cookie gets one, so its forms can be posted."""
    csrf: Csrf = request.app.state.csrf
    token, cookie = csrf.issue(request)
    html = environment().get_template(template).render(
        navigation=NAVIGATION, current=request.url.path, csrf_field=CSRF_FIELD, csrf_token=token, **context
    )
    response = HTMLResponse(html, status_code=status_code)
    if cookie:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict")
    return response
