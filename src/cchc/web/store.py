"""The store as the web app reads it: opened read-only, once, for the app's lifetime.

RocksDB lets only one process open a store read-write; a read-only opener does not take
that lock, so ``cchc ingest`` keeps working while the web app runs (the app sees what was
in the store when it started). The class keeps ``EmbeddedStore``'s reads (``select``,
``ask``, ``construct``, ``graph_names``) and every write fails.

A view never changes, so what every page needs of the whole store (the document list,
the units) is computed once per view (``memo``) and not again per request: at 10,000
documents that list takes seconds to read. The upload page opens a new view, with an
empty memo, when it has stored something.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pyoxigraph import Store

from cchc.errors import StoreError
from cchc.graph.store.embedded import EmbeddedStore

T = TypeVar("T")


class ReadOnlyStore(EmbeddedStore):
    def __init__(self, directory: Path | str) -> None:  # no super().__init__: that opens read-write
        self.location = str(directory)
        self._memo: dict[str, Any] = {}
        self._memo_lock = threading.Lock()
        path = Path(directory)
        if not (path / "CURRENT").is_file():
            raise StoreError(f"không tìm thấy kho đồ thị {path}: hãy nạp văn bản trước (cchc ingest TỆP --store {path})")
        try:
            self._store = Store.read_only(str(path))
        except OSError as error:
            raise StoreError(f"không mở được kho đồ thị {path} ở chế độ chỉ đọc: {error}") from None

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once for this view (two first requests may both compute it)."""
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._memo_lock:
            return self._memo.setdefault(key, value)

    def close(self) -> None:
        del self._store  # pyoxigraph closes the database when the object goes


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise StoreError("giao diện web chỉ đọc kho đồ thị, không ghi")


for _name in ("replace_graph", "replace_graphs", "write_batch", "remove_graph", "clear"):
    setattr(ReadOnlyStore, _name, _refuse)
