"""The bar of issue 5: a full Quy chế .docx (with its Quyết định) in under 300 ms."""

from __future__ import annotations

import statistics
import time

from cchc.generators.drafting import make_draft
from cchc.generators.render_docx import render_docx


def test_a_full_quy_che_docx_takes_under_300_ms(profiles) -> None:
    profile = profiles["tinh-quang-ngai"]
    render_docx(make_draft("quy-che-bcd", profile).documents)  # warm-up: templates compiled once
    times = []
    for _ in range(5):
        started = time.perf_counter()
        data = render_docx(make_draft("quy-che-bcd", profile).documents)
        times.append(time.perf_counter() - started)
    assert data[:2] == b"PK"
    assert statistics.median(times) < 0.300, times
