"""Usage errors and the help option in Vietnamese, each error on one line.

Typer prints a usage mistake ("Missing option '--unit'") as an English panel of several
lines; a civil servant should read one Vietnamese line naming the option and where to
look, with exit status 2 (documented in ``cchc --help``). The words are data
(``usage_messages.json``); this module only reads the exception's fields.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from typer._click import exceptions as click_errors


@cache
def words() -> dict[str, Any]:
    from cchc.resources import read_text

    return json.loads(read_text("cchc.cli", "usage_messages.json"))


def _hint(error: click_errors.UsageError) -> str:
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint:
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint).strip("'\"")
    if param is None:
        return ""
    opts = getattr(param, "opts", None) or []
    longest = max(opts, key=len) if opts else ""
    if getattr(param, "param_type_name", "") == "argument":
        return (getattr(param, "metavar", None) or param.name or "").upper()
    return longest or (param.name or "")


def _english(text: str) -> str:
    """A fixed English message of the library in Vietnamese; unknown text unchanged."""
    text = text.strip()
    for pattern, vietnamese in words()["english"]:
        match = re.match(pattern, text)
        if match:
            found = {key: (_english(value) if key == "rest" else value) for key, value in match.groupdict().items()}
            return vietnamese.format(**found)
    return text


def usage_line(error: click_errors.UsageError) -> str:
    """One Vietnamese line for a usage mistake, naming where the help is."""
    w = words()
    name = _hint(error)
    if isinstance(error, click_errors.MissingParameter):
        kind = error.param_type or getattr(error.param, "param_type_name", "option")
        message = w["missing_argument" if kind == "argument" else "missing_option"].format(name=name)
    elif isinstance(error, click_errors.NoSuchOption):
        message = w["no_such_option"].format(name=error.option_name)
        if error.possibilities:
            message += "; " + w["did_you_mean"].format(names=", ".join(sorted(error.possibilities)))
    elif isinstance(error, click_errors.BadParameter):
        detail = _english(error.message)
        message = w["bad_value"].format(name=name, value=detail) if name else detail
    else:
        text = error.message.strip()
        missing = re.match(r"^No such command '(?P<name>[^']*)'\.?$", text)
        if missing:
            message = w["no_such_command"].format(name=missing.group("name"))
        elif text.startswith("Missing command"):
            message = w["missing_command"]
        else:
            message = _english(text)
    path = error.ctx.command_path.split(" ")[1:] if error.ctx is not None else []
    command = " ".join(["cchc", *path])  # the program as the user types it, however it was started
    return f"{w['error_prefix']}{message} ({w['see_help'].format(command=command)})"


@cache
def vietnamese_panels() -> None:
    """Typer's help panels ("Options", "[required]") in Vietnamese: they are module
    constants of ``typer.rich_utils``, read when help is drawn, and Typer offers no other
    way to name them. Done once, when help is first drawn (``rich_utils`` is not loaded
    for a command that only runs)."""
    from typer import rich_utils

    for name, text in words()["help_panels"].items():
        setattr(rich_utils, name, text)


def vietnamese_option(option: Any) -> Any:
    """The help option saying its line in Vietnamese, and drawing the panels so."""
    if option is None or getattr(option, "_cchc_vietnamese", False):
        return option
    option.help = words()["help_option"]
    shows_help = option.callback

    def show(ctx: Any, param: Any, value: bool) -> Any:
        if value:
            vietnamese_panels()
        return shows_help(ctx, param, value) if shows_help else None

    option.callback = show
    option._cchc_vietnamese = True
    return option


def translate_help(command: Any, ctx: Any) -> None:
    """The help option of ``command`` (and of a group's commands) in Vietnamese."""
    vietnamese_option(command.get_help_option(ctx))
    for child in (getattr(command, "commands", None) or {}).values():
        translate_help(child, ctx)
