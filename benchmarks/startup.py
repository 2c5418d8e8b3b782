"""Start-up time of ``cchc`` commands, as whole processes beside a bare ``python -c pass``.

Every command used to pay for importing every library the CLI can use (pyshacl, owlready2,
rdflib's SPARQL engine, the gazetteer, openpyxl, python-docx, icalendar …) before doing a
few milliseconds of work. This script keeps that from creeping back: it times each command
with ``/usr/bin/time -f %e`` (the way a person feels it: interpreter, imports, work, exit),
takes the median of several runs, and divides by the median of ``python -c pass`` measured
in the same run, so the ratio holds across machines of different speed.

Run from the checkout: ``.venv/bin/python benchmarks/startup.py [--runs 5] [--store /tmp/st]``.
The store is built from ``examples/corpus`` when it does not exist yet. Exit status 1 when a
command with a bar misses it.

Each command runs once before it is timed, and ``PYTHONDONTWRITEBYTECODE`` is dropped from
its environment, so the package's modules load from cached bytecode as an installed wheel's
do (an editable checkout under that variable would otherwise recompile every module on
every run); ``--no-bytecode`` keeps the variable. ``--cchc`` times another command line,
e.g. an older checkout: ``--cchc "env PYTHONPATH=/tmp/old .venv/bin/cchc"``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    bar: float | None  # allowed multiple of bare start-up; None: measured, not judged


def cases(cchc: list[str], store: Path, scratch: Path) -> list[Case]:
    return [
        Case("cchc --help", [*cchc, "--help"], 5.0),
        Case('cchc who-leads "thể chế"', [*cchc, "who-leads", "thể chế", "--store", str(store)], 10.0),
        Case('cchc matrix --unit "Chợ Mới"', [*cchc, "matrix", "--unit", "Chợ Mới", "--store", str(store)], None),
        Case("cchc lint 002_….txt", [*cchc, "lint", "examples/corpus/002_e8832a6717c418ce.txt"], None),
        Case(
            "cchc draft ke-hoach",
            [*cchc, "draft", "ke-hoach", "--profile", "examples/profiles/xa-tan-phu.yaml", "--out", str(scratch / "x.docx")],
            None,
        ),
    ]


def elapsed(argv: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of one process, as ``/usr/bin/time -f %e`` reports them."""
    done = subprocess.run([TIME, "-f", "%e", *argv], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # time's line is the last one on stderr; the command's own diagnostics come before it
    return float(done.stderr.strip().splitlines()[-1])


def median_of(argv: list[str], runs: int, env: dict[str, str]) -> float:
    elapsed(argv, env)  # warm-up: bytecode written, files in the page cache
    return statistics.median(elapsed(argv, env) for _ in range(runs))


def ensure_store(store: Path) -> None:
    """The store the query commands read: the example corpus, built once."""
    if store.exists():
        return
    subprocess.run([str(BIN / "cchc"), "ingest", "examples/corpus", "--store", str(store)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command; the median is kept")
    parser.add_argument("--store", type=Path, default=Path("/tmp/st"), help="embedded store with examples/corpus ingested")
    parser.add_argument("--cchc", default=str(BIN / "cchc"), help="the command line to time (default: this environment's cchc)")
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE: recompile modules on every run")
    args = parser.parse_args()
    if not Path(TIME).exists() or shutil.which(str(BIN / "cchc")) is None:
        print(f"needs {TIME} and {BIN / 'cchc'}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    ensure_store(args.store)
    with tempfile.TemporaryDirectory() as scratch:
        bare = median_of([sys.executable, "-c", "pass"], args.runs, env)
        rows = []
        failed = False
        for case in cases(shlex.split(args.cchc), args.store, Path(scratch)):
            seconds = median_of(case.argv, args.runs, env)
            ratio = seconds / bare if bare > 0 else float("inf")
            verdict = "—" if case.bar is None else ("pass" if ratio <= case.bar else "FAIL")
            failed = failed or verdict == "FAIL"
            rows.append((case.name, f"{seconds:.2f}", f"{ratio:.1f}×", "—" if case.bar is None else f"≤ {case.bar:g}×", verdict))
    header = ("command", "median s", "ratio", "bar", "result")
    rows.insert(0, ("python -c pass", f"{bare:.2f}", "1.0×", "—", "—"))
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
