"""Queries in worker threads (the web app's): a refused query leaves no pyoxigraph result
to be dropped on another thread, which pyo3 reports as an error and leaks."""

from __future__ import annotations

import gc
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cchc.errors import QueryError
from cchc.graph.store.embedded import EmbeddedStore

WRONG_FORMS = [
    ("construct", "SELECT ?s WHERE { ?s ?p ?o }"),
    ("ask", "SELECT ?s WHERE { ?s ?p ?o }"),
    ("select", "ASK { ?s ?p ?o }"),
    ("select", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"),
]


@pytest.mark.parametrize(("method", "query"), WRONG_FORMS)
def test_a_refused_query_in_a_thread_leaves_nothing_to_drop_elsewhere(tmp_path: Path, method: str, query: str) -> None:
    gc.collect()  # what earlier tests left behind is not this test's
    caught: list[object] = []
    previous = sys.unraisablehook
    sys.unraisablehook = caught.append
    try:
        with EmbeddedStore(tmp_path / "store") as store, ThreadPoolExecutor(1) as pool:
            future = pool.submit(getattr(store, method), query)
            with pytest.raises(QueryError):
                future.result()
            del future
            gc.collect()
    finally:
        sys.unraisablehook = previous
    assert caught == []
