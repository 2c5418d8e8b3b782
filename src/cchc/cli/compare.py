"""``cchc compare``: so sánh quy chế giữa các đơn vị (being built)."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError


def register(app: typer.Typer) -> None:
    @app.command("compare", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        """(Chưa xây dựng) so sánh quy chế giữa các đơn vị."""
        raise NotBuiltYetError("lệnh 'compare' (so sánh quy chế giữa các đơn vị) chưa được xây dựng trong phiên bản này")
