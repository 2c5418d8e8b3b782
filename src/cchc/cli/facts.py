"""``cchc facts FILE``: the facts extracted from one document, without touching the store."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cchc.cli.console import out


class FactsFormat(str, Enum):
    json = "json"
    text = "text"


def facts_command(
    file: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp văn bản (.txt, .md, .docx, .pdf).", show_default=False)],
    fmt: Annotated[FactsFormat, typer.Option("--format", help="json (hợp đồng cchc-facts/1) hoặc text.")] = FactsFormat.text,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Bảng mã nếu không tự nhận được.")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Ghi kèm mỗi phân công: quy tắc đã tạo ra nó, cách xác định lĩnh vực (điểm của mô hình) và vị trí trong văn bản.")
    ] = False,
) -> None:
    """In các dữ kiện trích xuất từ một văn bản (phân công, họp, báo cáo…)."""
    # The extraction pipeline is most of the toolkit: loaded when a document is read, not at start-up.
    from cchc.graph.facts_json import facts_json
    from cchc.graph.pipeline import analyse

    parsed, facts = analyse(file, encoding)
    data = facts_json(parsed, facts, explain=explain)
    if fmt is FactsFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    print_facts(data)


def print_facts(data: dict) -> None:
    """The same facts as the JSON, laid out for a person reading a terminal."""
    document = data["document"]
    signer = document.get("signer") or {}
    out.print(f"[bold]{data['source']}[/] — {document.get('kind')} {document.get('number') or '(chưa có số)'}")
    for label, value in (
        ("Trích yếu", document.get("title")),
        ("Ngày ban hành", document.get("issued")),
        ("Đơn vị", document.get("unit")),
        ("Người ký", " ".join(filter(None, [signer.get("authority"), signer.get("title"), signer.get("name")]))),
        ("Căn cứ", "; ".join(document.get("legal_bases") or [])),
        ("Thay thế", "; ".join(document.get("replaces") or [])),
    ):
        if value:
            out.print(f"  {label}: {value}", highlight=False)
    table = Table(title=f"Phân công ({len(data.get('assignments', []))})")
    explained = any("explain" in row for row in data.get("assignments", []))
    for column in ("Cơ quan", "Vai trò", "Lĩnh vực", "Điều khoản", "Câu", *(("Quy tắc",) if explained else ())):
        table.add_column(column, overflow="fold")
    for row in data.get("assignments", []):
        cells = [row["agency"], row["mode"], row["area"], row.get("provision", ""), row.get("text", "")[:160]]
        if explained:
            why = row["explain"]
            score = f" ({why['area_score']:.2f})" if why.get("area_score") is not None else ""
            cells.append(" + ".join(why["rules"]) + f"; lĩnh vực: {why.get('area_rule') or '—'}{score}")
        table.add_row(*cells)
    out.print(table)
    for meeting in data.get("meetings", []):
        out.print(f"  Họp: {meeting['body']} — {meeting['per_year']} lần/năm", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("facts")(facts_command)
