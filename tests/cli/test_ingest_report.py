"""What ``cchc ingest`` prints: a row per file for a few, totals by kind for many."""

from __future__ import annotations

import io

from rich.console import Console

from cchc.cli.ingest import ROWS_PER_FILE_UP_TO, _report_table
from cchc.graph.pipeline import IngestedDocument


def _render(documents: list[IngestedDocument]) -> str:
    console = Console(file=io.StringIO(), width=160)
    console.print(_report_table(documents, "kho"))
    return console.file.getvalue()


def _doc(n: int, kind: str) -> IngestedDocument:
    return IngestedDocument(f"https://x/doc/{n}", f"tep-{n:05d}.txt", kind, f"{n}/KH-UBND", 10, 3, 600)


def test_a_few_documents_get_a_row_each() -> None:
    screen = _render([_doc(n, "ke_hoach") for n in range(3)])
    assert "tep-00000.txt" in screen and "tep-00002.txt" in screen and "Đã nạp 3 văn bản" in screen


def test_many_documents_are_summed_by_kind() -> None:
    documents = [_doc(n, "quy_che" if n % 4 else "ke_hoach") for n in range(10_000)]
    assert len(documents) > ROWS_PER_FILE_UP_TO
    screen = _render(documents)
    assert "tep-00001.txt" not in screen
    lines = {line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]] for line in screen.splitlines() if line.count("│") == 6}
    assert lines["Quy chế"] == ["7.500", "75.000", "22.500", "4.500.000"]
    assert lines["Kế hoạch"] == ["2.500", "25.000", "7.500", "1.500.000"]
    assert lines["Cộng"] == ["10.000", "100.000", "30.000", "6.000.000"]
