"""The store as the web app reads it: opened read-only, once, for the app's lifetime.

RocksDB lets only one process open a store read-write; a read-only opener does not take
that lock, so ``cchc ingest`` keeps working while the web app runs (the app sees what was
in the store when it started). The class keeps ``EmbeddedStore``'s reads (``select``,
``ask``, ``construct``, ``graph_names``) and every write fails.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Store

from cchc.errors import StoreError
from cchc.graph.store.embedded import EmbeddedStore


class ReadOnlyStore(EmbeddedStore):
    def __init__(self, directory: Path | str) -> None:  # no super().__init__: that opens read-write
        self.location = str(directory)
        path = Path(directory)
        if not (path / "CURRENT").is_file():
            raise StoreError(f"không tìm thấy kho đồ thị {path}: hãy nạp văn bản trước (cchc ingest TỆP --store {path})")
        try:
            self._store = Store.read_only(str(path))
        except OSError as error:
            raise StoreError(f"không mở được kho đồ thị {path} ở chế độ chỉ đọc: {error}") from None

    def close(self) -> None:
        del self._store  # pyoxigraph closes the database when the object goes


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise StoreError("giao diện web chỉ đọc kho đồ thị, không ghi")


for _name in ("replace_graph", "replace_graphs", "write_batch", "remove_graph", "clear"):
    setattr(ReadOnlyStore, _name, _refuse)
