"""A small synthetic corpus, written once per session, and the scorer the gold is for."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from synth_support import SCORER, SEED, UNITS, manifest

from cchc.synth.corpus import Options, write_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six units (two of each level) of seed 1, perturbed as by default."""
    out = tmp_path_factory.mktemp("synth") / "corpus"
    write_corpus(out, Options(units=UNITS, seed=SEED))
    return out


@pytest.fixture(scope="session")
def rows(corpus: Path) -> list[dict]:
    return manifest(corpus)


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """../shared/eval/score.py as a module (standard library only)."""
    if not SCORER.is_file():
        pytest.skip(f"the scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("cchc_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
