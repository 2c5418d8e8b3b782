"""Page "Nạp văn bản" (``/nap-van-ban``): documents uploaded from the browser into the store.

The rest of the app reads a read-only view of the store (``cchc ingest`` keeps working
beside it). An upload is the one write: the files go to a fresh temporary folder under
cleaned names (no part of the request names a path), the library's ``ingest`` stores each
good one whole and reports each bad one, the store is closed again, and the app's
read-only view is reopened so that the new documents show at once. Uploads are one at a
time (RocksDB has one writer); a store held by another writer is a clear message.

Bounds: a request body larger than ``MAX_REQUEST_BYTES`` is cut off (413) while it is
read, whatever its Content-Length says; a file larger than the reader's own limit, of a
type no reader takes, or past ``MAX_FILES`` is refused with its own line, and the rest of
the request is still stored.
"""

from __future__ import annotations

import re
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message

from cchc.errors import CchcError, InputFileError
from cchc.graph.read import MAX_BYTES
from cchc.web.rendering import render
from cchc.web.security import CSRF_FIELD
from cchc.web.store import ReadOnlyStore

SUFFIXES = (".docx", ".pdf", ".txt", ".md")
MAX_FILES = 20
MAX_REQUEST_BYTES = 4 * MAX_BYTES  # a few files per request; the page sends one per request
EXPIRED = "Biểu mẫu hết hạn hoặc không hợp lệ (thiếu mã chống giả mạo); hãy tải lại trang rồi gửi lại."
_WRITER = threading.Lock()


@dataclass(frozen=True)
class Outcome:
    """What happened to one uploaded file, as the page shows it."""

    name: str
    stored: bool
    message: str
    doc: str = ""  # the document's IRI, for its link
    kind: str = ""
    number: str = ""
    assignments: int = 0


class _TooLarge(Exception):
    pass


def upload_page(request: Request) -> Response:
    return _answer(request, False, [], 200)


async def upload_files(request: Request) -> Response:
    fragment = request.headers.get("hx-request") == "true"
    try:
        form = await _bounded(request).form(max_files=MAX_FILES + 1, max_fields=8)
    except _TooLarge:
        return _answer(request, fragment, [Outcome("", False, f"Yêu cầu quá lớn: tối đa {MAX_REQUEST_BYTES // 2**20} MB mỗi lần gửi.")], 413)
    except MultiPartException as error:
        return _answer(request, fragment, [Outcome("", False, f"Không đọc được dữ liệu gửi lên: {error}")], 400)
    if not request.app.state.csrf.valid(request, form.get(CSRF_FIELD)):
        return _answer(request, fragment, [Outcome("", False, EXPIRED)], 403)
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    if not files or all(not f.filename for f in files):
        return _answer(request, fragment, [Outcome("", False, "Chưa chọn tệp nào.")], 400)
    outcomes = await _ingest_uploads(request, files)
    status = 200 if any(o.stored for o in outcomes) else 422
    return _answer(request, fragment, outcomes, status)


def _answer(request: Request, fragment: bool, outcomes: list[Outcome], status: int) -> Response:
    template = "upload_results.html.j2" if fragment else "upload.html.j2"
    return render(request, template, status, outcomes=outcomes, accept=",".join(SUFFIXES), max_mb=MAX_BYTES // 2**20, max_files=MAX_FILES)


def _bounded(request: Request) -> Request:
    """The request, with a body that stops at MAX_REQUEST_BYTES however it is sent."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
        raise _TooLarge
    seen = 0
    receive = request.receive

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_REQUEST_BYTES:
            raise _TooLarge
        return message

    return Request(request.scope, counted)


def clean_name(filename: str) -> str:
    """A file name safe to create in a fresh folder: the last component only, NFC, no
    control or path characters, at most 120 characters; the suffix is kept."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", filename))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] not in "C" and ch not in '<>:"|?*')
    base = re.sub(r"\s+", " ", base).strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip(" .")[:100].strip(" .") or "tai-len"
    return f"{stem}.{suffix.lower()}" if suffix else stem


async def _ingest_uploads(request: Request, files: list[UploadFile]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="cchc-upload-") as folder:
        saved: dict[Path, str] = {}  # where each accepted file was written → the name the user gave
        for position, upload in enumerate(files, 1):
            shown = unicodedata.normalize("NFC", upload.filename or f"tệp {position}")
            problem = _refusal(upload, position)
            if problem is None:
                name = clean_name(shown)
                path = Path(folder) / name
                if path in saved:  # two uploads of one name: both kept, the second numbered
                    path = Path(folder) / f"{Path(name).stem} ({position}){Path(name).suffix}"
                problem = await _save(upload, path)
                if problem is None:
                    saved[path] = shown
            if problem is not None:
                outcomes.append(Outcome(shown, False, problem))
        if saved:
            outcomes.extend(await run_in_threadpool(_store_files, request, saved, folder))
    return outcomes


def _refusal(upload: UploadFile, position: int) -> str | None:
    if position > MAX_FILES:
        return f"quá {MAX_FILES} tệp trong một lần gửi; hãy gửi tệp này lần sau"
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        return f"không nhận loại tệp {suffix or '(không có phần mở rộng)'}: chỉ nhận {', '.join(SUFFIXES)}"
    if upload.size is not None and upload.size > MAX_BYTES:
        return f"tệp quá lớn ({upload.size / 2**20:.0f} MB, tối đa {MAX_BYTES // 2**20} MB)"
    return None


async def _save(upload: UploadFile, path: Path) -> str | None:
    written = 0
    with path.open("xb") as out:
        while chunk := await upload.read(2**20):
            written += len(chunk)
            if written > MAX_BYTES:
                return f"tệp quá lớn (tối đa {MAX_BYTES // 2**20} MB)"
            out.write(chunk)
    return None


def _store_files(request: Request, saved: dict[Path, str], folder: str) -> list[Outcome]:
    """Ingest the saved files with the store opened for writing, then reopen the app's view."""
    from cchc.graph.pipeline import ingest
    from cchc.graph.store.embedded import EmbeddedStore
    from cchc.queries.labels import value_labels

    location = request.app.state.store.location
    kinds = value_labels("doc_kind") or {}
    by_name = {path.name: shown for path, shown in saved.items()}
    with _WRITER:
        try:
            with EmbeddedStore(location) as store:
                report = ingest(store, list(saved))
        except CchcError as error:
            problem = str(error).replace(folder + "/", "")
            return [Outcome(shown, False, problem) for shown in saved.values()]
        request.app.state.store = ReadOnlyStore(location)  # the old view closes when its last reader is done
    outcomes = [
        Outcome(by_name.get(doc.name, doc.name), True, "Đã nạp", doc=doc.iri, kind=kinds.get(doc.kind, "Văn bản khác"),
                number=doc.number or "", assignments=doc.assignments)
        for doc in report.ingested
    ]
    for failure in report.failed:
        if isinstance(failure, InputFileError):
            outcomes.append(Outcome(by_name.get(Path(failure.path).name, Path(failure.path).name), False, failure.problem))
        else:
            outcomes.append(Outcome("", False, str(failure).replace(folder + "/", "")))
    notes = [apart.note() for apart in report.kept_apart]
    notes += [f"{by_name.get(name, name)} nay có {now} phân công, ít hơn lần nạp trước ({before})" for name, before, now in report.fewer]
    for note in notes:
        outcomes.append(Outcome("", True, note))
    return outcomes
