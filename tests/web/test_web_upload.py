"""Page "Nạp văn bản": uploads stored whole or not at all, one answer per file, bounded.

The app starts on a store holding one sample; the other samples are uploaded through the
page and must show on the document list at once, without a restart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from webhelpers import csrf_of, visible_text

from cchc.graph.pipeline import ingest
from cchc.graph.store.embedded import EmbeddedStore
from cchc.web import create_app
from cchc.web.upload import MAX_REQUEST_BYTES, clean_name

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
FIRST = CORPUS / "000_946050dc9ec519ea.txt"
PLAN = CORPUS / "003_9a23d4ea0e0477f2.txt"  # Kế hoạch 341/KH-UBND of huyện Chợ Mới
OTHER = CORPUS / "004_c9bf048497e7369c.txt"
BASE = "http://127.0.0.1"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    with EmbeddedStore(directory) as opened:
        assert not ingest(opened, [FIRST]).failed
    return directory


@pytest.fixture
def upload(store: Path) -> TestClient:
    return TestClient(create_app(store), base_url=BASE)


def _graph_names(directory: Path) -> set[str]:
    with EmbeddedStore(directory) as opened:
        return set(opened.graph_names())


def _post(client: TestClient, files: list[tuple[str, tuple[str, bytes, str]]], fragment: bool = False, csrf: str | None = None):
    headers = {"HX-Request": "true"} if fragment else {}
    return client.post("/nap-van-ban", data={"csrf": csrf or csrf_of(client)}, files=files, headers=headers)


def test_the_page_is_vietnamese_and_labelled(upload: TestClient) -> None:
    html = upload.get("/nap-van-ban").text
    assert '<html lang="vi">' in html and "Nạp văn bản" in visible_text(html)
    assert 'type="file" multiple' in html and 'for="chon-tep"' in html and 'name="csrf"' in html
    assert 'href="/nap-van-ban" aria-current="page"' in html
    assert upload.get("/tinh/nap.js").status_code == 200


def test_an_uploaded_document_is_stored_and_listed_at_once(upload: TestClient) -> None:
    assert "341/KH-UBND" not in upload.get("/").text
    response = _post(upload, [("files", ("Kế hoạch CCHC Chợ Mới.txt", PLAN.read_bytes(), "text/plain"))])
    assert response.status_code == 200
    text = " ".join(visible_text(response.text).split())
    assert "Kế hoạch CCHC Chợ Mới.txt : Đã nạp — Kế hoạch số 341/KH-UBND" in text
    link = response.text.split('href="/van-ban?', 1)[1].split('"', 1)[0]
    assert upload.get("/van-ban?" + link.replace("&amp;", "&")).status_code == 200
    assert "341/KH-UBND" in upload.get("/").text  # the list reads the new view of the store


def test_several_files_each_get_their_answer_and_the_bad_ones_store_nothing(upload: TestClient, store: Path) -> None:
    files = [
        ("files", ("ke-hoach.txt", PLAN.read_bytes(), "text/plain")),
        ("files", ("trong.txt", b"", "text/plain")),
        ("files", ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")),
        ("files", ("nhi-phan.txt", b"\0\x01\x02\x03" * 500, "text/plain")),
        ("files", ("quyet-dinh.txt", OTHER.read_bytes(), "text/plain")),
    ]
    response = _post(upload, files, fragment=True)
    assert response.status_code == 200
    items = response.text.count("<li ")
    assert items == 5, response.text
    assert response.text.count('class="stored"') == 2 and response.text.count('class="refused"') == 3
    text = visible_text(response.text)
    assert "không nhận loại tệp .png" in text and "trong.txt" in text and "nhi-phan.txt" in text
    assert "<html" not in response.text  # a fragment for the page's script, not a page
    assert len(_graph_names(store)) == 3 + 1  # the first sample, the two uploads, the ontology


def test_only_bad_files_leave_the_store_unchanged(upload: TestClient, store: Path) -> None:
    before = _graph_names(store)
    response = _post(upload, [("files", ("trong.txt", b"", "text/plain")), ("files", ("x.exe", b"MZ\0\0", "application/octet-stream"))])
    assert response.status_code == 422
    assert response.text.count('class="refused"') == 2
    assert _graph_names(store) == before


def test_a_post_without_its_csrf_token_is_refused(upload: TestClient, store: Path) -> None:
    before = _graph_names(store)
    upload.get("/nap-van-ban")
    response = upload.post("/nap-van-ban", data={"csrf": "gia-mao"}, files=[("files", ("k.txt", PLAN.read_bytes(), "text/plain"))])
    assert response.status_code == 403 and "mã chống giả mạo" in response.text
    assert _graph_names(store) == before


def test_a_body_over_the_limit_is_refused_before_it_is_read(upload: TestClient) -> None:
    response = upload.post(
        "/nap-van-ban", content=b"x" * 16, headers={"content-type": "multipart/form-data; boundary=b", "content-length": str(MAX_REQUEST_BYTES + 1)}
    )
    assert response.status_code == 413 and "Yêu cầu quá lớn" in response.text


def test_a_streamed_body_over_the_limit_is_cut_off(upload: TestClient) -> None:
    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(MAX_REQUEST_BYTES // 2**20 + 2):
            yield b"a" * 2**20

    response = upload.post("/nap-van-ban", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413


def test_a_file_name_from_the_request_never_leaves_the_upload_folder(upload: TestClient, store: Path, tmp_path: Path) -> None:
    response = _post(upload, [("files", ("../../../ke-hoach.txt", PLAN.read_bytes(), "text/plain"))])
    assert response.status_code == 200 and "Đã nạp" in response.text
    assert not (tmp_path / "ke-hoach.txt").exists() and not (store.parent.parent / "ke-hoach.txt").exists()


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\a\\Kế hoạch.DOCX", "Kế hoạch.docx"),
        ("\x00\x1f..txt", "tai-len.txt"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
        ("Quyết định số 1.txt", "Quyết định số 1.txt"),
    ],
)
def test_clean_name_keeps_only_a_plain_last_component(given: str, kept: str) -> None:
    assert clean_name(given) == kept


def test_a_store_held_by_another_writer_is_a_clear_message(upload: TestClient, store: Path) -> None:
    csrf = csrf_of(upload)
    with EmbeddedStore(store):
        response = _post(upload, [("files", ("k.txt", PLAN.read_bytes(), "text/plain"))], csrf=csrf)
    assert response.status_code == 422
    assert "không mở được kho đồ thị" in response.text and "Bị từ chối" in response.text


def test_the_page_works_on_a_copy_of_a_store_it_did_not_create(sample_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(sample_store, copy)
    client = TestClient(create_app(copy), base_url=BASE)
    response = _post(client, [("files", ("lai.txt", PLAN.read_bytes(), "text/plain"))])
    assert response.status_code == 200 and "Đã nạp" in response.text
