"""Fixtures shared by every test folder: the sample corpus and a real SPARQL server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _oxigraph_binary() -> str:
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server (PyPI package oxigraph) is not installed: run `make test`")
    return found


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """A port nobody listens on, for a server a test starts."""
    return _free_port


@pytest.fixture(scope="session")
def sparql_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `oxigraph serve` on a free 127.0.0.1 port; yields its base URL."""
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph serve did not start: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def sample_store_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five sample documents ingested once for the whole run; never opened by a test.
    Tests get copies (``sample_store``), so a test that writes cannot change another's."""
    from cchc.graph.pipeline import ingest
    from cchc.graph.store.embedded import EmbeddedStore

    directory = tmp_path_factory.mktemp("samples") / "store"
    store = EmbeddedStore(directory)
    try:
        report = ingest(store, [CORPUS])
    finally:
        store.close()
    assert not report.failed, report.failed
    return directory


@pytest.fixture(scope="module")
def sample_store(sample_store_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A module's own copy of the ingested sample store (a directory copy: no ingest)."""
    target = tmp_path_factory.mktemp("sample-copy") / "store"
    shutil.copytree(sample_store_master, target)
    return target


@pytest.fixture
def remote_store(sparql_server: str):
    """A RemoteStore on the shared server, emptied before each test."""
    from cchc.graph.store.remote import RemoteStore

    store = RemoteStore(f"{sparql_server}/query")
    store.clear()
    return store


@pytest.fixture(params=["embedded", "remote"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path):
    """The same test against both backends."""
    if request.param == "embedded":
        from cchc.graph.store.embedded import EmbeddedStore

        store = EmbeddedStore(tmp_path / "store")
    else:
        store = request.getfixturevalue("remote_store")
    yield store
    store.close()
