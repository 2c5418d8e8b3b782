"""``cchc lint``: kiểm tra lỗi của văn bản (being built)."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError


def register(app: typer.Typer) -> None:
    @app.command("lint", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        """(Chưa xây dựng) kiểm tra lỗi của văn bản."""
        raise NotBuiltYetError("lệnh 'lint' (kiểm tra lỗi của văn bản) chưa được xây dựng trong phiên bản này")
