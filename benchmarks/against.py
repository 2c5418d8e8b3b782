"""Ingest throughput of this tree against an earlier commit, in alternating runs.

    python benchmarks/against.py REV [--pairs 10] [--rounds 20]

Timings on a shared machine drift by up to a factor of two within minutes, so two figures
taken apart compare nothing. This checks REV out in a temporary worktree, lays its packages
out as ``pyproject.toml`` maps them (``cchc.graph`` = ``graph/`` …), and runs this tree's
``benchmarks/run.py`` on each version in turn, ``--pairs`` times; it prints each pair and
the median of the ratios (this tree / REV) of documents per CPU-second.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"
_RATE = re.compile(r"([\d.]+) documents per CPU-second")


def _layout(tree: Path, into: Path) -> None:
    """The packages of ``tree`` under ``into`` as the installed wheel would place them."""
    mapping = tomllib.loads((tree / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    for package, directory in sorted(mapping.items(), key=lambda item: item[0].count(".")):
        target = into.joinpath(*package.split("."))
        if package.count(".") == 0:
            shutil.copytree(tree / directory, target)
        else:
            if target.exists():
                shutil.rmtree(target)
            target.symlink_to(tree / directory, target_is_directory=True)


# The other version's packages only: the editable install's finder would otherwise supply
# this tree's modules that the other version lacks (it would settle as this tree does).
_ONLY_PYTHONPATH = (
    "import runpy, sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, '__module__', '').startswith('__editable__')]; "
    "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
)


def _rate(cwd: Path, path: Path | None, rounds: int) -> float:
    env = dict(os.environ)
    command = [sys.executable, str(RUN), str(rounds)]
    if path is not None:
        env["PYTHONPATH"] = str(path)
        command = [sys.executable, "-c", _ONLY_PYTHONPATH, str(RUN), str(rounds)]
    out = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout
    return float(_RATE.search(out).group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev")
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        worktree, packages = Path(tmp) / "tree", Path(tmp) / "packages"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.rev], check=True, capture_output=True)
        try:
            packages.mkdir()
            _layout(worktree, packages)
            ratios = []
            for _ in range(args.pairs):
                here, there = _rate(ROOT, None, args.rounds), _rate(worktree, packages, args.rounds)
                ratios.append(here / there)
                print(f"this tree {here:5.1f}   {args.rev} {there:5.1f}   ratio {here / there:.3f}", flush=True)
            print(f"median ratio {statistics.median(ratios):.3f} over {len(ratios)} pairs (documents per CPU-second)")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False, capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
