"""Helpers of the synthetic-corpus tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

import json
from pathlib import Path

from cchc.synth.corpus import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
UNITS, SEED = 6, 1


def manifest(out: Path) -> list[dict]:
    """The corpus's manifest rows, in corpus order."""
    return [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines() if line.strip()]
