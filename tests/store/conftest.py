"""A real HTTP gatekeeper in front of the real `oxigraph serve`: a standard-library reverse
proxy on 127.0.0.1 that demands credentials (Basic, Bearer, or Virtuoso-style Digest) or
fails on purpose (503 for the first N requests, or always), and forwards everything else.

The remote store then meets what real servers do — challenges, refused logins, overload —
over real sockets, with no mock anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import secrets
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CCHC = Path(sys.executable).parent / "cchc"
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "authorization", "host"}


@dataclass
class Gate:
    """What the proxy demands and how it misbehaves; a test sets the fields it needs."""

    basic: tuple[str, str] | None = None
    bearer: str | None = None
    digest: tuple[str, str] | None = None  # answered like Virtuoso's /sparql-auth
    fail_first: int = 0  # this many requests get ``fail_status`` before any is forwarded
    fail_always: bool = False
    fail_status: int = 503
    retry_after: str | None = None
    log: list[tuple[str, str, int]] = field(default_factory=list)  # method, path, status
    nonces: set[str] = field(default_factory=set)

    def statuses(self) -> list[int]:
        return [status for _, _, status in self.log]


def _digest_ok(header: str, method: str, gate: Gate) -> bool:
    """RFC 2617 digest with qop=auth, checked the way a server checks it."""
    assert gate.digest is not None
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest ") :]))
    user, password = gate.digest
    if fields.get("username") != user or fields.get("nonce") not in gate.nonces:
        return False
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # noqa: E731
    ha1 = md5(f"{user}:{fields.get('realm')}:{password}")
    ha2 = md5(f"{method}:{fields.get('uri')}")
    expected = md5(f"{ha1}:{fields['nonce']}:{fields.get('nc')}:{fields.get('cnonce')}:{fields.get('qop')}:{ha2}")
    return secrets.compare_digest(expected, fields.get("response", ""))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_ProxyServer"

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def _reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.server.gate.log.append((self.command, self.path.split("?")[0], status))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refusal(self) -> tuple[int, dict[str, str]] | None:
        """None when the request may pass; else the 401 a real server would send."""
        gate, given = self.server.gate, self.headers.get("Authorization", "")
        if gate.basic:
            expected = base64.b64encode(":".join(gate.basic).encode()).decode()
            if given != f"Basic {expected}":
                return 401, {"WWW-Authenticate": 'Basic realm="cchc-test"'}
        if gate.bearer and given != f"Bearer {gate.bearer}":
            return 401, {"WWW-Authenticate": 'Bearer realm="cchc-test", error="invalid_token"'}
        if gate.digest:
            if given.startswith("Basic "):  # Virtuoso: a bare 401, no challenge
                return 401, {}
            if not (given.startswith("Digest ") and _digest_ok(given, self.command, gate)):
                nonce = secrets.token_hex(16)
                gate.nonces.add(nonce)
                challenge = f'Digest realm="SPARQL", nonce="{nonce}", qop="auth", algorithm="MD5"'
                return 401, {"WWW-Authenticate": challenge}
        return None

    def _handle(self) -> None:
        gate = self.server.gate
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        refusal = self._refusal()
        if refusal:
            self._reply(refusal[0], b"Unauthorized", refusal[1])
            return
        if gate.fail_always or gate.fail_first > 0:
            gate.fail_first -= 1
            headers = {"Retry-After": gate.retry_after} if gate.retry_after else {}
            self._reply(gate.fail_status, b"<html><body><h1>Service Unavailable</h1>overloaded</body></html>", headers)
            return
        upstream = http.client.HTTPConnection(self.server.upstream.hostname, self.server.upstream.port, timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            data = response.read()
            passed = {k: v for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP}
            self._reply(response.status, data, passed)
        finally:
            upstream.close()


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, gate: Gate) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = urllib.parse.urlsplit(upstream)
        self.gate = gate


@dataclass
class Proxy:
    url: str  # base URL: query at /query, update at /update, GSP at /store (like Oxigraph)
    upstream: str
    gate: Gate


def _drop_all(base: str) -> None:
    from cchc.graph.store.remote import RemoteStore

    RemoteStore(f"{base}/query")._update("DROP ALL")


@pytest.fixture
def proxy(sparql_server: str) -> Iterator[Proxy]:
    """The gatekeeper in front of the session's `oxigraph serve`, whose data is dropped
    before and after the test (other folders' tests share that server)."""
    _drop_all(sparql_server)
    gate = Gate()
    server = _ProxyServer(sparql_server, gate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Proxy(f"http://127.0.0.1:{server.server_address[1]}", sparql_server, gate)
    finally:
        server.shutdown()
        server.server_close()
        _drop_all(sparql_server)


def _run_cchc(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed `cchc` command in a child process, as a user runs it: exit status and
    both streams as they are, tracebacks included if there were any. CCHC_* variables of the
    calling shell are removed so only the test's settings apply."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CCHC_")}
    clean.update(env or {})
    clean.setdefault("COLUMNS", "200")
    return subprocess.run([str(CCHC), *args], capture_output=True, text=True, env=clean, timeout=timeout)


@pytest.fixture
def run_cchc():
    """``run_cchc(*args, env=…)``: the installed `cchc` command in a child process."""
    return _run_cchc
