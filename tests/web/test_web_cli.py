"""``cchc web`` refuses to open the workbench to the network without a token."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _cchc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "cchc"), *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("extra", [[], ["--allow-remote"], ["--token", "T"]])
def test_remote_host_needs_allow_remote_and_token(sample_store: Path, extra: list[str]) -> None:
    shown = _cchc("web", "--store", str(sample_store), "--host", "0.0.0.0", *extra)
    assert shown.returncode == 2
    assert "--allow-remote" in shown.stderr and "--token" in shown.stderr


def test_help_is_vietnamese() -> None:
    shown = _cchc("web", "--help")
    assert shown.returncode == 0 and "giao diện web" in shown.stdout.lower()
