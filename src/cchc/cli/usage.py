"""Usage errors and the help option in Vietnamese, each error on one line.

Typer prints a usage mistake ("Missing option '--unit'") as an English panel of several
lines; a civil servant should read one Vietnamese line naming the option and where to
look, with exit status 2 (documented in ``cchc --help``). The words are data
(``usage_messages.json``); this module only reads the exception's fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from typer._click import Command, Context, HelpFormatter
from typer._click import exceptions as click_errors
from typer.core import TyperGroup


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


class VietnameseHelpFormatter(HelpFormatter):
    """Click's plain help in Vietnamese: its usage prefix, section names and the
    "[default: …; required]" notes and the help option's line are English literals written by the formatter, so the
    formatter is where they are translated (Typer's rich panels would do the same at the
    price of importing rich's Markdown stack, 70 ms, on every ``--help``)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, words()["help"]["usage_prefix"] if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(words()["help"]["sections"].get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        texts = words()["help"]["texts"]
        super().write_dl([(term, _notes_in_vietnamese(texts.get(text, text))) for term, text in rows], col_max, col_spacing)


def _notes_in_vietnamese(text: str) -> str:
    match = re.search(r"\[([^\[\]]*)\]$", text)
    if match is None:
        return text
    notes = []
    for note in match.group(1).split("; "):
        for pattern, vietnamese in words()["help"]["extras"]:
            found = re.match(pattern, note)
            if found:
                note = vietnamese.format(**found.groupdict())
                break
        notes.append(note)
    return f"{text[: match.start()]}[{'; '.join(notes)}]"


class VietnameseContext(Context):
    formatter_class = VietnameseHelpFormatter


def speak_vietnamese(command: Command) -> None:
    """``command`` (and a group's commands) drawing its help in Vietnamese: the formatter
    and the usage line's placeholders."""
    w = words()["help"]
    command.context_class = VietnameseContext
    command.options_metavar = w["options_metavar"]
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = w["subcommand_metavar"]
        for child in command.commands.values():
            speak_vietnamese(child)
