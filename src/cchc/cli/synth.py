"""``cchc synth``: a deterministic synthetic corpus for scale tests (being built)."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError


def register(app: typer.Typer) -> None:
    @app.command("synth", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        """(Chưa xây dựng) Sinh bộ văn bản tổng hợp để đo hiệu năng."""
        raise NotBuiltYetError("lệnh 'synth' (sinh bộ văn bản tổng hợp) chưa được xây dựng trong phiên bản này")
