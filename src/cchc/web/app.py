"""The ASGI app: routes, the read-only store view, and the guards.

Pages read ``app.state.store``, a read-only view; the upload page is the one writer, and
swaps in a fresh view when it has stored something (``cchc.web.upload``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from cchc.web.calendar import calendar_download, calendar_page
from cchc.web.compare import compare_download, compare_page
from cchc.web.documents import document_rows, documents_page
from cchc.web.draft import draft_download, draft_form, draft_preview
from cchc.web.matrix import matrix_download, matrix_page
from cchc.web.outline import document_page
from cchc.web.security import LOOPBACK_HOSTS, Csrf, GuardMiddleware
from cchc.web.sparql import sparql_page, sparql_run
from cchc.web.store import ReadOnlyStore
from cchc.web.upload import upload_files, upload_page


def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


def create_app(store_dir: Path, token: str | None = None, allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS) -> Starlette:
    """The workbench over the store at ``store_dir`` (fixed here: no request names a path).

    ``token``: every request must carry it (the app is open to the network).
    ``allowed_hosts``: the Host names answered; None answers any (with a token).
    """
    store = ReadOnlyStore(store_dir)  # opened now, so a missing store fails at start

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The document list every page reads is made now, so the first visitor does not wait for it.
        threading.Thread(target=document_rows, args=(store,), name="cchc-web-warm", daemon=True).start()
        try:
            yield
        finally:
            app.state.store.close()

    routes = [
        Route("/", documents_page),
        Route("/van-ban", document_page),
        Route("/nap-van-ban", upload_page, methods=["GET"]),
        Route("/nap-van-ban", upload_files, methods=["POST"]),
        Route("/ma-tran", matrix_page),
        Route("/ma-tran.xlsx", matrix_download),
        Route("/so-sanh", compare_page),
        Route("/so-sanh.html", compare_download),
        Route("/so-sanh.docx", compare_download),
        Route("/lich", calendar_page),
        Route("/lich.ics", calendar_download),
        Route("/soan-thao", draft_form, methods=["GET"]),
        Route("/soan-thao", draft_preview, methods=["POST"]),
        Route("/soan-thao.docx", draft_download, methods=["POST"]),
        Route("/sparql", sparql_page, methods=["GET"]),
        Route("/sparql", sparql_run, methods=["POST"]),
        Route("/suc-khoe", health),
        Mount("/tinh", app=StaticFiles(packages=[("cchc.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(GuardMiddleware, token=token, allowed_hosts=allowed_hosts)], lifespan=lifespan)
    app.state.store = store
    app.state.csrf = Csrf()
    return app
