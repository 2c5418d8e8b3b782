"""The web app's guards: the Host header, the access token, and CSRF tokens for forms.

- Host: on loopback only the loopback names are answered, so a page elsewhere cannot
  reach the workbench through DNS rebinding.
- Token: when the app is opened to the network it needs ``--token``; every request then
  carries it as ``Authorization: Bearer T`` or the ``token`` cookie that ``/?token=T`` sets.
- CSRF: each browser gets a random token in a signed cookie; every POST form repeats it in
  a hidden field, and a POST whose field does not match the cookie is refused (403).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSRF_COOKIE = "cchc_csrf"
CSRF_FIELD = "csrf"
TOKEN_COOKIE = "token"


def _host_name(host: str) -> str:
    """"127.0.0.1:8765" → "127.0.0.1"; "[::1]:8765" → "::1"."""
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


class GuardMiddleware:
    """Host check, then the token gate; everything else passes through."""

    def __init__(self, app: ASGIApp, token: str | None, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.token = token
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        response = self._check(request)
        if response is None:
            await self.app(scope, receive, send)
        else:
            await response(scope, receive, send)

    def _check(self, request: Request) -> Response | None:
        if self.allowed is not None and _host_name(request.headers.get("host", "")).lower() not in self.allowed:
            return PlainTextResponse("Tên máy không hợp lệ: chỉ truy cập qua http://127.0.0.1.", status_code=400)
        if self.token is None:
            return None
        given = request.query_params.get("token")
        if given is not None and request.method == "GET" and _same(given, self.token):
            # The token moves from the address to a cookie, out of the history and logs.
            rest = urlencode([(k, v) for k, v in parse_qsl(request.url.query) if k != "token"])
            response = RedirectResponse(request.url.path + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return response
        header = request.headers.get("authorization", "")
        bearer = header[7:] if header.lower().startswith("bearer ") else ""
        if _same(bearer, self.token) or _same(request.cookies.get(TOKEN_COOKIE, ""), self.token):
            return None
        return PlainTextResponse(
            "Cần mã truy cập: mở /?token=MÃ hoặc gửi tiêu đề Authorization: Bearer MÃ.",
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )


def _same(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


class Csrf:
    """Signed per-browser CSRF tokens; the key lives only as long as the app."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def _sign(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()

    def token_of(self, request: Request) -> str | None:
        """The browser's token, if its cookie carries a valid signature."""
        value, _, signature = request.cookies.get(CSRF_COOKIE, "").partition(".")
        if value and hmac.compare_digest(signature, self._sign(value)):
            return value
        return None

    def issue(self, request: Request) -> tuple[str, str | None]:
        """(the token for the form, the cookie to set, or None when the browser has it)."""
        known = self.token_of(request)
        if known:
            return known, None
        value = secrets.token_urlsafe(24)
        return value, f"{value}.{self._sign(value)}"

    def valid(self, request: Request, field: str | None) -> bool:
        known = self.token_of(request)
        return bool(known and field) and hmac.compare_digest(str(field), str(known))
