"""The remote store over real HTTP: authentication (Basic, Bearer, Digest), retries with
backoff on transient failures, clear one-line errors, and bulk loading through the Graph
Store Protocol — against the real `oxigraph serve` behind the test proxy of conftest.py.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from cchc.errors import StoreError
from cchc.graph.store import open_store, remote_options_from_env
from cchc.graph.store.remote import RemoteStore, derive_gsp_url, derive_update_url

if TYPE_CHECKING:  # the fixtures' types, from this folder's conftest.py
    from conftest import Proxy

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
EX = "https://example.org/"
TITLE = NamedNode("http://purl.org/dc/terms/title")
DOCUMENTS = sorted(CORPUS.glob("*.txt"))


def doc(name: str, *titles: str) -> list[Triple]:
    return [Triple(NamedNode(EX + name), TITLE, Literal(t, language="vi")) for t in titles]


def store(proxy: Proxy, **options) -> RemoteStore:
    """A store through the proxy, with short pauses so retry tests stay quick."""
    return RemoteStore(f"{proxy.url}/query", **{"backoff": 0.05, **options})


def direct(proxy: Proxy) -> RemoteStore:
    """The same server without the proxy: what really got stored."""
    return RemoteStore(f"{proxy.upstream}/query")


def one_line_error(result) -> str:
    """The CLI's stderr must be exactly one "Lỗi: …" line, and no traceback."""
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Lỗi: ")
    return lines[0]


# authentication ---------------------------------------------------------------------


def test_cli_ingest_with_basic_auth_from_env(proxy: Proxy, run_cchc) -> None:
    proxy.gate.basic = ("cchc", "mật khẩu đúng")
    env = {"CCHC_USER": "cchc", "CCHC_PASSWORD": "mật khẩu đúng"}
    result = run_cchc("ingest", "--endpoint", f"{proxy.url}/query", str(CORPUS), env=env)
    assert result.returncode == 0, result.stderr
    assert f"Đã nạp {len(DOCUMENTS)} văn bản" in result.stdout
    # the data is on the server, one graph per document plus the ontology
    assert len(direct(proxy).graph_names()) == len(DOCUMENTS) + 1
    # documents went in bulk by GSP PUT (one per graph), the ontology by one update
    puts = [entry for entry in proxy.gate.log if entry[0] == "PUT"]
    assert [(path, status // 100) for _, path, status in puts] == [("/store", 2)] * len(DOCUMENTS)
    assert ("POST", "/update", 204) in proxy.gate.log
    # and reads through the proxy answer like the embedded store does
    asked = run_cchc(
        "who-leads", "cải cách thể chế", "--unit", "Mỹ Xuyên", "--format", "json", "--endpoint", f"{proxy.url}/query", env=env
    )
    assert asked.returncode == 0, asked.stderr
    assert {row["agency"] for row in json.loads(asked.stdout)} == {"Phòng Tư pháp"}


def test_wrong_password_is_one_clear_line(proxy: Proxy, run_cchc) -> None:
    proxy.gate.basic = ("cchc", "đúng")
    with pytest.raises(StoreError, match="từ chối xác thực") as caught:
        store(proxy, auth=("cchc", "pw-XYZ-123")).graph_names()
    message = str(caught.value)
    assert "\n" not in message and proxy.url in message and "pw-XYZ-123" not in message

    env = {"CCHC_USER": "cchc", "CCHC_PASSWORD": "pw-XYZ-123"}
    result = run_cchc("ingest", "--endpoint", f"{proxy.url}/query", str(DOCUMENTS[0]), env=env)
    assert result.returncode == 3
    line = one_line_error(result)
    assert "xác thực" in line and "HTTP 401" in line and proxy.url in line
    assert direct(proxy).graph_names() == []


def test_missing_credentials_say_what_to_set(proxy: Proxy) -> None:
    proxy.gate.basic = ("cchc", "đúng")
    with pytest.raises(StoreError, match="đòi xác thực.*CCHC_USER.*CCHC_TOKEN"):
        store(proxy).count()


def test_bearer_token(proxy: Proxy) -> None:
    proxy.gate.bearer = "tok-123"
    good = store(proxy, auth="tok-123")
    good.replace_graph(EX + "g1", doc("a", "Một"))
    good.write_batch({EX + "g2": doc("b", "Hai")})
    assert good.graph_names() == [EX + "g1", EX + "g2"]
    with pytest.raises(StoreError, match="từ chối xác thực.*sai token"):
        store(proxy, auth="tok-456").graph_names()


def test_bearer_token_from_env_through_the_cli(proxy: Proxy, run_cchc) -> None:
    proxy.gate.bearer = "tok-123"
    result = run_cchc("ingest", "--endpoint", f"{proxy.url}/query", str(DOCUMENTS[0]), env={"CCHC_TOKEN": "tok-123"})
    assert result.returncode == 0, result.stderr
    refused = run_cchc("docs", "list", "--endpoint", f"{proxy.url}/query", env={"CCHC_TOKEN": "khác"})
    assert refused.returncode == 3
    assert "xác thực" in one_line_error(refused)


def test_digest_auth_like_virtuoso(proxy: Proxy) -> None:
    """Virtuoso's /sparql-auth wants Digest and answers a Basic header with a bare 401."""
    proxy.gate.digest = ("dba", "dba")
    good = store(proxy, auth=("dba", "dba"))
    good.write_batch({EX + "g1": doc("a", "Một")})
    good.replace_graph(EX + "g2", doc("b", "Hai"))
    assert good.count() == 2 and good.remove_graph(EX + "g2")
    assert direct(proxy).graph_names() == [EX + "g1"]
    with pytest.raises(StoreError, match="từ chối xác thực"):
        store(proxy, auth=("dba", "sai")).count()


def test_credentials_in_the_url_are_used_and_never_shown(proxy: Proxy) -> None:
    proxy.gate.basic = ("cchc", "bí mật")
    base = proxy.url.replace("http://", "http://cchc:b%C3%AD%20m%E1%BA%ADt@")
    remote = RemoteStore(f"{base}/query")
    remote.replace_graph(EX + "g1", doc("a", "Một"))
    assert remote.graph_names() == [EX + "g1"]
    assert "bí" not in remote.location and "@" not in remote.location + remote.update_url + remote.gsp_url


# retries and failures -----------------------------------------------------------------


def test_transient_503_is_retried_with_backoff(proxy: Proxy) -> None:
    proxy.gate.fail_first = 2
    remote = store(proxy, backoff=0.2)
    started = time.monotonic()
    remote.replace_graph(EX + "g1", doc("a", "Một"))
    assert time.monotonic() - started >= 0.2 + 0.4  # two pauses, doubling
    assert proxy.gate.statuses() == [503, 503, 204]
    assert direct(proxy).count() == 1


def test_gsp_put_is_retried_too(proxy: Proxy) -> None:
    proxy.gate.fail_first = 2
    store(proxy).write_batch({EX + "g1": doc("a", "Một")})
    assert [(method, status) for method, _, status in proxy.gate.log] == [("PUT", 503), ("PUT", 503), ("PUT", 201)]
    assert direct(proxy).count(EX + "g1") == 1


def test_retry_after_is_honoured(proxy: Proxy) -> None:
    proxy.gate.fail_first, proxy.gate.fail_status, proxy.gate.retry_after = 1, 429, "1"
    started = time.monotonic()
    assert store(proxy, backoff=0.01).graph_names() == []
    assert time.monotonic() - started >= 1.0
    assert proxy.gate.statuses() == [429, 200]


def test_a_server_that_keeps_failing_is_a_clear_error(proxy: Proxy, run_cchc) -> None:
    proxy.gate.fail_always = True
    with pytest.raises(StoreError) as caught:
        store(proxy, retries=2).replace_graph(EX + "g1", doc("a", "Một"))
    message = str(caught.value)
    assert message.startswith(f"máy chủ SPARQL {proxy.url}/update vẫn lỗi sau 3 lần thử: HTTP 503")
    assert "\n" not in message and "<" not in message
    assert proxy.gate.statuses() == [503] * 3

    result = run_cchc("ingest", "--endpoint", f"{proxy.url}/query", str(DOCUMENTS[0]), env={"CCHC_RETRIES": "1"})
    assert result.returncode == 3
    assert "vẫn lỗi sau 2 lần thử" in one_line_error(result)


def test_a_plain_500_is_not_retried(proxy: Proxy) -> None:
    """Virtuoso reports permission and SQL errors as 500: a retry cannot fix them."""
    proxy.gate.fail_always, proxy.gate.fail_status = True, 500
    with pytest.raises(StoreError, match="trả lỗi HTTP 500"):
        store(proxy).count()
    assert proxy.gate.statuses() == [500]


def test_server_down_after_retries(proxy: Proxy) -> None:
    with pytest.raises(StoreError, match=r"không kết nối được máy chủ SPARQL http://127.0.0.1:9/query: .*\(đã thử 2 lần\)"):
        RemoteStore("http://127.0.0.1:9/query", retries=1, backoff=0.01).graph_names()


# bulk loading through the Graph Store Protocol -------------------------------------------


def test_write_batch_puts_each_graph_and_replaces_it(proxy: Proxy) -> None:
    remote = store(proxy)
    remote.replace_graph(EX + "g1", doc("a", "Cũ", "Phụ lục cũ"))
    remote.write_batch({EX + "g1": doc("a", "Mới"), EX + "g2": b'<https://example.org/b> <http://purl.org/dc/terms/title> "Hai"@vi .\n'})
    remote.write_batch({EX + "g1": doc("a", "Mới")})  # idempotent
    assert remote.count() == 2 and remote.count(EX + "g1") == 1
    assert [method for method, path, _ in proxy.gate.log if path == "/store"] == ["PUT", "PUT", "PUT"]


def test_reingest_through_the_cli_is_idempotent(proxy: Proxy, run_cchc) -> None:
    endpoint = f"{proxy.url}/query"
    assert run_cchc("ingest", "--endpoint", endpoint, str(CORPUS)).returncode == 0
    first = direct(proxy).count()
    assert run_cchc("ingest", "--endpoint", endpoint, str(CORPUS)).returncode == 0
    assert direct(proxy).count() == first
    assert len([1 for method, _, _ in proxy.gate.log if method == "PUT"]) == 2 * len(DOCUMENTS)


def test_gsp_can_be_turned_off(proxy: Proxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_GSP_URL", "none")
    remote = open_store(endpoint=f"{proxy.url}/query", backoff=0.01)
    remote.write_batch({EX + "g1": doc("a", "Một"), EX + "g2": b""})
    assert remote.graph_names() == [EX + "g1"]
    assert {method for method, _, _ in proxy.gate.log} == {"POST"}


def test_wrong_gsp_url_says_how_to_fix_it(proxy: Proxy) -> None:
    with pytest.raises(StoreError, match="không nhận Graph Store Protocol.*CCHC_GSP_URL"):
        store(proxy, gsp_url=f"{proxy.url}/no-such-service").write_batch({EX + "g1": doc("a", "Một")})


# settings ---------------------------------------------------------------------------------


def test_remote_options_from_env() -> None:
    assert remote_options_from_env({}) == {}
    assert remote_options_from_env({"CCHC_USER": "u", "CCHC_PASSWORD": "p"}) == {"auth": ("u", "p")}
    assert remote_options_from_env({"CCHC_TOKEN": "t", "CCHC_RETRIES": "5", "CCHC_TIMEOUT": "2.5"}) == {
        "auth": "t",
        "retries": 5,
        "timeout": 2.5,
    }
    assert remote_options_from_env({"CCHC_GSP_URL": "off", "CCHC_UPDATE_URL": "http://h/u"}) == {
        "gsp_url": "",
        "update_url": "http://h/u",
    }
    with pytest.raises(StoreError, match="không đặt cả hai"):
        remote_options_from_env({"CCHC_TOKEN": "t", "CCHC_USER": "u", "CCHC_PASSWORD": "p"})
    with pytest.raises(StoreError, match="thiếu CCHC_PASSWORD"):
        remote_options_from_env({"CCHC_USER": "u"})
    with pytest.raises(StoreError, match="CCHC_RETRIES"):
        remote_options_from_env({"CCHC_RETRIES": "nhiều"})


def test_urls_of_virtuoso_endpoints() -> None:
    assert derive_update_url("http://h:8890/sparql-auth") == "http://h:8890/sparql-auth"
    assert derive_gsp_url("http://h:8890/sparql-auth") == "http://h:8890/sparql-graph-crud-auth"
    assert derive_gsp_url("http://h:3030/ds/sparql") == "http://h:3030/ds/data"
    assert derive_gsp_url("http://h:3030/ds") == "http://h:3030/ds"


def test_oxigraph_keeps_its_default_graph_apart(remote_store: RemoteStore) -> None:
    remote_store.replace_graph(EX + "g1", doc("a", "Một"))
    remote_store._update('INSERT DATA { <https://example.org/d> <http://purl.org/dc/terms/title> "mặc định" }')
    assert remote_store.default_graph_is_union() is False
    assert remote_store.count() == 2


def test_digest_with_a_non_ascii_password_is_a_clear_error(proxy: Proxy) -> None:
    proxy.gate.digest = ("dba", "mật khẩu")
    with pytest.raises(StoreError, match="digest.*ASCII"):
        store(proxy, auth=("dba", "mật khẩu")).count()
