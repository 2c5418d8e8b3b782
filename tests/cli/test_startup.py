"""Start-up stays cheap: a command imports only what it uses.

Every ``cchc`` command once waited a second or more before doing a few milliseconds of
work, because registering the commands imported pyshacl, owlready2, rdflib's SPARQL
engine, the gazetteer, openpyxl, python-docx and icalendar. These tests run the CLI in a
fresh interpreter (this one has imported everything long ago) and look at ``sys.modules``
afterwards; they assert what is loaded, never how long it took (timings are
``benchmarks/startup.py``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "corpus" / "003_9a23d4ea0e0477f2.txt"

# What no command needs just to start, nor to print its help.
HEAVY = ("pyshacl", "owlready2", "openpyxl", "docx", "icalendar", "rdflib.plugins.sparql", "vietnam_provinces")
# What a question to the store (``cchc who-leads``) never needs: validation, reasoning, files to write.
NOT_FOR_QUERIES = ("pyshacl", "owlready2", "openpyxl", "docx", "icalendar")


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (which may exit)."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import json as _json, sys as _sys
        _sys.__stdout__.write("\\nMODULES " + _json.dumps(sorted(_sys.modules)) + "\\n")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def heavy_among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


def run_cli(*args: str) -> str:
    """Run ``cchc ARGS`` in the subprocess, as the entry point does, keeping it alive afterwards."""
    return f"""
        import contextlib, io, sys
        from cchc.cli.app import main
        sys.argv = ["cchc", *{list(args)!r}]
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main()
            except SystemExit as done:
                assert done.code in (0, None), done.code
        """


def test_importing_the_app_loads_no_heavy_library() -> None:
    assert heavy_among(loaded_after("import cchc.cli.app"), HEAVY) == []


def test_help_loads_no_heavy_library() -> None:
    assert heavy_among(loaded_after(run_cli("--help")), HEAVY) == []


def test_every_command_help_loads_no_heavy_library() -> None:
    """Option types and enums (draft kinds, formats, defaults) stay importable without the libraries."""
    code = """
        import contextlib, io, sys
        import typer
        from cchc.cli.app import app

        def paths(command, prefix=()):
            for name, sub in getattr(command, "commands", {}).items():
                yield (*prefix, name)
                yield from paths(sub, (*prefix, name))

        for path in list(paths(typer.main.get_command(app))):
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    app([*path, "--help"], prog_name="cchc")
                except SystemExit as done:
                    assert done.code in (0, None), (path, done.code)
        """
    assert heavy_among(loaded_after(code), HEAVY) == []


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    directory = str(tmp_path_factory.mktemp("startup") / "store")
    result = CliRunner().invoke(app, ["ingest", "--store", directory, str(PLAN)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return directory


def test_who_leads_loads_neither_validation_nor_writers(store: str) -> None:
    modules = loaded_after(run_cli("who-leads", "thể chế", "--store", store))
    assert "pyoxigraph" in modules  # it did query the store
    assert heavy_among(modules, NOT_FOR_QUERIES) == []
