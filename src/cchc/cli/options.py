"""Options shared by the commands that use the graph store, and opening the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.graph.store import open_store
from cchc.graph.store.base import GraphStore

StoreDir = Annotated[
    Optional[Path],
    typer.Option("--store", envvar="CCHC_STORE", help="Thư mục kho đồ thị nhúng (Oxigraph).", show_default=False),
]
Endpoint = Annotated[
    Optional[str],
    typer.Option("--endpoint", envvar="CCHC_ENDPOINT", help="URL truy vấn của máy chủ SPARQL 1.1 từ xa.", show_default=False),
]


def store_from(store_dir: Path | None, endpoint: str | None) -> GraphStore:
    return open_store(store_dir=store_dir, endpoint=endpoint)
