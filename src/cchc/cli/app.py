"""The root ``cchc`` command: finds the command asked for and turns errors into one line.

Every command is a few lines around a library call; domain errors (``CchcError``) become a
single Vietnamese line on stderr and the error's exit status, never a traceback.

The commands are listed in ``commands.json`` and built only when asked for: importing
every command module and turning all twenty of them into click commands cost more than
a whole ``cchc who-leads`` answer does, on every start.
"""

from __future__ import annotations

import importlib
import json
import sys
from functools import cache
from typing import Any

import typer
from typer._click import Command, Context, HelpFormatter
from typer._click.utils import make_default_short_help
from typer.core import TyperGroup

from cchc import __version__
from cchc.cli.usage import speak_vietnamese
from cchc.errors import CchcError


@cache
def _table() -> dict[str, dict[str, str]]:
    from cchc.resources import read_text

    entries = json.loads(read_text("cchc.cli", "commands.json"))
    return {name: entry for name, entry in entries.items() if not name.startswith("_")}


@cache
def _built(name: str) -> Command:
    """The click command ``name``, from the one module that registers it."""
    holder = typer.Typer(rich_markup_mode=None, add_completion=False)
    importlib.import_module(_table()[name]["module"]).register(holder)
    command = typer.main.get_group(holder).commands[name]
    speak_vietnamese(command)
    return command


class _ReportingGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        speak_vietnamese(self)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CchcError as error:
            from cchc.cli.console import err, error_line

            err.print(error_line(error), soft_wrap=True)
            raise typer.Exit(error.exit_code) from None

    def main(self, *args, **kwargs):
        """Usage mistakes as one Vietnamese line and exit 2, not Typer's English panel."""
        from typer._click import exceptions as click_errors

        from cchc.cli.usage import usage_line, words

        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except click_errors.NoArgsIsHelpError as error:  # "cchc" alone: the help, as asked
            typer.echo(error.ctx.get_help())
            sys.exit(error.exit_code)
        except click_errors.UsageError as error:
            _say(usage_line(error))
            sys.exit(error.exit_code)
        except click_errors.ClickException as error:
            _say(words()["error_prefix"] + error.format_message())
            sys.exit(error.exit_code)
        except typer.Abort:
            _say(words()["aborted"])
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)

    def list_commands(self, ctx: Context) -> list[str]:
        return list(_table())

    def get_command(self, ctx: Context, name: str) -> Command | None:
        return _built(name) if name in _table() else None

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The list of commands from the table, so that ``cchc --help`` builds none of them."""
        limit = formatter.width - 6 - max(len(name) for name in _table())
        rows = [(name, make_default_short_help(entry["help"], limit)) for name, entry in _table().items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _say(line: str) -> None:
    """One line on stderr, as written (the console, and rich, load only when there is one)."""
    from cchc.cli.console import err

    err.print(line, soft_wrap=True, highlight=False, markup=False)


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
    rich_markup_mode=None,  # click's plain help: Typer's rich panels import 70 ms of Markdown
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


def main() -> None:
    app()


if __name__ == "__main__":  # python -m cchc.cli.app, as the entry point runs it
    main()
