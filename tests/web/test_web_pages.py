"""Every page answers in Vietnamese, with labels instead of codes."""

from __future__ import annotations

import io
from urllib.parse import quote

import openpyxl
import pytest
from starlette.testclient import TestClient
from webhelpers import visible_text

from cchc.queries.runner import run_query
from cchc.web.store import ReadOnlyStore

CODES = ("chu_tri", "ke_hoach", "quy_che", "phoi_hop", "the_che")


@pytest.fixture(scope="module")
def documents(sample_store) -> list[dict[str, str]]:
    store = ReadOnlyStore(sample_store)
    try:
        return [{k: v.value for k, v in row.items() if v is not None} for row in run_query(store, "documents").rows]
    finally:
        store.close()


def pages(documents: list[dict[str, str]]) -> dict[str, str]:
    plan = next(d for d in documents if d["doc_kind"] == "ke_hoach")
    return {
        "/": "Văn bản trong kho",
        f"/van-ban?doc={quote(plan['doc'], safe='')}": "Mục lục",
        "/ma-tran": "Ma trận trách nhiệm",
        f"/ma-tran?unit={quote('huyện Chợ Mới')}": "Ma trận trách nhiệm",
        "/sparql": "Truy vấn SPARQL",
    }


def test_every_page_is_vietnamese_and_shows_no_codes(client: TestClient, documents) -> None:
    for path, heading in pages(documents).items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="vi">' in response.text
        text = visible_text(response.text)
        assert heading in text, path
        for code in CODES:
            assert code not in text, (path, code)


def test_navigation_links_every_page(client: TestClient) -> None:
    html = client.get("/").text
    for href in ('href="/"', 'href="/ma-tran"', 'href="/sparql"'):
        assert href in html


def test_every_form_field_has_a_label(client: TestClient) -> None:
    import re

    for path in ("/", "/ma-tran", "/sparql"):
        html = client.get(path).text
        for field_id in re.findall(r'<(?:select|textarea|input(?![^>]*type="hidden"))[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (path, field_id)


def test_health(client: TestClient) -> None:
    response = client.get("/suc-khoe")
    assert response.status_code == 200 and response.json() == {"ok": True}


def test_htmx_is_served_from_the_package(client: TestClient) -> None:
    response = client.get("/tinh/htmx.min.js")
    assert response.status_code == 200 and "htmx" in response.text[:200]


def test_document_list_filters_by_unit_and_kind(client: TestClient, documents) -> None:
    everything = client.get("/").text
    assert "1–5 trong 5 văn bản" in visible_text(everything) and "Phân trang" not in everything
    only = client.get("/", params={"unit": "huyện Chợ Mới"}).text
    table = only[only.index('id="bang-van-ban"'):]
    assert "1–1 trong 1 văn bản (lọc từ 5)" in visible_text(table) and "341/KH-UBND" in table and "2824/QĐ-UBND" not in table
    rules = client.get("/", params={"kind": "quy_che"}).text
    assert "Kế hoạch" not in visible_text(rules[rules.index('id="bang-van-ban"'):])


def test_document_list_pages_keep_the_filters(client: TestClient, documents, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc.web import documents as page

    monkeypatch.setattr(page, "PAGE_SIZE", 2)
    first = client.get("/").text
    assert "1–2 trong 5 văn bản" in visible_text(first) and "Trang 1 / 3" in visible_text(first)
    assert 'href="/?trang=2" rel="next"' in first and 'rel="prev"' not in first
    last = client.get("/", params={"trang": "3"}).text
    assert "5–5 trong 5 văn bản" in visible_text(last) and 'href="/?trang=2" rel="prev"' in last and 'rel="next"' not in last
    assert "Trang 3 / 3" in visible_text(client.get("/", params={"trang": "99"}).text)  # past the end: the last page
    assert "Trang 1 / 3" in visible_text(client.get("/", params={"trang": "abc"}).text)
    filtered = client.get("/", params={"kind": "quy_che"}).text
    assert "Phân trang" not in filtered or "kind=quy_che&amp;trang=2" in filtered


def test_document_page_lists_assignments_under_their_provision(client: TestClient, documents) -> None:
    rules = next(d for d in documents if d.get("number") == "118/QĐ-VP")
    html = client.get("/van-ban", params={"doc": rules["doc"]}).text
    text = visible_text(html)
    assert "Chương II" in text and "Điều 4" in text and "Khoản 1" in text
    article = html[html.index("Điều 4. Nhiệm vụ, quyền hạn của Trưởng Ban Chỉ đạo</h3>"):]
    assert article.index("Trưởng Ban Chỉ đạo</td><td>Chủ trì") < article.index("Điều 5")


def test_unknown_document_is_404_and_never_a_path(client: TestClient) -> None:
    assert client.get("/van-ban", params={"doc": "/etc/passwd"}).status_code == 404
    assert client.get("/van-ban", params={"doc": "https://example.org/khong-co"}).status_code == 404


def test_matrix_page_and_workbook(client: TestClient) -> None:
    html = client.get("/ma-tran", params={"unit": "Quảng Nam"}).text
    assert "Chủ trì</td>" in html and "background: #F8CBAD" in html
    response = client.get("/ma-tran.xlsx", params={"unit": "Quảng Nam"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="ma-tran-tinh-quang-nam.xlsx"' in response.headers["content-disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "Ma trận" in workbook.sheetnames


def test_matrix_of_an_unknown_unit_is_an_error_page(client: TestClient) -> None:
    response = client.get("/ma-tran", params={"unit": "xã Không Có"})
    assert response.status_code == 404 and 'role="alert"' in response.text
