"""Shared fixtures of the drafting tests: the example profiles, drafts and a sample store."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.generators.builders import KINDS
from cchc.generators.drafting import make_draft
from cchc.generators.profile import load_profile
from cchc.generators.render_docx import render_docx

ROOT = Path(__file__).resolve().parents[2]
PROFILES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))
CORPUS = ROOT / "examples" / "corpus"
OUT = ROOT / "out"


@pytest.fixture(scope="session")
def profiles():
    return {path.stem: load_profile(path) for path in PROFILES}


@pytest.fixture(scope="session")
def drafted(profiles, tmp_path_factory):
    """Every KIND for every example profile, as .docx files (default content)."""
    folder = tmp_path_factory.mktemp("drafts")
    made = {}
    for name, profile in profiles.items():
        for kind in KINDS:
            draft = make_draft(kind, profile)
            path = folder / f"{name}-{kind}.docx"
            path.write_bytes(render_docx(draft.documents))
            made[(name, kind)] = (draft, path)
    return made


@pytest.fixture(scope="module")
def corpus_store(sample_store):
    """An embedded store holding the five sample regulations (the module's copy), open."""
    from cchc.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(sample_store)
    yield store
    store.close()
