"""A store is a context manager and can be emptied, the same way on both backends."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from cchc.graph.store.embedded import EmbeddedStore

TRIPLE = Triple(NamedNode("https://example.org/a"), NamedNode("https://example.org/p"), Literal("một"))


def test_clear_empties_the_store(any_store) -> None:
    any_store.replace_graph("https://example.org/g1", [TRIPLE])
    any_store.replace_graph("https://example.org/g2", [TRIPLE])
    assert len(any_store.graph_names()) == 2
    any_store.clear()
    assert any_store.graph_names() == [] and any_store.count() == 0


def test_with_closes_the_store_so_it_opens_again(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "kho") as store:
        store.replace_graph("https://example.org/g", [TRIPLE])
    with EmbeddedStore(tmp_path / "kho") as again:  # the first one released its lock
        assert again.graph_names() == ["https://example.org/g"]
    try:
        with EmbeddedStore(tmp_path / "kho") as failing:
            raise RuntimeError("giữa chừng")
    except RuntimeError:
        pass
    with EmbeddedStore(tmp_path / "kho") as after:  # closed even when the block failed
        assert after.count() == 1
    assert failing is not None
