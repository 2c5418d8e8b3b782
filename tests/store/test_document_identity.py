"""Two documents are one graph only when they are the same document."""

from __future__ import annotations

from pathlib import Path

from cchc.graph.pipeline import ingest
from cchc.graph.store.embedded import EmbeddedStore

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_same_number_in_another_year_is_another_document(tmp_path) -> None:
    """Kế hoạch numbers restart each year: 341/KH-UBND of 2023 and of 2024 both stay."""
    text = next(SAMPLE.glob("003*.txt")).read_text(encoding="utf-8")
    assert "341/KH-UBND" in text and "ngày 22 tháng 02 năm 2023" in text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kh2023.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "kh2024.txt").write_text(text.replace("ngày 22 tháng 02 năm 2023", "ngày 20 tháng 02 năm 2024", 1), encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    try:
        report = ingest(store, [tmp_path / "in"])
        graphs = sorted(doc.iri for doc in report.ingested)
        assert len(set(graphs)) == 2
        assert [g.rsplit("/", 2)[-2] for g in graphs] == ["2023", "2024"]
        assert all(g in store.graph_names() for g in graphs)
    finally:
        store.close()


def test_reingesting_the_same_document_replaces_it(tmp_path) -> None:
    source = next(SAMPLE.glob("003*.txt"))
    store = EmbeddedStore(tmp_path / "store")
    try:
        first = ingest(store, [source]).ingested[0].iri
        second = ingest(store, [source]).ingested[0].iri
        assert first == second and first.endswith("/2023/341-kh-ubnd")
        assert store.graph_names().count(first) == 1
    finally:
        store.close()
