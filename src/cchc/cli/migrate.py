"""``cchc migrate``: a former district's regulations, redrafted for a commune of today."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import err, out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.paths import checked_output

if TYPE_CHECKING:  # the drafting stage and the gazetteer load when the command runs
    from cchc.generators.migrate import Migration


def migrate_command(
    unit: Annotated[str, typer.Argument(metavar="ĐƠN_VỊ", help="Đơn vị cũ như văn bản ghi, vd. \"huyện Mỹ Xuyên\".", show_default=False)],
    to: Annotated[Optional[str], typer.Option("--to", help="Xã, phường hiện nay sẽ ban hành (mặc định: đơn vị nhận nhiều xã cũ nhất).")] = None,
    province: Annotated[Optional[str], typer.Option("--province", help="Tỉnh (cũ hoặc nay) khi tên đơn vị có ở nhiều tỉnh.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Năm của dự thảo (mặc định: năm nay).")] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Thư mục ghi các dự thảo .docx (mặc định: chỉ liệt kê).")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Báo cáo chuyển đổi (.md hoặc .json).")] = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Đơn vị cũ đã chuyển cho những xã, phường nào; soạn lại quy chế, quy định, kế hoạch của đơn vị cũ cho một xã, phường hiện nay."""
    from cchc.generators.drafting import render
    from cchc.generators.migrate import migrate

    with store_from(store_dir, endpoint) as store:
        migration = migrate(store, unit, province, to, year)
    from cchc.writing import write_file

    _print_successors(migration)
    written = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for kind, draft in migration.drafts.items():
            target = checked_output(out_dir / f"{kind}-{migration.target.code}.docx")
            write_file(target, render(draft, "docx")[0])
            written.append(str(target))
            err.print(f"Đã ghi {target}")
    if report is not None:
        target = checked_output(report)
        data = report_data(migration, written)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n" if report.suffix.lower() == ".json" else report_markdown(data)
        write_file(target, text)
        err.print(f"Đã ghi báo cáo chuyển đổi {target}")


def _print_successors(migration: Migration) -> None:
    out.print(f"{migration.unit}: {migration.fate.summary()}", soft_wrap=True)
    table = Table(title=f"Đơn vị hiện nay nhận địa bàn của {migration.unit}")
    for column in ("Đơn vị hiện nay", "Từ các đơn vị cũ", "Soạn lại"):
        table.add_column(column)
    for successor in migration.fate.successors:
        chosen = ", ".join(migration.drafts) if successor == migration.target else ""
        table.add_row(successor.name, ", ".join(successor.parts), chosen)
    out.print(table)


def report_data(migration: Migration, files: list[str]) -> dict:
    return {
        "unit": migration.unit,
        "fate": migration.fate.summary(),
        "target": {"name": migration.target.name, "province": migration.target.province_name, "code": migration.target.code,
                   "parts": list(migration.target.parts)},
        "kinds": list(migration.drafts),
        "files": files,
        "mapped": migration.mapped,
        "merged": migration.merged,
        "dropped": migration.dropped,
        "kept_sentences": [n for d in migration.drafts.values() for n in d.content.notes if n.startswith("giữ câu chữ")],
        "filled": sorted({n for d in migration.drafts.values() for n in d.content.filled}),
    }


def report_markdown(data: dict) -> str:
    lines = [f"# Chuyển văn bản của {data['unit']} sang {data['target']['name']}, {data['target']['province']}", "",
             f"- {data['unit']}: {data['fate']}", f"- {data['target']['name']} nhận: {', '.join(data['target']['parts'])}",
             f"- Soạn lại: {', '.join(data['kinds'])}", "", "## Cơ quan cũ → cơ quan hiện nay", ""]
    lines += [f"- {old} → {new}" for old, new in data["mapped"].items()]
    if data["merged"]:
        lines += ["", "## Hợp nhất vào một cơ quan", ""] + [f"- {new}: {', '.join(old)}" for new, old in data["merged"].items()]
    if data["dropped"]:
        lines += ["", "## Không có cơ quan tương ứng ở xã (nhiệm vụ không chuyển)", ""] + [f"- {old}" for old in data["dropped"]]
    if data["filled"]:
        lines += ["", "## Đã bổ sung theo phân công mặc định", ""] + [f"- {n}" for n in data["filled"]]
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command("migrate")(migrate_command)
