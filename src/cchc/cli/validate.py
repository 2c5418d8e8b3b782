"""``cchc validate``: SHACL shapes over the store, and HermiT reasoning with ``--reason``."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc.cli.console import err, out
from cchc.cli.options import Endpoint, StoreDir, store_from


def validate_command(
    with_reasoning: Annotated[bool, typer.Option("--reason", help="Thêm suy luận OWL bằng HermiT (cần Java).")] = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Kiểm tra đồ thị theo các ràng buộc SHACL (và tính nhất quán OWL với --reason)."""
    # pyshacl and owlready2 are the heaviest imports of the toolkit: only this command pays for them.
    from cchc.graph.units_graph import without_units
    from cchc.graph.validate import reason, validate_shacl

    with store_from(store_dir, endpoint) as store:
        data = without_units(store.dump("nq"))
    report = validate_shacl(data)
    for violation in report.violations:
        out.print(f"- {violation}", highlight=False)
    failed = not report.conforms
    out.print("SHACL: hợp lệ" if report.conforms else f"SHACL: {len(report.violations)} vi phạm", highlight=False)
    if with_reasoning:
        err.print("Đang suy luận bằng HermiT…")
        result = reason(data)
        out.print(f"OWL (HermiT): {result.explanation}", highlight=False)
        failed = failed or not result.consistent
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
