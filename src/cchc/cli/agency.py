"""``cchc agency NAME``: every duty of one agency, across documents and units."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from cchc.cli.options import Codes, Endpoint, Output, StoreDir, store_from
from cchc.cli.results import ResultFormat, choose_format, print_result


def agency_command(
    name: Annotated[str, typer.Argument(metavar="CƠ_QUAN", help='Tên cơ quan như thường gọi: "Phòng NV", "Sở TT&TT", "phong tu phap"…', show_default=False)],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ một đơn vị.")] = None,
    fmt: Annotated[Optional[ResultFormat], typer.Option("--format", help="table, csv, json, md, html hoặc xlsx.", show_default=False)] = None,
    output: Output = None,
    codes: Codes = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Hồ sơ nhiệm vụ của một cơ quan: mọi phân công, nhiệm vụ kế hoạch, nghĩa vụ báo cáo, với nguồn."""
    from cchc.queries.agency import agency_profile

    chosen = choose_format(fmt, output, ResultFormat)
    with store_from(store_dir, endpoint) as store:
        result = agency_profile(store, name, unit)
    agencies = sorted({term.value for row in result.rows if (term := row.get("agency")) is not None})
    shown = "; ".join(agencies) if 0 < len(agencies) <= 3 else name  # what was resolved, not what was typed
    print_result(result, chosen, title=f"Nhiệm vụ của {shown}", table_columns=("unit", "agency", "mode", "area", "provision", "text"),
                 output=output, codes=codes, store=store.location)


def register(app: typer.Typer) -> None:
    app.command("agency")(agency_command)
