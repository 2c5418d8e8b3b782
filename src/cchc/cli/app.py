"""The root ``cchc`` command: registers the command modules and turns errors into one line.

Every command is a few lines around a library call; domain errors (``CchcError``) become a
single Vietnamese line on stderr and the error's exit status, never a traceback.
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from cchc import __version__
from cchc.cli import agency, ask, compare, docs, draft, export, facts, ingest, lint, migrate, query, serve, synth, units, validate
from cchc.cli.console import err, error_line
from cchc.errors import CchcError


class _ReportingGroup(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CchcError as error:
            err.print(error_line(error), soft_wrap=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=_ReportingGroup,
    help="cchc — đồ thị tri thức về văn bản cải cách hành chính: nạp, hỏi, soạn thảo, so sánh.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cchc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
) -> None:
    """cchc — đồ thị tri thức về văn bản cải cách hành chính."""


for module in (ingest, facts, query, ask, agency, export, validate, draft, compare, lint, serve, synth, units, migrate):
    module.register(app)
app.add_typer(docs.app, name="docs")


def main() -> None:
    app()
