"""The graph store: one interface, an embedded Oxigraph backend and a remote SPARQL 1.1 backend.

``open_store`` picks the backend: an explicit endpoint, else an explicit directory, else
``$CCHC_ENDPOINT``, else ``$CCHC_STORE``, else the per-user data directory.

A remote store takes the rest of its settings from the environment, so that every command
gets them without a flag of its own and a password never shows in the shell history or in
``ps``:

- ``CCHC_USER`` and ``CCHC_PASSWORD``: HTTP basic auth (digest when the server asks for it);
- ``CCHC_TOKEN``: a bearer token (instead of a user and password);
- ``CCHC_UPDATE_URL``, ``CCHC_GSP_URL``: when the URLs derived from the query URL are not
  the server's (``CCHC_GSP_URL=none`` writes batches as SPARQL Updates instead of GSP);
- ``CCHC_TIMEOUT`` (seconds per request), ``CCHC_RETRIES`` (tries after a transient failure).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc.errors import StoreError

if TYPE_CHECKING:  # base needs pyoxigraph; ``cchc --help`` imports this package and opens no store
    from cchc.graph.store.base import GraphStore

_NO_GSP = {"none", "off", "no", "0", ""}

# Where ``cchc serve-sparql`` listens by default (``endpoint`` re-exports them): kept here so
# its help can show them without loading the HTTP server.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def default_store_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("cchc")) / "store"


def _number(environ: Mapping[str, str], name: str, kind: type) -> Any:
    raw = environ[name].strip()
    try:
        value = kind(raw)
    except ValueError:
        raise StoreError(f"biến môi trường {name}={raw!r} không phải số hợp lệ") from None
    if value < 0:
        raise StoreError(f"biến môi trường {name}={raw!r} không được âm")
    return value


def remote_options_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Keyword arguments for ``RemoteStore`` from ``CCHC_*`` variables (see the module doc);
    contradictory or half-given credentials are an error rather than a silent anonymous
    request that the server would refuse with a less helpful message."""
    env = os.environ if environ is None else environ
    options: dict[str, Any] = {}
    user, password, token = env.get("CCHC_USER"), env.get("CCHC_PASSWORD"), env.get("CCHC_TOKEN")
    if token and (user or password):
        raise StoreError("đặt CCHC_TOKEN hoặc CCHC_USER/CCHC_PASSWORD để xác thực với máy chủ SPARQL, không đặt cả hai")
    if token:
        options["auth"] = token
    elif user or password:
        if not (user and password is not None):
            missing = "CCHC_PASSWORD" if user else "CCHC_USER"
            raise StoreError(f"thiếu {missing} để xác thực với máy chủ SPARQL (CCHC_USER và CCHC_PASSWORD đi cùng nhau)")
        options["auth"] = (user, password)
    if env.get("CCHC_UPDATE_URL"):
        options["update_url"] = env["CCHC_UPDATE_URL"]
    if "CCHC_GSP_URL" in env:
        gsp = env["CCHC_GSP_URL"].strip()
        options["gsp_url"] = "" if gsp.lower() in _NO_GSP else gsp
    if env.get("CCHC_TIMEOUT"):
        options["timeout"] = _number(env, "CCHC_TIMEOUT", float)
    if env.get("CCHC_RETRIES"):
        options["retries"] = _number(env, "CCHC_RETRIES", int)
    return options


def open_store(store_dir: str | Path | None = None, endpoint: str | None = None, **remote_options) -> GraphStore:
    # Each backend is imported only when chosen: the remote one pulls in SPARQLWrapper and
    # the HTTP stack, which a command on the embedded store never uses.
    if not endpoint and not store_dir:
        endpoint = os.environ.get("CCHC_ENDPOINT") or None
    if endpoint:
        from cchc.graph.store.remote import RemoteStore

        return RemoteStore(endpoint, **{**remote_options_from_env(), **remote_options})
    from cchc.graph.store.embedded import EmbeddedStore

    return EmbeddedStore(store_dir or os.environ.get("CCHC_STORE") or default_store_dir())
