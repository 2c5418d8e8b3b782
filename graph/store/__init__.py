"""The graph store: one interface, an embedded Oxigraph backend and a remote SPARQL 1.1 backend.

``open_store`` picks the backend: an explicit endpoint, else an explicit directory, else
``$CCHC_ENDPOINT``, else ``$CCHC_STORE``, else the per-user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from cchc.graph.store.base import GraphStore


def default_store_dir() -> Path:
    return Path(platformdirs.user_data_dir("cchc")) / "store"


def open_store(store_dir: str | Path | None = None, endpoint: str | None = None, **remote_options) -> GraphStore:
    from cchc.graph.store.embedded import EmbeddedStore
    from cchc.graph.store.remote import RemoteStore

    if endpoint:
        return RemoteStore(endpoint, **remote_options)
    if store_dir:
        return EmbeddedStore(store_dir)
    if os.environ.get("CCHC_ENDPOINT"):
        return RemoteStore(os.environ["CCHC_ENDPOINT"], **remote_options)
    return EmbeddedStore(os.environ.get("CCHC_STORE") or default_store_dir())
