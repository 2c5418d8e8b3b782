"""``cchc draft``: soạn thảo văn bản theo Nghị định 30/2020/NĐ-CP (being built)."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError


def register(app: typer.Typer) -> None:
    @app.command("draft", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        """(Chưa xây dựng) soạn thảo văn bản theo Nghị định 30/2020/NĐ-CP."""
        raise NotBuiltYetError("lệnh 'draft' (soạn thảo văn bản theo Nghị định 30/2020/NĐ-CP) chưa được xây dựng trong phiên bản này")
