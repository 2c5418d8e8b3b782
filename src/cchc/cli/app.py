"""The root ``cchc`` command: registers the command modules and turns errors into one line.

Every command is a few lines around a library call; domain errors (``CchcError``) become a
single Vietnamese line on stderr and the error's exit status, never a traceback.
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from cchc import __version__
from cchc.cli import agency, ask, compare, docs, draft, export, facts, ingest, lint, migrate, query, serve, synth, units, validate, web
from cchc.cli.console import err, error_line
from cchc.errors import CchcError


class _ReportingGroup(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CchcError as error:
            err.print(error_line(error), soft_wrap=True)
            raise typer.Exit(error.exit_code) from None

    def main(self, *args, **kwargs):
        """Usage mistakes as one Vietnamese line and exit 2, not Typer's English panel."""
        from typer._click import exceptions as click_errors

        from cchc.cli.usage import usage_line, vietnamese_panels, words

        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except click_errors.NoArgsIsHelpError as error:  # "cchc" alone: the help, as asked
            vietnamese_panels()
            typer.echo(error.ctx.get_help())
            sys.exit(error.exit_code)
        except click_errors.UsageError as error:
            err.print(usage_line(error), soft_wrap=True, highlight=False, markup=False)
            sys.exit(error.exit_code)
        except click_errors.ClickException as error:
            err.print(words()["error_prefix"] + error.format_message(), soft_wrap=True, highlight=False, markup=False)
            sys.exit(error.exit_code)
        except typer.Abort:
            err.print(words()["aborted"])
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)

    def get_help_option(self, ctx):
        from cchc.cli.usage import vietnamese_option

        return vietnamese_option(super().get_help_option(ctx))

    def get_command(self, ctx, name):
        from cchc.cli.usage import translate_help

        command = super().get_command(ctx, name)
        if command is not None:
            translate_help(command, ctx)
        return command


app = typer.Typer(
    cls=_ReportingGroup,
    help="cchc — đồ thị tri thức về văn bản cải cách hành chính: nạp, hỏi, soạn thảo, so sánh.",
    epilog=(
        "Mã thoát: 0 thành công; 1 lỗi dữ liệu hoặc văn bản có lỗi (lint, --strict); 2 dùng sai lệnh "
        "(thiếu tùy chọn, giá trị sai) hoặc tệp không đọc, ghi được; 3 lỗi kho đồ thị."
    ),
    no_args_is_help=True,
    add_completion=False,  # its options are English-only, and no user asked for shell completion
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


for module in (ingest, facts, query, ask, agency, export, validate, draft, compare, lint, serve, synth, units, migrate, web):
    module.register(app)
app.add_typer(docs.app, name="docs")


def main() -> None:
    app()


if __name__ == "__main__":  # python -m cchc.cli.app, as the entry point runs it
    main()
