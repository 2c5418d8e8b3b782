"""``cchc lint FILE|UNIT``: defects a drafter or a reviewing Sở Nội vụ would want fixed."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from cchc.cli.console import out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.results import emit

# The rules and the pipeline they read documents with load when a lint runs, not with ``--help``.
if TYPE_CHECKING:
    from cchc.lint import LintReport

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class LintFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def is_file_target(target: str) -> bool:
    """A path that exists, or that names a document by its suffix (so a typo in a file name
    is reported as a missing file, not looked up as a unit)."""
    from cchc.graph.pipeline import SUPPORTED_SUFFIXES

    path = Path(target)
    return path.exists() or path.suffix.lower() in SUPPORTED_SUFFIXES


def lint_command(
    target: Annotated[str, typer.Argument(
        metavar="TỆP|ĐƠN_VỊ",
        help='Tệp văn bản (.txt, .md, .docx, .pdf), hoặc tên đơn vị có văn bản trong kho (vd. "Chợ Mới").',
        show_default=False,
    )],
    fmt: Annotated[LintFormat, typer.Option("--format", help="table (bảng), json, csv hoặc md (Markdown).")] = LintFormat.table,
    as_of: Annotated[Optional[dt.datetime], typer.Option(
        "--as-of", formats=["%Y-%m-%d", "%d/%m/%Y"],
        help="Xét tên cơ quan theo ngày này (vd. 2025-08-01) thay cho ngày của văn bản; "
             "dùng khi lấy văn bản cũ làm mẫu soạn văn bản mới.",
    )] = None,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Ghi kết quả ra tệp (mặc định: màn hình).")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Bảng mã của tệp nếu không tự nhận được.")] = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Kiểm tra lỗi của một văn bản (TỆP) hoặc các văn bản của một đơn vị trong kho (ĐƠN VỊ)."""
    from cchc.lint import lint_file

    when = as_of.date() if as_of else None
    if is_file_target(target):
        report = lint_file(target, encoding, when)
    else:
        from cchc.lint.unit import lint_unit  # only a unit lint needs the store

        with store_from(store_dir, endpoint) as store:
            report = lint_unit(store, target, when)
    _emit(report, fmt, output)
    if report.has_errors:
        raise typer.Exit(1)


def _emit(report: LintReport, fmt: LintFormat, output: Path | None) -> None:
    from cchc.lint.output import to_csv, to_json, to_markdown

    if fmt is LintFormat.table and output is None:
        print_table(report)
        return
    text = {LintFormat.json: to_json, LintFormat.csv: to_csv, LintFormat.md: to_markdown, LintFormat.table: to_markdown}[fmt](report)
    emit(text, output, said=f"Đã ghi {len(report.findings)} mục vào {output}")


def print_table(report: LintReport) -> None:
    """The findings for a person at a terminal, most severe first within each place."""
    from cchc.lint.findings import SEVERITY_LABELS
    from cchc.lint.output import HEADERS, place, summary

    for note in report.notes:
        out.print(f"[dim]{escape(note)}[/]")
    if not report.findings:
        out.print(f"[green]Không phát hiện lỗi nào[/] trong {escape(report.target)} — {escape(summary(report))}.")
        return
    table = Table(title=f"Kết quả kiểm tra: {escape(report.target)}", show_lines=True)
    for column in HEADERS:
        table.add_column(column, overflow="fold")
    for finding in report.findings:
        content = escape(finding.message)
        if finding.excerpt:
            content += f"\n[dim]“{escape(finding.excerpt[:200])}”[/]"
        table.add_row(
            finding.rule, f"[{_STYLES[finding.severity]}]{SEVERITY_LABELS[finding.severity]}[/]",
            escape(place(finding)), content, escape(finding.fix),
        )
    out.print(table)
    out.print(escape(summary(report)), highlight=False)


HELP = "\n\n".join(
    (
        "Kiểm tra lỗi của một văn bản (TỆP) hoặc các văn bản của một đơn vị trong kho (ĐƠN VỊ).",
        "Mỗi lỗi có mã quy tắc, mức độ (Lỗi, Cảnh báo, Lưu ý), vị trí (điều, khoản, điểm), nội dung và đề xuất sửa: "
        "ngưỡng xếp loại ngược, chồng lấn hoặc bỏ trống; dẫn chiếu sai điều; cùng một văn bản được ghi ngày khác nhau; "
        "chú thích, chương, điều, khoản, điểm đánh số sai; số, ngày để trống; lĩnh vực Chỉ số CCHC chưa có hoặc có nhiều "
        "cơ quan chủ trì; thành viên không có nhiệm vụ; một cơ quan vừa chủ trì vừa phối hợp, hoặc nhiều cơ quan chủ trì, "
    "một nhiệm vụ; báo cáo thiếu nơi nhận, thời hạn hoặc gửi sai cấp; cơ quan đã hợp nhất hoặc "
        "thuộc cấp huyện (xét theo ngày của văn bản; với ĐƠN VỊ, theo hôm nay; --as-of để chọn ngày khác).",
        "Với ĐƠN VỊ, các lỗi cần văn bản gốc (số, ngày để trống, chú thích, đánh số, dẫn chiếu, ngày trích dẫn) "
        "không được kiểm tra. Với --out, dạng bảng được ghi thành Markdown.",
        "Mã thoát: 1 khi có ít nhất một lỗi mức “Lỗi”; 0 khi chỉ có cảnh báo, lưu ý hoặc không có gì; 2 khi không đọc được tệp.",
    )
)


def register(app: typer.Typer) -> None:
    app.command("lint", help=HELP)(lint_command)
