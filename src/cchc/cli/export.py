"""``cchc export``: the whole store as Turtle, N-Quads or JSON-LD."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.cli.console import err
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.paths import checked_output


class ExportFormat(str, Enum):
    ttl = "ttl"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="ttl (hợp các đồ thị), nq, trig hoặc jsonld.")] = ExportFormat.nq,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp kết quả (mặc định: stdout).")] = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Xuất toàn bộ kho đồ thị."""
    with store_from(store_dir, endpoint) as store:
        data = store.dump(fmt.value)
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    from cchc.writing import write_file

    target = checked_output(output)
    write_file(target, data)
    err.print(f"Đã ghi {len(data):,} byte vào {target}")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
