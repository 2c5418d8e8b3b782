"""Two documents are one graph only when they are the same document."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode

from cchc.graph.namespaces import sparql_prologue
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


def _decision(superior: str, body: str = "Thành lập Tổ công tác chuyển đổi số của xã.") -> str:
    """An invented commune decision: the same number and date whatever the province."""
    return (
        f"ỦY BAN NHÂN DÂN {superior}\nỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-UBND\nTân Phú, ngày 05 tháng 01 năm 2026\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "QUYẾT ĐỊNH:\n"
        f"Điều 1. {body}\n"
        "Điều 2. Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế tổ chức thực hiện.\n"
    )


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_same_commune_decision_number_in_two_provinces_is_two_documents(tmp_path) -> None:
    """Xã Tân Phú of Đồng Nai and of Vĩnh Long both number their decision 12/QĐ-UBND."""
    folder = _write(tmp_path / "in", {"dong-nai.txt": _decision("TỈNH ĐỒNG NAI"), "vinh-long.txt": _decision("TỈNH VĨNH LONG")})
    store = EmbeddedStore(tmp_path / "store")
    try:
        report = ingest(store, [folder])
        iris = {doc.name: doc.iri for doc in report.ingested}
        assert "/doc/dong-nai/" in iris["dong-nai.txt"] and "/doc/vinh-long/" in iris["vinh-long.txt"]
        assert all(iri.endswith("/2026/12-qd-ubnd") for iri in iris.values())
        assert set(iris.values()) <= set(store.graph_names()) and not report.kept_apart
    finally:
        store.close()


def test_a_former_province_in_the_header_puts_the_document_under_todays_province(tmp_path) -> None:
    text = _decision("TỈNH SÓC TRĂNG").replace("ngày 05 tháng 01 năm 2026", "ngày 05 tháng 01 năm 2024")
    source = _write(tmp_path / "in", {"soc-trang.txt": text}) / "soc-trang.txt"
    store = EmbeddedStore(tmp_path / "store")
    try:
        iri = ingest(store, [source]).ingested[0].iri
        assert "/doc/can-tho/" in iri
        query = "SELECT ?p ?f WHERE { GRAPH ?g { ?g cchc:province ?p ; cchc:formerProvince ?f } }"
        row = store.select(sparql_prologue() + query, {"g": NamedNode(iri)}).rows[0]
        assert (row["p"].value, row["f"].value) == ("Cần Thơ", "Sóc Trăng")
    finally:
        store.close()


def test_a_different_text_that_derives_a_stored_iri_is_kept_apart_and_reported(tmp_path) -> None:
    """Two texts with one header (a number typed twice): neither replaces the other, in one
    batch or in two ingests, and the report names both files."""
    first = _decision("TỈNH ĐỒNG NAI")
    second = _decision("TỈNH ĐỒNG NAI", body="Kiện toàn Ban Chỉ đạo cải cách hành chính của xã.")
    for runs in ([{"a.txt": first, "b.txt": second}], [{"a.txt": first}, {"b.txt": second}]):
        root = tmp_path / str(len(runs))
        store = EmbeddedStore(root / "store")
        try:
            reports = [ingest(store, [_write(root / f"in{n}", files)]) for n, files in enumerate(runs)]
            iris = {doc.name: doc.iri for report in reports for doc in report.ingested}
            assert iris["b.txt"].startswith(iris["a.txt"] + "-") and len(iris["b.txt"]) == len(iris["a.txt"]) + 9
            assert {iris["a.txt"], iris["b.txt"]} <= set(store.graph_names())
            (apart,) = [note for report in reports for note in report.kept_apart]
            assert (apart.name, apart.other, apart.shared, apart.iri) == ("b.txt", "a.txt", iris["a.txt"], iris["b.txt"])
            assert "«b.txt»" in apart.note() and "«a.txt»" in apart.note() and "lưu riêng" in apart.note()
            again = ingest(store, [root / f"in{len(runs) - 1}" / "b.txt"])  # its own graph, not the first's
            assert again.ingested[0].iri == iris["b.txt"]
            assert sum(1 for g in store.graph_names() if g.startswith(iris["a.txt"])) == 2
        finally:
            store.close()


def test_cchc_ingest_of_a_folder_says_which_file_was_kept_apart(tmp_path) -> None:
    from typer.testing import CliRunner

    from cchc.cli.app import app

    second = _decision("TỈNH ĐỒNG NAI", body="Kiện toàn Ban Chỉ đạo cải cách hành chính của xã.")
    folder = _write(tmp_path / "in", {"a.txt": _decision("TỈNH ĐỒNG NAI"), "b.txt": second})
    result = CliRunner().invoke(app, ["ingest", "--store", str(tmp_path / "store"), str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (note,) = [line for line in result.stdout.splitlines() if line.startswith("Lưu ý:")]
    assert "«b.txt»" in note and "«a.txt»" in note and "/doc/dong-nai/" in note


def test_an_edited_file_ingested_again_replaces_its_graph(tmp_path) -> None:
    """A typo mended in the same file changes its digest, not its identity."""
    store = EmbeddedStore(tmp_path / "store")
    try:
        first = ingest(store, [_write(tmp_path / "v1", {"qd.txt": _decision("TỈNH ĐỒNG NAI")})])
        edited = _decision("TỈNH ĐỒNG NAI", body="Kiện toàn Ban Chỉ đạo cải cách hành chính của xã.")
        second = ingest(store, [_write(tmp_path / "v2", {"qd.txt": edited})])
        assert second.ingested[0].iri == first.ingested[0].iri and not second.kept_apart
        assert sum(1 for g in store.graph_names() if g.startswith(first.ingested[0].iri)) == 1
    finally:
        store.close()
