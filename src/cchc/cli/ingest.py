"""``cchc ingest PATH…``: read, parse and extract documents into the graph store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from cchc.cli.console import err, error_line, out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.errors import InputFileError
from cchc.graph.pipeline import expand_paths, ingest


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Tệp (.txt, .md, .docx, .pdf) hoặc thư mục.", show_default=False)],
    encoding: Annotated[
        Optional[str], typer.Option("--encoding", help="Bảng mã: utf-8, utf-16, cp1258, tcvn3, vni (mặc định: tự nhận).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Số tiến trình xử lý song song (kết quả như chạy tuần tự).")] = 1,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Nạp văn bản vào kho đồ thị: mỗi văn bản một đồ thị có tên, nạp lại thì thay thế."""
    files = list(expand_paths(paths))
    if not files:
        raise InputFileError(", ".join(map(str, paths)), "không có tệp .txt, .md, .docx hoặc .pdf nào để nạp")
    store = store_from(store_dir, endpoint)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as bar:
            task = bar.add_task("Đang nạp", total=len(files))

            def advance(path: Path) -> None:
                bar.update(task, description=f"Đang nạp {path.name}")
                bar.advance(task)

            report = ingest(store, files, encoding=encoding, on_file=advance, jobs=jobs)
    finally:
        store.close()

    if report.ingested:
        table = Table(title=f"Đã nạp {len(report.ingested)} văn bản vào {store.location}")
        for column in ("Tệp", "Loại", "Số hiệu", "Điều khoản", "Phân công", "Bộ ba"):
            table.add_column(column)
        for doc in report.ingested:
            table.add_row(doc.name, doc.kind, doc.number or "—", str(doc.provisions), str(doc.assignments), str(doc.triples))
        out.print(table)
    for error in report.failed:
        err.print(error_line(error), soft_wrap=True)
    if report.failed:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
