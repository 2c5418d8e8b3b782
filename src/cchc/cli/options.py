"""Options shared by the commands that use the graph store, and opening the store.

Credentials and the other remote settings (CCHC_USER, CCHC_PASSWORD, CCHC_TOKEN,
CCHC_UPDATE_URL, CCHC_GSP_URL, CCHC_TIMEOUT, CCHC_RETRIES) are read from the environment by
``open_store``, not taken as flags: a password on the command line ends up in the shell
history and in ``ps``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.errors import StoreError
from cchc.graph.store import open_store
from cchc.graph.store.base import GraphStore

StoreDir = Annotated[
    Optional[Path],
    typer.Option("--store", envvar="CCHC_STORE", help="Thư mục kho đồ thị nhúng (Oxigraph).", show_default=False),
]
_ENDPOINT_HELP = (
    "URL truy vấn của máy chủ SPARQL 1.1 từ xa. Xác thực qua biến môi trường CCHC_USER và CCHC_PASSWORD, "
    "hoặc CCHC_TOKEN; CCHC_UPDATE_URL, CCHC_GSP_URL khi địa chỉ ghi khác mặc định."
)
Endpoint = Annotated[
    Optional[str],
    typer.Option("--endpoint", envvar="CCHC_ENDPOINT", help=_ENDPOINT_HELP, show_default=False),
]


def store_from(store_dir: Path | None, endpoint: str | None, create: bool = False) -> GraphStore:
    """The store a command works on; remote settings come from the environment.

    Only commands that write (``create``: ingest, units load) may make a new embedded
    store: a query against a mistyped ``--store`` would otherwise answer "nothing" from an
    empty store it just created, and leave that directory behind."""
    if not create and not endpoint:
        directory = chosen_store_dir(store_dir)
        if directory is not None and not directory.exists():
            raise StoreError(f"không tìm thấy kho đồ thị {directory}: hãy nạp văn bản trước (cchc ingest TỆP --store {directory})")
    return open_store(store_dir=store_dir, endpoint=endpoint)


def chosen_store_dir(store_dir: Path | None) -> Path | None:
    """The embedded store's directory the options and environment name; None for a remote one."""
    import os

    from cchc.graph.store import default_store_dir

    if store_dir:
        return Path(store_dir)
    if os.environ.get("CCHC_ENDPOINT"):
        return None
    return Path(os.environ.get("CCHC_STORE") or default_store_dir())


# Tables for people keep labels; --codes adds each coded column's codes (json always has them).
Codes = Annotated[bool, typer.Option("--codes", help="Thêm cột mã (mã lĩnh vực, vai trò, IRI điều khoản) bên cạnh nhãn; json luôn giữ mã.")]


# The result file of the commands that print a query's rows (table, csv, json, md, html, xlsx).
Output = Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp kết quả (mặc định: stdout; bắt buộc với xlsx).")]
