"""``cchc ingest PATH…``: read, parse and extract documents into the graph store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import err, error_line, out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.errors import InputFileError

if TYPE_CHECKING:  # the pipeline (readers, extractors, gazetteer) loads when the command runs
    from cchc.graph.file_choice import Skipped
    from cchc.graph.pipeline import IngestedDocument


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(metavar="TỆP_HOẶC_THƯ_MỤC...", help="Tệp (.txt, .md, .docx, .pdf) hoặc thư mục.", show_default=False)],
    encoding: Annotated[
        Optional[str], typer.Option("--encoding", help="Bảng mã: utf-8, utf-16, cp1258, tcvn3, vni (mặc định: tự nhận).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Số tiến trình xử lý song song (kết quả như chạy tuần tự).")] = 1,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Nạp văn bản vào kho đồ thị: mỗi văn bản một đồ thị có tên; nạp lại cùng văn bản thì thay thế, văn bản khác trùng định danh thì được lưu riêng."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cchc.graph.file_choice import choose_files
    from cchc.graph.pipeline import ingest

    files, skipped = choose_files(paths)
    for line in _skip_lines(skipped):  # nothing is left out without a word
        err.print(line, soft_wrap=True, highlight=False, markup=False)
    if not files:
        raise InputFileError(", ".join(map(str, paths)), "không có tệp .txt, .md, .docx hoặc .pdf nào để nạp")
    with store_from(store_dir, endpoint, create=True) as store:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as bar:
            task = bar.add_task("Đang nạp", total=len(files))

            def advance(path: Path) -> None:
                bar.update(task, description=f"Đang nạp {path.name}")
                bar.advance(task)

            report = ingest(store, files, encoding=encoding, on_file=advance, jobs=jobs)

    if report.ingested:
        out.print(_report_table(report.ingested, store.location))
    for apart in report.kept_apart:
        out.print(apart.note(), soft_wrap=True, markup=False, highlight=False)
    for name, before, now in report.fewer:
        err.print(f"Cảnh báo: {name} nay có {now} phân công, ít hơn lần nạp trước ({before}); kiểm tra lại tệp hoặc bảng mã.",
                  soft_wrap=True, markup=False, highlight=False)
    for error in report.failed:
        err.print(error_line(error), soft_wrap=True)
    if report.failed:
        raise typer.Exit(2)


# Beyond this many files left out for one reason, they are counted, not listed: a folder
# from ``cchc synth`` holds 10,000 answer files beside its 10,000 documents.
SKIPS_LISTED_UP_TO = 5


def _skip_lines(skipped: list[Skipped]) -> list[str]:
    by_reason: dict[str, list[Skipped]] = {}
    for left in skipped:
        by_reason.setdefault(left.reason, []).append(left)
    lines: list[str] = []
    for reason, files in by_reason.items():
        if len(files) <= SKIPS_LISTED_UP_TO:
            lines.extend(f"Bỏ qua {left.path}: {reason}" for left in files)
        else:
            lines.append(f"Bỏ qua {_count(len(files))} tệp: {reason} (vd. {files[0].path}, {files[1].path})")
    return lines


# Beyond this many documents a row per file no longer reads (and 10,000 rows take rich
# three seconds to lay out): the table then sums them up by document kind.
ROWS_PER_FILE_UP_TO = 50


def _report_table(ingested: list[IngestedDocument], location: str) -> Table:
    title = f"Đã nạp {len(ingested)} văn bản vào {location}"
    if len(ingested) <= ROWS_PER_FILE_UP_TO:
        table = Table(title=title)
        for column in ("Tệp", "Loại", "Số hiệu", "Điều khoản", "Phân công", "Bộ ba"):
            table.add_column(column)
        for doc in ingested:
            table.add_row(doc.name, _kind(doc.kind), doc.number or "—", str(doc.provisions), str(doc.assignments), str(doc.triples))
        return table
    table = Table(title=title)
    for column in ("Loại", "Văn bản", "Điều khoản", "Phân công", "Bộ ba"):
        table.add_column(column, justify="left" if column == "Loại" else "right")
    totals: dict[str, list[int]] = {}
    for doc in ingested:
        row = totals.setdefault(doc.kind, [0, 0, 0, 0])
        for i, value in enumerate((1, doc.provisions, doc.assignments, doc.triples)):
            row[i] += value
    for kind, row in sorted(totals.items(), key=lambda item: -item[1][0]):
        table.add_row(_kind(kind), *map(_count, row))
    if len(totals) > 1:
        table.add_row("Cộng", *(_count(sum(row[i] for row in totals.values())) for i in range(4)), style="bold")
    return table


def _kind(code: str) -> str:
    """ "ke_hoach" → "Kế hoạch": people read the kind's name."""
    from cchc.queries.labels import value_labels

    return (value_labels("doc_kind") or {}).get(code, code)


def _count(value: int) -> str:
    """Thousands grouped with dots, as Vietnamese writes them: 10.000."""
    return f"{value:,}".replace(",", ".")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
