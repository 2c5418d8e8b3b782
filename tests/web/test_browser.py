"""The workbench in a real browser: Playwright drives Debian's Chromium (`make test-slow`
installs it) through the main journeys on the sample store, keeping screenshots in
out/web/ for people to look at."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "web"


@contextmanager
def _served(store: Path, port: int) -> Iterator[str]:
    """The workbench over ``store``, served by uvicorn in a thread, until the block ends."""
    import uvicorn

    from cchc.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the workbench did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(sample_store: Path, free_port) -> Iterator[str]:
    with _served(sample_store, free_port()) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is not installed: run `make test-slow` (scripts/install-slow-deps.sh)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


def _new_page(browser):
    return browser.new_context(accept_downloads=True, locale="vi-VN", viewport={"width": 1280, "height": 900}).new_page()


@pytest.fixture(scope="module")
def page(browser, base_url: str):
    return _new_page(browser)


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


def test_compare_two_units_and_download_the_docx(page, base_url: str, tmp_path: Path) -> None:
    import docx

    page.goto(base_url + "/so-sanh")
    page.get_by_label("Đơn vị (chọn từ hai đơn vị trở lên)").select_option(label=["huyện Chợ Mới", "huyện Mỹ Xuyên"])
    page.get_by_label("Lĩnh vực").select_option(label="Cải cách thủ tục hành chính")
    page.get_by_role("button", name="So sánh").click()
    page.wait_for_load_state()
    shown = page.inner_text("main")
    assert "Chợ Mới" in shown and "Mỹ Xuyên" in shown
    page.screenshot(path=str(SHOTS / "so-sanh.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải văn bản Word (.docx)").click()
    target = tmp_path / "so-sanh.docx"
    download.value.save_as(target)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Chợ Mới" in text + "".join(c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells)


@pytest.fixture(scope="module")
def four_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the samples but the Chợ Mới plan, which the upload journey adds."""
    from cchc.graph.pipeline import ingest
    from cchc.graph.store.embedded import EmbeddedStore

    directory = tmp_path_factory.mktemp("four") / "store"
    with EmbeddedStore(directory) as store:
        assert not ingest(store, [p for p in sorted((ROOT / "examples" / "corpus").glob("*.txt")) if p.name != PLAN.name]).failed
    return directory


PLAN = ROOT / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"


def test_upload_a_sample_then_open_it_and_its_unit_matrix(browser, four_samples: Path, free_port, tmp_path: Path) -> None:
    with _served(four_samples, free_port()) as base:
        page = _new_page(browser)
        page.goto(base + "/")
        assert page.locator("table tbody tr").count() == 4
        page.get_by_role("link", name="Nạp văn bản").click()
        page.wait_for_load_state()
        bad = tmp_path / "ghi-chu.odt"
        bad.write_bytes(b"PK\x03\x04 not a reader's type")
        page.get_by_label("Tệp văn bản (có thể chọn nhiều tệp)").set_input_files([str(PLAN), str(bad)])
        page.get_by_role("button", name="Nạp vào kho").click()
        page.locator("#ket-qua li.stored a").first.wait_for(timeout=30000)  # each file answers on its own
        page.locator("#ket-qua li.refused").first.wait_for(timeout=30000)
        results = page.inner_text("#ket-qua")
        assert "Đã nạp" in results and "341/KH-UBND" in results and "không nhận loại tệp .odt" in results
        page.screenshot(path=str(SHOTS / "nap-van-ban.png"), full_page=True)
        page.locator("#ket-qua li.stored a").first.click()
        page.wait_for_load_state()
        assert "KẾ HOẠCH" in page.inner_text("main") or "Kế hoạch" in page.inner_text("main")
        page.goto(base + "/")
        assert page.locator("table tbody tr").count() == 5  # listed at once, no restart
        page.goto(base + "/ma-tran?unit=huyện Chợ Mới")
        assert page.locator("td", has_text="Chủ trì").count() > 3
        page.screenshot(path=str(SHOTS / "nap-roi-ma-tran.png"), full_page=True)
