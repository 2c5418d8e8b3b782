"""Commands that later work will build: they exist so users find them, and say so plainly."""

from __future__ import annotations

import typer

from cchc.errors import NotBuiltYetError

PLANNED = {
}


def _planned(name: str, what: str):
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:
        raise NotBuiltYetError(f"lệnh '{name}' ({what}) chưa được xây dựng trong phiên bản này")

    command.__doc__ = f"(Chưa xây dựng) {what[0].upper()}{what[1:]}."
    return command


def register(app: typer.Typer) -> None:
    for name, what in PLANNED.items():
        app.command(name, context_settings={"ignore_unknown_options": True, "allow_extra_args": True})(_planned(name, what))
