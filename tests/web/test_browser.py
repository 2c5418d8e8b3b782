"""The workbench in a real browser: Playwright drives Debian's Chromium (`make test-slow`
installs it) through the main journeys on the sample store, keeping screenshots in
out/web/ for people to look at."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "web"


@pytest.fixture(scope="module")
def base_url(sample_store: Path, free_port) -> Iterator[str]:
    import uvicorn

    from cchc.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(sample_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the workbench did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is not installed: run `make test-slow` (scripts/install-slow-deps.sh)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, locale="vi-VN", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def test_documents_filter_and_open_one(page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("table tbody tr").count() == 5
    page.screenshot(path=str(SHOTS / "van-ban.png"), full_page=True)
    page.keyboard.press("Tab")  # keyboard first: the skip link, then the navigation
    assert page.evaluate("document.activeElement.textContent").strip()
    page.get_by_label("Đơn vị").select_option(label="huyện Chợ Mới")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_timeout(500)
    assert page.locator("table tbody tr").count() == 1
    page.locator("table tbody tr a").first.click()
    page.wait_for_load_state()
    assert "Kế hoạch" in page.inner_text("main") or "KẾ HOẠCH" in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "van-ban-chi-tiet.png"), full_page=True)


def test_matrix_and_its_workbook(page, base_url: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    page.goto(base_url + "/ma-tran?unit=tỉnh Quảng Nam")
    assert page.locator("td", has_text="Chủ trì").count() > 5
    page.screenshot(path=str(SHOTS / "ma-tran.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="xlsx").first.click()
    target = tmp_path / "ma-tran.xlsx"
    download.value.save_as(target)
    assert "Ma trận" in load_workbook(target).sheetnames


def test_sparql_box_answers_and_refuses(page, base_url: str) -> None:
    page.goto(base_url + "/sparql")
    page.get_by_label("Câu truy vấn").fill("SELECT ?unit WHERE { GRAPH ?g { ?g cchc:regulatesUnit ?unit } }")
    page.get_by_role("button", name="Chạy").click()
    page.locator("#ket-qua").get_by_text("huyện Chợ Mới").first.wait_for(timeout=5000)  # htmx swaps the result in
    page.screenshot(path=str(SHOTS / "sparql.png"), full_page=True)
    page.get_by_label("Câu truy vấn").fill("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    page.get_by_role("button", name="Chạy").click()
    page.locator("#ket-qua").get_by_text("SERVICE").first.wait_for(timeout=5000)


def test_draft_form_with_a_mistake_then_corrected_and_downloaded(page, base_url: str, tmp_path: Path) -> None:
    import docx

    page.goto(base_url + "/soan-thao")
    page.get_by_label("Tỉnh, thành phố (với xã, phường)").fill("tỉnh Đồng Nai")
    page.get_by_role("button", name="Xem dự thảo").click()
    page.wait_for_load_state()
    assert "Cần nhập tên đơn vị" in page.inner_text("main")  # the message stands by its field
    assert page.get_by_label("Tên đơn vị").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(SHOTS / "soan-thao-loi.png"), full_page=True)
    page.get_by_label("Tên đơn vị").fill("Tân Phú")
    page.get_by_role("button", name="Xem dự thảo").click()
    page.wait_for_load_state()
    assert "QUY CHẾ" in page.inner_text("main") or "KẾ HOẠCH" in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "soan-thao.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải văn bản Word (.docx)").click()
    target = tmp_path / "du-thao.docx"
    download.value.save_as(target)
    assert any(p.text.strip() for p in docx.Document(str(target)).paragraphs)
