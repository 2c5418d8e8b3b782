"""Helpers of the web tests: the visible text of a page, a form's CSRF token."""

from __future__ import annotations

import re

from starlette.testclient import TestClient


def visible_text(html: str) -> str:
    """What a reader sees: no tags, scripts, attribute values or textarea content."""
    html = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


def csrf_of(client: TestClient) -> str:
    page = client.get("/sparql").text
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, "the SPARQL form carries a CSRF field"
    return match.group(1)
