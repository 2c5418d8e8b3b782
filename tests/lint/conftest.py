"""Fixtures of the lint tests: the sample corpus linted once, and edited copies of samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cchc.lint import LintReport, lint_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
SAMPLES = {path.name[:3]: path for path in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="session")
def linted() -> dict[str, LintReport]:
    """Every sample linted at its own date: {"000": report, …}."""
    return {key: lint_file(path) for key, path in SAMPLES.items()}


@pytest.fixture(scope="session")
def samples() -> dict[str, Path]:
    return SAMPLES


@pytest.fixture
def edited(tmp_path: Path) -> Callable[..., Path]:
    """Make a copy of sample ``key`` with ``old`` replaced by ``new`` (which must be there)."""

    def edit(key: str, old: str, new: str, count: int = 1) -> Path:
        text = SAMPLES[key].read_text(encoding="utf-8")
        assert text.count(old) >= count, f"the sample no longer holds {old!r}"
        path = tmp_path / SAMPLES[key].name
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return path

    return edit
