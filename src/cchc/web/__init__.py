"""``cchc web``: a local, read-only web workbench over the store, in Vietnamese.

Server-rendered pages (Starlette + Jinja2's sandbox, autoescaped) with htmx for partial
updates; no JavaScript build step. The store is opened read-only once, for the app's
lifetime, so ``cchc ingest`` can still write to it meanwhile.
"""

from __future__ import annotations

from cchc.web.app import create_app

__all__ = ["create_app"]
