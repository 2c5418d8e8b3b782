"""Page latency of the web workbench, over HTTP, at several store sizes.

For each store given, ``cchc web`` is started as a real server process on 127.0.0.1, every
page is requested a few times to warm it, then ``--requests`` more times one after the
other, and the median and 95th percentile of the whole request (as httpx sees it) are
reported. Parameters (a unit, two units to compare, a document) are read from the pages
themselves, as a user would pick them. The bars are the issue's: every page p95 < 300 ms,
a draft downloads in < 1 s. Exit status 1 when a bar is missed.

Stores of 100, 1,000 and 10,000 documents come from ``cchc synth``:

    cchc synth /tmp/syn10k --units 2000 -j 2 && cchc ingest /tmp/syn10k --store /tmp/lat10k -j 2

Run: ``.venv/bin/python benchmarks/web_latency.py /tmp/lat100 /tmp/lat1k /tmp/lat10k``.
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
PAGE_BAR_MS = 300.0
DRAFT_BAR_MS = 1000.0


@dataclass(frozen=True)
class Case:
    name: str
    send: Callable[[httpx.Client], httpx.Response]
    bar_ms: float


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(store: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([str(BIN / "cchc"), "web", "--store", str(store), "--port", str(port)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/suc-khoe", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"cchc web did not start on {store}: {process.stderr.read() if process.stderr else ''}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _options(html: str, select_id: str) -> list[str]:
    block = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    return [unescape(v) for v in re.findall(r'<option value="([^"]+)"', block.group(1))] if block else []


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "a form without its CSRF field"
    return match.group(1)


def cases(client: httpx.Client) -> list[Case]:
    """The pages, with parameters read from the pages: the unit with the most documents
    listed first in the filter, two units of the comparison form, the first document."""
    home = client.get("/").text
    units = _options(home, "loc-don-vi")
    unit = units[0]
    doc_link = unescape(re.search(r'href="(/van-ban\?[^"]+)"', home).group(1))  # type: ignore[union-attr]
    two = [("unit", u) for u in _options(client.get("/so-sanh").text, "chon-don-vi-so-sanh")[:2]]
    token = _csrf(client.get("/soan-thao").text)
    draft = {"csrf": token, "unit_name": "Tân Phú", "level": "xã", "province": "tỉnh Đồng Nai", "kind": "ke-hoach", "date": ""}
    sparql = {"csrf": token, "query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g LIMIT 10"}
    return [
        Case("Văn bản (/)", lambda c: c.get("/"), PAGE_BAR_MS),
        Case("Văn bản, trang 2", lambda c: c.get("/", params={"trang": "2"}), PAGE_BAR_MS),
        Case("Văn bản, lọc đơn vị", lambda c: c.get("/", params={"unit": unit}), PAGE_BAR_MS),
        Case("Văn bản chi tiết", lambda c: c.get(doc_link), PAGE_BAR_MS),
        Case("Nạp văn bản (form)", lambda c: c.get("/nap-van-ban"), PAGE_BAR_MS),
        Case("Ma trận", lambda c: c.get("/ma-tran", params={"unit": unit}), PAGE_BAR_MS),
        Case("Ma trận .xlsx", lambda c: c.get("/ma-tran.xlsx", params={"unit": unit}), PAGE_BAR_MS),
        Case("So sánh (2 đơn vị)", lambda c: c.get("/so-sanh", params=two), PAGE_BAR_MS),
        Case("Lịch báo cáo (năm)", lambda c: c.get("/lich", params={"year": "2026"}), PAGE_BAR_MS),
        Case("Lịch báo cáo (đơn vị)", lambda c: c.get("/lich", params={"year": "2026", "unit": unit}), PAGE_BAR_MS),
        Case("Soạn thảo (form)", lambda c: c.get("/soan-thao"), PAGE_BAR_MS),
        Case("Soạn thảo (xem trước)", lambda c: c.post("/soan-thao", data=draft), PAGE_BAR_MS),
        Case("Soạn thảo (.docx)", lambda c: c.post("/soan-thao.docx", data=draft), DRAFT_BAR_MS),
        Case("SPARQL (form)", lambda c: c.get("/sparql"), PAGE_BAR_MS),
        Case("SPARQL (truy vấn)", lambda c: c.post("/sparql", data=sparql), PAGE_BAR_MS),
    ]


def measure(client: httpx.Client, case: Case, requests: int, warm: int = 2) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, HTTP status of the last answer)."""
    status = 0
    for _ in range(warm):
        status = case.send(client).status_code
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = case.send(client)
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, status


def documents_in(client: httpx.Client) -> str:
    match = re.search(r"(\d[\d.]*) văn bản", client.get("/").text)
    return match.group(1) if match else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    missed = []
    for store in args.stores:  # a table per store, printed as it is measured: 10,000 documents take minutes
        with served(store) as base, httpx.Client(base_url=base, timeout=120) as client:
            size = documents_in(client)
            print(f"\n{store}: {size} văn bản, {args.requests} yêu cầu mỗi trang\n\n| page | p50 ms | p95 ms | bar |\n|---|---|---|---|", flush=True)
            for case in cases(client):
                p50, p95, status = measure(client, case, args.requests)
                ok = status == 200 and p95 < case.bar_ms
                if not ok:
                    missed.append(f"{case.name} at {size} documents: p95 {p95:.0f} ms, HTTP {status}")
                print(f"| {case.name} | {p50:.0f} | {p95:.0f} | < {case.bar_ms:.0f}{'' if ok else ' ✗'} |", flush=True)
    for line in missed:
        print("MISSED:", line)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
