"""``cchc serve-sparql``: điểm truy cập SPARQL chỉ đọc (being built)."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError


def register(app: typer.Typer) -> None:
    @app.command("serve-sparql", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        """(Chưa xây dựng) điểm truy cập SPARQL chỉ đọc."""
        raise NotBuiltYetError("lệnh 'serve-sparql' (điểm truy cập SPARQL chỉ đọc) chưa được xây dựng trong phiên bản này")
