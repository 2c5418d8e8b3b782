"""The command table (``commands.json``) that lets ``cchc`` build only the command it runs.

``cchc --help`` lists the commands from the table without importing them, so the table
must say what each command says of itself, name the module that registers it, and list
every command there is.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from cchc.cli.app import app

TABLE = json.loads((Path(__file__).resolve().parents[2] / "src" / "cchc" / "cli" / "commands.json").read_text(encoding="utf-8"))
ENTRIES = {name: entry for name, entry in TABLE.items() if not name.startswith("_")}


def test_each_entry_is_its_command_as_registered_by_its_module() -> None:
    for name, entry in ENTRIES.items():
        holder = typer.Typer()
        importlib.import_module(entry["module"]).register(holder)
        built = typer.main.get_group(holder).commands
        assert name in built, f"{entry['module']} registers no command {name!r}"
        assert built[name].get_short_help_str(10**6) == entry["help"], name


def test_no_command_module_is_left_out_of_the_table() -> None:
    folder = Path(importlib.import_module("cchc.cli").__file__).parent  # type: ignore[arg-type]
    registering = {f"cchc.cli.{path.stem}" for path in folder.glob("*.py") if "\ndef register(" in path.read_text(encoding="utf-8")}
    assert registering == {entry["module"] for entry in ENTRIES.values()}


def test_the_root_help_lists_the_table_in_order() -> None:
    shown = CliRunner().invoke(app, ["--help"]).stdout
    listed = [line.split()[0] for line in shown.split("Lệnh:\n", 1)[1].splitlines() if line.startswith("  ") and not line.startswith("   ")]
    assert listed[: len(ENTRIES)] == list(ENTRIES)


def test_an_unknown_command_is_not_looked_for_in_the_table_keys_that_are_comments() -> None:
    result = CliRunner().invoke(app, ["_comment"])
    assert result.exit_code == 2 and "không có lệnh '_comment'" in result.stderr
