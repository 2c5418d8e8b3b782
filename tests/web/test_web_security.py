"""The guards: CSRF on forms, the access token, the Host check, escaping, a read-only store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import Store
from starlette.testclient import TestClient
from webhelpers import csrf_of

from cchc.web import create_app
from cchc.web.store import ReadOnlyStore

BASE = "http://127.0.0.1"
QUERY = {"query": "ASK {}"}


def test_post_without_csrf_token_is_403(client: TestClient) -> None:
    assert client.post("/sparql", data=QUERY).status_code == 403
    assert client.post("/sparql", data={**QUERY, "csrf": "forged"}).status_code == 403


def test_post_with_the_token_of_another_browser_is_403(sample_store: Path) -> None:
    app = create_app(sample_store)
    first, second = TestClient(app, base_url=BASE), TestClient(app, base_url=BASE)
    token = csrf_of(first)
    csrf_of(second)  # the second browser has its own cookie
    assert second.post("/sparql", data={**QUERY, "csrf": token}).status_code == 403
    assert first.post("/sparql", data={**QUERY, "csrf": token}).status_code == 200


def test_forged_csrf_cookie_is_refused(sample_store: Path) -> None:
    client = TestClient(create_app(sample_store), base_url=BASE)
    client.cookies.set("cchc_csrf", "abc.def")
    assert client.post("/sparql", data={**QUERY, "csrf": "abc"}).status_code == 403


def test_token_gate(sample_store: Path) -> None:
    app = create_app(sample_store, token="bi-mat", allowed_hosts=None)
    anonymous = TestClient(app, base_url="http://10.0.0.5:8765")
    for path in ("/", "/suc-khoe", "/sparql", "/ma-tran.xlsx?unit=Quảng Nam", "/tinh/htmx.min.js"):
        assert anonymous.get(path).status_code == 401, path
    assert anonymous.get("/", headers={"Authorization": "Bearer sai"}).status_code == 401
    assert anonymous.get("/?token=sai").status_code == 401
    assert anonymous.get("/suc-khoe", headers={"Authorization": "Bearer bi-mat"}).status_code == 200

    browser = TestClient(app, base_url="http://10.0.0.5:8765")
    visit = browser.get("/?token=bi-mat&unit=x", follow_redirects=False)
    assert visit.status_code == 303 and visit.headers["location"] == "/?unit=x"
    assert browser.get("/").status_code == 200  # the cookie carries the token now
    assert browser.post("/sparql", data={**QUERY, "csrf": csrf_of(browser)}).status_code == 200


def test_loopback_app_answers_only_loopback_names(sample_store: Path) -> None:
    app = create_app(sample_store)
    assert TestClient(app, base_url="http://evil.example:8765").get("/suc-khoe").status_code == 400
    for base in ("http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765"):
        assert TestClient(app, base_url=base).get("/suc-khoe").status_code == 200, base


@pytest.fixture(scope="module")
def scripted_store(sample_store_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the samples where one document's title is markup."""
    target = tmp_path_factory.mktemp("scripted") / "store"
    shutil.copytree(sample_store_master, target)
    store = Store(str(target))
    store.update(
        "PREFIX dct: <http://purl.org/dc/terms/> "
        "DELETE { GRAPH ?g { ?d dct:title ?t } } INSERT { GRAPH ?g { ?d dct:title \"<script>alert('x')</script> Kế hoạch\" } } "
        "WHERE { GRAPH ?g { ?d dct:title ?t ; <http://data.europa.eu/eli/ontology#id_local> \"341/KH-UBND\" } }"
    )
    del store
    return target


def test_titles_are_escaped(scripted_store: Path) -> None:
    client = TestClient(create_app(scripted_store), base_url=BASE)
    html = client.get("/").text
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html


def test_the_store_is_read_only_and_ingest_can_still_open_it(sample_store: Path) -> None:
    from cchc.errors import StoreError
    from cchc.graph.store.embedded import EmbeddedStore

    app = create_app(sample_store)
    store: ReadOnlyStore = app.state.store
    with pytest.raises(StoreError):
        store.clear()
    writer = EmbeddedStore(sample_store)  # the web app holds no write lock
    writer.close()


def test_app_refuses_a_missing_store(tmp_path: Path) -> None:
    from cchc.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "khong-co")
    assert not (tmp_path / "khong-co").exists()
