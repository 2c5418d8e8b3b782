"""The pages "So sánh", "Lịch báo cáo" and "Soạn thảo": Vietnamese, labelled, and their downloads."""

from __future__ import annotations

import io
import re

import docx
from starlette.testclient import TestClient
from webhelpers import csrf_of, visible_text

PAGES = {"/so-sanh": "So sánh đơn vị", "/lich?year=2026": "Lịch báo cáo và họp", "/soan-thao": "Soạn thảo văn bản"}
UNITS = [("unit", "huyện Chợ Mới"), ("unit", "huyện Mỹ Xuyên")]


def test_pages_are_vietnamese_labelled_and_in_the_navigation(client: TestClient) -> None:
    for path, heading in PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert '<html lang="vi">' in html and heading in visible_text(html)
        for href in ('href="/so-sanh"', 'href="/lich"', 'href="/soan-thao"'):
            assert href in html
        for field_id in re.findall(r'<(?:select|textarea|input(?![^>]*type="hidden"))[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (path, field_id)


def test_compare_lists_the_units_and_shows_the_comparison(client: TestClient) -> None:
    form = client.get("/so-sanh").text
    assert "huyện Chợ Mới" in form and "huyện Mỹ Xuyên" in form
    response = client.get("/so-sanh", params=UNITS)
    assert response.status_code == 200
    text = visible_text(response.text)
    assert "Chợ Mới" in text and "Mỹ Xuyên" in text
    assert "/so-sanh.docx?" in response.text and "/so-sanh.html?" in response.text


def test_compare_by_area(client: TestClient) -> None:
    response = client.get("/so-sanh", params=[*UNITS, ("area", "thể chế")])
    assert response.status_code == 200 and "Chợ Mới" in visible_text(response.text)


def test_compare_needs_two_units(client: TestClient) -> None:
    response = client.get("/so-sanh", params=UNITS[:1])
    assert response.status_code == 400 and "ít nhất hai đơn vị" in response.text


def test_compare_downloads(client: TestClient) -> None:
    page = client.get("/so-sanh.html", params=UNITS)
    assert page.status_code == 200 and "attachment" in page.headers["content-disposition"] and "<body" in page.text
    word = client.get("/so-sanh.docx", params=UNITS)
    assert word.status_code == 200 and "attachment" in word.headers["content-disposition"]
    assert docx.Document(io.BytesIO(word.content)).paragraphs


def test_calendar_table_and_ics(client: TestClient) -> None:
    response = client.get("/lich", params={"year": "2026"})
    assert response.status_code == 200
    assert "<table>" in response.text and "/lich.ics?year=2026" in response.text
    ics = client.get("/lich.ics", params={"year": "2026"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics.text


def test_calendar_of_one_unit_and_a_bad_year(client: TestClient) -> None:
    assert client.get("/lich", params={"year": "2026", "unit": "huyện Chợ Mới"}).status_code == 200
    bad = client.get("/lich", params={"year": "năm nay"})
    assert bad.status_code == 400 and "Năm không hợp lệ" in bad.text


def _fields(client: TestClient, **changes: str) -> dict[str, str]:
    fields = {"csrf": csrf_of(client), "unit_name": "Tân Phú", "level": "xã", "province": "tỉnh Đồng Nai", "kind": "quy-che-bcd", "date": "2026-03-15"}
    return fields | changes


def test_draft_empty_unit_is_refused_in_place(client: TestClient) -> None:
    response = client.post("/soan-thao", data=_fields(client, unit_name="", province="tỉnh Đồng Nai X"))
    assert response.status_code == 400
    assert "Cần nhập tên đơn vị" in response.text
    assert 'value="tỉnh Đồng Nai X"' in response.text  # the form keeps what was typed


def test_draft_without_csrf_is_refused(client: TestClient) -> None:
    fields = _fields(client)
    del fields["csrf"]
    assert client.post("/soan-thao", data=fields).status_code == 403
    assert client.post("/soan-thao.docx", data=fields).status_code == 403


def test_draft_preview(client: TestClient) -> None:
    rule = client.post("/soan-thao", data=_fields(client))
    assert rule.status_code == 200 and "QUY CHẾ" in visible_text(rule.text)
    plan = client.post("/soan-thao", data=_fields(client, kind="ke-hoach", level="tỉnh", unit_name="Quảng Ngãi", province=""))
    assert plan.status_code == 200 and "KẾ HOẠCH" in visible_text(plan.text)
    assert 'action="/soan-thao.docx"' in plan.text


def test_draft_docx_download(client: TestClient) -> None:
    response = client.post("/soan-thao.docx", data=_fields(client))
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    document = docx.Document(io.BytesIO(response.content))
    assert any("QUY CHẾ" in p.text for p in document.paragraphs)
